namespace ExpoPortal.Matching.Model;

/// <summary>
/// The slots in time order. Two slots are consecutive when they are neighbours in this order on the
/// same day; a lunch pause that the grid leaves out is therefore not an idle gap. (The portal's own grid of an
/// event is <c>ExpoPortal.Domain.Events.SlotGrid</c>; this is the engine's view of an instance's slots.)
/// </summary>
internal sealed class SlotTimeline
{
    public SlotTimeline(IReadOnlyList<Slot> slots)
    {
        var ordered = slots.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        Slots = ordered;
        PositionOf = ordered.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var dayNames = ordered.Select(s => s.Day).Distinct().ToList();
        DayOf = ordered.Select(s => dayNames.IndexOf(s.Day)).ToArray();
        DayCount = dayNames.Count;
        RunStart = new int[ordered.Length];
        RunEnd = new int[ordered.Length];
        for (var i = 0; i < ordered.Length; i++) RunStart[i] = i > 0 && DayOf[i - 1] == DayOf[i] ? RunStart[i - 1] : i;
        for (var i = ordered.Length - 1; i >= 0; i--) RunEnd[i] = i + 1 < ordered.Length && DayOf[i + 1] == DayOf[i] ? RunEnd[i + 1] : i;
    }

    /// <summary>First position of the run of same-day slots that holds each position.</summary>
    public int[] RunStart { get; }
    /// <summary>Last position (inclusive) of that run.</summary>
    public int[] RunEnd { get; }

    public IReadOnlyList<Slot> Slots { get; }
    public int Count => Slots.Count;
    public int DayCount { get; }
    public IReadOnlyDictionary<string, int> PositionOf { get; }
    public int[] DayOf { get; }

    /// <summary>True when <paramref name="b"/> directly follows <paramref name="a"/> on the same day.</summary>
    public bool Consecutive(int a, int b) => b == a + 1 && DayOf[a] == DayOf[b];

    /// <summary>Idle gaps of one person (or one table) given its busy positions in increasing order.</summary>
    public int GapsOf(IEnumerable<int> sortedPositions)
    {
        var gaps = 0;
        var previous = -1;
        foreach (var position in sortedPositions)
        {
            if (previous >= 0 && DayOf[previous] == DayOf[position] && position > previous + 1) gaps++;
            previous = position;
        }
        return gaps;
    }
}
