namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Places the chosen pairs in time, one slot after the other. In each slot a min-cost flow picks, among the
/// still-unplaced chosen pairs whose two sides are free, the set to hold now, favouring
/// <list type="bullet">
/// <item>tight sides: a person with no slack left (as many meetings to place as free slots ahead) must meet now;</item>
/// <item>block extension: a person who met in the previous slot and still has meetings to place should go on,
/// otherwise their day gets an idle gap;</item>
/// <item>must-meets, then score.</item>
/// </list>
/// </summary>
internal static class SlotBySlotTimetabler
{
    private const long Base = 1_000;
    private const long Tight = 6_000;
    private const long Extends = 2_500;
    private const long MustMeet = 3_000;
    private const int PickRounds = 3;

    public static void Place(Timetable timetable, bool[] chosen, int[]? scarcity = null, CancellationToken cancellation = default)
    {
        var problem = timetable.Problem;
        var pending = Enumerable.Range(0, problem.PairCount).Where(k => chosen[k] && !timetable.IsPlaced(k)).ToList();
        var remainingOfParticipant = new int[problem.Participants];
        var remainingOfExhibitor = new int[problem.Exhibitors];
        foreach (var k in pending)
        {
            remainingOfParticipant[problem.PairParticipant[k]]++;
            remainingOfExhibitor[problem.PairExhibitor[k]]++;
        }

        for (var s = 0; s < problem.Slots && pending.Count > 0; s++)
        {
            cancellation.ThrowIfCancellationRequested();
            // The flow does not see interpreters: the most urgent picks take them first, and a pick left without one
            // waits for a later slot. Its two sides would then sit idle now, so the slot is picked again among the
            // pairs still possible (a few rounds: each one places a meeting or rules a pool out for this slot).
            for (var round = 0; round < PickRounds; round++)
            {
                var candidates = pending.Where(k => !timetable.IsPlaced(k) && timetable.SidesFree(k, s) && timetable.InterpreterFor(k, s) != -2).ToList();
                if (candidates.Count == 0) break;
                var picked = PickForSlot(timetable, candidates, s, remainingOfParticipant, remainingOfExhibitor);
                var waiting = false;
                foreach (var k in picked.OrderByDescending(k => k.Weight).Select(x => x.Pair))
                {
                    if (!timetable.TryPlace(k, s, scarcity)) { waiting = true; continue; }
                    remainingOfParticipant[problem.PairParticipant[k]]--;
                    remainingOfExhibitor[problem.PairExhibitor[k]]--;
                }
                if (!waiting) break;
            }
            pending.RemoveAll(timetable.IsPlaced);
        }
    }

    private static List<(int Pair, long Weight)> PickForSlot(Timetable timetable, List<int> candidates, int s,
        int[] remainingOfParticipant, int[] remainingOfExhibitor)
    {
        var problem = timetable.Problem;
        var participantNode = new Dictionary<int, int>();
        var exhibitorNode = new Dictionary<int, int>();
        foreach (var k in candidates)
        {
            participantNode.TryAdd(problem.PairParticipant[k], participantNode.Count);
            exhibitorNode.TryAdd(problem.PairExhibitor[k], 0);
        }
        // Renumber exhibitors densely after the participants.
        var index = participantNode.Count;
        foreach (var e in exhibitorNode.Keys.ToList()) exhibitorNode[e] = index++;

        using var network = new FlowNetwork(index);
        foreach (var (_, node) in participantNode) network.AddArc(network.Source, node, 1, 0);
        foreach (var (e, node) in exhibitorNode)
            network.AddArc(node, network.Sink, problem.Tables[e] - timetable.ExhibitorLoad[e][s], 0);
        var arcs = new List<(int Arc, int Pair, long Weight)>(candidates.Count);
        foreach (var k in candidates)
        {
            var weight = Weight(timetable, k, s, remainingOfParticipant, remainingOfExhibitor);
            arcs.Add((network.AddArc(participantNode[problem.PairParticipant[k]], exhibitorNode[problem.PairExhibitor[k]], 1, -weight), k, weight));
        }
        network.Solve(participantNode.Count);
        return arcs.Where(a => network.Flow(a.Arc) > 0).Select(a => (a.Pair, a.Weight)).ToList();
    }

    private static long Weight(Timetable timetable, int k, int s, int[] remainingOfParticipant, int[] remainingOfExhibitor)
    {
        var problem = timetable.Problem;
        int p = problem.PairParticipant[k], e = problem.PairExhibitor[k];
        long weight = Base + problem.PairScore[k];
        if (problem.PairMustMeet[k]) weight += MustMeet;

        // Slack: free slots from now on minus meetings still to place.
        var participantSlack = FreeSlotsAhead(problem.ParticipantAvailable[p], timetable.ParticipantAt[p], s) - remainingOfParticipant[p];
        if (participantSlack <= 0) weight += Tight;
        var exhibitorSlack = ExhibitorRoomAhead(timetable, e, s) - remainingOfExhibitor[e];
        if (exhibitorSlack <= 0) weight += Tight;
        else if (exhibitorSlack <= problem.Tables[e]) weight += Tight / 3;

        var previous = s - 1;
        if (previous >= 0 && problem.Grid.Consecutive(previous, s))
        {
            if (timetable.ParticipantAt[p][previous] != Timetable.None) weight += Extends;
            if (timetable.ExhibitorLoad[e][previous] > timetable.ExhibitorLoad[e][s]) weight += Extends;
        }
        return weight;
    }

    private static int FreeSlotsAhead(bool[] available, int[] busy, int from)
    {
        var count = 0;
        for (var s = from; s < available.Length; s++) if (available[s] && busy[s] == Timetable.None) count++;
        return count;
    }

    private static int ExhibitorRoomAhead(Timetable timetable, int e, int from)
    {
        var problem = timetable.Problem;
        var count = 0;
        for (var s = from; s < problem.Slots; s++)
            if (problem.ExhibitorAvailable[e][s]) count += problem.Tables[e] - timetable.ExhibitorLoad[e][s];
        return count;
    }
}
