namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// The mutable state of a schedule under construction: which candidate pair meets in which slot, with
/// which interpreter. Tables are not tracked here: an exhibitor's table j is busy exactly when it has at
/// least j meetings in the slot (see <see cref="TableAssigner"/>), so its gaps follow from its load profile.
/// </summary>
internal sealed class Timetable
{
    public const int None = -1;

    public Timetable(MatchProblem problem)
    {
        Problem = problem;
        PairSlot = Filled(problem.PairCount);
        PairInterpreter = Filled(problem.PairCount);
        Pinned = new bool[problem.PairCount];
        ParticipantAt = Enumerable.Range(0, problem.Participants).Select(_ => Filled(problem.Slots)).ToArray();
        ExhibitorLoad = Enumerable.Range(0, problem.Exhibitors).Select(_ => new int[problem.Slots]).ToArray();
        _exhibitorAt = Enumerable.Range(0, problem.Exhibitors).Select(e => Filled(problem.Slots * problem.Tables[e])).ToArray();
        InterpreterAt = Enumerable.Range(0, problem.Interpreters).Select(_ => Filled(problem.Slots)).ToArray();
        ParticipantMeetings = new int[problem.Participants];
        ExhibitorMeetings = new int[problem.Exhibitors];
    }

    public MatchProblem Problem { get; }
    public int[] PairSlot { get; }
    public int[] PairInterpreter { get; }
    public bool[] Pinned { get; }
    public int[][] ParticipantAt { get; }
    public int[][] ExhibitorLoad { get; }
    public int[][] InterpreterAt { get; }
    /// <summary>Per exhibitor, the pairs it meets in each slot: <c>Tables</c> entries per slot, None where free (in no order).</summary>
    private readonly int[][] _exhibitorAt;
    public int[] ParticipantMeetings { get; }
    public int[] ExhibitorMeetings { get; }
    public long Score { get; private set; }
    public int MeetingCount { get; private set; }

    public bool IsPlaced(int pair) => PairSlot[pair] != None;

    /// <summary>Both sides available and free, limits not reached (the interpreter is checked separately).</summary>
    public bool SidesFree(int pair, int slot)
    {
        int p = Problem.PairParticipant[pair], e = Problem.PairExhibitor[pair];
        return ParticipantMeetings[p] < Problem.ParticipantCapacity[p] && ExhibitorMeetings[e] < Problem.ExhibitorCapacity[e]
            && Problem.ParticipantAvailable[p][slot] && Problem.ExhibitorAvailable[e][slot]
            && ParticipantAt[p][slot] == None && ExhibitorLoad[e][slot] < Problem.Tables[e];
    }

    /// <summary>The interpreter to use for the pair in the slot: <see cref="None"/> when none is needed, -2 when none is free.</summary>
    public int InterpreterFor(int pair, int slot, int[]? scarcity = null)
    {
        var options = Problem.PairInterpreters[pair];
        if (options is null) return None;
        var best = -2;
        foreach (var i in options)
        {
            if (!Problem.InterpreterAvailable[i][slot] || InterpreterAt[i][slot] != None) continue;
            // Keep versatile interpreters free for the pairs only they can bridge.
            if (best < 0 || (scarcity is not null && scarcity[i] < scarcity[best])) best = i;
        }
        return best;
    }

    public bool TryPlace(int pair, int slot, int[]? scarcity = null)
    {
        if (IsPlaced(pair) || !SidesFree(pair, slot)) return false;
        var interpreter = InterpreterFor(pair, slot, scarcity);
        if (interpreter == -2) return false;
        Place(pair, slot, interpreter);
        return true;
    }

    public void Place(int pair, int slot, int interpreter)
    {
        int p = Problem.PairParticipant[pair], e = Problem.PairExhibitor[pair];
        var at = ExhibitorSlot(e, slot);
        var free = at.IndexOf(None);
        // Every caller checks the exhibitor's load first; a meeting beyond its tables is a bug, not a schedule.
        if (free < 0) throw new InvalidOperationException($"Exhibitor {e} has no table left in slot {slot}.");
        at[free] = pair;
        PairSlot[pair] = slot;
        PairInterpreter[pair] = interpreter;
        ParticipantAt[p][slot] = pair;
        ExhibitorLoad[e][slot]++;
        if (interpreter >= 0) InterpreterAt[interpreter][slot] = pair;
        ParticipantMeetings[p]++;
        ExhibitorMeetings[e]++;
        Score += Problem.PairScore[pair];
        MeetingCount++;
    }

    public void Remove(int pair)
    {
        var slot = PairSlot[pair];
        if (slot == None) return;
        int p = Problem.PairParticipant[pair], e = Problem.PairExhibitor[pair];
        ParticipantAt[p][slot] = None;
        ExhibitorLoad[e][slot]--;
        var at = ExhibitorSlot(e, slot);
        at[at.IndexOf(pair)] = None;
        if (PairInterpreter[pair] >= 0) InterpreterAt[PairInterpreter[pair]][slot] = None;
        ParticipantMeetings[p]--;
        ExhibitorMeetings[e]--;
        Score -= Problem.PairScore[pair];
        MeetingCount--;
        PairSlot[pair] = None;
        PairInterpreter[pair] = None;
    }

    /// <summary>Every pair the exhibitor meets, slot by slot (<c>Tables</c> entries per slot, None where a table is free).</summary>
    public ReadOnlySpan<int> ExhibitorAt(int exhibitor) => _exhibitorAt[exhibitor];

    /// <summary>The pairs the exhibitor meets in the slot (entries of None where a table is free).</summary>
    public ReadOnlySpan<int> ExhibitorAt(int exhibitor, int slot) => ExhibitorSlot(exhibitor, slot);

    private Span<int> ExhibitorSlot(int exhibitor, int slot)
    {
        var tables = Problem.Tables[exhibitor];
        return _exhibitorAt[exhibitor].AsSpan(slot * tables, tables);
    }

    /// <summary>Idle gaps of one participant on the day of <paramref name="slotOnDay"/>.</summary>
    public int ParticipantGapsOnDay(int participant, int slotOnDay)
    {
        var (start, end) = DayRange(slotOnDay);
        // A slot holds a pair index (≥ 0) when busy, None (−1) when free.
        return GapsAtLeast(ParticipantAt[participant], 0, start, end);
    }

    /// <summary>Back-to-back meetings of one participant on a day in different halls (a walk across the venue).</summary>
    public int ParticipantHallChangesOnDay(int participant, int slotOnDay)
    {
        var at = ParticipantAt[participant];
        var halls = Problem.ExhibitorHall;
        var (start, end) = DayRange(slotOnDay);
        var changes = 0;
        for (var s = start; s < end; s++)
        {
            if (at[s] == None || at[s + 1] == None) continue;
            int a = halls[Problem.PairExhibitor[at[s]]], b = halls[Problem.PairExhibitor[at[s + 1]]];
            if (a >= 0 && b >= 0 && a != b) changes++;
        }
        return changes;
    }

    /// <summary>Idle gaps of all tables of one exhibitor on a day: table j is busy where the load is at least j.</summary>
    public int ExhibitorGapsOnDay(int exhibitor, int slotOnDay)
    {
        var load = ExhibitorLoad[exhibitor];
        var (start, end) = DayRange(slotOnDay);
        var gaps = 0;
        for (var level = 1; level <= Problem.Tables[exhibitor]; level++)
            gaps += GapsAtLeast(load, level, start, end);
        return gaps;
    }

    public int TotalGaps()
    {
        var total = 0;
        foreach (var first in DayStarts())
        {
            for (var p = 0; p < Problem.Participants; p++) total += ParticipantGapsOnDay(p, first);
            for (var e = 0; e < Problem.Exhibitors; e++) total += ExhibitorGapsOnDay(e, first);
        }
        return total;
    }

    public IEnumerable<int> DayStarts()
    {
        var dayOf = Problem.Grid.DayOf;
        for (var s = 0; s < dayOf.Length; s++)
            if (s == 0 || dayOf[s] != dayOf[s - 1]) yield return s;
    }

    /// <summary>First and last slot of the slot's day (inclusive).</summary>
    public (int Start, int End) DayRange(int slot) => (Problem.Grid.RunStart[slot], Problem.Grid.RunEnd[slot]);

    public IEnumerable<int> PlacedPairs()
    {
        for (var k = 0; k < PairSlot.Length; k++) if (PairSlot[k] != None) yield return k;
    }

    public Timetable Clone()
    {
        var copy = new Timetable(Problem);
        for (var k = 0; k < PairSlot.Length; k++)
        {
            copy.Pinned[k] = Pinned[k];
            if (PairSlot[k] != None) copy.Place(k, PairSlot[k], PairInterpreter[k]);
        }
        return copy;
    }

    /// <summary>Gaps of the busy pattern "values[s] ≥ threshold" between start and end (inclusive): the hottest loop of the polish.</summary>
    private static int GapsAtLeast(int[] values, int threshold, int start, int end)
    {
        var gaps = 0;
        var seen = false;
        var previousBusy = false;
        for (var s = start; s <= end; s++)
        {
            var now = values[s] >= threshold;
            if (now && seen && !previousBusy) gaps++;
            seen |= now;
            previousBusy = now;
        }
        return gaps;
    }

    private static int[] Filled(int length)
    {
        var array = new int[length];
        Array.Fill(array, None);
        return array;
    }
}
