using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Booths;

/// <summary>Where a booth goes and what it holds. With no size given, a booth gets 2.25 m² per grid cell (1.5 m × 1.5 m).</summary>
public sealed record BoothShape(int X, int Y, int Width, int Height, int Tables, string Zone, int? SizeSquareMeters = null);

/// <summary>A new booth: its code and hall, and its shape.</summary>
public sealed record NewBooth(string Code, string Hall, int X, int Y, int Width, int Height, int Tables, string Zone, int? SizeSquareMeters = null)
{
    public BoothShape Shape => new(X, Y, Width, Height, Tables, Zone, SizeSquareMeters);
}

/// <summary>
/// Adds, moves and resizes booths, and sets their tables and zone: inside the hall, overlapping no other booth,
/// 1 to 20 tables, and never fewer tables than the booth's meetings already use.
/// </summary>
/// <remarks>
/// The overlap check is in C# only: two organizers moving two booths onto the same cells at the same instant could
/// both pass it. A PostgreSQL exclusion constraint on a box column would close that gap; it needs a migration.
/// </remarks>
public sealed class BoothEditing(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly Error InvalidTables = Error.Validation("invalid_tables", "A booth has 1 to 20 meeting tables.");
    public static readonly Error OutsideHall = Error.Validation("booth_outside_hall", "The booth must lie inside its hall.");
    public static readonly Error ZoneRequired = Error.Validation("zone_required", "Give the booth a zone.");
    public static readonly Error InvalidCode = Error.Validation("invalid_booth_code", "A booth code has 1 to 16 letters, digits or dashes.");
    public static readonly Error CodeTaken = Error.Conflict("booth_code_taken", "Another booth already has that code.");

    public static Error Overlaps(IReadOnlyList<string> codes) =>
        Error.Validation("booth_overlap", $"The booth would overlap {string.Join(", ", codes)}.") with { Details = codes };

    public static Error TablesInUse(int used) =>
        Error.Validation("tables_in_use", $"Meetings already use table {used} of this booth.") with { Details = new[] { used.ToString() } };

    public async Task<Result<BoothSummary>> AddAsync(Actor actor, int eventId, NewBooth booth, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return BoothAssignment.NotOrganizer;
        var code = BoothAssignment.Normalize(booth.Code);
        if (code.Length is 0 or > 16 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return InvalidCode;
        await using var db = await dbFactory.CreateAsync(ct);
        var hallCode = BoothAssignment.Normalize(booth.Hall);
        var hall = await db.Halls.Include(h => h.Event).FirstOrDefaultAsync(h => h.EventId == eventId && h.Code == hallCode, ct);
        if (hall is null) return Error.NotFound("hall_not_found", $"No hall '{hallCode}' in this event.");
        if (await db.Booths.AnyAsync(b => b.EventId == eventId && b.Code == code, ct)) return CodeTaken;
        var shape = booth.Shape;
        if (await CheckAsync(db, hall, shape, ignoreBoothId: null, ct) is { } invalid) return invalid;

        var added = new Booth(hall, code, SizeOf(shape), Position(shape), shape.Tables, shape.Zone.Trim());
        db.Booths.Add(added);
        db.Audit(actor, eventId, AuditActions.BoothAdded, $"booth:{code}", null, new { hall = hall.Code, shape }, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConstraintViolationException)
        {
            return CodeTaken; // the unique index on (event, code): someone added it just now
        }
        return new BoothSummary(added.Code, hall.Code, added.Zone, added.MeetingTables, null);
    }

    public async Task<Result<BoothSummary>> UpdateAsync(Actor actor, int eventId, string boothCode, BoothShape shape, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return BoothAssignment.NotOrganizer;
        var code = BoothAssignment.Normalize(boothCode);
        await using var db = await dbFactory.CreateAsync(ct);
        var booth = await db.Booths.Include(b => b.Hall).FirstOrDefaultAsync(b => b.EventId == eventId && b.Code == code, ct);
        if (booth is null) return BoothAssignment.BoothNotFound(code);
        if (await CheckAsync(db, booth.Hall, shape, booth.Id, ct) is { } invalid) return invalid;

        var holder = await db.Exhibitors.AsNoTracking().Where(x => x.BoothId == booth.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        if (holder is { } exhibitorId && shape.Tables < booth.MeetingTables)
        {
            var used = await db.Meetings.Where(m => m.ExhibitorId == exhibitorId && m.TableNumber > shape.Tables && MeetingStatuses.HoldingSlot.Contains(m.Status))
                .MaxAsync(m => (int?)m.TableNumber, ct);
            if (used is { } table) return TablesInUse(table);
        }
        // A resize without a size given scales the booth's area with its cells.
        var size = shape.SizeSquareMeters ?? (shape.Width * shape.Height == booth.Position.Width * booth.Position.Height
            ? booth.SizeSquareMeters
            : Math.Max(1, booth.SizeSquareMeters * shape.Width * shape.Height / (booth.Position.Width * booth.Position.Height)));
        var before = new { booth.Position.X, booth.Position.Y, booth.Position.Width, booth.Position.Height, Tables = booth.MeetingTables, booth.Zone, booth.SizeSquareMeters };
        booth.Reshape(Position(shape), shape.Tables, shape.Zone.Trim(), size);
        db.Audit(actor, eventId, AuditActions.BoothChanged, $"booth:{code}", before, new { shape.X, shape.Y, shape.Width, shape.Height, shape.Tables, shape.Zone, SizeSquareMeters = size }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new BoothSummary(booth.Code, booth.Hall.Code, booth.Zone, booth.MeetingTables, holder);
    }

    private static async Task<Error?> CheckAsync(IAppDbContext db, Hall hall, BoothShape shape, int? ignoreBoothId, CancellationToken ct)
    {
        if (shape.Tables is < Booth.MinTables or > Booth.MaxTables) return InvalidTables;
        if (string.IsNullOrWhiteSpace(shape.Zone) || shape.Zone.Trim().Length > 60) return ZoneRequired;
        if (shape.SizeSquareMeters is <= 0) return Error.Validation("invalid_size", "A booth's size is a positive number of m².");
        var position = Position(shape);
        if (!Booth.Fits(position, hall)) return OutsideHall;
        var others = await db.Booths.AsNoTracking().Where(b => b.HallId == hall.Id && b.Id != ignoreBoothId)
            .Select(b => new { b.Code, b.Position }).ToListAsync(ct);
        var overlapping = others.Where(o => Booth.Overlap(o.Position, position)).Select(o => o.Code).Order(StringComparer.Ordinal).ToList();
        return overlapping.Count > 0 ? Overlaps(overlapping) : null;
    }

    private static FloorPosition Position(BoothShape s) => new(s.X, s.Y, s.Width, s.Height);

    private static int SizeOf(BoothShape s) => s.SizeSquareMeters ?? Math.Max(1, (int)Math.Round(s.Width * s.Height * 2.25));
}
