using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Meetings;

/// <summary>Where the desk moves a meeting to; with no table given, the first free table of the booth.</summary>
public sealed record MoveMeetingRequest(int TimeSlotId, int? TableNumber = null);

/// <summary>
/// A meeting that happened without a booking: someone walked up to the booth. With no slot given, the slot running
/// now; <paramref name="Held"/> marks it held at once (only in a slot that has begun).
/// </summary>
public sealed record WalkInRequest(int ParticipantId, int ExhibitorId, int? TimeSlotId = null, int? TableNumber = null, bool Held = true);

/// <summary>The day-of-event changes of the organizers' desk, under the same rules as a booking.</summary>
public sealed partial class MeetingBooking
{
    public static readonly Error OrganizersOnly = Error.Forbidden("organizers_only", "Only the event's organizers may do this.");
    public static readonly Error NoCurrentSlot = Error.Validation("no_current_slot", "No consultation slot is running now; choose one.");
    public static readonly Error SlotNotStarted = Error.Validation("slot_not_started", "A meeting can be marked held only once its slot has begun.");
    public static readonly Error MeetingNotMovable = Error.Conflict("meeting_not_movable", "Only a scheduled meeting can move.");

    /// <summary>
    /// Moves a meeting to another slot or table (organizers). The new place is checked by the booking rules
    /// (slot_taken, participant_busy, participant_unavailable, slot_past, no_interpreter_free); the interpreter is kept
    /// when still free, otherwise another is taken from the pool. Both sides are told; open pages update.
    /// </summary>
    public async Task<Result<MeetingView>> MoveAsync(Actor actor, int eventId, int meetingId, MoveMeetingRequest request, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        for (var attempt = 1; ; attempt++)
        {
            // As for a booking: a deadlock or serialization failure rolls the attempt back, and it runs again.
            var result = await safeguards.RetryTransientAsync(() => TryMoveAsync(actor, eventId, meetingId, request, ct), ct);
            if (result.Error != InterpreterBusy || attempt == 3) return result.Error == InterpreterBusy ? NoInterpreterFree : result;
        }
    }

    private async Task<Result<MeetingView>> TryMoveAsync(Actor actor, int eventId, int meetingId, MoveMeetingRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return Error.NotFound("event_not_found", "No such event.");
        var pair = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.EventId == eventId)
            .Select(m => new { m.ParticipantId, m.ExhibitorId }).FirstOrDefaultAsync(ct);
        if (pair is null) return Error.NotFound("meeting_not_found", $"No meeting {meetingId} in this event.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The same lock order as a booking, so a move and a booking of the same people wait for each other.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM participants WHERE id = {pair.ParticipantId} FOR UPDATE", ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM exhibitors WHERE id = {pair.ExhibitorId} FOR UPDATE", ct);
        var meeting = await db.Meetings.Include(m => m.TimeSlot).FirstAsync(m => m.Id == meetingId, ct);
        if (meeting.Status is not (MeetingStatus.Scheduled or MeetingStatus.Accepted)) return MeetingNotMovable;
        var slot = await db.TimeSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.TimeSlotId && s.EventId == eventId, ct);
        if (slot is null) return Error.NotFound("slot_not_found", $"Slot {request.TimeSlotId} is not part of this event.");
        if (slot.Id == meeting.TimeSlotId && (request.TableNumber is null || request.TableNumber == meeting.TableNumber)) return ToView(meeting);

        var participant = await db.Participants.AsNoTracking().FirstAsync(p => p.Id == meeting.ParticipantId, ct);
        var exhibitor = (await BookingExhibitorAsync(db, eventId, meeting.ExhibitorId, ct))!;
        if (exhibitor.MeetingTables is null) return Error.Validation("exhibitor_without_booth", "The exhibitor has no booth yet, so it has no meeting table.");
        if (CheckTime(participant, exhibitor, slot, request.TableNumber, startedAllowed: false) is { } timeRefused) return timeRefused;
        var place = await FreeTableAsync(db, participant, exhibitor, slot, request.TableNumber, meeting.Id, ct);
        if (!place.Succeeded) return place.Error!;
        var interpreter = await InterpreterForAsync(db, eventId, slot, participant, exhibitor, meeting.InterpreterId, meeting.Id, ct);
        if (!interpreter.Succeeded) return interpreter.Error!;

        var from = meeting.TimeSlotId;
        var now = clock.GetUtcNow();
        var before = AuditTrail.StateOf(meeting);
        meeting.MoveToSlot(slot.Id, place.Value, now);
        if (meeting.InterpreterId != interpreter.Value) meeting.AssignInterpreter(interpreter.Value, now);
        db.Audit(actor, eventId, AuditActions.MeetingMoved, AuditTrail.MeetingSubject(meeting.Id), before, AuditTrail.StateOf(meeting), now);
        var told = await NoticeAsync(db, expo, MeetingOrigin.ArrangedByOrganizer, participant, exhibitor, slot, NotificationTexts.Moved, NotificationKind.MeetingMoved, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (ConstraintViolationException ex)
        {
            return PlaceTaken(ex.ConstraintName);
        }

        // Both the slot it left and the one it took changed for the booth's grid and the participant's agenda.
        slotChanges.Publish(new SlotChange(eventId, meeting.ExhibitorId, meeting.ParticipantId, from));
        slotChanges.Publish(new SlotChange(eventId, meeting.ExhibitorId, meeting.ParticipantId, slot.Id));
        notifications.Committed(told);
        return new MeetingView(meeting.Id, eventId, meeting.ParticipantId, meeting.ExhibitorId, slot.Id, meeting.TableNumber,
            meeting.Status, meeting.Origin, slot.StartsAt, slot.EndsAt, meeting.InterpreterId);
    }

    /// <summary>
    /// Registers a walk-in meeting at a booth (organizers, or the booth's own staff). The place rules of a booking apply
    /// (participant_busy, slot_taken, participant_unavailable, no_interpreter_free), but not the ones about planning
    /// ahead: a slot that has begun is fine, booking may be closed, and limits do not refuse what already happened.
    /// </summary>
    public async Task<Result<MeetingView>> WalkInAsync(Actor actor, int eventId, WalkInRequest request, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId) && actor.ExhibitorId != request.ExhibitorId) return OrganizersOnly;
        for (var attempt = 1; ; attempt++)
        {
            var result = await safeguards.RetryTransientAsync(() => TryWalkInAsync(actor, eventId, request, ct), ct);
            if (result.Error != InterpreterBusy || attempt == 3) return result.Error == InterpreterBusy ? NoInterpreterFree : result;
        }
    }

    private async Task<Result<MeetingView>> TryWalkInAsync(Actor actor, int eventId, WalkInRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM participants WHERE id = {request.ParticipantId} FOR UPDATE", ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM exhibitors WHERE id = {request.ExhibitorId} FOR UPDATE", ct);
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ParticipantId && p.EventId == eventId, ct);
        if (participant is null) return Error.NotFound("participant_not_found", $"Participant {request.ParticipantId} is not part of this event.");
        var exhibitor = await BookingExhibitorAsync(db, eventId, request.ExhibitorId, ct);
        if (exhibitor is null) return Error.NotFound("exhibitor_not_found", $"Exhibitor {request.ExhibitorId} is not part of this event.");
        if (exhibitor.MeetingTables is null) return Error.Validation("exhibitor_without_booth", "The exhibitor has no booth yet, so it has no meeting table.");
        var slot = request.TimeSlotId is { } slotId
            ? await db.TimeSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId && s.EventId == eventId, ct)
            : await db.TimeSlots.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId && s.StartsAt <= now && now < s.EndsAt, ct);
        if (slot is null) return request.TimeSlotId is null ? NoCurrentSlot : Error.NotFound("slot_not_found", $"Slot {request.TimeSlotId} is not part of this event.");
        if (request.Held && slot.StartsAt > now) return SlotNotStarted;

        if (CheckTime(participant, exhibitor, slot, request.TableNumber, startedAllowed: true) is { } timeRefused) return timeRefused;
        var place = await FreeTableAsync(db, participant, exhibitor, slot, request.TableNumber, movingMeetingId: null, ct);
        if (!place.Succeeded) return place.Error!;
        var interpreter = await InterpreterForAsync(db, eventId, slot, participant, exhibitor, keep: null, movingMeetingId: null, ct);
        if (!interpreter.Succeeded) return interpreter.Error!;

        var meeting = new Meeting(eventId, participant.Id, exhibitor.Id, slot.Id, place.Value, MeetingOrigin.WalkIn, now, interpreter.Value);
        if (request.Held) meeting.MarkHeld(now);
        await db.Meetings.AddAsync(meeting, ct); // the id is known from here on (HiLo), so the audit entry saves with the meeting
        db.Audit(actor, eventId, AuditActions.MeetingBooked, AuditTrail.MeetingSubject(meeting.Id), null, AuditTrail.StateOf(meeting), now);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (ConstraintViolationException ex)
        {
            return PlaceTaken(ex.ConstraintName);
        }
        slotChanges.Publish(new SlotChange(eventId, exhibitor.Id, participant.Id, slot.Id));
        return new MeetingView(meeting.Id, eventId, participant.Id, exhibitor.Id, slot.Id, meeting.TableNumber,
            meeting.Status, meeting.Origin, slot.StartsAt, slot.EndsAt, meeting.InterpreterId);
    }
}
