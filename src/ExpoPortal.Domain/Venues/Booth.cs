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
        if (position.X < 0 || position.Y < 0 || position.Width <= 0 || position.Height <= 0
            || position.X + position.Width > hall.Columns || position.Y + position.Height > hall.Rows)
            throw new DomainException($"Booth {code} does not fit on the floor plan of hall {hall.Code}.");
        Hall = hall;
        Event = hall.Event;
        Code = Guard.NotBlank(code, "Booth code", 16).ToUpperInvariant();
        SizeSquareMeters = Guard.Positive(sizeSquareMeters, "Booth size");
        Position = position;
        MeetingTables = meetingTables is >= 1 and <= 20 ? meetingTables : throw new DomainException("A booth has 1 to 20 meeting tables.");
        Zone = Guard.NotBlank(zone, "Zone", 60);
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
