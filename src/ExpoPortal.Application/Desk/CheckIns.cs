using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Desk;

/// <summary>
/// Signed check-in tokens: a meeting's id that nobody can forge or guess, for the QR code on the buyer's agenda.
/// Infrastructure signs them with the portal's data-protection keys (kept in the database, so codes printed
/// yesterday still scan today).
/// </summary>
public interface ICheckInTokens
{
    string Issue(int meetingId);

    /// <summary>The meeting id, or null for a token that was not issued by this portal.</summary>
    int? Read(string token);
}

/// <summary>What the desk or the booth marks: the visitor arrived, the meeting took place, or nobody came.</summary>
public enum DeskMark
{
    CheckedIn,
    Held,
    NoShow,
}

/// <summary>The exhibitor's outcome form for a held meeting.</summary>
public sealed record OutcomeForm(decimal? ConsultationValueUsd, decimal? ExpectedContractValueUsd, bool MouSigned, decimal? MouValueUsd, string? Notes);

/// <summary>
/// Check-in at the booths on the day: by token (the buyer's QR code, scanned or pasted), or by marking a meeting
/// checked in, held or no-show; and the outcome of a held meeting. Organizers of the meeting's event may do it all,
/// and so may the staff of the meeting's own booth; for anyone else the meeting does not exist.
/// </summary>
public sealed class CheckIns(IAppDbContextFactory dbFactory, TimeProvider clock, ICheckInTokens tokens, ISlotChanges slotChanges)
{
    public static readonly Error BadToken = Error.NotFound("check_in_token_invalid", "That check-in code is not valid.");
    public static readonly Error NotMarkable = Error.Conflict("meeting_not_markable", "That meeting cannot take this state now.");

    public string TokenFor(int meetingId) => tokens.Issue(meetingId);

    /// <summary>The meeting behind a scanned code, for the staff who opened it.</summary>
    public async Task<Result<DeskMeeting>> FindByTokenAsync(Actor actor, string token, CancellationToken ct = default)
    {
        if (tokens.Read(token) is not { } meetingId) return BadToken;
        await using var db = await dbFactory.CreateAsync(ct);
        var owner = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.EventId, m.ExhibitorId }).FirstOrDefaultAsync(ct);
        if (owner is null || !(actor.Organizes(owner.EventId) || actor.ExhibitorId == owner.ExhibitorId)) return BadToken;
        return await DeskService.Project(db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)).FirstAsync(ct);
    }

    /// <summary>Checks the visitor in by the code; a code scanned twice checks in once.</summary>
    public async Task<Result<DeskMeeting>> CheckInByTokenAsync(Actor actor, string token, CancellationToken ct = default)
    {
        if (tokens.Read(token) is not { } meetingId) return BadToken;
        var result = await MarkAsync(actor, null, meetingId, DeskMark.CheckedIn, ct);
        return result.Error?.Code == "meeting_not_found" ? BadToken : result;
    }

    /// <param name="eventId">The event of the route, or null when the token alone names the meeting.</param>
    public async Task<Result<DeskMeeting>> MarkAsync(Actor actor, int? eventId, int meetingId, DeskMark mark, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && (eventId == null || m.EventId == eventId), ct);
        if (meeting is null || !(actor.Organizes(meeting.EventId) || actor.ExhibitorId == meeting.ExhibitorId) || meeting.Status == MeetingStatus.Proposed)
            return Error.NotFound("meeting_not_found", $"No meeting {meetingId} of yours in this event.");
        var now = clock.GetUtcNow();
        var slot = await db.TimeSlots.AsNoTracking().FirstAsync(s => s.Id == meeting.TimeSlotId, ct);
        var before = AuditTrail.StateOf(meeting);
        switch (mark)
        {
            case DeskMark.CheckedIn when meeting.Status == MeetingStatus.CheckedIn || meeting.CanMoveTo(MeetingStatus.CheckedIn):
                meeting.CheckIn(now);
                break;
            // Held and no-show say what happened, so only once the slot has begun.
            case DeskMark.Held when slot.StartsAt <= now && (meeting.Status is MeetingStatus.Held or MeetingStatus.CheckedIn || meeting.CanMoveTo(MeetingStatus.CheckedIn)):
                meeting.MarkHeld(now);
                break;
            case DeskMark.NoShow when slot.StartsAt <= now && (meeting.Status == MeetingStatus.NoShow || meeting.CanMoveTo(MeetingStatus.NoShow)):
                if (meeting.Status != MeetingStatus.NoShow) meeting.MoveTo(MeetingStatus.NoShow, now);
                break;
            default:
                return mark != DeskMark.CheckedIn && slot.StartsAt > now ? MeetingBooking.SlotNotStarted : NotMarkable;
        }
        db.Audit(actor, meeting.EventId, AuditActions.MeetingStatusChanged, AuditTrail.MeetingSubject(meeting.Id), before, AuditTrail.StateOf(meeting), now);
        await db.SaveChangesAsync(ct);
        slotChanges.Publish(new SlotChange(meeting.EventId, meeting.ExhibitorId, meeting.ParticipantId, meeting.TimeSlotId));
        return await DeskService.Project(db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)).FirstAsync(ct);
    }

    /// <summary>Records what came of a held meeting (the booth's staff, or organizers); a second save replaces the first.</summary>
    public async Task<Result> RecordOutcomeAsync(Actor actor, int meetingId, OutcomeForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !(actor.Organizes(meeting.EventId) || actor.ExhibitorId == meeting.ExhibitorId))
            return Error.NotFound("meeting_not_found", $"No meeting {meetingId} of yours.");
        if (meeting.Status is not (MeetingStatus.Held or MeetingStatus.CheckedIn))
            return Error.Conflict("meeting_not_held", "An outcome can be recorded only for a meeting that took place.");
        MeetingOutcome outcome;
        try
        {
            outcome = MeetingOutcome.Of(form.ConsultationValueUsd, form.ExpectedContractValueUsd, form.MouSigned, form.MouSigned ? form.MouValueUsd : null, form.Notes, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Error.Validation("invalid_outcome", ex.Message);
        }
        // An outcome says the meeting took place: one only checked in becomes held.
        var before = AuditTrail.StateOf(meeting);
        if (meeting.Status == MeetingStatus.CheckedIn) meeting.MarkHeld(clock.GetUtcNow());
        meeting.RecordOutcome(outcome);
        db.Audit(actor, meeting.EventId, AuditActions.MeetingOutcome, AuditTrail.MeetingSubject(meeting.Id), before, new { state = AuditTrail.StateOf(meeting), outcome }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }
}
