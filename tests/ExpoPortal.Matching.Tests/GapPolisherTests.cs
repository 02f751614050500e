using ExpoPortal.Matching.Scheduling;
using static ExpoPortal.Matching.Tests.Tiny;

namespace ExpoPortal.Matching.Tests;

public class GapPolisherTests
{
    [Fact]
    public void A_chain_swap_closes_gaps_that_no_single_move_or_swap_can()
    {
        // P1 meets E1 at s1 and E2 at s3 (gap); E3 meets P3 at s1 and P2 at s3 (gap). E2 is full at s2 with P2.
        // Availability blocks every single move and two-meeting swap; swapping s2 and s3 for the chain
        // P1–E2, P2–E2, P2–E3 closes both gaps.
        var instance = Instance(3,
            [Exhibitor("E1", available: ["s1", "s2"]), Exhibitor("E2", available: ["s2", "s3"]), Exhibitor("E3")],
            [Participant("P1"), Participant("P2"), Participant("P3", available: ["s1"]), Participant("P4", available: ["s2"])],
            [Pair("P1", "E1"), Pair("P1", "E2"), Pair("P2", "E2"), Pair("P2", "E3"), Pair("P3", "E3"), Pair("P4", "E1")]);
        var problem = new MatchProblem(instance, instance.Pairs!);
        var timetable = new Timetable(problem);
        void Put(string p, string e, int slot) =>
            timetable.Place(problem.PairIndex[(int.Parse(p[1..]) - 1, int.Parse(e[1..]) - 1)], slot - 1, Timetable.None);
        Put("P1", "E1", 1); Put("P1", "E2", 3); Put("P2", "E2", 2); Put("P2", "E3", 3); Put("P3", "E3", 1); Put("P4", "E1", 2);
        Assert.Equal(2, timetable.TotalGaps());

        GapPolisher.Polish(timetable, seed: 1, maxPasses: 10, DateTime.UtcNow.AddSeconds(30), cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, timetable.TotalGaps());
        Assert.Equal(6, timetable.MeetingCount);
    }

    [Fact]
    public void Without_adding_a_gap_a_participant_walks_between_halls_less()
    {
        // P1: E1 (hall A) at s1, E2 (hall B) at s2, E3 (hall A) at s3 — two walks; A, A, B needs one.
        var instance = Instance(3,
            [Exhibitor("E1") with { Hall = "A" }, Exhibitor("E2") with { Hall = "B" }, Exhibitor("E3") with { Hall = "A" }],
            [Participant("P1")],
            [Pair("P1", "E1"), Pair("P1", "E2"), Pair("P1", "E3")]);
        var problem = new MatchProblem(instance, instance.Pairs!);
        var timetable = new Timetable(problem);
        for (var e = 0; e < 3; e++) timetable.Place(problem.PairIndex[(0, e)], e, Timetable.None);
        Assert.Equal(2, timetable.ParticipantHallChangesOnDay(0, 0));

        GapPolisher.ShortenWalks(timetable, DateTime.UtcNow.AddSeconds(30), cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(1, timetable.ParticipantHallChangesOnDay(0, 0));
        Assert.Equal(0, timetable.TotalGaps());
    }

    [Fact]
    public void The_timetable_knows_which_pairs_an_exhibitor_meets_in_each_slot_and_refuses_more_than_its_tables()
    {
        // The polish finds a chain's meetings and a swap's siblings through this index, so it must follow every move.
        var instance = Instance(2, [Exhibitor("E1", tables: 2)], [Participant("P1"), Participant("P2"), Participant("P3")],
            [Pair("P1", "E1"), Pair("P2", "E1"), Pair("P3", "E1")]);
        var problem = new MatchProblem(instance, instance.Pairs!);
        var timetable = new Timetable(problem);
        int p1 = problem.PairIndex[(0, 0)], p2 = problem.PairIndex[(1, 0)], p3 = problem.PairIndex[(2, 0)];
        timetable.Place(p1, 0, Timetable.None);
        timetable.Place(p2, 0, Timetable.None);
        Assert.Equal([p1, p2], timetable.ExhibitorAt(0, 0).ToArray().Order());
        Assert.Throws<InvalidOperationException>(() => timetable.Place(p3, 0, Timetable.None));

        timetable.Remove(p1);
        timetable.Place(p1, 1, Timetable.None);
        timetable.Place(p3, 0, Timetable.None);

        Assert.Equal([p2, p3], timetable.ExhibitorAt(0, 0).ToArray().Order());
        Assert.Equal([Timetable.None, p1], timetable.ExhibitorAt(0, 1).ToArray().Order());
        Assert.Equal([p1, p2, p3], timetable.ExhibitorAt(0).ToArray().Where(x => x != Timetable.None).Order());
        Assert.Equal([2, 1], timetable.ExhibitorLoad[0]);
    }
}
