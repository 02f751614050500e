using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Desk;

public enum PersonKind
{
    Participant,
    Exhibitor,
    Interpreter,
}

/// <summary>One person or company found at the desk, with what tells namesakes apart.</summary>
public sealed record DeskPerson(PersonKind Kind, int Id, LocalizedText Name, string? Company, string? Email, string? BoothCode, string? CountryCode,
    IReadOnlyList<string> Languages);

/// <summary>A meeting as the desk sees it: both sides, the place, the interpreter.</summary>
public sealed record DeskMeeting(
    int MeetingId, int TimeSlotId, DateOnly Day, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int ParticipantId, LocalizedText Participant, int ExhibitorId, LocalizedText Exhibitor, string? BoothCode, int TableNumber,
    int? InterpreterId, string? Interpreter, MeetingStatus Status, MeetingOrigin Origin, string TimeZoneId);

public sealed record DeskSlot(int Id, DateOnly Day, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record DeskHall(int Id, string Code, LocalizedText Name);

/// <summary>What the desk page needs once: the event's slots and halls, and its time zone.</summary>
public sealed record DeskEvent(int EventId, string Slug, LocalizedText Name, string TimeZoneId, IReadOnlyList<DeskSlot> Slots, IReadOnlyList<DeskHall> Halls);

/// <summary>
/// The organizers' desk on the day of the event: find anyone, open their meetings. Changes to meetings go through
/// <see cref="MeetingBooking"/> (move, walk-in, cancel) and <see cref="CheckIns"/>, under the same rules as bookings.
/// </summary>
public sealed class DeskService(IAppDbContextFactory dbFactory)
{
    public const int MaxResults = 30;

    public async Task<Result<DeskEvent>> EventAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return Error.NotFound("event_not_found", "No such event.");
        var slots = await db.TimeSlots.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt)
            .Select(s => new DeskSlot(s.Id, s.Day, s.StartsAt, s.EndsAt)).ToListAsync(ct);
        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code)
            .Select(h => new DeskHall(h.Id, h.Code, h.Name)).ToListAsync(ct);
        return new DeskEvent(expo.Id, expo.Slug, expo.Name, expo.TimeZoneId, slots, halls);
    }

    /// <summary>
    /// Participants (name, Korean name, company), exhibitors (Korean and English names, contact name and e-mail, booth
    /// code) and interpreters (name) whose text contains the query, case-insensitively, in Korean or English.
    /// </summary>
    public async Task<Result<IReadOnlyList<DeskPerson>>> SearchAsync(Actor actor, int eventId, string? query, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        var term = query?.Trim() ?? string.Empty;
        if (term.Length == 0) return Array.Empty<DeskPerson>();
        var pattern = $"%{term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
        await using var db = await dbFactory.CreateAsync(ct);

        var exhibitors = await db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId)
            .Where(x => EF.Functions.ILike(x.Name.Ko, pattern, "\\") || EF.Functions.ILike(x.Name.En, pattern, "\\")
                || EF.Functions.ILike(x.Contact.Name, pattern, "\\") || EF.Functions.ILike(x.Contact.Email, pattern, "\\")
                || (x.Booth != null && EF.Functions.ILike(x.Booth.Code, pattern, "\\")))
            .OrderBy(x => x.Name.En).Take(MaxResults)
            .Select(x => new { x.Id, x.Name, ContactName = x.Contact.Name, x.Contact.Email, Booth = x.Booth != null ? x.Booth.Code : null, x.CountryCode, x.Languages })
            .ToListAsync(ct);
        var participants = await db.Participants.AsNoTracking().Where(p => p.EventId == eventId)
            .Where(p => EF.Functions.ILike(p.FullName, pattern, "\\") || (p.KoreanName != null && EF.Functions.ILike(p.KoreanName, pattern, "\\"))
                || EF.Functions.ILike(p.Company, pattern, "\\"))
            .OrderBy(p => p.FullName).Take(MaxResults)
            .Select(p => new { p.Id, p.FullName, p.KoreanName, p.Company, p.CountryCode, p.Languages })
            .ToListAsync(ct);
        var interpreters = await db.Interpreters.AsNoTracking().Where(i => i.EventId == eventId && EF.Functions.ILike(i.FullName, pattern, "\\"))
            .OrderBy(i => i.FullName).Take(MaxResults).Select(i => new { i.Id, i.FullName, i.Languages }).ToListAsync(ct);

        return exhibitors.Select(x => new DeskPerson(PersonKind.Exhibitor, x.Id, x.Name, x.Name.En, x.Email, x.Booth, x.CountryCode, x.Languages))
            .Concat(participants.Select(p => new DeskPerson(PersonKind.Participant, p.Id, new LocalizedText(p.KoreanName ?? p.FullName, p.FullName),
                p.Company, null, null, p.CountryCode, p.Languages)))
            .Concat(interpreters.Select(i => new DeskPerson(PersonKind.Interpreter, i.Id, new LocalizedText(i.FullName, i.FullName), null, null, null, null, i.Languages)))
            .ToList();
    }

    /// <summary>Every meeting of one participant, exhibitor or interpreter of the event (matching proposals included, marked so).</summary>
    public async Task<Result<IReadOnlyList<DeskMeeting>>> MeetingsOfAsync(Actor actor, int eventId, PersonKind kind, int id, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var meetings = db.Meetings.AsNoTracking().Where(m => m.EventId == eventId);
        meetings = kind switch
        {
            PersonKind.Participant => meetings.Where(m => m.ParticipantId == id),
            PersonKind.Exhibitor => meetings.Where(m => m.ExhibitorId == id),
            _ => meetings.Where(m => m.InterpreterId == id),
        };
        return await Project(meetings).ToListAsync(ct);
    }

    /// <summary>One meeting of the event, or not found (an id of another event included).</summary>
    public async Task<Result<DeskMeeting>> MeetingAsync(Actor actor, int eventId, int meetingId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await Project(db.Meetings.AsNoTracking().Where(m => m.EventId == eventId && m.Id == meetingId)).FirstOrDefaultAsync(ct);
        return found is null ? Error.NotFound("meeting_not_found", $"No meeting {meetingId} in this event.") : found;
    }

    /// <summary>The check-in list of one hall in one slot: every booked meeting at its booths, who is expected and who is in.</summary>
    public async Task<Result<IReadOnlyList<DeskMeeting>>> CheckInListAsync(Actor actor, int eventId, int hallId, int slotId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var meetings = db.Meetings.AsNoTracking().Where(m => m.EventId == eventId && m.TimeSlotId == slotId
            && m.Exhibitor.Booth != null && m.Exhibitor.Booth.HallId == hallId
            && m.Status != MeetingStatus.Proposed && m.Status != MeetingStatus.Cancelled && m.Status != MeetingStatus.Declined);
        return await Project(meetings).ToListAsync(ct);
    }

    /// <summary>The event a meeting belongs to, so that a route acts only on the event of its slug.</summary>
    public async Task<int?> EventOfMeetingAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => (int?)m.EventId).FirstOrDefaultAsync(ct);
    }

    internal static IQueryable<DeskMeeting> Project(IQueryable<Meeting> meetings) =>
        meetings.OrderBy(m => m.TimeSlot.StartsAt).ThenBy(m => m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : "").ThenBy(m => m.TableNumber)
            .Select(m => new DeskMeeting(m.Id, m.TimeSlotId, m.TimeSlot.Day, m.TimeSlot.StartsAt, m.TimeSlot.EndsAt,
                m.ParticipantId, new LocalizedText(
                    (m.Participant.KoreanName ?? m.Participant.FullName) + " (" + m.Participant.Company + ")",
                    m.Participant.FullName + " (" + m.Participant.Company + ")"),
                m.ExhibitorId, m.Exhibitor.Name, m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : null, m.TableNumber,
                m.InterpreterId, m.Interpreter != null ? m.Interpreter.FullName : null, m.Status, m.Origin, m.Exhibitor.Event.TimeZoneId));
}
