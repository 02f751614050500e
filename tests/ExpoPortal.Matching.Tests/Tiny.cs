using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Tests;

/// <summary>Builders for tiny hand-made instances: one day of slots s1..sN, everyone speaking "ko" unless told.</summary>
internal static class Tiny
{
    public static List<Slot> Slots(int count, int days = 1) =>
        Enumerable.Range(0, count * days).Select(i => new Slot($"s{i + 1}", $"d{i / count + 1}",
            new DateTimeOffset(2025, 10, 1 + i / count, 9, 0, 0, TimeSpan.FromHours(9)).AddMinutes(30 * (i % count)), 30)).ToList();

    public static Exhibitor Exhibitor(string id, int tables = 1, int max = 100, int min = 0, string[]? languages = null, string[]? available = null) =>
        new(id, tables, min, max, languages ?? ["ko"], available);

    public static Participant Participant(string id, int max = 100, string[]? languages = null, string[]? available = null) =>
        new(id, max, languages ?? ["ko"], available);

    public static CandidatePair Pair(string p, string e, int score = 10, bool must = false) => new(p, e, score, must);

    public static MatchInstance Instance(int slots, IEnumerable<Exhibitor> exhibitors, IEnumerable<Participant> participants,
        IEnumerable<CandidatePair> pairs, IEnumerable<Interpreter>? interpreters = null) =>
        new(Slots(slots), exhibitors.ToList(), participants.ToList(), (interpreters ?? []).ToList(), pairs.ToList());
}
