namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Chooses which pairs should meet, ignoring time: a min-cost flow on the candidate graph.
/// Must-meets carry a large bonus; exhibitor fairness is a concave utility: each exhibitor has two
/// parallel arcs to the sink, the first (capacity = the minimum it is owed) with a bonus, so the flow
/// fills every small exhibitor's minimum before it gives a popular one its extra meetings. Participants get
/// the same treatment for their first meeting (<see cref="MatchOptions.EveryParticipantMeets"/>).
/// <para>
/// Interpreters are a scarce pool: a flow cannot cap the meetings of a pool and keep each participant's own
/// capacity at the same time, so the pools are priced instead (Lagrangian relaxation). An interpreted pair is
/// worth its value minus its pool's price, and each overfull pool's price is raised by bisection until the
/// flow chooses no more of its meetings than it has interpreter-slots. The interpreters thus go to the pairs
/// that gain most from them, and the participants who would have waited for one get other meetings instead.
/// </para>
/// </summary>
internal static class MeetingSelector
{
    internal const long MustMeetBonus = 1_000_000;
    internal const long FairnessBonus = 10_000;
    internal const long ParticipantFloorBonus = 5_000;
    /// <summary>Bisection steps per pool; pair scores stay well below 2^10.</summary>
    private const int PriceSteps = 10;

    /// <summary>The chosen pairs, and the price each pool ended with (0 when it was never overfull).</summary>
    public sealed record Selection(bool[] Chosen, long[] PoolPrices);

    /// <param name="timetable">Already placed (pinned) meetings are kept and use up capacity.</param>
    public static Selection Select(Timetable timetable)
    {
        var problem = timetable.Problem;
        var pools = problem.Pools;
        var left = pools.Left(timetable);
        var prices = new long[pools.Count];
        var chosen = Flow(timetable, pools, prices);
        var counts = CountByPool(chosen, pools);

        // Bisection per overfull pool on [0, a price at which no pair is worth an interpreter on score alone]; when every
        // pair is priced past its score and the pool is still overfull, it holds more must-meets than interpreter-slots,
        // and its price is searched past the must-meet bonus instead (which must-meets get the interpreters). Capped at
        // the top score, such a pool stayed overfull (andong: 332 chosen for 136 interpreter-slots); the timetabler then
        // dropped the surplus, and the meetings those buyers had given up for them.
        var low = new long[pools.Count];
        var high = new long[pools.Count];
        var top = problem.PairCount == 0 ? 0 : problem.PairScore.Max() + 2L;
        for (var g = 0; g < pools.Count; g++) high[g] = counts[g] > left[g] ? top : 0;
        if (high.Any(h => h > 0))
        {
            var atTop = CountByPool(Flow(timetable, pools, high), pools);
            for (var g = 0; g < pools.Count; g++)
                if (high[g] > 0 && atTop[g] > left[g]) (low[g], high[g]) = (MustMeetBonus, MustMeetBonus + top);
        }
        for (var step = 0; step < PriceSteps && Enumerable.Range(0, pools.Count).Any(g => low[g] < high[g]); step++)
        {
            for (var g = 0; g < pools.Count; g++) prices[g] = low[g] < high[g] ? (low[g] + high[g]) / 2 : high[g];
            counts = CountByPool(Flow(timetable, pools, prices), pools);
            for (var g = 0; g < pools.Count; g++)
            {
                if (low[g] >= high[g]) continue;
                if (counts[g] > left[g]) low[g] = prices[g] + 1;
                else high[g] = prices[g];
            }
        }
        if (high.Any(h => h > 0)) chosen = Flow(timetable, pools, high);
        return new Selection(chosen, high);
    }

    private static bool[] Flow(Timetable timetable, InterpreterPools pools, long[] prices)
    {
        var problem = timetable.Problem;
        int participants = problem.Participants, exhibitors = problem.Exhibitors;
        using var network = new FlowNetwork(participants + exhibitors);
        long supply = 0;
        for (var p = 0; p < participants; p++)
        {
            var left = problem.ParticipantCapacity[p] - timetable.ParticipantMeetings[p];
            if (left <= 0) continue;
            // Buyer-side fairness: a participant's first meeting is worth a bonus, like an exhibitor's minimum.
            var owed = problem.IsOwedAMeeting(p) && timetable.ParticipantMeetings[p] == 0 ? 1 : 0;
            if (owed > 0) network.AddArc(network.Source, p, owed, -ParticipantFloorBonus);
            if (left > owed) network.AddArc(network.Source, p, left - owed, 0);
            supply += left;
        }
        var arcs = new List<(int Arc, int Pair)>();
        for (var k = 0; k < problem.PairCount; k++)
        {
            if (timetable.IsPlaced(k)) continue;
            var value = problem.PairScore[k] + 1 + (problem.PairMustMeet[k] ? MustMeetBonus : 0);
            if (pools.PoolOf[k] >= 0) value -= prices[pools.PoolOf[k]];
            if (value <= 0) continue;
            arcs.Add((network.AddArc(problem.PairParticipant[k], participants + problem.PairExhibitor[k], 1, -value), k));
        }
        for (var e = 0; e < exhibitors; e++)
        {
            var left = problem.ExhibitorCapacity[e] - timetable.ExhibitorMeetings[e];
            if (left <= 0) continue;
            var owed = Math.Clamp(problem.OwedMinimum(e) - timetable.ExhibitorMeetings[e], 0, left);
            if (owed > 0) network.AddArc(participants + e, network.Sink, owed, -FairnessBonus);
            if (left > owed) network.AddArc(participants + e, network.Sink, left - owed, 0);
        }
        network.Solve(supply);
        var chosen = new bool[problem.PairCount];
        foreach (var (arc, pair) in arcs)
            if (network.Flow(arc) > 0) chosen[pair] = true;
        return chosen;
    }

    private static int[] CountByPool(bool[] chosen, InterpreterPools pools)
    {
        var counts = new int[pools.Count];
        for (var k = 0; k < chosen.Length; k++)
            if (chosen[k] && pools.PoolOf[k] >= 0) counts[pools.PoolOf[k]]++;
        return counts;
    }
}
