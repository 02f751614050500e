namespace ExpoPortal.Matching.Scheduling;

/// <summary>Greedy schedules: the naive baseline every figure is compared with, and a gap-aware variant.</summary>
internal static class GreedyScheduler
{
    /// <summary>The baseline: best score first, each pair in the first slot where it fits.</summary>
    public static Timetable FirstFreeSlot(MatchProblem problem, Timetable? start = null)
    {
        var timetable = start?.Clone() ?? new Timetable(problem);
        foreach (var k in ByScore(problem, mustMeetFirst: false))
        {
            if (timetable.IsPlaced(k)) continue;
            for (var s = 0; s < problem.Slots; s++)
                if (timetable.TryPlace(k, s)) break;
        }
        return timetable;
    }

    /// <summary>
    /// Compact greedy: must-meets first, then best score; each pair goes to the slot that adds the fewest
    /// idle gaps to both sides (earliest on ties).
    /// </summary>
    public static Timetable Compact(MatchProblem problem, Timetable? start = null, int[]? scarcity = null)
    {
        var timetable = start?.Clone() ?? new Timetable(problem);
        foreach (var k in ByScore(problem, mustMeetFirst: true))
            if (!timetable.IsPlaced(k)) PlaceWhereCompact(timetable, k, scarcity);
        return timetable;
    }

    /// <summary>Places the pair in the feasible slot with the smallest gap increase; false if none.</summary>
    public static bool PlaceWhereCompact(Timetable timetable, int k, int[]? scarcity = null)
    {
        var problem = timetable.Problem;
        int p = problem.PairParticipant[k], e = problem.PairExhibitor[k];
        int bestSlot = -1, bestCost = int.MaxValue;
        for (var s = 0; s < problem.Slots; s++)
        {
            if (!timetable.SidesFree(k, s) || timetable.InterpreterFor(k, s, scarcity) == -2) continue;
            var cost = PlacementCost(timetable, p, e, s);
            if (cost < bestCost) { bestCost = cost; bestSlot = s; }
        }
        return bestSlot >= 0 && timetable.TryPlace(k, bestSlot, scarcity);
    }

    /// <summary>
    /// Gap increase of placing a meeting of p and e in slot s; an isolated meeting on a day that already has
    /// meetings costs a gap, one that touches an existing block costs none.
    /// </summary>
    internal static int PlacementCost(Timetable timetable, int p, int e, int s)
    {
        var before = timetable.ParticipantGapsOnDay(p, s) + timetable.ExhibitorGapsOnDay(e, s);
        timetable.ParticipantAt[p][s] = int.MaxValue; // temporary marker, not a pair
        timetable.ExhibitorLoad[e][s]++;
        var after = timetable.ParticipantGapsOnDay(p, s) + timetable.ExhibitorGapsOnDay(e, s);
        timetable.ParticipantAt[p][s] = Timetable.None;
        timetable.ExhibitorLoad[e][s]--;
        // Touching nothing at all today is slightly worse than touching a block: keeps days compact.
        var touches = (s > 0 && timetable.Problem.Grid.Consecutive(s - 1, s) && (timetable.ParticipantAt[p][s - 1] != Timetable.None)) ||
                      (s + 1 < timetable.Problem.Slots && timetable.Problem.Grid.Consecutive(s, s + 1) && timetable.ParticipantAt[p][s + 1] != Timetable.None);
        return (after - before) * 4 + (touches ? 0 : 1);
    }

    internal static IEnumerable<int> ByScore(MatchProblem problem, bool mustMeetFirst) =>
        Enumerable.Range(0, problem.PairCount)
            .OrderByDescending(k => mustMeetFirst && problem.PairMustMeet[k])
            .ThenByDescending(k => problem.PairScore[k])
            .ThenBy(k => k);
}
