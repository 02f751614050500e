using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Booths;

/// <summary>A booth as the API shows it: <c>GET /api/events/{slug}/booths</c>.</summary>
public sealed record BoothSummary(string Code, string Hall, string Zone, int Tables, int? ExhibitorId);

/// <summary>A booth as the floor plan draws it: position and size on its hall's grid, and who holds it.</summary>
public sealed record FloorBooth(
    string Code, string Zone, int X, int Y, int Width, int Height, int SizeSquareMeters, int Tables,
    int? ExhibitorId, LocalizedText? Exhibitor, Industry? Industry, bool HostRegion);

public sealed record FloorHall(string Code, LocalizedText Name, int Columns, int Rows, IReadOnlyList<FloorBooth> Booths);

/// <summary>An exhibitor without a booth, for the "assign" list and the auto-assign.</summary>
public sealed record ExhibitorWithoutBooth(int Id, LocalizedText Name, Industry Industry, CompanySize Size, string? ProvinceCode, bool HostRegion);

public sealed record FloorPlan(IReadOnlyList<FloorHall> Halls, IReadOnlyList<ExhibitorWithoutBooth> WithoutBooth, string HostProvinceCode);

/// <summary>
/// Who holds which booth: assign, unassign, swap. Organizers only, checked here as well as by the route policy,
/// because Blazor circuit events never pass the HTTP middleware. The unique index on exhibitors.booth_id is the
/// final guard; C# checks give the precise message.
/// </summary>
public sealed class BoothAssignment(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly Error NotOrganizer = Error.Forbidden("organizers_only", "Only organizers assign booths.");
    public static readonly Error BoothTaken = Error.Conflict("booth_taken", "That booth already has an exhibitor.");
    public static readonly Error ExhibitorHasBooth = Error.Conflict("exhibitor_has_booth", "That exhibitor already has a booth.");
    public static readonly Error ChangedMeanwhile = Error.Conflict("assignment_changed", "Someone changed these booths at the same time. Reload and try again.");
    public static readonly Error SameBooth = Error.Validation("same_booth", "Choose two different booths to swap.");
    public static readonly Error BothFree = Error.Validation("both_booths_free", "Both booths are free: there is nothing to swap.");

    public static Error HasMeetings(int count) => Error.Conflict("exhibitor_has_meetings",
        $"The exhibitor has {count} meetings at this booth; cancel or move them before freeing it.");

    public static Error TablesInUse(string code, int table) => Error.Validation("tables_in_use",
        $"Meetings use table {table}, which booth {code} does not have.") with { Details = new[] { code } };

    public static Error BoothNotFound(string code) => Error.NotFound("booth_not_found", $"No booth '{code}' in this event.");
    public static Error ExhibitorNotFound(int id) => Error.NotFound("exhibitor_not_found", $"Exhibitor {id} is not part of this event.");

    public async Task<Result<IReadOnlyList<BoothSummary>>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await (from b in db.Booths.AsNoTracking()
                          where b.EventId == eventId
                          join x in db.Exhibitors on b.Id equals x.BoothId into held
                          from x in held.DefaultIfEmpty()
                          orderby b.Hall.Code, b.Code.Length, b.Code
                          select new BoothSummary(b.Code, b.Hall.Code, b.Zone, b.MeetingTables, x != null ? x.Id : null))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>Every hall with its booths, and the exhibitors still without a booth.</summary>
    public async Task<Result<FloorPlan>> FloorPlanAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        await using var db = await dbFactory.CreateAsync(ct);
        var host = await db.Events.Where(e => e.Id == eventId).Select(e => e.HostProvinceCode).SingleAsync(ct);
        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code).ToListAsync(ct);
        var booths = await (from b in db.Booths.AsNoTracking()
                            where b.EventId == eventId
                            join x in db.Exhibitors on b.Id equals x.BoothId into held
                            from x in held.DefaultIfEmpty()
                            select new
                            {
                                b.HallId, b.Code, b.Zone, b.Position, b.SizeSquareMeters, b.MeetingTables,
                                ExhibitorId = x != null ? x.Id : (int?)null,
                                Name = x != null ? x.Name : null,
                                Industry = x != null ? x.Industry : (Industry?)null,
                                Province = x != null ? x.ProvinceCode : null,
                            })
            .ToListAsync(ct);
        var withoutBooth = await db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId && x.BoothId == null)
            .OrderBy(x => x.Name.En)
            .Select(x => new ExhibitorWithoutBooth(x.Id, x.Name, x.Industry, x.Size, x.ProvinceCode, x.ProvinceCode == host))
            .ToListAsync(ct);
        var plan = halls.Select(h => new FloorHall(h.Code, h.Name, h.Columns, h.Rows,
                booths.Where(b => b.HallId == h.Id).OrderBy(b => b.Code.Length).ThenBy(b => b.Code)
                    .Select(b => new FloorBooth(b.Code, b.Zone, b.Position.X, b.Position.Y, b.Position.Width, b.Position.Height,
                        b.SizeSquareMeters, b.MeetingTables, b.ExhibitorId, b.Name, b.Industry, b.Province != null && b.Province == host))
                    .ToList()))
            .ToList();
        return new FloorPlan(plan, withoutBooth, host);
    }

    /// <summary>Gives a free booth to an exhibitor that has none.</summary>
    public async Task<Result<BoothSummary>> AssignAsync(Actor actor, int eventId, string boothCode, int exhibitorId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        var code = Normalize(boothCode);
        await using var db = await dbFactory.CreateAsync(ct);
        var booth = await db.Booths.Include(b => b.Hall).FirstOrDefaultAsync(b => b.EventId == eventId && b.Code == code, ct);
        if (booth is null) return BoothNotFound(code);
        var exhibitor = await db.Exhibitors.FirstOrDefaultAsync(x => x.Id == exhibitorId && x.EventId == eventId, ct);
        if (exhibitor is null) return ExhibitorNotFound(exhibitorId);
        if (exhibitor.BoothId == booth.Id) return Summary(booth, exhibitor.Id); // already so: nothing to do
        if (exhibitor.BoothId is not null) return ExhibitorHasBooth;
        if (await db.Exhibitors.AnyAsync(x => x.BoothId == booth.Id, ct)) return BoothTaken;

        exhibitor.AssignBooth(booth);
        db.Audit(actor, eventId, AuditActions.BoothAssigned, $"booth:{booth.Code}", null, new { exhibitorId = exhibitor.Id }, clock.GetUtcNow());
        var saved = await SaveAsync(db, ct);
        return saved.Succeeded ? Summary(booth, exhibitor.Id) : saved.Error!;
    }

    /// <summary>Frees a booth. Freeing a booth that is already free changes nothing and succeeds.</summary>
    public async Task<Result<BoothSummary>> UnassignAsync(Actor actor, int eventId, string boothCode, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        var code = Normalize(boothCode);
        await using var db = await dbFactory.CreateAsync(ct);
        var booth = await db.Booths.Include(b => b.Hall).FirstOrDefaultAsync(b => b.EventId == eventId && b.Code == code, ct);
        if (booth is null) return BoothNotFound(code);
        var holder = await db.Exhibitors.FirstOrDefaultAsync(x => x.BoothId == booth.Id, ct);
        if (holder is null) return Summary(booth, null);
        // Meetings hold a table of the exhibitor's booth; without a booth they would have nowhere to happen.
        var meetings = await db.Meetings.CountAsync(m => m.ExhibitorId == holder.Id && MeetingStatuses.HoldingSlot.Contains(m.Status), ct);
        if (meetings > 0) return HasMeetings(meetings);
        holder.ReleaseBooth();
        db.Audit(actor, eventId, AuditActions.BoothUnassigned, $"booth:{booth.Code}", new { exhibitorId = holder.Id }, null, clock.GetUtcNow());
        var saved = await SaveAsync(db, ct);
        return saved.Succeeded ? Summary(booth, null) : saved.Error!;
    }

    /// <summary>
    /// Exchanges the holders of two booths in one transaction; with one of them free, this moves the exhibitor.
    /// The unique index is not deferrable, so both are released first and then given their new booths.
    /// </summary>
    public async Task<Result<IReadOnlyList<BoothSummary>>> SwapAsync(Actor actor, int eventId, string boothCode, string otherCode, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        var (codeA, codeB) = (Normalize(boothCode), Normalize(otherCode));
        if (codeA == codeB) return SameBooth;
        await using var db = await dbFactory.CreateAsync(ct);
        var booths = await db.Booths.Include(b => b.Hall).Where(b => b.EventId == eventId && (b.Code == codeA || b.Code == codeB)).ToListAsync(ct);
        var a = booths.FirstOrDefault(b => b.Code == codeA);
        var b = booths.FirstOrDefault(b => b.Code == codeB);
        if (a is null) return BoothNotFound(codeA);
        if (b is null) return BoothNotFound(codeB);
        var holders = await db.Exhibitors.Where(x => x.BoothId == a.Id || x.BoothId == b.Id).ToListAsync(ct);
        var holderA = holders.FirstOrDefault(x => x.BoothId == a.Id);
        var holderB = holders.FirstOrDefault(x => x.BoothId == b.Id);
        if (holderA is null && holderB is null) return BothFree;
        // Meetings move with their exhibitor; the new booth must have the tables they use.
        if (holderA is not null && await HighestTableAsync(db, holderA.Id, ct) is { } tableA && tableA > b.MeetingTables) return TablesInUse(b.Code, tableA);
        if (holderB is not null && await HighestTableAsync(db, holderB.Id, ct) is { } tableB && tableB > a.MeetingTables) return TablesInUse(a.Code, tableB);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        holderA?.ReleaseBooth();
        holderB?.ReleaseBooth();
        var released = await SaveAsync(db, ct);
        if (!released.Succeeded) return released.Error!;
        holderA?.AssignBooth(b);
        holderB?.AssignBooth(a);
        db.Audit(actor, eventId, AuditActions.BoothsSwapped, $"booth:{a.Code}",
            new { booth = a.Code, exhibitorId = holderA?.Id, other = b.Code, otherExhibitorId = holderB?.Id },
            new { booth = a.Code, exhibitorId = holderB?.Id, other = b.Code, otherExhibitorId = holderA?.Id }, clock.GetUtcNow());
        var saved = await SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Error!;
        await tx.CommitAsync(ct);
        return new[] { Summary(a, holderB?.Id), Summary(b, holderA?.Id) };
    }

    private static Task<int?> HighestTableAsync(IAppDbContext db, int exhibitorId, CancellationToken ct) =>
        db.Meetings.Where(m => m.ExhibitorId == exhibitorId && MeetingStatuses.HoldingSlot.Contains(m.Status)).MaxAsync(m => (int?)m.TableNumber, ct);

    internal static string Normalize(string code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    private static BoothSummary Summary(Domain.Venues.Booth booth, int? exhibitorId) =>
        new(booth.Code, booth.Hall.Code, booth.Zone, booth.MeetingTables, exhibitorId);

    /// <summary>The unique index and the exhibitors' row versions turn races into words, never into a 500.</summary>
    internal static async Task<Result> SaveAsync(IAppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Success();
        }
        catch (ConstraintViolationException ex) when (ex.ConstraintName == Constraints.ExhibitorBooth)
        {
            return BoothTaken;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile;
        }
    }
}
