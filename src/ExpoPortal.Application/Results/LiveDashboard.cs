using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Results;

/// <summary>Where the day's booked meetings are: still to come, checked in, held, no-show.</summary>
public sealed record LiveCounts(int Scheduled, int CheckedIn, int Held, int NoShow)
{
    public int Total => Scheduled + CheckedIn + Held + NoShow;

    internal static LiveCounts Of(IEnumerable<MeetingStatus> statuses)
    {
        int scheduled = 0, checkedIn = 0, held = 0, noShow = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case MeetingStatus.CheckedIn: checkedIn++; break;
                case MeetingStatus.Held: held++; break;
                case MeetingStatus.NoShow: noShow++; break;
                default: scheduled++; break;
            }
        }
        return new LiveCounts(scheduled, checkedIn, held, noShow);
    }
}

/// <summary>One hall on the day: its meetings, and how many of its table-slots (booth tables × slots of the day) they fill.</summary>
public sealed record LiveHall(int HallId, string Code, LocalizedText Name, LiveCounts Counts, int TableSlots)
{
    /// <summary>Share of the hall's table-slots in use, 0 to 1.</summary>
    public double Utilisation => TableSlots == 0 ? 0 : (double)Counts.Total / TableSlots;
}

public sealed record LiveSlot(int SlotId, DateTimeOffset StartsAt, LiveCounts Counts);

/// <summary>The live dashboard of one consultation day, optionally of one hall.</summary>
public sealed record LiveDay(
    int EventId, string TimeZoneId, DateOnly Day, IReadOnlyList<DateOnly> Days, int? HallId, IReadOnlyList<LiveHall> Halls,
    LiveCounts Totals, IReadOnlyList<LiveSlot> Slots, IReadOnlyList<CountItem> ByIndustry, IReadOnlyList<CountItem> ByCountry, DateTimeOffset At);

/// <summary>
/// The organizers' view during the event, by day and hall: meetings scheduled, checked in, held and no-show, booth
/// utilisation, the product categories (exhibitors' industries) and the participants' countries of the day's
/// meetings. Booked meetings only: matching proposals, open requests and cancelled or declined meetings do not count.
/// Open pages follow <see cref="ISlotChanges.SubscribeToEvent"/> and read this again.
/// </summary>
public sealed class LiveDashboard(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    private static readonly MeetingStatus[] Booked =
        [MeetingStatus.Scheduled, MeetingStatus.Accepted, MeetingStatus.CheckedIn, MeetingStatus.Held, MeetingStatus.NoShow];

    public async Task<Result<LiveDay>> DayAsync(Actor actor, int eventId, DateOnly? day, int? hallId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return Error.NotFound("event_not_found", "No such event.");
        var slots = await db.TimeSlots.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.Day, s.StartsAt }).ToListAsync(ct);
        var days = slots.Select(s => s.Day).Distinct().Order().ToList();
        var chosen = day is { } d && days.Contains(d) ? d : ConsultationDays.Current(days, expo.TimeZoneId, clock.GetUtcNow());
        var daySlots = slots.Where(s => s.Day == chosen).ToList();
        var slotIds = daySlots.Select(s => s.Id).ToList();

        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code).ToListAsync(ct);
        if (hallId is { } wanted && halls.All(h => h.Id != wanted)) return Error.NotFound("hall_not_found", $"No hall {wanted} in this event.");
        // Tables of occupied booths only: an empty booth holds no meetings and would make a hall look idle.
        var tablesPerHall = await db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId && x.Booth != null)
            .GroupBy(x => x.Booth!.HallId).Select(g => new { g.Key, Tables = g.Sum(x => x.Booth!.MeetingTables) }).ToDictionaryAsync(g => g.Key, g => g.Tables, ct);

        // One row per booked meeting of the day, with what the charts group by; a day of the demo is a few thousand rows.
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.EventId == eventId && slotIds.Contains(m.TimeSlotId) && Booked.Contains(m.Status) && m.Exhibitor.Booth != null)
            .Select(m => new { m.TimeSlotId, m.Status, HallId = m.Exhibitor.Booth!.HallId, m.Exhibitor.Industry, m.ParticipantId, m.Participant.CountryCode })
            .ToListAsync(ct);

        var liveHalls = halls.Select(h => new LiveHall(h.Id, h.Code, h.Name,
            LiveCounts.Of(meetings.Where(m => m.HallId == h.Id).Select(m => m.Status)), tablesPerHall.GetValueOrDefault(h.Id) * daySlots.Count)).ToList();
        var shown = hallId is { } only ? meetings.Where(m => m.HallId == only).ToList() : meetings;
        var bySlot = daySlots.Select(s => new LiveSlot(s.Id, s.StartsAt, LiveCounts.Of(shown.Where(m => m.TimeSlotId == s.Id).Select(m => m.Status)))).ToList();
        var byIndustry = shown.GroupBy(m => m.Industry).Select(g => new CountItem(g.Key.ToString(), g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key).ToList();
        // People, not meetings: a buyer with five meetings counts once for its country.
        var byCountry = shown.DistinctBy(m => m.ParticipantId).GroupBy(m => m.CountryCode).Select(g => new CountItem(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key).ToList();
        return new LiveDay(eventId, expo.TimeZoneId, chosen, days, hallId, liveHalls, LiveCounts.Of(shown.Select(m => m.Status)),
            bySlot, byIndustry, byCountry, clock.GetUtcNow());
    }
}
