using ExpoPortal.Application.Common;
using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Meetings;

/// <param name="ExhibitorId">For a participant's request: the exhibitor asked.</param>
/// <param name="ParticipantId">For an exhibitor's request: the participant asked.</param>
public sealed record SendRequest(int? ExhibitorId, int? ParticipantId, string? Message, int? PreferredSlotId);

public sealed record RequestView(
    int Id, RequestedBy RequestedBy, int ParticipantId, LocalizedText Participant, int ExhibitorId, LocalizedText Exhibitor,
    string Message, int? PreferredSlotId, DateTimeOffset? PreferredStartsAt, RequestStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, int? MeetingId);

/// <summary>
/// Meeting requests: a participant asks an exhibitor (or an exhibitor a participant) with a short message; the other
/// side accepts by picking a slot, which books it under the booking rules, or declines. Pending requests hold no slot,
/// are capped per participant, and expire after the event's expiry time, telling both sides.
/// </summary>
public sealed class MeetingRequests(IAppDbContextFactory dbFactory, TimeProvider clock, MeetingBooking booking, NotificationCenter notifications)
{
    public static readonly Error RequestPending = Error.Conflict("request_pending", "There is already an open request between these two.");
    public static readonly Error TooManyPending = Error.Conflict("too_many_requests", "You have reached the number of open requests allowed; wait for answers first.");
    private static readonly Error NotFound = Error.NotFound("request_not_found", "No such request of yours.");

    public async Task<Result<RequestView>> SendAsync(Actor actor, int eventId, SendRequest send, CancellationToken ct = default)
    {
        var (participantId, exhibitorId, by) = (actor.ParticipantId, actor.ExhibitorId) switch
        {
            ({ } p, _) when send.ExhibitorId is { } x => (p, x, RequestedBy.Participant),
            (_, { } x) when send.ParticipantId is { } p => (p, x, RequestedBy.Exhibitor),
            _ => (0, 0, (RequestedBy?)null),
        };
        if (by is null) return Error.Forbidden("not_your_request", "Participants ask exhibitors, and exhibitors ask participants, for themselves.");
        if (booking.Throttle(actor, eventId) is { } throttled) return throttled;
        if ((send.Message?.Trim().Length ?? 0) > MeetingRequest.MaxMessageLength)
            return Error.Validation("message_too_long", $"A request message has at most {MeetingRequest.MaxMessageLength} characters.");

        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return Error.NotFound("event_not_found", "No such event.");
        if (!expo.BookingOpen) return MeetingBooking.BookingClosed;
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.EventId == eventId, ct);
        var exhibitor = await db.Exhibitors.AsNoTracking().FirstOrDefaultAsync(x => x.Id == exhibitorId && x.EventId == eventId, ct);
        if (participant is null) return Error.NotFound("participant_not_found", "That participant is not part of this event.");
        if (exhibitor is null) return Error.NotFound("exhibitor_not_found", "That exhibitor is not part of this event.");
        if (send.PreferredSlotId is { } slotId && !await db.TimeSlots.AnyAsync(s => s.Id == slotId && s.EventId == eventId, ct))
            return Error.NotFound("slot_not_found", "That slot is not part of this event.");
        if (await db.MeetingWishes.AnyAsync(w => w.ParticipantId == participantId && w.ExhibitorId == exhibitorId && w.Level == WishLevel.NotInterested, ct))
            return MeetingBooking.PairBlocked;
        if (await db.Meetings.AnyAsync(m => m.ParticipantId == participantId && m.ExhibitorId == exhibitorId
                && m.Status != MeetingStatus.Proposed && MeetingStatuses.HoldingSlot.Contains(m.Status), ct))
            return MeetingBooking.AlreadyMeeting;
        if (by == RequestedBy.Participant
            && await db.MeetingRequests.CountAsync(r => r.ParticipantId == participantId && r.RequestedBy == RequestedBy.Participant && r.Status == RequestStatus.Pending, ct) >= expo.MaxPendingRequests)
            return TooManyPending;

        var request = new MeetingRequest(eventId, participantId, exhibitorId, by.Value, send.Message, send.PreferredSlotId, clock.GetUtcNow(),
            TimeSpan.FromHours(expo.RequestExpiryHours));
        db.MeetingRequests.Add(request);
        var to = by == RequestedBy.Participant ? Party.Exhibitor(exhibitorId) : Party.Participant(participantId);
        var (title, body) = NotificationTexts.RequestReceived(by == RequestedBy.Participant ? await Privacy.ProfileSharing.NameForExhibitorsAsync(db, participant, ct) : exhibitor.Name, request.Message);
        await notifications.AddAsync(db, eventId, to, NotificationKind.RequestReceived, title, body, LinkFor(to), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConstraintViolationException ex) when (ex.ConstraintName == Constraints.OnePendingRequestPerPair)
        {
            return RequestPending;
        }
        notifications.Committed(to);
        return (await ListAsync(db, r => r.Id == request.Id, ct, actor)).Single();
    }

    /// <summary>The answering side picks a slot: the meeting is booked under the booking rules, then the request is accepted.</summary>
    public async Task<Result<RequestView>> AcceptAsync(Actor actor, int eventId, int requestId, int slotId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var request = await db.MeetingRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.EventId == eventId, ct);
        if (request is null || !IsAnsweredBy(actor, request)) return NotFound;
        if (!request.IsPending) return Error.Conflict("request_closed", $"The request is already {request.Status}.");

        // The request's own id as idempotency key: accepting twice (a retry, a double click) books once.
        var booked = await booking.BookAsync(actor, eventId, new BookMeetingRequest(request.ParticipantId, request.ExhibitorId, slotId,
            ClientRequestId: $"request-{request.Id}"), notifyOtherSide: false, ct);
        if (!booked.Succeeded) return booked.Error!;
        request.Accept(booked.Value.Id, clock.GetUtcNow());

        var expo = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId, ct);
        var to = Requester(request);
        var (title, body) = NotificationTexts.RequestAccepted(await AnswererNameAsync(db, request, ct), NotificationTexts.When(booked.Value.StartsAt, expo.TimeZoneId));
        await notifications.AddAsync(db, eventId, to, NotificationKind.RequestAccepted, title, body, LinkFor(to), ct);
        await db.SaveChangesAsync(ct);
        notifications.Committed(to);
        return (await ListAsync(db, r => r.Id == request.Id, ct, actor)).Single();
    }

    public async Task<Result<RequestView>> DeclineAsync(Actor actor, int eventId, int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var request = await db.MeetingRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.EventId == eventId, ct);
        if (request is null || !IsAnsweredBy(actor, request)) return NotFound;
        if (!request.IsPending) return Error.Conflict("request_closed", $"The request is already {request.Status}.");
        request.Decline(clock.GetUtcNow());
        var to = Requester(request);
        var (title, body) = NotificationTexts.RequestDeclined(await AnswererNameAsync(db, request, ct));
        await notifications.AddAsync(db, eventId, to, NotificationKind.RequestDeclined, title, body, LinkFor(to), ct);
        await db.SaveChangesAsync(ct);
        notifications.Committed(to);
        return (await ListAsync(db, r => r.Id == request.Id, ct, actor)).Single();
    }

    /// <summary>The caller's requests, sent and received, newest first.</summary>
    public async Task<IReadOnlyList<RequestView>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (actor.ParticipantId is { } p) return await ListAsync(db, r => r.ParticipantId == p, ct, actor);
        if (actor.ExhibitorId is { } x) return await ListAsync(db, r => r.ExhibitorId == x, ct, actor);
        return [];
    }

    /// <summary>Expires every pending request past its time and tells both sides. Returns how many expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // SKIP LOCKED: with several portal instances, each due request is expired (and announced) by one of them.
        var due = await db.MeetingRequests
            .FromSql($"SELECT * FROM meeting_requests WHERE status = 'Pending' AND expires_at <= {now} ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        var told = new List<Party>();
        foreach (var request in due)
        {
            request.Expire(now);
            var participant = await db.Participants.AsNoTracking().FirstAsync(p => p.Id == request.ParticipantId, ct);
            var exhibitor = await db.Exhibitors.AsNoTracking().FirstAsync(x => x.Id == request.ExhibitorId, ct);
            var (pt, pb) = NotificationTexts.RequestExpired(exhibitor.Name);
            await notifications.AddAsync(db, request.EventId, Party.Participant(participant.Id), NotificationKind.RequestExpired, pt, pb, "my/requests", ct);
            var (xt, xb) = NotificationTexts.RequestExpired(await Privacy.ProfileSharing.NameForExhibitorsAsync(db, participant, ct));
            await notifications.AddAsync(db, request.EventId, Party.Exhibitor(exhibitor.Id), NotificationKind.RequestExpired, xt, xb, "my/schedule", ct);
            told.AddRange([Party.Participant(participant.Id), Party.Exhibitor(exhibitor.Id)]);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (told.Count > 0) notifications.Committed([.. told.Distinct()]);
        return due.Count;
    }

    private static bool IsAnsweredBy(Actor actor, MeetingRequest r) =>
        actor.Organizes(r.EventId)
        || (r.RequestedBy == RequestedBy.Participant && actor.ExhibitorId == r.ExhibitorId)
        || (r.RequestedBy == RequestedBy.Exhibitor && actor.ParticipantId == r.ParticipantId);

    private static Party Requester(MeetingRequest r) =>
        r.RequestedBy == RequestedBy.Participant ? Party.Participant(r.ParticipantId) : Party.Exhibitor(r.ExhibitorId);

    private static string LinkFor(Party party) => party.ParticipantId is not null ? "my/requests" : "my/schedule";

    private static async Task<LocalizedText> AnswererNameAsync(IAppDbContext db, MeetingRequest r, CancellationToken ct) =>
        r.RequestedBy == RequestedBy.Participant
            ? await db.Exhibitors.AsNoTracking().Where(x => x.Id == r.ExhibitorId).Select(x => x.Name).FirstAsync(ct)
            : await Privacy.ProfileSharing.NameForExhibitorsAsync(db, await db.Participants.AsNoTracking().FirstAsync(p => p.Id == r.ParticipantId, ct), ct);

    private static async Task<IReadOnlyList<RequestView>> ListAsync(IAppDbContext db, System.Linq.Expressions.Expression<Func<MeetingRequest, bool>> filter, CancellationToken ct, Actor? viewer = null)
    {
        var rows = await db.MeetingRequests.AsNoTracking().Where(filter).OrderByDescending(r => r.Id)
            .Join(db.Participants, r => r.ParticipantId, p => p.Id, (r, p) => new { r, p })
            .Join(db.Exhibitors, x => x.r.ExhibitorId, e => e.Id, (x, e) => new { x.r, x.p, Exhibitor = e.Name })
            .Select(x => new
            {
                x.r, x.Exhibitor, x.p.FullName, x.p.KoreanName, x.p.Company,
                Preferred = db.TimeSlots.Where(s => s.Id == x.r.PreferredSlotId).Select(s => (DateTimeOffset?)s.StartsAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var shared = viewer is null ? (_ => true) : await Privacy.ProfileSharing.SharedWithAsync(db, viewer, rows.FirstOrDefault()?.r.EventId ?? 0, rows.Select(x => x.r.ParticipantId), ct);
        return rows.Select(x => new RequestView(x.r.Id, x.r.RequestedBy, x.r.ParticipantId,
            shared(x.r.ParticipantId) ? MeetingBooking.NameOf(x.FullName, x.KoreanName, x.Company) : Privacy.ProfileSharing.AnonymousBuyer, x.r.ExhibitorId, x.Exhibitor,
            x.r.Message, x.r.PreferredSlotId, x.Preferred, x.r.Status, x.r.CreatedAt, x.r.ExpiresAt, x.r.MeetingId)).ToList();
    }
}
