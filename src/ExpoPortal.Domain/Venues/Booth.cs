using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;

namespace ExpoPortal.Domain.Venues;

/// <summary>Where a booth sits on its hall's floor-plan grid (cells, top-left origin).</summary>
public sealed record FloorPosition(int X, int Y, int Width, int Height);

/// <summary>A booth on the floor plan. Its tables are where one-to-one meetings happen.</summary>
public sealed class Booth
{
    private Booth() { } // EF

    public Booth(Hall hall, string code, int sizeSquareMeters, FloorPosition position, int meetingTables, string zone)
    {
        if (!Fits(position, hall))
            throw new DomainException($"Booth {code} does not fit on the floor plan of hall {hall.Code}.");
        Hall = hall;
        Event = hall.Event;
        Code = Guard.NotBlank(code, "Booth code", 16).ToUpperInvariant();
        SizeSquareMeters = Guard.Positive(sizeSquareMeters, "Booth size");
        Position = position;
        MeetingTables = meetingTables is >= MinTables and <= MaxTables ? meetingTables : throw new DomainException("A booth has 1 to 20 meeting tables.");
        Zone = Guard.NotBlank(zone, "Zone", 60);
    }

    public const int MinTables = 1;
    public const int MaxTables = 20;

    /// <summary>Inside the hall's grid, with a positive width and height.</summary>
    public static bool Fits(FloorPosition position, Hall hall) =>
        position.X >= 0 && position.Y >= 0 && position.Width > 0 && position.Height > 0
        && position.X + position.Width <= hall.Columns && position.Y + position.Height <= hall.Rows;

    /// <summary>True when the two rectangles share at least one cell (touching edges do not overlap).</summary>
    public static bool Overlap(FloorPosition a, FloorPosition b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    /// <summary>Moves, resizes and re-labels the booth in its hall; overlap with other booths is checked by the caller, who sees them.</summary>
    public void Reshape(FloorPosition position, int meetingTables, string zone, int sizeSquareMeters)
    {
        if (!Fits(position, Hall))
            throw new DomainException($"Booth {Code} does not fit on the floor plan of hall {Hall.Code}.");
        if (meetingTables is < MinTables or > MaxTables) throw new DomainException("A booth has 1 to 20 meeting tables.");
        Position = position;
        MeetingTables = meetingTables;
        Zone = Guard.NotBlank(zone, "Zone", 60);
        SizeSquareMeters = Guard.Positive(sizeSquareMeters, "Booth size");
    }

    public int Id { get; private set; }

    /// <summary>Copied from the hall so the database can tie an exhibitor's booth to the exhibitor's own event.</summary>
    public int EventId { get; private set; }
    public Event Event { get; private set; } = null!;
    public int HallId { get; private set; }
    public Hall Hall { get; private set; } = null!;

    /// <summary>Code printed on the floor plan and the directory book, e.g. "A-12".</summary>
    public string Code { get; private set; } = null!;
    public int SizeSquareMeters { get; private set; }
    public FloorPosition Position { get; private set; } = null!;
    public int MeetingTables { get; private set; }

    /// <summary>Zone or category label of the floor plan, e.g. "Agri-food".</summary>
    public string Zone { get; private set; } = null!;
}
