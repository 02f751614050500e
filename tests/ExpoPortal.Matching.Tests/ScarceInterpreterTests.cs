using ExpoPortal.Matching.Model;
using ExpoPortal.Matching.Scheduling;
using static ExpoPortal.Matching.Tests.Tiny;

namespace ExpoPortal.Matching.Tests;

/// <summary>
/// The stages that decide who gets a scarce interpreter. The generated events showed each of these costing
/// about a percent of the score (bench/README.md), hidden by the repairs that follow, so each is checked on its own.
/// </summary>
public class ScarceInterpreterTests
{
    private static MatchProblem Problem(MatchInstance instance) => new(instance, instance.Pairs!) { ParticipantFloor = true };

    private static int IndexOf(MatchProblem problem, string participant, string exhibitor) =>
        problem.PairIndex[(problem.ParticipantIndex[participant], problem.ExhibitorIndex[exhibitor])];

    [Fact]
    public void The_selection_gives_a_pool_full_of_must_meets_no_more_of_them_than_interpreter_slots()
    {
        // Three must-meets for two interpreter-slots. A must-meet outweighs any score, so a pool price capped at the
        // top score left all three chosen (andong: 332 for 136 interpreter-slots) and the timetabler dropped the rest.
        var instance = Instance(2,
            [Exhibitor("E1"), Exhibitor("E2"), Exhibitor("E3")],
            [Participant("P1", languages: ["ja"]), Participant("P2", languages: ["ja"]), Participant("P3", languages: ["ja"])],
            [Pair("P1", "E1", 10, must: true), Pair("P2", "E2", 30, must: true), Pair("P3", "E3", 20, must: true)],
            [new Interpreter("I1", ["ko", "ja"])]);
        var problem = Problem(instance);

        var chosen = MeetingSelector.Select(new Timetable(problem)).Chosen;

        Assert.Equal([false, true, true], [chosen[IndexOf(problem, "P1", "E1")], chosen[IndexOf(problem, "P2", "E2")], chosen[IndexOf(problem, "P3", "E3")]]);
    }

    [Fact]
    public void A_pick_left_without_an_interpreter_lets_its_buyer_take_another_meeting_in_that_slot()
    {
        // One slot, one interpreter. The slot's flow picks P1–E1 and P2–E2, both interpreted (it does not see
        // interpreters); P1–E1 is more urgent and takes the interpreter. P2 then meets E3 in English instead of waiting.
        var instance = Instance(1,
            [Exhibitor("E1"), Exhibitor("E2"), Exhibitor("E3", languages: ["ko", "en"])],
            [Participant("P1", languages: ["ja"]), Participant("P2", languages: ["ja", "en"])],
            [Pair("P1", "E1", 21), Pair("P2", "E2", 20), Pair("P2", "E3", 5)],
            [new Interpreter("I1", ["ko", "ja"])]);
        var problem = Problem(instance);
        var timetable = new Timetable(problem);

        SlotBySlotTimetabler.Place(timetable, [true, true, true], cancellation: TestContext.Current.CancellationToken);

        Assert.True(timetable.IsPlaced(IndexOf(problem, "P1", "E1")));
        Assert.True(timetable.IsPlaced(IndexOf(problem, "P2", "E3")));
        Assert.Equal(2, timetable.MeetingCount);
    }

    [Fact]
    public void A_missing_must_meet_gets_the_interpreter_when_two_others_shift_along()
    {
        // One interpreter for three must-meets in three slots. E1 is there in s1 only, E2 in s1–s2. The timetable
        // holds B (P2–E2) in s1 and C (P3–E3) in s2: A (P1–E1) fits only if B moves to s2 and C to s3. B and C are their
        // buyers' only meetings: moved, not lost, so the first-meeting rule does not hold them.
        var instance = Instance(3,
            [Exhibitor("E1", available: ["s1"]), Exhibitor("E2", available: ["s1", "s2"]), Exhibitor("E3")],
            [Participant("P1", languages: ["ja"]), Participant("P2", languages: ["ja"]), Participant("P3", languages: ["ja"])],
            [Pair("P1", "E1", 10, must: true), Pair("P2", "E2", 30, must: true), Pair("P3", "E3", 20, must: true)],
            [new Interpreter("I1", ["ko", "ja"])]);
        var problem = Problem(instance);
        var timetable = new Timetable(problem);
        timetable.Place(IndexOf(problem, "P2", "E2"), 0, 0);
        timetable.Place(IndexOf(problem, "P3", "E3"), 1, 0);

        Repairer.Complete(timetable, [true, true, true]);

        Assert.Equal([0, 1, 2], [timetable.PairSlot[IndexOf(problem, "P1", "E1")], timetable.PairSlot[IndexOf(problem, "P2", "E2")], timetable.PairSlot[IndexOf(problem, "P3", "E3")]]);
    }
}
