using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using LanguageRules = ExpoPortal.Matching.Model.LanguageRules;

namespace ExpoPortal.Application.Desk;

/// <summary>One interpreter of the pool on one day: what it speaks, whether it is there, how busy it is.</summary>
public sealed record PoolInterpreter(int Id, string Name, IReadOnlyList<string> Languages, bool PresentThatDay, int MeetingsThatDay, int FreeSlotsThatDay);

/// <summary>A meeting of the day that needs an interpreter: who it has (or none, when the pool ran dry), and both sides' languages.</summary>
public sealed record PoolMeeting(int MeetingId, int TimeSlotId, int? InterpreterId, LocalizedText Participant, int ExhibitorId, LocalizedText Exhibitor, string? BoothCode,
    int TableNumber, MeetingStatus Status, IReadOnlyList<string> ParticipantLanguages, IReadOnlyList<string> ExhibitorLanguages)
{
    public bool CanReassign => Status is MeetingStatus.Scheduled or MeetingStatus.Accepted or MeetingStatus.CheckedIn;
}

/// <summary>The interpreter pool of one consultation day: slots as columns, interpreters as rows, and the meetings that need one.</summary>
public sealed record InterpreterPoolDay(int EventId, string TimeZoneId, DateOnly Day, IReadOnlyList<DateOnly> Days, IReadOnlyList<DeskSlot> Slots,
    IReadOnlyList<PoolInterpreter> Interpreters, IReadOnlyList<PoolMeeting> Meetings);

/// <summary>
/// The desk's view of the interpreters: who speaks what, when they are free, their meetings per slot, and who could
/// take over a meeting. Reassigning goes through <see cref="MeetingBooking.ReassignInterpreterAsync"/>, under the
/// booking's rules and the database's one-interpreter-per-slot guard.
/// </summary>
public sealed class InterpreterPool(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    /// <param name="day">Null for the day running now, else the next one, else the last.</param>
    public async Task<Result<InterpreterPoolDay>> DayAsync(Actor actor, int eventId, DateOnly? day, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return Error.NotFound("event_not_found", "No such event.");
        var slots = await db.TimeSlots.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt)
            .Select(s => new DeskSlot(s.Id, s.Day, s.StartsAt, s.EndsAt)).ToListAsync(ct);
        var days = slots.Select(s => s.Day).Distinct().Order().ToList();
        if (days.Count == 0) return new InterpreterPoolDay(eventId, expo.TimeZoneId, day ?? default, days, [], [], []);
        var chosen = day is { } d && days.Contains(d) ? d : ConsultationDays.Current(days, expo.TimeZoneId, clock.GetUtcNow());
        var daySlots = slots.Where(s => s.Day == chosen).ToList();
        var slotIds = daySlots.Select(s => s.Id).ToList();

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.EventId == eventId && slotIds.Contains(m.TimeSlotId) && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .OrderBy(m => m.TimeSlot.StartsAt).ThenBy(m => m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : "").ThenBy(m => m.TableNumber)
            .Select(m => new
            {
                m.Id, m.TimeSlotId, m.InterpreterId, m.Status, m.TableNumber, m.ExhibitorId,
                Participant = new LocalizedText((m.Participant.KoreanName ?? m.Participant.FullName) + " (" + m.Participant.Company + ")",
                    m.Participant.FullName + " (" + m.Participant.Company + ")"),
                ParticipantLanguages = m.Participant.Languages, Exhibitor = m.Exhibitor.Name, ExhibitorLanguages = m.Exhibitor.Languages,
                Booth = m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : null,
            })
            .ToListAsync(ct);
        // A meeting needs an interpreter when it has one or when its two sides share no language (the pool ran dry).
        var needing = meetings.Where(m => m.InterpreterId is not null || !LanguageRules.Shared(m.ParticipantLanguages, m.ExhibitorLanguages))
            .Select(m => new PoolMeeting(m.Id, m.TimeSlotId, m.InterpreterId, m.Participant, m.ExhibitorId, m.Exhibitor, m.Booth, m.TableNumber, m.Status,
                m.ParticipantLanguages, m.ExhibitorLanguages))
            .ToList();

        var interpreters = await db.Interpreters.AsNoTracking().Where(i => i.EventId == eventId).OrderBy(i => i.FullName).ToListAsync(ct);
        var pool = interpreters.Select(i =>
        {
            var present = i.AvailableDays.Contains(chosen);
            var busy = needing.Count(m => m.InterpreterId == i.Id);
            return new PoolInterpreter(i.Id, i.FullName, i.Languages, present, busy, present ? daySlots.Count - busy : 0);
        }).ToList();
        return new InterpreterPoolDay(eventId, expo.TimeZoneId, chosen, days, daySlots, pool, needing);
    }

    /// <summary>
    /// Who could take over this meeting: interpreters of the event who are there that day, bridge both sides and are
    /// free in its slot, least busy first. The current interpreter is not among them.
    /// </summary>
    public async Task<Result<IReadOnlyList<PoolInterpreter>>> CandidatesAsync(Actor actor, int eventId, int meetingId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.EventId == eventId)
            .Select(m => new { m.TimeSlotId, m.TimeSlot.Day, m.InterpreterId, P = m.Participant.Languages, X = m.Exhibitor.Languages })
            .FirstOrDefaultAsync(ct);
        if (meeting is null) return Error.NotFound("meeting_not_found", $"No meeting {meetingId} in this event.");
        var busy = await db.Meetings.AsNoTracking()
            .Where(m => m.TimeSlotId == meeting.TimeSlotId && m.InterpreterId != null && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .Select(m => m.InterpreterId!.Value).ToListAsync(ct);
        var load = await db.Meetings.AsNoTracking()
            .Where(m => m.EventId == eventId && m.TimeSlot.Day == meeting.Day && m.InterpreterId != null && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .GroupBy(m => m.InterpreterId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var slotsThatDay = await db.TimeSlots.CountAsync(s => s.EventId == eventId && s.Day == meeting.Day, ct);
        var interpreters = await db.Interpreters.AsNoTracking().Where(i => i.EventId == eventId).ToListAsync(ct);
        return interpreters
            .Where(i => i.Id != meeting.InterpreterId && i.AvailableDays.Contains(meeting.Day) && !busy.Contains(i.Id)
                && LanguageRules.Bridges(i.Languages, meeting.P, meeting.X))
            .Select(i => new PoolInterpreter(i.Id, i.FullName, i.Languages, true, load.GetValueOrDefault(i.Id), slotsThatDay - load.GetValueOrDefault(i.Id)))
            .OrderBy(i => i.MeetingsThatDay).ThenBy(i => i.Name)
            .ToList();
    }
}
