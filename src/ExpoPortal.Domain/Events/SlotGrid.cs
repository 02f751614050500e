using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Events;

/// <summary>A pause in the consultation day (lunch, opening ceremony) that gets no slots.</summary>
public sealed record SlotBreak(TimeOnly Start, TimeOnly End);

/// <summary>
/// How a consultation day is cut into meeting slots: slot length, day start and end, and breaks.
/// The grid is the single source of the slots; slots are regenerated from it, never edited one by one.
/// </summary>
public sealed record SlotGrid
{
    public SlotGrid(int slotMinutes, TimeOnly dayStart, TimeOnly dayEnd, IReadOnlyList<SlotBreak>? breaks = null)
    {
        if (slotMinutes is < 5 or > 240) throw new DomainException("A slot lasts between 5 and 240 minutes.");
        if (dayEnd <= dayStart) throw new DomainException("The consultation day must end after it starts.");
        var list = (breaks ?? []).OrderBy(b => b.Start).ToList();
        foreach (var b in list)
            if (b.End <= b.Start || b.Start < dayStart || b.End > dayEnd)
                throw new DomainException($"Break {b.Start}-{b.End} must lie inside the day and end after it starts.");
        SlotMinutes = slotMinutes;
        DayStart = dayStart;
        DayEnd = dayEnd;
        Breaks = list;
    }

    public int SlotMinutes { get; private init; }
    public TimeOnly DayStart { get; private init; }
    public TimeOnly DayEnd { get; private init; }
    public IReadOnlyList<SlotBreak> Breaks { get; private init; }

    /// <summary>Start times of the slots in one day: back to back from the start, skipping any slot that touches a break.</summary>
    public IEnumerable<TimeOnly> SlotStarts()
    {
        var length = TimeSpan.FromMinutes(SlotMinutes);
        for (var start = DayStart; start.Add(length) <= DayEnd && start.Add(length) > start;)
        {
            var end = start.Add(length);
            var clash = Breaks.FirstOrDefault(b => start < b.End && b.Start < end);
            if (clash is not null) { start = clash.End; continue; }
            yield return start;
            start = end;
        }
    }
}
