using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Scheduling;

/// <summary>Places already published meetings as fixed, refusing pins that break a rule.</summary>
public static class PinPlacer
{
    /// <returns>The pinned table of each pinned pair, so tables do not change either.</returns>
    public static Dictionary<int, int> Place(Timetable timetable, MatchSchedule pinned) =>
        Place(timetable, pinned, skipInvalid: false, out _);

    /// <summary>Pins every meeting that still follows the rules and leaves out the others (for a re-plan).</summary>
    public static List<Meeting> PlaceValid(Timetable timetable, IReadOnlyList<Meeting> meetings)
    {
        Place(timetable, new MatchSchedule(meetings), skipInvalid: true, out var kept);
        return kept;
    }

    private static Dictionary<int, int> Place(Timetable timetable, MatchSchedule pinned, bool skipInvalid, out List<Meeting> kept)
    {
        kept = [];
        var problem = timetable.Problem;
        var instance = problem.Instance;
        var participants = problem.ParticipantIndex;
        var exhibitors = problem.ExhibitorIndex;
        var interpreters = instance.Interpreters.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var tables = new Dictionary<int, int>();
        var tableTaken = new HashSet<(int Exhibitor, int Slot, int Table)>();
        var index = 0;
        foreach (var m in pinned.Meetings)
        {
            try
            {
                PlaceOne(m, index++);
                kept.Add(m);
            }
            catch (MatchFormatException) when (skipInvalid)
            {
                // Affected by a change: left out, for the engine to re-place or drop.
            }
        }
        return tables;

        void PlaceOne(Meeting m, int position)
        {
            var where = $"pinned meetings[{position}] ({m.Participant}, {m.Exhibitor}, {m.Slot})";
            if (!participants.TryGetValue(m.Participant, out var p)) throw new MatchFormatException($"{where}: unknown participant");
            if (!exhibitors.TryGetValue(m.Exhibitor, out var e)) throw new MatchFormatException($"{where}: unknown exhibitor");
            if (!problem.Grid.PositionOf.TryGetValue(m.Slot, out var s)) throw new MatchFormatException($"{where}: unknown slot");
            if (!problem.PairIndex.TryGetValue((p, e), out var k)) throw new MatchFormatException($"{where}: not a candidate pair");
            if (timetable.IsPlaced(k)) throw new MatchFormatException($"{where}: this pair is pinned twice");
            if (!timetable.SidesFree(k, s)) throw new MatchFormatException($"{where}: a side is unavailable, busy or at its limit");
            if (m.Table > problem.Tables[e] || tableTaken.Contains((e, s, m.Table)))
                throw new MatchFormatException($"{where}: table {m.Table} is not free");
            var interpreter = Timetable.None;
            if (m.Interpreter is not null)
            {
                if (!interpreters.TryGetValue(m.Interpreter, out interpreter)) throw new MatchFormatException($"{where}: unknown interpreter {m.Interpreter}");
                if (!problem.InterpreterAvailable[interpreter][s] || timetable.InterpreterAt[interpreter][s] != Timetable.None)
                    throw new MatchFormatException($"{where}: interpreter {m.Interpreter} is not free");
            }
            else if (problem.NeedsInterpreter(k)) throw new MatchFormatException($"{where}: needs an interpreter");
            timetable.Place(k, s, interpreter);
            timetable.Pinned[k] = true;
            tables[k] = m.Table;
            tableTaken.Add((e, s, m.Table));
        }
    }
}
