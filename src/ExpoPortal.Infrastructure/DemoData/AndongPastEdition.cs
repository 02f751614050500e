using ExpoPortal.Application.Common;
using Bogus;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;

namespace ExpoPortal.Infrastructure.DemoData;

/// <summary>A consultation that took place at the past edition, with what came of it; by object, as ids exist only once saved.</summary>
public sealed record DemoMeeting(Participant Participant, Exhibitor Exhibitor, TimeSlot Slot, int Table, MeetingOrigin Origin, bool Held, MeetingOutcome? Outcome);

public sealed record PastEdition(DemoEvent Demo, IReadOnlyList<DemoMeeting> Meetings);

/// <summary>
/// "Korea Business EXPO Andong 2025", the edition before the demo event, with its consultations held and their
/// outcomes, so that the results report has something to show on a fresh start. Generated from a fixed seed so that
/// its totals land near the published figures: about 2,010 consultations at 256 booths, 903 members from 51 countries
/// and about 100 buyers from 13 countries, 120 MOUs worth USD 21.2 million.
/// </summary>
public static class AndongPastEdition
{
    public const string Slug = "andong-2025";
    public const int DefaultSeed = 20250521;
    public const int Members = 903;
    public const int MemberCountries = 51;
    public const int Buyers = 100;
    public const int HeldConsultations = 2_010;
    public const int WalkIns = 150;
    public const int NoShows = 90;
    public const int Mous = 120;
    public const decimal MouTotalUsd = 21_200_000m;

    private static readonly string[] LargeChapters = ["US", "CN", "JP", "VN"];

    public static PastEdition Generate(int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2025, 5, 21);
        var expo = new Event(
            Slug,
            new LocalizedText("2025 대한민국 비즈니스 엑스포 안동", "Korea Business EXPO Andong 2025"),
            new LocalizedText("안동국제컨벤션센터", "Andong International Convention Center"),
            new LocalizedText("경상북도 안동시", "Andong, Gyeongsangbuk-do"),
            start, start.AddDays(2), [start, start.AddDays(1)],
            new SlotGrid(30, new TimeOnly(9, 30), new TimeOnly(17, 30), [new SlotBreak(new TimeOnly(12, 0), new TimeOnly(13, 30))]),
            "Asia/Seoul", hostProvinceCode: "KR-47", hostRegionQuota: AndongDemo.HostRegionExhibitors);
        // The consultations are over: nothing to book any more.
        expo.CloseBooking();

        var (halls, booths) = AndongDemo.FloorPlan(expo);
        var exhibitors = AndongDemo.Exhibitors(expo, booths, random, everyoneHasABooth: true);
        var participants = Participants(expo, random);
        var interpreters = AndongDemo.Interpreters(expo, random);
        var meetings = Meetings(expo, exhibitors, participants, random);
        // The same secretariat ran it: its sign-in is granted this edition too (organizer rights are per event).
        DemoUser[] users = [new("organizer@expo.demo", AndongDemo.DemoPassword, "엑스포 사무국 / Expo Secretariat", Roles.Organizer)];
        return new PastEdition(new DemoEvent(expo, halls, booths, exhibitors, participants, interpreters, [], users), meetings);
    }

    private static List<Participant> Participants(Event expo, Random random)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(expo.TimeZoneId);
        DateTimeOffset Local(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        var arrives = Local(expo.ConsultationDays[0].AddDays(-1), 18);
        var departs = Local(expo.ConsultationDays[^1].AddDays(1), 10);
        var countries = DemoCatalog.MemberCountries.Take(MemberCountries).ToArray();
        var fakers = new Dictionary<string, Faker>();
        Faker FakerFor(string locale) => fakers.TryGetValue(locale, out var f) ? f : fakers[locale] = new Faker(locale) { Random = new Randomizer(random.Next()) };
        var industries = Enum.GetValues<Industry>();

        var list = new List<Participant>(Members + Buyers);
        for (var i = 0; i < Members + Buyers; i++)
        {
            var isMember = i < Members;
            var large = AndongDemo.Pick(random, LargeChapters);
            var buyerCountry = i - Members is var b && b >= 0 && b < DemoCatalog.BuyerCountries.Length ? DemoCatalog.BuyerCountries[b] : AndongDemo.Pick(random, DemoCatalog.BuyerCountries);
            // Every country at least once, then the large chapters (US, China, Japan, Vietnam) weigh more.
            var home = isMember
                ? (i < countries.Length ? countries[i] : random.NextDouble() < 0.45 ? countries.First(c => c.Country == large) : AndongDemo.Pick(random, countries))
                : DemoCatalog.MemberCountries.First(c => c.Country == buyerCountry);
            var chapter = AndongDemo.Pick(random, home.Chapters);
            var s = random.Next(DemoCatalog.KoreanSurnames.Length);
            var given = AndongDemo.Pick(random, DemoCatalog.KoreanGivenNames);
            var fullName = isMember ? $"{DemoCatalog.KoreanSurnamesLatin[s]} {given.En}" : FakerFor(home.Locale).Name.FullName();
            var company = isMember
                ? $"{DemoCatalog.KoreanSurnamesLatin[random.Next(DemoCatalog.KoreanSurnamesLatin.Length)]} {AndongDemo.Pick(random, DemoCatalog.CompanyForms)} ({chapter})"
                : FakerFor(home.Locale).Company.CompanyName();
            var p = new Participant(expo, isMember ? ParticipantKind.OverseasMemberTrader : ParticipantKind.ForeignBuyer, fullName, company, home.Country, chapter, arrives, departs);
            List<string> languages = isMember ? ["ko", .. home.Languages] : [.. home.Languages, "en"];
            p.Describe(isMember ? $"{DemoCatalog.KoreanSurnames[s]}{given.Ko}" : null, isMember ? chapter : null, languages.Distinct().ToList(),
                AndongDemo.Pick(random, Enum.GetValues<ImportScale>()), null);
            p.SetInterests([], [industries[random.Next(industries.Length)]]);
            list.Add(p);
        }
        return list;
    }

    /// <summary>
    /// The consultations held (walk-ins among them) and the no-shows, each participant and each table once per slot.
    /// MOU values are drawn, then scaled so that they add up to the published total.
    /// </summary>
    private static List<DemoMeeting> Meetings(Event expo, List<Exhibitor> exhibitors, List<Participant> participants, Random random)
    {
        var slots = expo.Slots.OrderBy(s => s.StartsAt).ToList();
        var tableTaken = new HashSet<(Exhibitor, TimeSlot, int)>();
        var personBusy = new HashSet<(Participant, TimeSlot)>();
        var pairs = new HashSet<(Participant, Exhibitor)>();
        var places = new List<(Participant P, Exhibitor X, TimeSlot S, int Table)>();
        while (places.Count < HeldConsultations + NoShows)
        {
            var p = participants[random.Next(participants.Count)];
            var x = exhibitors[random.Next(exhibitors.Count)];
            var slot = slots[random.Next(slots.Count)];
            var table = 1 + random.Next(x.Booth!.MeetingTables);
            if (personBusy.Contains((p, slot)) || tableTaken.Contains((x, slot, table)) || !pairs.Add((p, x))) continue;
            personBusy.Add((p, slot));
            tableTaken.Add((x, slot, table));
            places.Add((p, x, slot, table));
        }

        var mouAt = Enumerable.Range(0, HeldConsultations).OrderBy(_ => random.Next()).Take(Mous).ToHashSet();
        var weights = mouAt.ToDictionary(i => i, _ => 0.2 + random.NextDouble() * 2.8);
        var totalWeight = weights.Values.Sum();
        var mouValues = weights.ToDictionary(w => w.Key, w => Math.Round(MouTotalUsd * (decimal)(w.Value / totalWeight) / 100m) * 100m);
        // Rounding leaves a few hundred dollars over or under; the largest MOU takes the difference.
        var largest = mouValues.MaxBy(v => v.Value).Key;
        mouValues[largest] += MouTotalUsd - mouValues.Values.Sum();

        var meetings = new List<DemoMeeting>(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            var (p, x, slot, table) = places[i];
            var held = i < HeldConsultations;
            var origin = !held ? MeetingOrigin.ProposedByMatching : i < WalkIns ? MeetingOrigin.WalkIn
                : random.NextDouble() < 0.7 ? MeetingOrigin.ProposedByMatching : MeetingOrigin.RequestedByParticipant;
            MeetingOutcome? outcome = null;
            if (held)
            {
                // Consultation values in whole thousands of dollars, larger for larger importers.
                var scale = p.ImportScale switch { ImportScale.Under100K => 1, ImportScale.From100KTo1M => 3, ImportScale.From1MTo10M => 8, _ => 15 };
                var consultation = (decimal)(random.Next(5, 40) * scale) * 1_000m;
                var expected = random.NextDouble() < 0.45 ? Math.Round(consultation * (decimal)(0.1 + random.NextDouble() * 0.4) / 1_000m) * 1_000m : (decimal?)null;
                var mou = mouAt.Contains(i);
                outcome = MeetingOutcome.Of(consultation, mou ? Math.Max(expected ?? 0m, mouValues[i]) : expected, mou, mou ? mouValues[i] : null, null, slot.EndsAt);
            }
            meetings.Add(new DemoMeeting(p, x, slot, table, origin, held, outcome));
        }
        return meetings;
    }
}
