using ExpoPortal.Matching.Scheduling;

namespace ExpoPortal.Matching.Bound;

/// <summary>
/// An upper bound on the total score: the maximum-weight b-matching that ignores time slots.
/// Participant capacity = min(maxMeetings, available slots), exhibitor capacity = min(maxMeetings,
/// tables × available slots), a pair allowed only if the two share a slot. Any schedule is such a
/// b-matching, so its score cannot exceed this; with full availability it is even attained
/// (a bipartite multigraph can be edge-coloured with as many colours as its largest degree).
/// </summary>
public static class ScoreBound
{
    public static long Compute(MatchProblem problem) => InterpreterAwareBMatching(problem, k => problem.PairScore[k]);

    /// <summary>
    /// The b-matching, tightened by the interpreter pool: a meeting without a common language must go
    /// through a pool node per set of interpreters able to bridge it, whose capacity is the number of
    /// interpreter-slots of that set. Every schedule still maps to a flow here (route each interpreted
    /// meeting through its pool), so the value remains a valid upper bound; pairs that no interpreter can
    /// bridge cannot meet at all.
    /// </summary>
    /// <param name="value">What a pair is worth (pairs worth 0 are left out).</param>
    private static long InterpreterAwareBMatching(MatchProblem problem, Func<int, long> value)
    {
        int participants = problem.Participants, exhibitors = problem.Exhibitors;
        var groups = new Dictionary<string, int>();
        var groupOf = new int[problem.PairCount];
        var groupCapacity = new List<long>();
        for (var k = 0; k < problem.PairCount; k++)
        {
            groupOf[k] = -1;
            if (problem.PairInterpreters[k] is not { } set) continue;
            var key = string.Join(',', set);
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = groups.Count;
                groupCapacity.Add(set.Sum(i => (long)problem.InterpreterAvailable[i].Count(a => a)));
            }
            groupOf[k] = g;
        }

        // Nodes: participants, exhibitors, then per pool an entry and an exit (the arc between them is the
        // pool's capacity), then one node per (participant, pool) from which its interpreted pairs leave.
        var poolEntry = participants + exhibitors;
        var poolExit = poolEntry + groups.Count;
        var firstVia = poolExit + groups.Count;
        var viaPool = new Dictionary<(int P, int G), int>();
        for (var k = 0; k < problem.PairCount; k++)
            if (groupOf[k] >= 0 && value(k) > 0) viaPool.TryAdd((problem.PairParticipant[k], groupOf[k]), firstVia + viaPool.Count);

        using var network = new FlowNetwork(firstVia + viaPool.Count);
        long supply = 0;
        for (var p = 0; p < participants; p++)
        {
            network.AddArc(network.Source, p, problem.ParticipantCapacity[p], 0);
            supply += problem.ParticipantCapacity[p];
        }
        for (var g = 0; g < groups.Count; g++) network.AddArc(poolEntry + g, poolExit + g, groupCapacity[g], 0);
        foreach (var ((p, g), node) in viaPool)
        {
            network.AddArc(p, poolEntry + g, problem.ParticipantCapacity[p], 0);
            network.AddArc(poolExit + g, node, problem.ParticipantCapacity[p], 0);
        }
        for (var k = 0; k < problem.PairCount; k++)
        {
            if (value(k) <= 0) continue;
            var from = groupOf[k] < 0 ? problem.PairParticipant[k] : viaPool[(problem.PairParticipant[k], groupOf[k])];
            network.AddArc(from, participants + problem.PairExhibitor[k], 1, -value(k));
        }
        for (var e = 0; e < exhibitors; e++)
            network.AddArc(participants + e, network.Sink, problem.ExhibitorCapacity[e], 0);
        return -network.Solve(supply);
    }

    /// <summary>
    /// At most how many must-meet pairs any schedule can hold: a maximum b-matching over the must-meet
    /// pairs alone (same capacities and interpreter pools as the score bound). Misses beyond <c>mustMeets − this</c> are the engine's fault; the rest are
    /// requests that no schedule can satisfy (e.g. 40 requests for a one-table booth with 32 slots).
    /// </summary>
    public static int MustMeetPlaceable(MatchProblem problem) =>
        (int)InterpreterAwareBMatching(problem, k => problem.PairMustMeet[k] ? 1 : 0);

    /// <summary>gap = 1 − score/bound (0 when the bound is 0).</summary>
    public static double Gap(long score, long bound) => bound <= 0 ? 0 : 1.0 - (double)score / bound;
}
