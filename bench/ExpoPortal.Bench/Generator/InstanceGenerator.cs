using ExpoPortal.Matching.Model;

namespace ExpoPortal.Bench.Generator;

/// <summary>Shape of a generated event (see bench/README.md).</summary>
public sealed record GeneratorSettings(
    string Name,
    int Exhibitors,
    int Participants,
    int Days,
    double DemandRatio,
    int CandidatesPerParticipant = 40,
    int Interpreters = 30,
    double PartialAvailability = 0.10,
    double TwoTableShare = 0.05,
    double RequestedShare = 0.05,
    int MinMeetings = 4,
    int Seed = 1,
    int? ExhibitorMaxMeetings = null)
{
    public static GeneratorSettings Andong(double ratio, int seed = 1) => new("andong", 250, 1_000, 2, ratio, Seed: seed);
    public static GeneratorSettings IncheonLarge(double ratio, int seed = 1) => new("incheon-large", 500, 3_000, 3, ratio, Interpreters: 60, Seed: seed);
    public static GeneratorSettings Mega(double ratio, int seed = 1) => new("mega", 2_500, 10_000, 3, ratio, Interpreters: 200, Seed: seed);

    /// <summary>Andong's size with everyone there the whole time and exhibitors' own limits binding (12 meetings of 32 table-slots).</summary>
    public static GeneratorSettings Tight(double ratio, int seed = 1) =>
        new("tight", 250, 1_000, 2, ratio, PartialAvailability: 0, ExhibitorMaxMeetings: 12, Seed: seed);

    /// <summary>A large three-day event with scarce interpreters for its many languages (12 for some 3,000 buyers).</summary>
    public static GeneratorSettings ScarceInterpreters(double ratio, int seed = 1) =>
        new("scarce-interpreters", 500, 3_000, 3, ratio, Interpreters: 12, Seed: seed);
}

/// <summary>
/// Generates realistic random events with explicit scored pairs: popularity skew (a few exhibitors are
/// wanted by many), partial-day availability, language groups that need scarce interpreters, and a
/// small share of requested (must-meet) pairs. Same settings and seed, same instance.
/// </summary>
public static class InstanceGenerator
{
    private static readonly string[] SlotTimes =
        ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30"];

    public static MatchInstance Generate(GeneratorSettings settings)
    {
        var random = new Random(settings.Seed);
        var slots = new List<Slot>();
        for (var d = 0; d < settings.Days; d++)
            foreach (var time in SlotTimes)
                slots.Add(new Slot($"d{d + 1}-{time.Replace(":", "")}", $"day{d + 1}",
                    DateTimeOffset.Parse($"2025-10-{d + 1:00}T{time}:00+09:00", System.Globalization.CultureInfo.InvariantCulture), 30));

        var exhibitors = new List<Exhibitor>();
        var tableCount = 0;
        for (var e = 0; e < settings.Exhibitors; e++)
        {
            var tables = random.NextDouble() < settings.TwoTableShare ? 2 : 1;
            var available = PartialAvailability(random, slots, settings);
            tableCount += tables * (available?.Count ?? slots.Count);
            var languages = new List<string> { "ko" };
            if (random.NextDouble() < 0.5) languages.Add("en");
            if (random.NextDouble() < 0.1) languages.Add("zh");
            exhibitors.Add(new Exhibitor($"E{e + 1:0000}", tables, settings.MinMeetings, settings.ExhibitorMaxMeetings ?? tables * slots.Count, languages, available,
                Hall: $"hall-{(char)('A' + e % 3)}"));
        }

        var meanMeetings = settings.DemandRatio * tableCount / settings.Participants;
        var participants = new List<Participant>();
        for (var p = 0; p < settings.Participants; p++)
        {
            var roll = random.NextDouble();
            IReadOnlyList<string> languages = roll < 0.40 ? ["ko"] : roll < 0.75 ? ["en"] : roll < 0.85 ? ["zh"] : roll < 0.93 ? ["ja"] : ["vi"];
            var max = Math.Max(1, (int)Math.Round(meanMeetings + (random.NextDouble() - 0.5) * 4));
            participants.Add(new Participant($"P{p + 1:00000}", max, languages, PartialAvailability(random, slots, settings)));
        }

        string[] bridged = ["en", "zh", "ja", "vi", "zh", "ja"];
        var interpreters = Enumerable.Range(0, settings.Interpreters)
            .Select(i => new Interpreter($"I{i + 1:000}", ["ko", bridged[i % bridged.Length]], PartialAvailability(random, slots, settings)))
            .ToList();

        // Popularity skew: exhibitor e is drawn with weight 1/(rank+5)^0.9.
        var weights = Enumerable.Range(0, settings.Exhibitors).Select(r => 1.0 / Math.Pow(r + 5, 0.9)).ToArray();
        var popularityOrder = Enumerable.Range(0, settings.Exhibitors).OrderBy(_ => random.Next()).ToArray();
        var cumulative = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++) cumulative[i] = weights[i] + (i > 0 ? cumulative[i - 1] : 0);

        var pairs = new List<CandidatePair>();
        var picked = new HashSet<int>();
        for (var p = 0; p < participants.Count; p++)
        {
            picked.Clear();
            var wanted = Math.Min(settings.CandidatesPerParticipant, settings.Exhibitors);
            for (var attempts = 0; picked.Count < wanted && attempts < wanted * 20; attempts++)
            {
                var u = random.NextDouble() * cumulative[^1];
                var rank = Array.BinarySearch(cumulative, u);
                picked.Add(popularityOrder[rank < 0 ? ~rank : rank]);
            }
            foreach (var e in picked.Order())
            {
                var exhibitor = exhibitors[e];
                var shared = LanguageRules.Shared(participants[p].Languages, exhibitor.Languages);
                var score = 10 + random.Next(60) + (shared ? 15 : 0);
                var mustMeet = random.NextDouble() < settings.RequestedShare;
                pairs.Add(new CandidatePair(participants[p].Id, exhibitor.Id, mustMeet ? score + 30 : score, mustMeet));
            }
        }
        return new MatchInstance(slots, exhibitors, participants, interpreters, pairs);
    }

    /// <summary>A share of people come for one day only, or for half of a day.</summary>
    private static IReadOnlyList<string>? PartialAvailability(Random random, List<Slot> slots, GeneratorSettings settings)
    {
        if (random.NextDouble() >= settings.PartialAvailability) return null;
        var day = random.Next(settings.Days);
        var daySlots = slots.Skip(day * SlotTimes.Length).Take(SlotTimes.Length).ToList();
        return (random.Next(3) switch
        {
            0 => daySlots,
            1 => daySlots.Take(SlotTimes.Length / 2),
            _ => daySlots.Skip(SlotTimes.Length / 2),
        }).Select(s => s.Id).ToList();
    }
}
