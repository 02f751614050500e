namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Chooses which pairs should meet, ignoring time: a min-cost flow on the candidate graph.
/// Must-meets carry a large bonus; exhibitor fairness is a concave utility: each exhibitor has two
/// parallel arcs to the sink, the first (capacity = the minimum it is owed) with a bonus, so the flow
/// fills every small exhibitor's minimum before it gives a popular one its extra meetings. Participants get
/// the same treatment for their first meeting (<see cref="MatchOptions.EveryParticipantMeets"/>).
/// </summary>
public static class MeetingSelector
{
    internal const long MustMeetBonus = 1_000_000;
    internal const long FairnessBonus = 10_000;
    internal const long ParticipantFloorBonus = 5_000;

    /// <param name="timetable">Already placed (pinned) meetings are kept and use up capacity.</param>
    public static bool[] Select(Timetable timetable)
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
}
