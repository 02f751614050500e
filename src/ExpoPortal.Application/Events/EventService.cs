using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Events;

public sealed record EventSummary(
    int Id, string Slug, LocalizedText Name, LocalizedText Venue, LocalizedText City,
    DateOnly StartDate, DateOnly EndDate, IReadOnlyList<DateOnly> ConsultationDays, string TimeZoneId,
    bool BookingOpen, int CancellationCutoffHours);

public sealed record CountItem(string Key, int Count);

/// <summary>The figures organizers put on the first page: booths, exhibitors by region, participants by country.</summary>
public sealed record EventFigures(
    EventSummary Event,
    int Booths,
    int AssignedBooths,
    int MeetingTables,
    int Exhibitors,
    int HostRegionExhibitors,
    int HostRegionQuota,
    string HostProvinceCode,
    int Participants,
    int MemberTraders,
    int ForeignBuyers,
    int ParticipantCountries,
    int Interpreters,
    int Slots,
    int ActiveMeetings,
    int ProposedMeetings,
    IReadOnlyList<CountItem> ExhibitorsByRegion,
    IReadOnlyList<CountItem> ExhibitorsByIndustry,
    IReadOnlyList<CountItem> ParticipantsByCountry);

public sealed class EventService(IAppDbContextFactory dbFactory)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    /// <summary>
    /// The id of the event at this address, for the routes hit hardest (booking). An event's slug never changes and
    /// events are never deleted, so a found id holds for the life of the process, on every instance; an unknown slug
    /// is asked again each time, since the event may be created later.
    /// </summary>
    public async Task<int?> IdOfAsync(string slug, CancellationToken ct = default)
    {
        if (_ids.TryGetValue(slug, out var known)) return known;
        await using var db = await dbFactory.CreateAsync(ct);
        var id = await db.Events.AsNoTracking().Where(e => e.Slug == slug).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (id is { } found) _ids.TryAdd(slug, found);
        return id;
    }

    public async Task<IReadOnlyList<EventSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var events = await db.Events.AsNoTracking().OrderBy(e => e.StartDate).ToListAsync(ct);
        return events.Select(ToSummary).ToList();
    }

    public async Task<EventSummary?> FindAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        return e is null ? null : ToSummary(e);
    }

    /// <summary>The event to open when none is named: the next one to start, else the latest.</summary>
    public async Task<EventSummary?> DefaultAsync(DateOnly today, CancellationToken ct = default)
    {
        var all = await ListAsync(ct);
        return all.FirstOrDefault(e => e.EndDate >= today) ?? all.LastOrDefault();
    }

    public async Task<EventFigures?> GetFiguresAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (e is null) return null;

        var booths = db.Booths.Where(b => b.EventId == e.Id);
        var exhibitors = db.Exhibitors.Where(x => x.EventId == e.Id);
        var participants = db.Participants.Where(p => p.EventId == e.Id);

        var byRegion = await exhibitors
            .GroupBy(x => x.ProvinceCode ?? x.CountryCode)
            .Select(g => new CountItem(g.Key, g.Count()))
            .ToListAsync(ct);
        var byIndustry = await exhibitors
            .GroupBy(x => x.Industry)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var byCountry = await participants
            .GroupBy(p => p.CountryCode)
            .Select(g => new CountItem(g.Key, g.Count()))
            .ToListAsync(ct);
        var byKind = await participants
            .GroupBy(p => p.Kind)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var activeStatuses = MeetingStatuses.HoldingSlot;

        return new EventFigures(
            ToSummary(e),
            Booths: await booths.CountAsync(ct),
            AssignedBooths: await exhibitors.CountAsync(x => x.BoothId != null, ct),
            MeetingTables: await booths.SumAsync(b => b.MeetingTables, ct),
            Exhibitors: byRegion.Sum(r => r.Count),
            HostRegionExhibitors: byRegion.Where(r => r.Key == e.HostProvinceCode).Sum(r => r.Count),
            HostRegionQuota: e.HostRegionQuota,
            HostProvinceCode: e.HostProvinceCode,
            Participants: byCountry.Sum(c => c.Count),
            MemberTraders: byKind.Where(k => k.Key == ParticipantKind.OverseasMemberTrader).Sum(k => k.Count),
            ForeignBuyers: byKind.Where(k => k.Key == ParticipantKind.ForeignBuyer).Sum(k => k.Count),
            ParticipantCountries: byCountry.Count,
            Interpreters: await db.Interpreters.CountAsync(i => i.EventId == e.Id, ct),
            Slots: await db.TimeSlots.CountAsync(s => s.EventId == e.Id, ct),
            ActiveMeetings: await db.Meetings.CountAsync(m => m.EventId == e.Id && m.Status != MeetingStatus.Proposed && activeStatuses.Contains(m.Status), ct),
            ProposedMeetings: await db.Meetings.CountAsync(m => m.EventId == e.Id && m.Status == MeetingStatus.Proposed, ct),
            ExhibitorsByRegion: byRegion.OrderByDescending(r => r.Count).ThenBy(r => r.Key).ToList(),
            ExhibitorsByIndustry: byIndustry.OrderByDescending(i => i.Count).ThenBy(i => i.Key.ToString(), StringComparer.Ordinal).Select(i => new CountItem(i.Key.ToString(), i.Count)).ToList(),
            ParticipantsByCountry: byCountry.OrderByDescending(c => c.Count).ThenBy(c => c.Key).ToList());
    }

    private static EventSummary ToSummary(Domain.Events.Event e) =>
        new(e.Id, e.Slug, e.Name, e.Venue, e.City, e.StartDate, e.EndDate, e.ConsultationDays, e.TimeZoneId, e.BookingOpen, e.CancellationCutoffHours);
}
