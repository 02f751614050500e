using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpoPortal.Application.Events;

/// <summary>A pause in the consultation day, local time.</summary>
public sealed record BreakForm(TimeOnly Start, TimeOnly End);

/// <summary>A hall of the event; halls are matched by code when an event is edited.</summary>
public sealed record HallForm(string Code, string NameKo, string NameEn, int Columns, int Rows);

/// <summary>
/// Everything an organizer sets up for an event. <see cref="Slug"/> is given when the event is created and fixed
/// afterwards; <see cref="Halls"/> null on an edit leaves the halls as they are.
/// </summary>
public sealed record EventForm(
    string? Slug,
    string NameKo, string NameEn,
    string VenueKo, string VenueEn,
    string CityKo, string CityEn,
    DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<DateOnly> ConsultationDays,
    string TimeZoneId,
    int SlotMinutes, TimeOnly DayStart, TimeOnly DayEnd,
    IReadOnlyList<BreakForm>? Breaks,
    string HostProvinceCode, int HostRegionQuota,
    IReadOnlyList<HallForm>? Halls = null);

/// <summary>The booking rules participants book and cancel under (MeetingBooking and MeetingRequests read them).</summary>
public sealed record BookingRules(bool Open, int CancellationCutoffHours, int? MaxPendingRequests = null, int? RequestExpiryHours = null);

/// <summary>
/// The next edition of an event: new slug, names and start date (the end date and consultation days move with it);
/// venue and city stay unless given; the exhibitors who come again are copied (with products, without meetings) on request.
/// </summary>
public sealed record CloneRequest(
    string Slug, string NameKo, string NameEn, DateOnly StartDate, bool WithExhibitors = false,
    string? VenueKo = null, string? VenueEn = null, string? CityKo = null, string? CityEn = null);

/// <summary>A meeting that a grid change would leave without its slot: who meets whom, when.</summary>
public sealed record OrphanedMeeting(int MeetingId, LocalizedText Participant, LocalizedText Exhibitor, DateOnly Day, TimeOnly Start, string Status);

/// <summary>An event as its settings page shows it.</summary>
public sealed record EventSetupView(int Id, string Slug, EventForm Form, BookingRules Booking, int Slots, int ActiveMeetings, int Exhibitors, int Booths);

/// <summary>What a clone made.</summary>
public sealed record CloneResult(int Id, string Slug, int Halls, int Booths, int Exhibitors, int Slots);

/// <summary>
/// Creates and edits events (names, venue, dates, time zone, consultation days, slot grid, halls), clones one as the
/// next edition, and sets the booking rules. A grid change keeps the slots that stay the same (and so their meetings)
/// and is refused, changing nothing, when a slot that would go holds meetings.
/// </summary>
public sealed class EventSetup(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly Error NotOrganizer = Error.Forbidden("not_organizer", "Only organizers set up events.");
    public static readonly Error EventNotFound = Error.NotFound("event_not_found", "No such event.");
    public static readonly Error InvalidSlug = Error.Validation("invalid_slug", "A slug has 3 to 60 lower-case letters, digits or dashes.");
    public static readonly Error SlugTaken = Error.Conflict("slug_taken", "Another event already has that slug.");
    public static readonly Error SlugFixed = Error.Validation("slug_fixed", "An event's slug cannot change.");
    public static readonly Error NameRequired = Error.Validation("event_name_required", "Give the event a name in Korean and in English.");
    public static readonly Error VenueRequired = Error.Validation("venue_required", "Give the venue and the city.");
    public static readonly Error InvalidDates = Error.Validation("invalid_dates", "The event must end on or after the day it starts, within 60 days.");
    public static readonly Error InvalidTimeZone = Error.Validation("invalid_time_zone", "The time zone is an IANA name such as Asia/Seoul.");
    public static readonly Error NoConsultationDays = Error.Validation("no_consultation_days", "Choose at least one consultation day.");
    public static readonly Error ConsultationDayOutside = Error.Validation("consultation_day_outside", "Consultation days fall within the event's dates.");
    public static readonly Error InvalidSlotLength = Error.Validation("invalid_slot_length", "A slot lasts 5 to 240 minutes.");
    public static readonly Error InvalidDayHours = Error.Validation("invalid_day_hours", "The consultation day must end after it starts and hold at least one slot.");
    public static readonly Error InvalidBreak = Error.Validation("invalid_break", "A break lies inside the day and ends after it starts.");
    public static readonly Error InvalidHall = Error.Validation("invalid_hall", "A hall has a code (1 to 10 letters or digits), a name and 1 to 500 columns and rows.");
    public static readonly Error DuplicateHall = Error.Validation("duplicate_hall", "Two halls have the same code.");
    public static readonly Error InvalidHostRegion = Error.Validation("invalid_host_province", "The host province is a code such as KR-47 and its quota is 0 or more.");
    public static readonly Error InvalidCutoff = Error.Validation("invalid_cutoff", "The cancellation cut-off is 0 to 336 hours.");
    public static readonly Error InvalidRequestRules = Error.Validation("invalid_request_rules", "A participant may have 1 to 100 pending requests, which expire after 1 to 720 hours.");

    public static Error HallHasBooths(string code) =>
        Error.Conflict("hall_has_booths", $"Hall {code} still has booths; move or delete them first.") with { Details = new[] { code } };

    public static Error HallTooSmall(string code, IReadOnlyList<string> booths) =>
        Error.Validation("hall_too_small", $"Booths {string.Join(", ", booths)} would lie outside hall {code}.") with { Details = booths };

    public static Error OrphansMeetings(IReadOnlyList<OrphanedMeeting> meetings) =>
        Error.Conflict("grid_orphans_meetings", $"The change would remove the slots of {meetings.Count} meeting(s); move or cancel them first.", meetings);

    /// <summary>Names that would clash with the portal's own routes under /events/.</summary>
    private static readonly HashSet<string> ReservedSlugs = ["new"];

    public async Task<Result<EventSetupView>> GetAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        await using var db = await dbFactory.CreateAsync(ct);
        return await ViewAsync(db, eventId, ct) is { } view ? view : EventNotFound;
    }

    /// <summary>A new event. Creating one is for organizers (a portal administrator's right later); it has no event yet to organize.</summary>
    public async Task<Result<EventSetupView>> CreateAsync(Actor actor, EventForm form, CancellationToken ct = default)
    {
        if (!actor.IsOrganizer) return NotOrganizer;
        var slug = (form.Slug ?? string.Empty).Trim().ToLowerInvariant();
        if (!IsValidSlug(slug)) return InvalidSlug;
        if (Validate(form) is { } invalid) return invalid;

        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Events.AnyAsync(e => e.Slug == slug, ct)) return SlugTaken;
        var expo = new Event(slug, Name(form), Venue(form), City(form), form.StartDate, form.EndDate, form.ConsultationDays,
            Grid(form), form.TimeZoneId.Trim(), form.HostProvinceCode.Trim().ToUpperInvariant(), form.HostRegionQuota);
        db.Events.Add(expo);
        foreach (var h in form.Halls ?? [])
            db.Halls.Add(new Hall(expo, h.Code, new LocalizedText(h.NameKo, h.NameEn), h.Columns, h.Rows));
        if (!await SaveNewEventAsync(db, actor, expo, ct)) return SlugTaken;
        return (await ViewAsync(db, expo.Id, ct))!;
    }

    /// <summary>
    /// Edits the event. A changed grid (days, hours, breaks, slot length, time zone) keeps unchanged slots with their
    /// ids; it is refused with <c>grid_orphans_meetings</c>, listing the meetings, when a dropped slot holds any.
    /// Cancelled or declined meetings in a dropped slot go with it.
    /// </summary>
    public async Task<Result<EventSetupView>> UpdateAsync(Actor actor, int eventId, EventForm form, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        if (Validate(form) is { } invalid) return invalid;

        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.Include(e => e.Slots).FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return EventNotFound;
        if (form.Slug is { Length: > 0 } slug && !string.Equals(slug.Trim(), expo.Slug, StringComparison.OrdinalIgnoreCase)) return SlugFixed;

        var halls = await db.Halls.Where(h => h.EventId == eventId).ToListAsync(ct);
        if (form.Halls is { } wanted && await ApplyHallsAsync(db, expo, halls, wanted, ct) is { } hallError) return hallError;

        expo.Describe(Name(form), Venue(form), City(form));
        expo.SetHostRegion(form.HostProvinceCode, form.HostRegionQuota);
        var change = expo.Reschedule(form.StartDate, form.EndDate, form.ConsultationDays, Grid(form), form.TimeZoneId.Trim());

        var removedIds = change.Removed.Select(s => s.Id).ToList();
        if (removedIds.Count > 0)
        {
            var orphans = await OrphansAsync(db, removedIds, ct);
            if (orphans.Count > 0) return OrphansMeetings(orphans); // nothing saved: the context goes with this call
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (removedIds.Count > 0)
                await db.Meetings.Where(m => removedIds.Contains(m.TimeSlotId) && MeetingStatuses.Inactive.Contains(m.Status)).ExecuteDeleteAsync(ct);
            // (event, day, index) is unique and checked row by row: park the slots that move or go on free indexes first.
            var parked = change.Renumbered.Select(s => s.Id).Concat(removedIds).ToList();
            if (parked.Count > 0)
                await db.TimeSlots.Where(s => parked.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.IndexInDay, x => -x.Id), ct);
            db.Audit(actor, eventId, AuditActions.EventChanged, $"event:{eventId}", null, form, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // A meeting was booked into a dropped slot between the check and the save.
            return OrphansMeetings(await OrphansAsync(db, removedIds, ct));
        }
        return (await ViewAsync(db, eventId, ct))!;
    }

    public async Task<Result<BookingRules>> SetBookingAsync(Actor actor, int eventId, BookingRules rules, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        if (rules.CancellationCutoffHours is < 0 or > 24 * 14) return InvalidCutoff;
        if (rules.MaxPendingRequests is < 1 or > 100 || rules.RequestExpiryHours is < 1 or > 24 * 30) return InvalidRequestRules;
        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return EventNotFound;
        var before = RulesOf(expo);
        if (rules.Open) expo.OpenBooking(); else expo.CloseBooking();
        expo.SetCancellationCutoff(rules.CancellationCutoffHours);
        expo.SetRequestRules(rules.MaxPendingRequests ?? expo.MaxPendingRequests, rules.RequestExpiryHours ?? expo.RequestExpiryHours);
        db.Audit(actor, eventId, AuditActions.BookingRulesChanged, $"event:{eventId}", before, RulesOf(expo), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return RulesOf(expo);
    }

    /// <summary>
    /// The next edition: same halls, booths, grid, time zone, host region and booking rules, dates moved to the new start;
    /// with <see cref="CloneRequest.WithExhibitors"/> the exhibitors too (listing, products, booth), without meetings, wishes or sign-ins.
    /// </summary>
    public async Task<Result<CloneResult>> CloneAsync(Actor actor, int eventId, CloneRequest request, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizer;
        var slug = (request.Slug ?? string.Empty).Trim().ToLowerInvariant();
        if (!IsValidSlug(slug)) return InvalidSlug;
        if (string.IsNullOrWhiteSpace(request.NameKo) || string.IsNullOrWhiteSpace(request.NameEn)) return NameRequired;

        await using var db = await dbFactory.CreateAsync(ct);
        var source = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (source is null) return EventNotFound;
        if (await db.Events.AnyAsync(e => e.Slug == slug, ct)) return SlugTaken;

        var shift = request.StartDate.DayNumber - source.StartDate.DayNumber;
        var copy = new Event(slug, new LocalizedText(request.NameKo, request.NameEn),
            new LocalizedText(request.VenueKo ?? source.Venue.Ko, request.VenueEn ?? source.Venue.En),
            new LocalizedText(request.CityKo ?? source.City.Ko, request.CityEn ?? source.City.En),
            source.StartDate.AddDays(shift), source.EndDate.AddDays(shift), source.ConsultationDays.Select(d => d.AddDays(shift)),
            source.SlotGrid, source.TimeZoneId, source.HostProvinceCode, source.HostRegionQuota);
        if (!source.BookingOpen) copy.CloseBooking();
        copy.SetCancellationCutoff(source.CancellationCutoffHours);
        copy.SetRequestRules(source.MaxPendingRequests, source.RequestExpiryHours);
        db.Events.Add(copy);

        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code).ToListAsync(ct);
        var hallCopies = halls.ToDictionary(h => h.Id, h => new Hall(copy, h.Code, Copy(h.Name), h.Columns, h.Rows));
        db.Halls.AddRange(hallCopies.Values);
        var booths = await db.Booths.AsNoTracking().Where(b => b.EventId == eventId).OrderBy(b => b.Code).ToListAsync(ct);
        var boothCopies = booths.ToDictionary(b => b.Id, b => new Booth(hallCopies[b.HallId], b.Code, b.SizeSquareMeters,
            new FloorPosition(b.Position.X, b.Position.Y, b.Position.Width, b.Position.Height), b.MeetingTables, b.Zone));
        db.Booths.AddRange(boothCopies.Values);

        var exhibitors = 0;
        var photos = new List<(Guid Photo, Exhibitor Exhibitor, Product Product)>();
        if (request.WithExhibitors)
        {
            var sources = await db.Exhibitors.AsNoTracking().Include(x => x.Products).Where(x => x.EventId == eventId).OrderBy(x => x.Id).ToListAsync(ct);
            foreach (var x in sources)
            {
                db.Exhibitors.Add(CopyExhibitor(x, copy, x.BoothId is { } boothId ? boothCopies[boothId] : null, photos));
                exhibitors++;
            }
        }

        if (!await SaveNewEventAsync(db, actor, copy, ct, photos.Count == 0 ? null : () => CopyPhotosAsync(db, copy, photos, ct))) return SlugTaken;
        return new CloneResult(copy.Id, copy.Slug, hallCopies.Count, boothCopies.Count, exhibitors, copy.Slots.Count);
    }

    /// <summary>
    /// Saves a new event with everything added to the context, then grants it to its creator, in one transaction:
    /// whoever creates an event organizes it (organizer rights are per event; administrators organize every event
    /// already). The caller re-issues the creator's cookie so the grant counts at once (<c>/account/refresh</c>).
    /// False when the unique index on the slug refused it: created by someone else just now.
    /// </summary>
    /// <param name="alsoAfterSave">More writes that need the new rows' ids, in the same transaction.</param>
    private async Task<bool> SaveNewEventAsync(IAppDbContext db, Actor actor, Event created, CancellationToken ct, Func<Task>? alsoAfterSave = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            if (alsoAfterSave is not null) await alsoAfterSave();
            if (!actor.IsAdministrator)
            {
                var now = clock.GetUtcNow();
                db.EventOrganizers.Add(new EventOrganizer(created.Id, actor.UserId, actor.UserId, now));
                db.Audit(actor, created.Id, AuditActions.OrganizerGranted, $"user:{actor.UserId}", null, new { reason = "created the event" }, now);
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (ConstraintViolationException)
        {
            return false;
        }
    }

    /// <summary>Copies the photos inside the database (no picture passes through the portal) and points the copied products at them.</summary>
    private static async Task CopyPhotosAsync(IAppDbContext db, Event to, List<(Guid Photo, Exhibitor Exhibitor, Product Product)> photos, CancellationToken ct)
    {
        foreach (var (photo, exhibitor, product) in photos)
        {
            var id = Guid.NewGuid();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO product_photos (id, event_id, exhibitor_id, product_id, content_type, content, width, height, uploaded_by, uploaded_at)
                SELECT {id}, {to.Id}, {exhibitor.Id}, {product.Id}, content_type, content, width, height, uploaded_by, uploaded_at
                FROM product_photos WHERE id = {photo}
                """, ct);
            product.SetPhoto(id);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <param name="photos">Collects each copied product that has a photo, to copy the photo once the product has its id.</param>
    private static Exhibitor CopyExhibitor(Exhibitor x, Event to, Booth? booth, List<(Guid Photo, Exhibitor Exhibitor, Product Product)> photos)
    {
        var copy = new Exhibitor(to, Copy(x.Name), Copy(x.Description), x.CountryCode, x.ProvinceCode, Copy(x.City), x.Industry, x.Size,
            new ContactPerson(x.Contact.Name, x.Contact.Email, x.Contact.Phone));
        copy.SetWebsite(x.Website);
        copy.SetCertifications(x.Certifications);
        copy.DescribeMarkets(x.ExportMarkets, x.TargetMarkets, x.Languages);
        copy.SetMeetingLimits(x.MinMeetings, x.MaxMeetings);
        foreach (var p in x.Products)
        {
            var product = new Product(Copy(p.Name), Copy(p.Description), HsCode.Parse(p.HsCode));
            copy.AddProduct(product);
            if (p.PhotoId is { } photoId) photos.Add((photoId, copy, product));
        }
        if (booth is not null) copy.AssignBooth(booth);
        return copy;
    }

    /// <summary>Makes the halls exactly the form's: new codes added, missing ones removed (only when empty), the rest renamed and resized.</summary>
    private static async Task<Error?> ApplyHallsAsync(IAppDbContext db, Event expo, List<Hall> halls, IReadOnlyList<HallForm> wanted, CancellationToken ct)
    {
        var byCode = halls.ToDictionary(h => h.Code);
        var wantedCodes = wanted.Select(h => h.Code.Trim().ToUpperInvariant()).ToHashSet();
        var booths = await db.Booths.AsNoTracking().Where(b => b.EventId == expo.Id).Select(b => new { b.HallId, b.Code, b.Position }).ToListAsync(ct);
        foreach (var gone in halls.Where(h => !wantedCodes.Contains(h.Code)))
        {
            if (booths.Any(b => b.HallId == gone.Id)) return HallHasBooths(gone.Code);
            db.Halls.Remove(gone);
        }
        foreach (var h in wanted)
        {
            var code = h.Code.Trim().ToUpperInvariant();
            var name = new LocalizedText(h.NameKo, h.NameEn);
            if (!byCode.TryGetValue(code, out var hall))
            {
                db.Halls.Add(new Hall(expo, code, name, h.Columns, h.Rows));
                continue;
            }
            var outside = booths.Where(b => b.HallId == hall.Id && (b.Position.X + b.Position.Width > h.Columns || b.Position.Y + b.Position.Height > h.Rows))
                .Select(b => b.Code).Order(StringComparer.Ordinal).ToList();
            if (outside.Count > 0) return HallTooSmall(code, outside);
            if (!Equals(hall.Name, name) || hall.Columns != h.Columns || hall.Rows != h.Rows) hall.Edit(name, h.Columns, h.Rows);
        }
        return null;
    }

    private static async Task<List<OrphanedMeeting>> OrphansAsync(IAppDbContext db, List<int> slotIds, CancellationToken ct)
    {
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => slotIds.Contains(m.TimeSlotId) && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .OrderBy(m => m.TimeSlot.StartsAt).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Participant.FullName, m.Participant.KoreanName, m.Participant.Company,
                Exhibitor = m.Exhibitor.Name, m.TimeSlot.Day, m.TimeSlot.LocalStart, m.Status,
            })
            .ToListAsync(ct);
        return rows.Select(r => new OrphanedMeeting(r.Id, MeetingBooking.NameOf(r.FullName, r.KoreanName, r.Company), r.Exhibitor, r.Day, r.LocalStart, r.Status.ToString()))
            .ToList();
    }

    private static async Task<EventSetupView?> ViewAsync(IAppDbContext db, int eventId, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return null;
        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code).ToListAsync(ct);
        var form = new EventForm(e.Slug, e.Name.Ko, e.Name.En, e.Venue.Ko, e.Venue.En, e.City.Ko, e.City.En, e.StartDate, e.EndDate,
            e.ConsultationDays, e.TimeZoneId, e.SlotGrid.SlotMinutes, e.SlotGrid.DayStart, e.SlotGrid.DayEnd,
            e.SlotGrid.Breaks.Select(b => new BreakForm(b.Start, b.End)).ToList(), e.HostProvinceCode, e.HostRegionQuota,
            halls.Select(h => new HallForm(h.Code, h.Name.Ko, h.Name.En, h.Columns, h.Rows)).ToList());
        return new EventSetupView(e.Id, e.Slug, form, RulesOf(e),
            Slots: await db.TimeSlots.CountAsync(s => s.EventId == eventId, ct),
            ActiveMeetings: await db.Meetings.CountAsync(m => m.EventId == eventId && MeetingStatuses.HoldingSlot.Contains(m.Status), ct),
            Exhibitors: await db.Exhibitors.CountAsync(x => x.EventId == eventId, ct),
            Booths: await db.Booths.CountAsync(b => b.EventId == eventId, ct));
    }

    /// <summary>Checks a form field by field, so the page and the API name the first thing to fix.</summary>
    public static Error? Validate(EventForm f)
    {
        if (string.IsNullOrWhiteSpace(f.NameKo) || string.IsNullOrWhiteSpace(f.NameEn) || f.NameKo.Length > 300 || f.NameEn.Length > 300) return NameRequired;
        if ((string.IsNullOrWhiteSpace(f.VenueKo) && string.IsNullOrWhiteSpace(f.VenueEn)) || (string.IsNullOrWhiteSpace(f.CityKo) && string.IsNullOrWhiteSpace(f.CityEn)))
            return VenueRequired;
        if (f.EndDate < f.StartDate || f.EndDate.DayNumber - f.StartDate.DayNumber > 60) return InvalidDates;
        if (!IsIanaZone(f.TimeZoneId)) return InvalidTimeZone;
        if (f.ConsultationDays is null || f.ConsultationDays.Count == 0) return NoConsultationDays;
        if (f.ConsultationDays.Any(d => d < f.StartDate || d > f.EndDate)) return ConsultationDayOutside;
        if (f.SlotMinutes is < 5 or > 240) return InvalidSlotLength;
        if (f.DayEnd <= f.DayStart) return InvalidDayHours;
        if ((f.Breaks ?? []).Any(b => b.End <= b.Start || b.Start < f.DayStart || b.End > f.DayEnd)) return InvalidBreak;
        if (!Grid(f).SlotStarts().Any()) return InvalidDayHours;
        if (string.IsNullOrWhiteSpace(f.HostProvinceCode) || f.HostProvinceCode.Trim().Length > 10 || f.HostRegionQuota < 0) return InvalidHostRegion;
        foreach (var h in f.Halls ?? [])
        {
            var code = (h.Code ?? string.Empty).Trim();
            if (code.Length is 0 or > 10 || !code.All(char.IsAsciiLetterOrDigit) || (string.IsNullOrWhiteSpace(h.NameKo) && string.IsNullOrWhiteSpace(h.NameEn))
                || h.Columns is < 1 or > 500 || h.Rows is < 1 or > 500)
                return InvalidHall;
        }
        if ((f.Halls ?? []).GroupBy(h => h.Code.Trim().ToUpperInvariant()).Any(g => g.Count() > 1)) return DuplicateHall;
        return null;
    }

    public static bool IsValidSlug(string slug) =>
        slug.Length is >= 3 and <= 60 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !ReservedSlugs.Contains(slug);

    /// <summary>An IANA zone the machine knows (Asia/Seoul), not a Windows name: slots and calendar files carry it.</summary>
    public static bool IsIanaZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId;

    private static BookingRules RulesOf(Event e) => new(e.BookingOpen, e.CancellationCutoffHours, e.MaxPendingRequests, e.RequestExpiryHours);

    private static SlotGrid Grid(EventForm f) =>
        new(f.SlotMinutes, f.DayStart, f.DayEnd, (f.Breaks ?? []).Select(b => new SlotBreak(b.Start, b.End)).ToList());

    private static LocalizedText Name(EventForm f) => new(f.NameKo, f.NameEn);
    private static LocalizedText Venue(EventForm f) => new(f.VenueKo, f.VenueEn);
    private static LocalizedText City(EventForm f) => new(f.CityKo, f.CityEn);
    private static LocalizedText Copy(LocalizedText t) => new(t.Ko, t.En);
}
