using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Meetings;
using LanguageRules = ExpoPortal.Matching.Model.LanguageRules;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Meetings;

public sealed record ReassignInterpreterRequest(int InterpreterId);

/// <summary>The desk hands a meeting to another interpreter of the pool (one fell ill, one is needed elsewhere).</summary>
public sealed partial class MeetingBooking
{
    public static readonly Error InterpreterNotPresent = Error.Validation("interpreter_not_present", "That interpreter is not at the expo on the meeting's day.");
    public static readonly Error InterpreterCannotBridge = Error.Validation("interpreter_cannot_bridge", "That interpreter does not speak a language of each side.");
    public static readonly Error MeetingNotReassignable = Error.Conflict("meeting_not_reassignable", "Only a scheduled, accepted or checked-in meeting can change interpreter.");

    /// <summary>
    /// Gives a meeting to another interpreter (organizers): one of the event's pool, there that day, bridging both
    /// sides, and free in the slot (409 interpreter_busy; PostgreSQL's one-interpreter-per-slot index decides a race).
    /// Written to the audit log; open pages of the booth and the participant update.
    /// </summary>
    public async Task<Result<MeetingView>> ReassignInterpreterAsync(Actor actor, int eventId, int meetingId, ReassignInterpreterRequest request, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var meeting = await db.Meetings.Include(m => m.TimeSlot).Include(m => m.Participant).Include(m => m.Exhibitor)
            .FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        if (meeting is null) return Error.NotFound("meeting_not_found", $"No meeting {meetingId} in this event.");
        if (meeting.Status is not (MeetingStatus.Scheduled or MeetingStatus.Accepted or MeetingStatus.CheckedIn)) return MeetingNotReassignable;
        var interpreter = await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InterpreterId && i.EventId == eventId, ct);
        if (interpreter is null) return Error.NotFound("interpreter_not_found", $"No interpreter {request.InterpreterId} in this event.");
        if (meeting.InterpreterId == interpreter.Id) return ToView(meeting);
        if (!interpreter.IsAvailableIn(meeting.TimeSlot)) return InterpreterNotPresent;
        if (!LanguageRules.Bridges(interpreter.Languages, meeting.Participant.Languages, meeting.Exhibitor.Languages)) return InterpreterCannotBridge;
        if (await db.Meetings.AnyAsync(m => m.TimeSlotId == meeting.TimeSlotId && m.InterpreterId == interpreter.Id && m.Id != meeting.Id
                && MeetingStatuses.HoldingSlot.Contains(m.Status), ct))
            return InterpreterBusy;

        var now = clock.GetUtcNow();
        var before = AuditTrail.StateOf(meeting);
        meeting.AssignInterpreter(interpreter.Id, now);
        db.Audit(actor, eventId, AuditActions.InterpreterReassigned, AuditTrail.MeetingSubject(meeting.Id), before, AuditTrail.StateOf(meeting), now);
        try
        {
            await db.SaveChangesAsync(ct); // one statement for the meeting and its audit entry: they commit together
        }
        catch (ConstraintViolationException ex)
        {
            return PlaceTaken(ex.ConstraintName);
        }
        slotChanges.Publish(new SlotChange(eventId, meeting.ExhibitorId, meeting.ParticipantId, meeting.TimeSlotId));
        return ToView(meeting);
    }
}
