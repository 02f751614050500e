using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Interpreters;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Application.Notifications;
using LanguageRules = ExpoPortal.Matching.Model.LanguageRules;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Meetings;

/// <summary>
/// A request to meet at a given slot; with no table given, the first free table of the booth is taken.
/// <paramref name="ClientRequestId"/> is the caller's idempotency key: the same key twice books once.
/// </summary>
public sealed record BookMeetingRequest(int ParticipantId, int ExhibitorId, int TimeSlotId, int? TableNumber = null, string? ClientRequestId = null);

public sealed record MeetingView(
    int Id, int EventId, int ParticipantId, int ExhibitorId, int TimeSlotId, int TableNumber,
    MeetingStatus Status, MeetingOrigin Origin, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? InterpreterId);

/// <summary>
/// Books and cancels one-to-one meetings; every rule lives here, never only in a page. C# checks give precise
/// reasons; PostgreSQL's partial unique indexes are the final guard against two requests racing for one table,
/// one person's slot or one interpreter. After each commit, open pages are told through <see cref="ISlotChanges"/>.
/// </summary>
public sealed partial class MeetingBooking(IAppDbContextFactory dbFactory, TimeProvider clock, ISlotChanges slotChanges, NotificationCenter notifications,
    BookingSafeguards safeguards)
{
    public static readonly Error SlotTaken = Error.Conflict("slot_taken", "That slot is already taken at this booth.");
    public static readonly Error ParticipantBusy = Error.Conflict("participant_busy", "The participant already has a meeting in that slot.");
    public static readonly Error InterpreterBusy = Error.Conflict("interpreter_busy", "The interpreter already has a meeting in that slot.");
    public static readonly Error BookingClosed = Error.Conflict("booking_closed", "Booking is closed for this event.");
    public static readonly Error NoInterpreterFree = Error.Conflict("no_interpreter_free", "The two sides share no language and no interpreter who bridges them is free in that slot.");
    public static readonly Error PairBlocked = Error.Conflict("pair_blocked", "One side does not want this meeting.");
    public static readonly Error AlreadyMeeting = Error.Conflict("already_meeting", "These two already have a meeting.");
    public static readonly Error ParticipantUnavailable = Error.Validation("participant_unavailable", "The participant is not at the expo in that slot.");
    public static readonly Error SlotPast = Error.Validation("slot_past", "That slot has already begun.");
    public static readonly Error CancelCutoffPassed = Error.Conflict("cancel_cutoff_passed", "It is too late to cancel this meeting here; please contact the secretariat.");
    private static Error LimitReached(string who) => Error.Conflict("limit_reached", $"The {who} has reached its meeting limit.");

    public Task<Result<MeetingView>> BookAsync(Actor actor, int eventId, BookMeetingRequest request, CancellationToken ct = default) =>
        BookAsync(actor, eventId, request, notifyOtherSide: true, ct);

    /// <param name="notifyOtherSide">False when the caller sends its own notice (an accepted request says "accepted", not "booked").</param>
    internal async Task<Result<MeetingView>> BookAsync(Actor actor, int eventId, BookMeetingRequest request, bool notifyOtherSide, CancellationToken ct)
    {
        var origin = actor.Organizes(eventId) ? MeetingOrigin.ArrangedByOrganizer
            : actor.ParticipantId == request.ParticipantId ? MeetingOrigin.RequestedByParticipant
            : actor.ExhibitorId == request.ExhibitorId ? MeetingOrigin.RequestedByExhibitor
            : (MeetingOrigin?)null;
        if (origin is null)
            return Error.Forbidden("not_your_meeting", "You can book meetings only for yourself.");
        if (safeguards.Throttle(actor, eventId) is { } throttled) return throttled;

        // A lost interpreter race ends the transaction; try again with the next interpreter, a bounded number of times.
        // A serialization failure or deadlock rolls the attempt back and runs it again, also a bounded number of times.
        for (var attempt = 1; ; attempt++)
        {
            var result = await safeguards.RetryTransientAsync(() => TryBookAsync(actor, eventId, request, origin.Value, notifyOtherSide, ct), ct);
            if (result.Error != InterpreterBusy || attempt == 3) return result.Error == InterpreterBusy ? NoInterpreterFree : result;
        }
    }

    /// <remarks>
    /// Shaped for the minute booking opens, when hundreds ask for the same few booths at once: what the rules read of the
    /// event, participant, exhibitor and booth, slot, wishes and consent is read before the transaction, and every
    /// rule on existing meetings is first checked in one statement without locks, so that a request bound to be refused
    /// (slot taken, limit reached, ...) never queues behind the popular exhibitor's row lock. A request that passes takes
    /// the locks and checks the same rules again in one statement under them; only that second check decides, and
    /// PostgreSQL's partial unique indexes still guard the insert.
    /// </remarks>
    private async Task<Result<MeetingView>> TryBookAsync(Actor actor, int eventId, BookMeetingRequest request, MeetingOrigin origin, bool notify, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        // Without locks: a refusal seen here is a state the database was in, so it is a true answer; a pass is checked again below.
        var facts = await FactsAsync(db, eventId, request, ct);
        if (facts is null) return Error.NotFound("event_not_found", "No such event.");
        var (expo, participant, exhibitor, slot, blocked, sharesProfile, seen) = facts;
        if (!expo.BookingOpen && !actor.Organizes(eventId)) return BookingClosed;
        if (seen.RequestMeetingId is not null) return await FindByRequestIdAsync(db, eventId, request, ct) ?? SlotTaken;
        if (participant is null) return Error.NotFound("participant_not_found", $"Participant {request.ParticipantId} is not part of this event.");
        if (exhibitor is null) return Error.NotFound("exhibitor_not_found", $"Exhibitor {request.ExhibitorId} is not part of this event.");
        if (exhibitor.MeetingTables is null) return Error.Validation("exhibitor_without_booth", "The exhibitor has no booth yet, so it has no meeting table.");
        if (slot is null) return Error.NotFound("slot_not_found", $"Slot {request.TimeSlotId} is not part of this event.");
        if (CheckTime(participant, exhibitor, slot, request.TableNumber, startedAllowed: false) is { } timeRefused) return timeRefused;
        if (blocked) return PairBlocked;
        if (Place(seen, participant, exhibitor, request.TableNumber) is { Succeeded: false } early) return early.Error!;
        var told = notify ? await NoticeAsync(db, expo, origin, participant, exhibitor, slot, NotificationTexts.Booked, NotificationKind.MeetingBooked, ct,
            Privacy.ProfileSharing.NameForExhibitors(participant, sharesProfile)) : [];

        await using var transaction = await safeguards.BeginAsync(db, ct);
        // Row locks in a fixed order (participant, then exhibitor), in one round trip, make the counts below exact under concurrency.
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM participants WHERE id = {participant.Id} FOR UPDATE; SELECT 1 FROM exhibitors WHERE id = {exhibitor.Id} FOR UPDATE", ct);
        // After the locks, so that a retry racing its first attempt sees what the first one committed.
        var now = await OccupancyAsync(db, eventId, request, ct);
        if (now.RequestMeetingId is not null) return await FindByRequestIdAsync(db, eventId, request, ct) ?? SlotTaken;
        var place = Place(now, participant, exhibitor, request.TableNumber);
        if (!place.Succeeded) return place.Error!;
        var table = place.Value;

        var interpreter = await InterpreterForAsync(db, eventId, slot, participant, exhibitor, keep: null, movingMeetingId: null, ct);
        if (!interpreter.Succeeded) return interpreter.Error!;
        var interpreterId = interpreter.Value;

        var meeting = new Meeting(eventId, participant.Id, exhibitor.Id, slot.Id, table, origin, clock.GetUtcNow(), interpreterId, request.ClientRequestId);
        // A member of the booth's team who books (or accepts a request) takes the meeting; others leave it to the team.
        if (actor.ExhibitorId == exhibitor.Id) meeting.AssignOwner(actor.UserId, clock.GetUtcNow());
        // The id is known from here on (HiLo), so the audit entry goes in the same round trip as the meeting.
        await db.Meetings.AddAsync(meeting, ct);
        db.Audit(actor, eventId, AuditActions.MeetingBooked, AuditTrail.MeetingSubject(meeting.Id), null, AuditTrail.StateOf(meeting), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (ConstraintViolationException ex)
        {
            // A retry racing its first attempt can hit any of the meeting's guards first (under REPEATABLE READ its
            // snapshot predates the first attempt's commit): when that attempt committed, this is the same booking.
            // Rolled back first, and asked on this same context: a request that waited for a second connection while
            // holding its first could, with enough of them at once, leave the pool with none to give.
            await transaction.RollbackAsync(CancellationToken.None);
            if (request.ClientRequestId is { Length: > 0 } && await FindByRequestIdAsync(db, eventId, request, ct) is { } same) return same;
            return PlaceTaken(ex.ConstraintName);
        }

        slotChanges.Publish(new SlotChange(eventId, exhibitor.Id, participant.Id, slot.Id));
        notifications.Committed(told);
        return new MeetingView(meeting.Id, eventId, participant.Id, exhibitor.Id, slot.Id, meeting.TableNumber,
            meeting.Status, meeting.Origin, slot.StartsAt, slot.EndsAt, interpreterId);
    }

    /// <summary>What a booking must know about existing meetings, read in one statement (so from one snapshot).</summary>
    /// <param name="RequestMeetingId">The meeting already booked under the request's idempotency key.</param>
    /// <param name="TakenTables">Tables of the booth held in the slot (matching proposals included: they hold tables).</param>
    /// <param name="ParticipantMeetings">Booked meetings counting against the limits (matching proposals do not).</param>
    private sealed record Occupancy(int? RequestMeetingId, bool ParticipantBusy, List<int> TakenTables, bool AlreadyMeeting, int ParticipantMeetings, int ExhibitorMeetings);

    /// <summary>
    /// The occupancy's conditions, written once. Both compiled queries below read it (before the transaction with the
    /// other facts, and again under the locks), placed into each by <see cref="WithOccupancy{T}"/>: a compiled query
    /// cannot call another, and the whole facts statement under the locks would read the event, people and slot again.
    /// The meetings are found by participant or exhibitor alone, not also by event: each belongs to one event (the facts
    /// check it), and an event condition let PostgreSQL, while its statistics still described a nearly empty table (the
    /// minutes after a bulk load or a matching run), intersect the person's few meetings with the event's thousands in
    /// the (event, status) index: five times the cost of the whole statement (bench/BookingLoadBench/README).
    /// </summary>
    private static readonly Expression<Func<DbContext, int, int, int, int, string?, Occupancy>> OccupancyOf =
        (c, eventId, participantId, exhibitorId, slotId, key) => new Occupancy(
            key == null ? null : c.Set<Meeting>().Where(m => m.EventId == eventId && m.ClientRequestId == key).Select(m => (int?)m.Id).FirstOrDefault(),
            c.Set<Meeting>().Any(m => MeetingStatuses.HoldingSlot.Contains(m.Status)
                && m.ParticipantId == participantId && m.TimeSlotId == slotId),
            c.Set<Meeting>().Where(m => MeetingStatuses.HoldingSlot.Contains(m.Status)
                && m.ExhibitorId == exhibitorId && m.TimeSlotId == slotId).Select(m => m.TableNumber).ToList(),
            c.Set<Meeting>().Any(m => MeetingStatuses.HoldingSlot.Contains(m.Status) && m.Status != MeetingStatus.Proposed
                && m.ParticipantId == participantId && m.ExhibitorId == exhibitorId),
            c.Set<Meeting>().Count(m => MeetingStatuses.HoldingSlot.Contains(m.Status) && m.Status != MeetingStatus.Proposed
                && m.ParticipantId == participantId),
            c.Set<Meeting>().Count(m => MeetingStatuses.HoldingSlot.Contains(m.Status) && m.Status != MeetingStatus.Proposed
                && m.ExhibitorId == exhibitorId));

    /// <summary>
    /// A query over (context, event, participant, exhibitor, slot, request key) and the occupancy <c>o</c>, with <c>o</c>
    /// replaced by <see cref="OccupancyOf"/> on the same parameters: one expression, ready for <c>EF.CompileAsyncQuery</c>.
    /// </summary>
    private static Expression<Func<DbContext, int, int, int, int, string?, CancellationToken, T>> WithOccupancy<T>(
        Expression<Func<DbContext, int, int, int, int, string?, Occupancy, T>> query)
    {
        var parameters = query.Parameters.Take(6).ToArray();
        var occupancy = Substitute(OccupancyOf.Body, OccupancyOf.Parameters.Zip(parameters, (from, to) => ((Expression)from, (Expression)to)));
        var body = Substitute(query.Body, [(query.Parameters[6], occupancy)]);
        return Expression.Lambda<Func<DbContext, int, int, int, int, string?, CancellationToken, T>>(
            body, [.. parameters, Expression.Parameter(typeof(CancellationToken), "ct")]);
    }

    private static Expression Substitute(Expression expression, IEnumerable<(Expression From, Expression To)> replacements) =>
        new Substitution(replacements.ToDictionary(r => r.From, r => r.To)).Visit(expression)!;

    private sealed class Substitution(Dictionary<Expression, Expression> replacements) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) =>
            node is not null && replacements.TryGetValue(node, out var replacement) ? replacement : base.Visit(node);
    }

    /// <summary>The occupancy again, under the locks.</summary>
    private static Task<Occupancy> OccupancyAsync(IAppDbContext db, int eventId, BookMeetingRequest request, CancellationToken ct) =>
        OccupancyQuery(db.Context, eventId, request.ParticipantId, request.ExhibitorId, request.TimeSlotId, RequestKey(request), ct);

    private static readonly Func<DbContext, int, int, int, int, string?, CancellationToken, Task<Occupancy>> OccupancyQuery =
        EF.CompileAsyncQuery(WithOccupancy((DbContext c, int eventId, int participantId, int exhibitorId, int slotId, string? key, Occupancy o) =>
            c.Set<Domain.Events.Event>().AsNoTracking().Where(e => e.Id == eventId).Select(_ => o).First()));

    /// <summary>The rows a booking reads before its transaction, and the occupancy seen without locks.</summary>
    private sealed record BookingFacts(Domain.Events.Event Event, Participant? Participant, BookingExhibitor? Exhibitor, Domain.Events.TimeSlot? Slot,
        bool PairBlocked, bool SharesProfile, Occupancy Seen);

    /// <summary>
    /// What the booking rules read of an exhibitor. Not the listing (descriptions, search text, products), which is most
    /// of its row: read whole, every attempt carried it, with one joined row per product.
    /// </summary>
    private sealed record BookingExhibitor(int Id, LocalizedText Name, string CountryCode, List<string> Languages, int MaxMeetings, int? MeetingTables)
    {
        /// <summary>The projection every booking path reads an exhibitor with (MeetingTables null: no booth).</summary>
        public static readonly Expression<Func<Exhibitor, BookingExhibitor>> Projection = x => new BookingExhibitor(
            x.Id, new LocalizedText(x.Name.Ko, x.Name.En), x.CountryCode, x.Languages, x.MaxMeetings, x.Booth == null ? null : (int?)x.Booth.MeetingTables);
    }

    /// <summary>An exhibitor of the event as booking reads it, or null.</summary>
    private static Task<BookingExhibitor?> BookingExhibitorAsync(IAppDbContext db, int eventId, int exhibitorId, CancellationToken ct) =>
        db.Exhibitors.AsNoTracking().Where(x => x.Id == exhibitorId && x.EventId == eventId).Select(BookingExhibitor.Projection).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Everything a booking needs before its transaction in one statement (one round trip, one snapshot): most requests
    /// in the minute booking opens are refused on these facts alone (slot taken, limit reached), so they cost one query.
    /// The occupancy is read again under the locks (<see cref="OccupancyAsync"/>).
    /// </summary>
    private static Task<BookingFacts?> FactsAsync(IAppDbContext db, int eventId, BookMeetingRequest request, CancellationToken ct) =>
        FactsQuery(db.Context, eventId, request.ParticipantId, request.ExhibitorId, request.TimeSlotId, RequestKey(request), ct);

    private static string? RequestKey(BookMeetingRequest request) => request.ClientRequestId is { Length: > 0 } k ? k : null;

    // Compiled: it runs for every booking attempt, and EF's per-call work on an expression this large (extracting its
    // parameters, finding it in the query cache) took about a tenth of the portal's CPU in the opening minute.
    private static readonly Func<DbContext, int, int, int, int, string?, CancellationToken, Task<BookingFacts?>> FactsQuery =
        EF.CompileAsyncQuery(WithOccupancy((DbContext c, int eventId, int participantId, int exhibitorId, int slotId, string? key, Occupancy o) =>
            c.Set<Domain.Events.Event>().AsNoTracking().Where(e => e.Id == eventId).Select(e => new BookingFacts(
                    e,
                    c.Set<Participant>().FirstOrDefault(p => p.Id == participantId && p.EventId == eventId),
                    c.Set<Exhibitor>().Where(x => x.Id == exhibitorId && x.EventId == eventId).Select(BookingExhibitor.Projection).FirstOrDefault(),
                    c.Set<Domain.Events.TimeSlot>().FirstOrDefault(s => s.Id == slotId && s.EventId == eventId),
                    c.Set<MeetingWish>().Any(w => w.ParticipantId == participantId && w.ExhibitorId == exhibitorId && w.Level == WishLevel.NotInterested),
                    // The participant's latest share_profile record decides, as in Consents.ParticipantsGranting.
                    c.Set<Domain.Privacy.ConsentRecord>().Where(r => r.ParticipantId == participantId && r.Purpose == Domain.Privacy.ConsentPurposes.ShareProfile)
                        .OrderByDescending(r => r.Id).Select(r => r.Granted).FirstOrDefault(),
                    o))
                .FirstOrDefault()));

    /// <summary>The booking rules on existing meetings, in the order their refusals are reported; the table to take if they pass.</summary>
    private static Result<int> Place(Occupancy o, Participant participant, BookingExhibitor exhibitor, int? tableNumber)
    {
        if (o.ParticipantBusy) return ParticipantBusy;
        var table = tableNumber is { } t ? (o.TakenTables.Contains(t) ? null : t)
            : Enumerable.Range(1, exhibitor.MeetingTables!.Value).Cast<int?>().FirstOrDefault(n => !o.TakenTables.Contains(n!.Value));
        if (table is null) return SlotTaken;
        if (o.AlreadyMeeting) return AlreadyMeeting;
        if (o.ParticipantMeetings >= participant.MaxMeetings) return LimitReached("participant");
        if (o.ExhibitorMeetings >= exhibitor.MaxMeetings) return LimitReached("exhibitor");
        return table.Value;
    }

    /// <summary>The per-person throttle of booking actions, for the other booking actions (requests).</summary>
    internal Error? Throttle(Actor actor, int eventId) => safeguards.Throttle(actor, eventId);

    /// <summary>What a violated meeting guard means for the caller: someone took the participant's time, the interpreter or the table first.</summary>

    private static Error PlaceTaken(string constraint) => constraint switch
    {
        Constraints.MeetingParticipantSlot => ParticipantBusy,
        Constraints.MeetingInterpreterSlot => InterpreterBusy,
        _ => SlotTaken,
    };

    /// <summary>Tells the side that did not act (both sides when the organizers acted), in the same transaction as the change.</summary>
    private async Task<Party[]> NoticeAsync(IAppDbContext db, Domain.Events.Event expo, MeetingOrigin actedBy, Participant participant, BookingExhibitor exhibitor,
        Domain.Events.TimeSlot slot, Func<LocalizedText, LocalizedText, (LocalizedText Title, LocalizedText Body)> text, NotificationKind kind, CancellationToken ct,
        LocalizedText? nameForExhibitors = null)
    {
        var when = NotificationTexts.When(slot.StartsAt, expo.TimeZoneId);
        var parties = new List<Party>();
        if (actedBy != MeetingOrigin.RequestedByParticipant)
        {
            var (title, body) = text(exhibitor.Name, when);
            notifications.Add(db, expo.Id, Party.Participant(participant.Id), NotificationCenter.LanguageOf(participant), kind, title, body, "my/agenda");
            parties.Add(Party.Participant(participant.Id));
        }
        if (actedBy != MeetingOrigin.RequestedByExhibitor)
        {
            var (title, body) = text(nameForExhibitors ?? await Privacy.ProfileSharing.NameForExhibitorsAsync(db, participant, ct), when);
            notifications.Add(db, expo.Id, Party.Exhibitor(exhibitor.Id), NotificationCenter.LanguageOfCountry(exhibitor.CountryCode), kind, title, body, "my/schedule");
            parties.Add(Party.Exhibitor(exhibitor.Id));
        }
        return [.. parties];
    }

    /// <summary>A participant as exhibitors read it: the name in Hangul where there is one, and the company.</summary>
    internal static LocalizedText NameOf(Participant p) => NameOf(p.FullName, p.KoreanName, p.Company);

    internal static LocalizedText NameOf(string fullName, string? koreanName, string company) =>
        new($"{koreanName ?? fullName} ({company})", $"{fullName} ({company})");


    // ---- the rules on a meeting's time and place, shared by booking, moving and walk-ins ----

    /// <summary>The slot has not begun (unless a walk-in), the participant is there, and the table exists.</summary>
    private Error? CheckTime(Participant participant, BookingExhibitor exhibitor, Domain.Events.TimeSlot slot, int? tableNumber, bool startedAllowed)
    {
        if (!startedAllowed && slot.StartsAt <= clock.GetUtcNow()) return SlotPast;
        if (!participant.IsAvailableIn(slot)) return ParticipantUnavailable;
        var tables = exhibitor.MeetingTables!.Value;
        if (tableNumber is { } asked && (asked < 1 || asked > tables))
            return Error.Validation("no_such_table", $"The booth has tables 1 to {tables}.");
        return null;
    }

    /// <summary>
    /// The participant is free in the slot and the booth has the asked table (or any table) free; a meeting being moved
    /// does not count against its own new place.
    /// </summary>
    private static async Task<Result<int>> FreeTableAsync(IAppDbContext db, Participant participant, BookingExhibitor exhibitor,
        Domain.Events.TimeSlot slot, int? tableNumber, int? movingMeetingId, CancellationToken ct)
    {
        var moving = movingMeetingId ?? 0;
        var active = HoldingSlots(db).Where(m => m.Id != moving);
        if (await active.AnyAsync(m => m.ParticipantId == participant.Id && m.TimeSlotId == slot.Id, ct)) return ParticipantBusy;
        var takenTables = await active.Where(m => m.ExhibitorId == exhibitor.Id && m.TimeSlotId == slot.Id).Select(m => m.TableNumber).ToListAsync(ct);
        var table = tableNumber is { } t ? (takenTables.Contains(t) ? null : t)
            : Enumerable.Range(1, exhibitor.MeetingTables!.Value).Cast<int?>().FirstOrDefault(n => !takenTables.Contains(n!.Value));
        return table is null ? SlotTaken : table.Value;
    }

    /// <summary>
    /// Meetings that hold their slot, of any event: callers narrow them by a participant or exhibitor they have already
    /// found in the event. Not by event as well: while PostgreSQL's statistics still describe the table as it was (in
    /// the opening minute, thousands of bookings after the last ANALYZE), an event condition lets it intersect the
    /// person's few meetings with the event's whole (event, status) index (see <see cref="OccupancyOf"/>).
    /// </summary>
    private static IQueryable<Meeting> HoldingSlots(IAppDbContext db) => db.Meetings.Where(m => MeetingStatuses.HoldingSlot.Contains(m.Status));

    /// <summary>
    /// No interpreter when the two share a language (the same rules as the matching engine and its checker); otherwise
    /// <paramref name="keep"/> if still free and bridging in the slot, else the least busy free one who bridges them.
    /// </summary>
    private static async Task<Result<int?>> InterpreterForAsync(IAppDbContext db, int eventId, Domain.Events.TimeSlot slot, Participant participant,
        BookingExhibitor exhibitor, int? keep, int? movingMeetingId, CancellationToken ct)
    {
        if (LanguageRules.Shared(participant.Languages, exhibitor.Languages)) return (int?)null;
        var found = await FreeInterpreterAsync(db, eventId, slot, participant, exhibitor, keep, movingMeetingId ?? 0, ct);
        return found is null ? NoInterpreterFree : found;
    }

    /// <summary>The least busy interpreter of the event who is there that day, bridges both sides and is free in the slot (the kept one first).</summary>
    private static async Task<int?> FreeInterpreterAsync(IAppDbContext db, int eventId, Domain.Events.TimeSlot slot, Participant participant, BookingExhibitor exhibitor,
        int? keep, int movingMeetingId, CancellationToken ct)
    {
        var interpreters = await db.Interpreters.AsNoTracking().Where(i => i.EventId == eventId).ToListAsync(ct);
        var busy = await db.Meetings.Where(m => m.TimeSlotId == slot.Id && m.InterpreterId != null && MeetingStatuses.HoldingSlot.Contains(m.Status) && m.Id != movingMeetingId)
            .Select(m => m.InterpreterId!.Value).ToListAsync(ct);
        var load = await db.Meetings.Where(m => m.EventId == eventId && m.InterpreterId != null && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .GroupBy(m => m.InterpreterId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return interpreters
            .Where(i => i.IsAvailableIn(slot) && !busy.Contains(i.Id) && LanguageRules.Bridges(i.Languages, participant.Languages, exhibitor.Languages))
            .OrderBy(i => i.Id == keep ? 0 : 1).ThenBy(i => load.GetValueOrDefault(i.Id)).ThenBy(i => i.Id)
            .Select(i => (int?)i.Id).FirstOrDefault();
    }

    /// <summary>The meeting booked under the request's idempotency key, on the caller's context (never a second connection).</summary>
    private static async Task<Result<MeetingView>?> FindByRequestIdAsync(IAppDbContext db, int eventId, BookMeetingRequest request, CancellationToken ct)
    {
        var done = await db.Meetings.AsNoTracking().Include(m => m.TimeSlot).FirstOrDefaultAsync(m => m.EventId == eventId && m.ClientRequestId == request.ClientRequestId, ct);
        if (done is null) return null;
        return SameRequest(done, request) ? ToView(done) : Error.Conflict("request_id_reused", "That request id was used for another booking.");
    }

    private static bool SameRequest(Meeting m, BookMeetingRequest r) =>
        m.ParticipantId == r.ParticipantId && m.ExhibitorId == r.ExhibitorId && m.TimeSlotId == r.TimeSlotId;

    private static MeetingView ToView(Meeting m) => new(m.Id, m.EventId, m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber,
        m.Status, m.Origin, m.TimeSlot.StartsAt, m.TimeSlot.EndsAt, m.InterpreterId);

    /// <summary>
    /// Cancels a meeting. A participant cancels its own, an exhibitor its company's, until the event's cut-off;
    /// organizers at any time. The freed slot is announced to open pages.
    /// </summary>
    public async Task<Result<MeetingView>> CancelAsync(Actor actor, int eventId, int meetingId, CancellationToken ct = default)
    {
        if (safeguards.Throttle(actor, eventId) is { } throttled) return throttled;
        await using var db = await dbFactory.CreateAsync(ct);
        var meeting = await db.Meetings.Include(m => m.TimeSlot).FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        // Someone else's meeting is reported as missing, so that ids cannot be probed.
        var organizer = actor.Organizes(eventId);
        if (meeting is null || !(organizer || actor.ParticipantId == meeting.ParticipantId || actor.ExhibitorId == meeting.ExhibitorId)
            || (meeting.Status == MeetingStatus.Proposed && !organizer))
            return Error.NotFound("meeting_not_found", $"No meeting {meetingId} of yours in this event.");
        if (!meeting.CanMoveTo(MeetingStatus.Cancelled))
            return Error.Conflict("meeting_not_cancellable", $"A {meeting.Status} meeting cannot be cancelled.");
        if (!organizer)
        {
            var expo = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId, ct);
            if (!expo.AllowsCancellation(meeting.TimeSlot.StartsAt, clock.GetUtcNow())) return CancelCutoffPassed;
        }
        var before = AuditTrail.StateOf(meeting);
        meeting.MoveTo(MeetingStatus.Cancelled, clock.GetUtcNow());
        db.Audit(actor, eventId, AuditActions.MeetingCancelled, AuditTrail.MeetingSubject(meeting.Id), before, AuditTrail.StateOf(meeting), clock.GetUtcNow());
        var cancelledBy = organizer ? MeetingOrigin.ArrangedByOrganizer
            : actor.ParticipantId == meeting.ParticipantId ? MeetingOrigin.RequestedByParticipant : MeetingOrigin.RequestedByExhibitor;
        var who = await db.Participants.AsNoTracking().FirstAsync(p => p.Id == meeting.ParticipantId, ct);
        var company = (await BookingExhibitorAsync(db, eventId, meeting.ExhibitorId, ct))!;
        var theEvent = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId, ct);
        var told = await NoticeAsync(db, theEvent, cancelledBy, who, company, meeting.TimeSlot, NotificationTexts.Cancelled, NotificationKind.MeetingCancelled, ct);
        await db.SaveChangesAsync(ct);
        slotChanges.Publish(new SlotChange(eventId, meeting.ExhibitorId, meeting.ParticipantId, meeting.TimeSlotId));
        notifications.Committed(told);
        return ToView(meeting);
    }

    /// <summary>
    /// The consultation slots of one exhibitor as the caller sees them: free, taken, mine, or unavailable (the caller
    /// is not at the expo then, is busy then, the slot has begun, or the exhibitor has no booth).
    /// </summary>
    public async Task<Result<IReadOnlyList<SlotView>>> SlotsAsync(Actor actor, int eventId, int exhibitorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var exhibitor = await db.Exhibitors.AsNoTracking().Where(x => x.Id == exhibitorId && x.EventId == eventId)
            .Select(x => new { x.Id, Tables = x.Booth != null ? x.Booth.MeetingTables : 0 }).FirstOrDefaultAsync(ct);
        if (exhibitor is null) return Error.NotFound("exhibitor_not_found", $"Exhibitor {exhibitorId} is not part of this event.");

        var slots = await db.TimeSlots.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ToListAsync(ct);
        var active = HoldingSlots(db).AsNoTracking();
        var atBooth = await active.Where(m => m.ExhibitorId == exhibitorId)
            .Select(m => new { m.Id, m.TimeSlotId, m.ParticipantId, m.Status }).ToListAsync(ct);
        var viewer = actor.ParticipantId is { } pid
            ? await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.EventId == eventId, ct)
            : null;
        var viewerBusy = viewer is null ? [] : (await active.Where(m => m.ParticipantId == viewer.Id).Select(m => m.TimeSlotId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();

        return slots.Select(s =>
        {
            var here = atBooth.Where(m => m.TimeSlotId == s.Id).ToList();
            var mine = viewer is not null ? here.FirstOrDefault(m => m.ParticipantId == viewer.Id && m.Status != MeetingStatus.Proposed) : null;
            var state = mine is not null ? SlotState.Mine
                : exhibitor.Tables == 0 || s.StartsAt <= now ? SlotState.Unavailable
                : here.Count >= exhibitor.Tables ? SlotState.Taken
                : viewer is not null && (!viewer.IsAvailableIn(s) || viewerBusy.Contains(s.Id)) ? SlotState.Unavailable
                : SlotState.Free;
            return new SlotView(s.Id, s.StartsAt, s.EndsAt, s.Day, state, mine?.Id);
        }).ToList();
    }

    /// <summary>The booth's schedule for the exhibitor's own staff (and organizers): every booked meeting, by slot and table.</summary>
    public async Task<Result<BoothSchedule>> BoothScheduleAsync(Actor actor, int exhibitorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await Exhibitors.ExhibitorListing.ActsForAsync(db, actor, exhibitorId, ct))
            return Error.Forbidden("not_your_listing", "You can see only your own company's schedule.");
        var x = await db.Exhibitors.AsNoTracking().Where(e => e.Id == exhibitorId)
            .Select(e => new { e.Id, e.EventId, e.Event.Slug, e.Event.TimeZoneId, Booth = e.Booth != null ? e.Booth.Code : null, Tables = e.Booth != null ? e.Booth.MeetingTables : 0 })
            .FirstOrDefaultAsync(ct);
        if (x is null) return Error.NotFound("exhibitor_not_found", $"Exhibitor {exhibitorId} does not exist.");
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.ExhibitorId == exhibitorId && m.Status != MeetingStatus.Proposed)
            .OrderBy(m => m.TimeSlot.StartsAt).ThenBy(m => m.TableNumber)
            .Select(m => new
            {
                m.Id, m.TimeSlot.StartsAt, m.TimeSlot.Day, m.TableNumber, m.Status, m.ParticipantId,
                m.Participant.FullName, m.Participant.KoreanName, m.Participant.Company, m.Participant.CountryCode,
                m.Participant.Languages, m.Participant.HsInterests, Interpreter = m.Interpreter != null ? m.Interpreter.FullName : null,
                m.Outcome, m.Origin, m.OwnerUserId,
            })
            .ToListAsync(ct);
        var shared = await Privacy.ProfileSharing.SharedWithAsync(db, actor, x.EventId, rows.Select(m => m.ParticipantId), ct);
        return new BoothSchedule(x.Id, x.EventId, x.Slug, x.TimeZoneId, x.Booth, x.Tables, rows.Select(m => shared(m.ParticipantId)
            ? new BoothMeeting(m.Id, m.StartsAt, m.Day, m.TableNumber, m.Status, m.ParticipantId,
                NameOf(m.FullName, m.KoreanName, m.Company), m.CountryCode, m.Languages, m.HsInterests, m.Interpreter, m.Outcome, m.Origin, OwnerUserId: m.OwnerUserId)
            // Without the buyer's consent to share its profile, the booth sees only what the booked meeting needs.
            : new BoothMeeting(m.Id, m.StartsAt, m.Day, m.TableNumber, m.Status, m.ParticipantId,
                Privacy.ProfileSharing.AnonymousBuyer, string.Empty, [], [], m.Interpreter, m.Outcome, m.Origin, ProfileShared: false, OwnerUserId: m.OwnerUserId)).ToList());
    }

    /// <summary>The signed-in participant's own agenda, in its own event (never a default event).</summary>
    public async Task<Result<Agenda>> MyAgendaAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.ParticipantId is not { } participantId) return Error.Forbidden("not_a_participant", "Only participants have an agenda.");
        await using var db = await dbFactory.CreateAsync(ct);
        var eventId = await db.Participants.Where(p => p.Id == participantId).Select(p => (int?)p.EventId).FirstOrDefaultAsync(ct);
        return eventId is null
            ? Error.NotFound("participant_not_found", "Your participant record no longer exists.")
            : await AgendaOfParticipantAsync(actor, eventId.Value, participantId, ct);
    }

    /// <summary>The meetings of one participant, for its agenda. Only the participant itself and organizers may read it.</summary>
    public async Task<Result<Agenda>> AgendaOfParticipantAsync(Actor actor, int eventId, int participantId, CancellationToken ct = default)
    {
        if (!actor.ActsForParticipant(eventId, participantId))
            return Error.Forbidden("not_your_agenda", "You can see only your own agenda.");
        var organizer = actor.Organizes(eventId);
        await using var db = await dbFactory.CreateAsync(ct);
        var who = await db.Participants.AsNoTracking().Where(p => p.Id == participantId && p.EventId == eventId)
            .Select(p => new { p.FullName, p.Event.TimeZoneId, p.Event.Name, p.Event.Slug, p.Event.CancellationCutoffHours }).FirstOrDefaultAsync(ct);
        if (who is null) return Error.NotFound("participant_not_found", $"Participant {participantId} is not part of this event.");
        var now = clock.GetUtcNow();
        var items = await db.Meetings.AsNoTracking()
            .Where(m => m.ParticipantId == participantId && m.EventId == eventId)
            // Matching proposals stay with the organizers until they publish them.
            .Where(m => organizer || m.Status != MeetingStatus.Proposed)
            .OrderBy(m => m.TimeSlot.StartsAt)
            .Select(m => new AgendaItem(m.Id, m.TimeSlot.StartsAt, m.TimeSlot.EndsAt, m.TimeSlot.Day, m.ExhibitorId, m.Exhibitor.Name,
                m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : null,
                m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Hall.Name : null,
                m.TableNumber, m.Status, m.Interpreter != null ? m.Interpreter.FullName : null, m.Sequence, m.UpdatedAt,
                m.Status.HoldsSlot() && m.Status != MeetingStatus.CheckedIn && m.Status != MeetingStatus.Held && m.Status != MeetingStatus.NoShow
                    && now <= m.TimeSlot.StartsAt.AddHours(-who.CancellationCutoffHours)))
            .ToListAsync(ct);
        return new Agenda(participantId, eventId, who.FullName, who.Slug, who.Name, who.TimeZoneId, items);
    }
}

/// <summary>One meeting at an exhibitor's booth, with what the staff need to know about the visitor.</summary>
public sealed record BoothMeeting(
    int MeetingId, DateTimeOffset StartsAt, DateOnly Day, int TableNumber, MeetingStatus Status, int ParticipantId, LocalizedText Visitor,
    string CountryCode, IReadOnlyList<string> Languages, IReadOnlyList<string> HsInterests, string? Interpreter,
    MeetingOutcome? Outcome = null, MeetingOrigin Origin = MeetingOrigin.ArrangedByOrganizer, bool ProfileShared = true, string? OwnerUserId = null);

public sealed record BoothSchedule(int ExhibitorId, int EventId, string EventSlug, string TimeZoneId, string? BoothCode, int Tables, IReadOnlyList<BoothMeeting> Meetings);

public enum SlotState
{
    Free,
    Taken,
    Mine,
    Unavailable,
}

/// <param name="MeetingId">The caller's own meeting in this slot, when the state is <see cref="SlotState.Mine"/>.</param>
public sealed record SlotView(int SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly Day, SlotState State, int? MeetingId);

public sealed record Agenda(int ParticipantId, int EventId, string ParticipantName, string EventSlug, LocalizedText EventName, string TimeZoneId, IReadOnlyList<AgendaItem> Items);

/// <param name="CanCancel">The participant may still cancel it itself (before the event's cut-off).</param>
public sealed record AgendaItem(
    int MeetingId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly Day, int ExhibitorId, LocalizedText Exhibitor,
    string? BoothCode, LocalizedText? Hall, int TableNumber, MeetingStatus Status, string? Interpreter, int Sequence, DateTimeOffset UpdatedAt,
    bool CanCancel);
