using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Meetings;

/// <summary>A request to meet at a given slot; with no table given, the first free table of the booth is taken.</summary>
public sealed record BookMeetingRequest(int ParticipantId, int ExhibitorId, int TimeSlotId, int? TableNumber = null);

public sealed record MeetingView(
    int Id, int EventId, int ParticipantId, int ExhibitorId, int TimeSlotId, int TableNumber,
    MeetingStatus Status, MeetingOrigin Origin, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// Books one-to-one meetings. C# checks give precise messages; PostgreSQL's partial unique indexes are the final
/// guard against two requests racing for the same table or the same person's slot.
/// </summary>
public sealed class MeetingBooking(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly Error SlotTaken = Error.Conflict("slot_taken", "That slot is already taken at this booth.");
    public static readonly Error ParticipantBusy = Error.Conflict("participant_busy", "The participant already has a meeting in that slot.");
    public static readonly Error InterpreterBusy = Error.Conflict("interpreter_busy", "The interpreter already has a meeting in that slot.");

    public async Task<Result<MeetingView>> BookAsync(Actor actor, int eventId, BookMeetingRequest request, CancellationToken ct = default)
    {
        var origin = actor.IsOrganizer ? MeetingOrigin.ArrangedByOrganizer
            : actor.ParticipantId == request.ParticipantId ? MeetingOrigin.RequestedByParticipant
            : actor.ExhibitorId == request.ExhibitorId ? MeetingOrigin.RequestedByExhibitor
            : (MeetingOrigin?)null;
        if (origin is null)
            return Error.Forbidden("not_your_meeting", "You can book meetings only for yourself.");

        await using var db = await dbFactory.CreateAsync(ct);
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ParticipantId && p.EventId == eventId, ct);
        if (participant is null) return Error.NotFound("participant_not_found", $"Participant {request.ParticipantId} is not part of this event.");
        var exhibitor = await db.Exhibitors.AsNoTracking().Include(x => x.Booth).FirstOrDefaultAsync(x => x.Id == request.ExhibitorId && x.EventId == eventId, ct);
        if (exhibitor is null) return Error.NotFound("exhibitor_not_found", $"Exhibitor {request.ExhibitorId} is not part of this event.");
        if (exhibitor.Booth is null) return Error.Validation("exhibitor_without_booth", "The exhibitor has no booth yet, so it has no meeting table.");
        var slot = await db.TimeSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.TimeSlotId && s.EventId == eventId, ct);
        if (slot is null) return Error.NotFound("slot_not_found", $"Slot {request.TimeSlotId} is not part of this event.");
        if (!participant.IsAvailableIn(slot)) return Error.Validation("participant_unavailable", "The participant is not at the expo in that slot.");

        var tables = exhibitor.Booth.MeetingTables;
        if (request.TableNumber is { } asked && (asked < 1 || asked > tables))
            return Error.Validation("no_such_table", $"The booth has tables 1 to {tables}.");

        var takenTables = await db.Meetings
            .Where(m => m.ExhibitorId == exhibitor.Id && m.TimeSlotId == slot.Id && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .Select(m => m.TableNumber)
            .ToListAsync(ct);
        var table = request.TableNumber ?? Enumerable.Range(1, tables).Cast<int?>().FirstOrDefault(t => !takenTables.Contains(t!.Value));
        if (table is null) return SlotTaken;

        var meeting = new Meeting(eventId, participant.Id, exhibitor.Id, slot.Id, table.Value, origin.Value, clock.GetUtcNow());
        db.Meetings.Add(meeting);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConstraintViolationException ex)
        {
            return ex.ConstraintName switch
            {
                Constraints.MeetingParticipantSlot => ParticipantBusy,
                Constraints.MeetingInterpreterSlot => InterpreterBusy,
                _ => SlotTaken,
            };
        }

        return new MeetingView(meeting.Id, eventId, participant.Id, exhibitor.Id, slot.Id, meeting.TableNumber,
            meeting.Status, meeting.Origin, slot.StartsAt, slot.EndsAt);
    }

    /// <summary>The meetings of one participant, for its agenda. Only the participant itself and organizers may read it.</summary>
    public async Task<Result<IReadOnlyList<AgendaItem>>> AgendaOfParticipantAsync(Actor actor, int participantId, CancellationToken ct = default)
    {
        if (!actor.ActsForParticipant(participantId))
            return Error.Forbidden("not_your_agenda", "You can see only your own agenda.");
        await using var db = await dbFactory.CreateAsync(ct);
        var items = await db.Meetings.AsNoTracking()
            .Where(m => m.ParticipantId == participantId)
            // Matching proposals stay with the organizers until they publish them.
            .Where(m => actor.IsOrganizer || m.Status != MeetingStatus.Proposed)
            .OrderBy(m => m.TimeSlot.StartsAt)
            .Select(m => new AgendaItem(m.Id, m.TimeSlot.StartsAt, m.TimeSlot.EndsAt, m.Exhibitor.Name,
                m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : null, m.TableNumber, m.Status, m.Interpreter != null ? m.Interpreter.FullName : null))
            .ToListAsync(ct);
        return items;
    }
}

public sealed record AgendaItem(
    int MeetingId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, Domain.Common.LocalizedText Exhibitor,
    string? BoothCode, int TableNumber, MeetingStatus Status, string? Interpreter);
