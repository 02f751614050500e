using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Results;

/// <summary>The figures of one group (a region, an industry, a buyer country, an exhibitor) or of the whole event.</summary>
/// <param name="Key">A stable key: host|other|overseas, an industry name, a country code, an exhibitor id.</param>
public sealed record ResultRow(string Key, LocalizedText Label, int Consultations, decimal ConsultationValueUsd, decimal ExpectedContractValueUsd,
    int Mous, decimal MouValueUsd, int WalkIns, int NoShows);

/// <summary>Who took part, as the published results give it.</summary>
public sealed record Turnout(int Booths, int Exhibitors, int Members, int MemberCountries, int Buyers, int BuyerCountries);

/// <summary>
/// The results report as Korean expos publish it. A consultation is a meeting held (walk-ins included); its values
/// come from the outcome the booth recorded; a meeting nobody came to counts as a no-show, not a consultation.
/// </summary>
public sealed record ResultsReportView(int EventId, string Slug, LocalizedText EventName, Turnout Turnout, ResultRow Totals,
    IReadOnlyList<ResultRow> ByRegion, IReadOnlyList<ResultRow> ByIndustry, IReadOnlyList<ResultRow> ByBuyerCountry, IReadOnlyList<ResultRow> ByExhibitor);

public sealed class ResultsReport(IAppDbContextFactory dbFactory)
{
    public static readonly LocalizedText HostRegion = new("주최 지역 (경상북도)", "Host province");
    public static readonly LocalizedText OtherRegions = new("기타 국내 지역", "Other Korean regions");
    public static readonly LocalizedText Overseas = new("해외 회원사", "Overseas member firms");

    public async Task<Result<ResultsReportView>> ForEventAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MeetingBooking.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return Error.NotFound("event_not_found", "No such event.");

        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.EventId == eventId && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.NoShow))
            .Select(m => new
            {
                m.Status, m.Origin, m.Outcome, m.ExhibitorId, Exhibitor = m.Exhibitor.Name, m.Exhibitor.ProvinceCode, m.Exhibitor.CountryCode,
                m.Exhibitor.Industry, Booth = m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : null, BuyerCountry = m.Participant.CountryCode,
            })
            .ToListAsync(ct);
        var facts = rows.Select(r => new Fact(r.Status == MeetingStatus.Held, r.Origin == MeetingOrigin.WalkIn, r.Outcome,
            r.ProvinceCode == expo.HostProvinceCode ? "host" : r.CountryCode == "KR" ? "other" : "overseas",
            r.Industry.ToString(), r.BuyerCountry, r.ExhibitorId,
            r.Booth is null ? r.Exhibitor : new LocalizedText($"{r.Booth} {r.Exhibitor.Ko}", $"{r.Booth} {r.Exhibitor.En}"))).ToList();

        var participants = db.Participants.AsNoTracking().Where(p => p.EventId == eventId);
        var turnout = new Turnout(
            await db.Booths.CountAsync(b => b.EventId == eventId, ct),
            await db.Exhibitors.CountAsync(x => x.EventId == eventId, ct),
            await participants.CountAsync(p => p.Kind == ParticipantKind.OverseasMemberTrader, ct),
            await participants.Where(p => p.Kind == ParticipantKind.OverseasMemberTrader).Select(p => p.CountryCode).Distinct().CountAsync(ct),
            await participants.CountAsync(p => p.Kind == ParticipantKind.ForeignBuyer, ct),
            await participants.Where(p => p.Kind == ParticipantKind.ForeignBuyer).Select(p => p.CountryCode).Distinct().CountAsync(ct));

        var regions = new Dictionary<string, LocalizedText> { ["host"] = HostRegion, ["other"] = OtherRegions, ["overseas"] = Overseas };
        return new ResultsReportView(expo.Id, expo.Slug, expo.Name, turnout,
            Row("total", expo.Name, facts),
            regions.Select(r => Row(r.Key, r.Value, facts.Where(f => f.Region == r.Key))).ToList(),
            Group(facts, f => f.Industry, key => IndustryNames.Of(Enum.Parse<Industry>(key))),
            Group(facts, f => f.BuyerCountry, key => new LocalizedText(Countries.NameOf(key, "ko"), Countries.NameOf(key, "en"))),
            facts.GroupBy(f => f.ExhibitorId).Select(g => Row(g.Key.ToString(), g.First().ExhibitorName, g))
                .OrderByDescending(r => r.Consultations).ThenByDescending(r => r.ConsultationValueUsd).ToList());
    }

    private sealed record Fact(bool Held, bool WalkIn, MeetingOutcome? Outcome, string Region, string Industry, string BuyerCountry, int ExhibitorId, LocalizedText ExhibitorName);

    private static List<ResultRow> Group(List<Fact> facts, Func<Fact, string> key, Func<string, LocalizedText> label) =>
        facts.GroupBy(key).Select(g => Row(g.Key, label(g.Key), g))
            .OrderByDescending(r => r.Consultations).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    private static ResultRow Row(string key, LocalizedText label, IEnumerable<Fact> facts)
    {
        var list = facts.ToList();
        var held = list.Where(f => f.Held).ToList();
        return new ResultRow(key, label, held.Count,
            held.Sum(f => f.Outcome?.ConsultationValueUsd ?? 0m),
            held.Sum(f => f.Outcome?.EstimatedValueUsd ?? 0m),
            held.Count(f => f.Outcome?.MouSigned == true),
            held.Sum(f => f.Outcome?.MouValueUsd ?? 0m),
            held.Count(f => f.WalkIn),
            list.Count(f => !f.Held));
    }
}
