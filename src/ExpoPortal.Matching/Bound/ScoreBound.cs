using ExpoPortal.Matching.Scheduling;

namespace ExpoPortal.Matching.Bound;

/// <summary>
/// An upper bound on the total score: the maximum-weight b-matching that ignores time slots.
/// Participant capacity = min(maxMeetings, available slots), exhibitor capacity = min(maxMeetings,
/// tables × available slots), a pair allowed only if the two share a slot. Any schedule is such a
/// b-matching, so its score cannot exceed this; with full availability it is even attained
/// (a bipartite multigraph can be edge-coloured with as many colours as its largest degree).
/// </summary>
internal static class ScoreBound
{
    /// <summary>
    /// The smaller of two valid bounds: the b-matching through interpreter pools (below), and the best
    /// Lagrangian bound found by bisection on the pool prices λ ≥ 0: Σ λ·capacity + the plain b-matching
    /// with interpreted pairs worth score − λ. For any schedule x, Σ score·x = Σ (score − λ)·x +
    /// Σ λ·(meetings of the pool) ≤ that, because a pool holds at most its capacity. Unlike the pool
    /// network, the Lagrangian keeps each participant's own capacity exact.
    /// </summary>
    public static long Compute(MatchProblem problem)
    {
        var pools = problem.Pools;
        var bound = InterpreterAwareBMatching(problem, pools, k => problem.PairScore[k]);
        if (pools.Count == 0 || problem.PairCount == 0) return bound;
        // L(λ) is convex; a pool used beyond its capacity at λ says its price should rise.
        var low = new long[pools.Count];
        var high = Enumerable.Repeat(problem.PairScore.Max() + 1L, pools.Count).ToArray();
        var prices = new long[pools.Count];
        for (var step = 0; step < LagrangianSteps; step++)
        {
            for (var g = 0; g < pools.Count; g++) prices[g] = (low[g] + high[g]) / 2;
            // The priced flow with no price on the priorities: the plain Lagrangian.
            var (value, used, _) = PricedFlow(problem, pools, [.. prices, 0, 0, 0], NoPriorities);
            bound = Math.Min(bound, value);
            for (var g = 0; g < pools.Count; g++)
                if (used[g] > pools.Capacity[g]) low[g] = prices[g]; else high[g] = prices[g];
        }
        return bound;
    }

    private const int LagrangianSteps = 8;
    private static readonly Priorities NoPriorities = new(0, 0, 0);

    /// <summary>What a schedule achieved on the rules that come before score.</summary>
    /// <param name="MustMeets">Must-meet pairs placed.</param>
    /// <param name="MinimumUnits">Σ over exhibitors of min(meetings, owed minimum).</param>
    /// <param name="FirstMeetings">Participants owed a first meeting who have one.</param>
    public sealed record Priorities(int MustMeets, int MinimumUnits, int FirstMeetings)
    {
        public static Priorities Of(Timetable timetable)
        {
            var problem = timetable.Problem;
            return new(
                Enumerable.Range(0, problem.PairCount).Count(k => problem.PairMustMeet[k] && timetable.IsPlaced(k)),
                Enumerable.Range(0, problem.Exhibitors).Sum(e => Math.Min(timetable.ExhibitorMeetings[e], problem.OwedMinimum(e))),
                Enumerable.Range(0, problem.Participants).Count(p => problem.IsOwedAMeeting(p) && timetable.ParticipantMeetings[p] > 0));
        }

        /// <summary>The same figures for a schedule given as meetings (e.g. the greedy baseline's).</summary>
        public static Priorities Of(MatchProblem problem, Model.MatchSchedule schedule)
        {
            var timetable = new Timetable(problem);
            foreach (var meeting in schedule.Meetings)
                if (problem.PairIndex.TryGetValue((problem.ParticipantIndex[meeting.Participant], problem.ExhibitorIndex[meeting.Exhibitor]), out var k) && !timetable.IsPlaced(k))
                    timetable.Place(k, problem.Grid.PositionOf[meeting.Slot], Timetable.None);
            return Of(timetable);
        }
    }

    /// <summary>
    /// A bound on the score of every schedule that does at least as well on the priorities — places at least
    /// <c>achieved.MustMeets</c> must-meets, fills at least as many exhibitor-minimum units and participants'
    /// first meetings. The plain bound counts schedules that drop must-meets or small exhibitors to gain score;
    /// this one does not, so <c>1 − score/this</c> measures the score a schedule lost to its competitors on the
    /// same terms. Lagrangian as above, each "at least" constraint priced by μ ≥ 0 (bisection on the
    /// subgradient); every price vector gives a valid bound and the smallest is kept, never above
    /// <see cref="Compute(MatchProblem)"/>.
    /// </summary>
    public static long UnderPriorities(MatchProblem problem, Priorities achieved, long plainBound)
    {
        if (problem.PairCount == 0) return plainBound;
        var top = problem.PairScore.Max() + 1L;
        var (bound, overfilled) = PriorityBisection(problem, achieved, plainBound, poolCeiling: top);
        // The prices are searched one coordinate at a time, so a pool's range can close while a later must-meet price
        // overfills it again (andong 1.0: 156 of 136 interpreter-slots at the end), and a must-meet through a full
        // pool is worth up to top + that price. Then search again with room above top; the smaller bound of the two is
        // kept, so the second search can only tighten it (andong 1.0: 480,787 → 480,439).
        if (overfilled) bound = Math.Min(bound, PriorityBisection(problem, achieved, bound, poolCeiling: 5 * top).Bound);
        return bound;
    }

    /// <returns>The smallest value seen, and whether some pool was still overfilled at the last prices.</returns>
    private static (long Bound, bool Overfilled) PriorityBisection(MatchProblem problem, Priorities achieved, long plainBound, long poolCeiling)
    {
        var pools = problem.Pools;
        var top = problem.PairScore.Max() + 1L;
        // Dimensions: one price per pool, then must-meets, minimum units, first meetings.
        var dims = pools.Count + 3;
        var low = new long[dims];
        var high = Enumerable.Range(0, dims).Select(d => d < pools.Count ? poolCeiling : 4 * top).ToArray();
        var price = new long[dims];
        int[] targets = [achieved.MustMeets, achieved.MinimumUnits, achieved.FirstMeetings];
        var bound = plainBound;
        var overfilled = false;
        for (var step = 0; step < PriorityBoundSteps; step++)
        {
            for (var d = 0; d < dims; d++) price[d] = (low[d] + high[d]) / 2;
            var (value, used, reached) = PricedFlow(problem, pools, price, achieved);
            bound = Math.Min(bound, value);
            overfilled = false;
            for (var g = 0; g < pools.Count; g++)
            {
                if (used[g] > pools.Capacity[g]) low[g] = price[g]; else high[g] = price[g];
                overfilled |= used[g] > pools.Capacity[g];
            }
            // A priority the flow under-serves needs a higher price; one it over-serves, a lower one.
            for (var j = 0; j < 3; j++)
                if (reached[j] < targets[j])
                    low[pools.Count + j] = price[pools.Count + j];
                else high[pools.Count + j] = price[pools.Count + j];
        }
        return (bound, overfilled);
    }

    private const int PriorityBoundSteps = 12;

    private static (long Value, int[] Used, int[] Reached) PricedFlow(MatchProblem problem, InterpreterPools pools, long[] price, Priorities achieved)
    {
        int participants = problem.Participants, exhibitors = problem.Exhibitors;
        long mustPrice = price[pools.Count], minimumPrice = price[pools.Count + 1], firstPrice = price[pools.Count + 2];
        using var network = new FlowNetwork(participants + exhibitors);
        long supply = 0;
        var firstArcs = new List<int>();
        for (var p = 0; p < participants; p++)
        {
            var capacity = problem.ParticipantCapacity[p];
            if (capacity <= 0) continue;
            var owed = problem.IsOwedAMeeting(p) ? 1 : 0;
            if (owed > 0) firstArcs.Add(network.AddArc(network.Source, p, 1, -firstPrice));
            if (capacity > owed) network.AddArc(network.Source, p, capacity - owed, 0);
            supply += capacity;
        }
        var poolArcs = new List<(int Arc, int Pool)>();
        var mustArcs = new List<int>();
        for (var k = 0; k < problem.PairCount; k++)
        {
            var pool = pools.PoolOf[k];
            var value = problem.PairScore[k] - (pool >= 0 ? price[pool] : 0) + (problem.PairMustMeet[k] ? mustPrice : 0);
            // Kept even when worth ≤ 0: a path through it may still earn a minimum or first-meeting price.
            var arc = network.AddArc(problem.PairParticipant[k], participants + problem.PairExhibitor[k], 1, -value);
            if (pool >= 0) poolArcs.Add((arc, pool));
            if (problem.PairMustMeet[k]) mustArcs.Add(arc);
        }
        var minimumArcs = new List<int>();
        for (var e = 0; e < exhibitors; e++)
        {
            var capacity = problem.ExhibitorCapacity[e];
            var owed = Math.Min(problem.OwedMinimum(e), capacity);
            if (owed > 0) minimumArcs.Add(network.AddArc(participants + e, network.Sink, owed, -minimumPrice));
            if (capacity > owed) network.AddArc(participants + e, network.Sink, capacity - owed, 0);
        }
        var total = -network.Solve(supply)
            + Enumerable.Range(0, pools.Count).Sum(g => price[g] * pools.Capacity[g])
            - mustPrice * achieved.MustMeets - minimumPrice * achieved.MinimumUnits - firstPrice * achieved.FirstMeetings;
        var used = new int[pools.Count];
        foreach (var (arc, pool) in poolArcs) used[pool] += (int)network.Flow(arc);
        int[] reached = [(int)mustArcs.Sum(network.Flow), (int)minimumArcs.Sum(network.Flow), (int)firstArcs.Sum(network.Flow)];
        return (total, used, reached);
    }

    /// <summary>
    /// The b-matching, tightened by the interpreter pool: a meeting without a common language must go
    /// through a pool node per set of interpreters able to bridge it, whose capacity is the number of
    /// interpreter-slots of that set. Every schedule still maps to a flow here (route each interpreted
    /// meeting through its pool), so the value remains a valid upper bound; pairs that no interpreter can
    /// bridge cannot meet at all.
    /// </summary>
    /// <param name="value">What a pair is worth (pairs worth 0 are left out).</param>
    private static long InterpreterAwareBMatching(MatchProblem problem, InterpreterPools pools, Func<int, long> value)
    {
        int participants = problem.Participants, exhibitors = problem.Exhibitors;
        var groupOf = pools.PoolOf;
        var groupCount = pools.Count;

        // Nodes: participants, exhibitors, then per pool an entry and an exit (the arc between them is the
        // pool's capacity), then one node per (participant, pool) from which its interpreted pairs leave.
        var poolEntry = participants + exhibitors;
        var poolExit = poolEntry + groupCount;
        var firstVia = poolExit + groupCount;
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
        for (var g = 0; g < groupCount; g++) network.AddArc(poolEntry + g, poolExit + g, pools.Capacity[g], 0);
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
        (int)InterpreterAwareBMatching(problem, problem.Pools, k => problem.PairMustMeet[k] ? 1 : 0);

    /// <summary>gap = 1 − score/bound (0 when the bound is 0).</summary>
    public static double Gap(long score, long bound) => bound <= 0 ? 0 : 1.0 - (double)score / bound;
}
