using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Places meetings as fixed on a timetable: published meetings (every one must follow the rules), then, for a
/// re-plan, the previous schedule's meetings that still do. A placed meeting keeps its slot, interpreter and table.
/// </summary>
internal sealed class PinPlacer(Timetable timetable)
{
    private readonly Dictionary<string, int> _interpreters =
        timetable.Problem.Instance.Interpreters.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
    private readonly HashSet<(int Exhibitor, int Slot, int Table)> _tableTaken = [];

    /// <summary>The table of each placed pair, by pair index, so tables do not change either.</summary>
    public Dictionary<int, int> Tables { get; } = [];

    /// <returns>Null when every meeting is placed; otherwise the first that breaks a rule (the timetable is then partly filled: discard it).</returns>
    public PinRefusal? PlaceAll(IReadOnlyList<Meeting> meetings)
    {
        for (var i = 0; i < meetings.Count; i++)
            if (Reason(meetings[i]) is { } reason) return new PinRefusal(i, meetings[i], reason);
        return null;
    }

    /// <summary>Places every meeting that still follows the rules and leaves out the others (for a re-plan).</summary>
    /// <returns>The meetings placed.</returns>
    public List<Meeting> PlaceValid(IReadOnlyList<Meeting> meetings) => meetings.Where(m => Reason(m) is null).ToList();

    /// <summary>Places the meeting, or says which rule it breaks (and then changes nothing).</summary>
    private string? Reason(Meeting m)
    {
        var problem = timetable.Problem;
        if (!problem.ParticipantIndex.TryGetValue(m.Participant, out var p)) return "unknown participant";
        if (!problem.ExhibitorIndex.TryGetValue(m.Exhibitor, out var e)) return "unknown exhibitor";
        if (!problem.Grid.PositionOf.TryGetValue(m.Slot, out var s)) return "unknown slot";
        if (!problem.PairIndex.TryGetValue((p, e), out var k)) return "not a candidate pair";
        if (timetable.IsPlaced(k)) return "this pair is pinned twice";
        if (!timetable.SidesFree(k, s)) return "a side is unavailable, busy or at its limit";
        if (m.Table > problem.Tables[e] || _tableTaken.Contains((e, s, m.Table))) return $"table {m.Table} is not free";
        var interpreter = Timetable.None;
        if (m.Interpreter is not null)
        {
            if (!_interpreters.TryGetValue(m.Interpreter, out interpreter)) return $"unknown interpreter {m.Interpreter}";
            if (!problem.InterpreterAvailable[interpreter][s] || timetable.InterpreterAt[interpreter][s] != Timetable.None)
                return $"interpreter {m.Interpreter} is not free";
        }
        else if (problem.NeedsInterpreter(k)) return "needs an interpreter";
        timetable.Place(k, s, interpreter);
        timetable.Pinned[k] = true;
        Tables[k] = m.Table;
        _tableTaken.Add((e, s, m.Table));
        return null;
    }
}
