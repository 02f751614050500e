using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Model;
using static ExpoPortal.Matching.Tests.Tiny;

namespace ExpoPortal.Matching.Tests;

/// <summary>One tiny instance per rule, solved by the engine and checked by the independent checker.</summary>
public class EngineRuleTests
{
    private static MatchSchedule Solve(MatchInstance instance, MatchSchedule? pinned = null)
    {
        var result = MatchingEngine.Solve(instance, new MatchOptions { Seed = 7 }, pinned, cancellation: TestContext.Current.CancellationToken);
        var report = ScheduleChecker.Check(instance, instance.Pairs!, result.Schedule, compareClaimedFigures: true);
        Assert.True(report.IsValid, string.Join("; ", report.Violations));
        return result.Schedule;
    }

    [Fact]
    public void One_table_holds_one_meeting_per_slot()
    {
        var schedule = Solve(Instance(2, [Exhibitor("E1")], [Participant("P1"), Participant("P2"), Participant("P3")],
            [Pair("P1", "E1"), Pair("P2", "E1"), Pair("P3", "E1")]));
        Assert.Equal(2, schedule.Meetings.Count);
        Assert.Equal(2, schedule.Meetings.Select(m => m.Slot).Distinct().Count());
    }

    [Fact]
    public void Two_tables_hold_two_meetings_in_the_same_slot()
    {
        var schedule = Solve(Instance(1, [Exhibitor("E1", tables: 2)], [Participant("P1"), Participant("P2")], [Pair("P1", "E1"), Pair("P2", "E1")]));
        Assert.Equal([1, 2], schedule.Meetings.Select(m => m.Table).Order());
    }

    [Fact]
    public void A_participant_meets_one_exhibitor_per_slot()
    {
        var schedule = Solve(Instance(1, [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1")], [Pair("P1", "E1", 3), Pair("P1", "E2", 9)]));
        Assert.Equal("E2", Assert.Single(schedule.Meetings).Exhibitor);
    }

    [Fact]
    public void Meetings_respect_availability()
    {
        var schedule = Solve(Instance(3, [Exhibitor("E1", available: ["s2", "s3"])], [Participant("P1", available: ["s1", "s2"])], [Pair("P1", "E1")]));
        Assert.Equal("s2", Assert.Single(schedule.Meetings).Slot);
    }

    [Fact]
    public void Meeting_limits_are_kept_and_the_best_pairs_win()
    {
        var schedule = Solve(Instance(4, [Exhibitor("E1"), Exhibitor("E2"), Exhibitor("E3")], [Participant("P1", max: 2)],
            [Pair("P1", "E1", 5), Pair("P1", "E2", 9), Pair("P1", "E3", 7)]));
        Assert.Equal(["E2", "E3"], schedule.Meetings.Select(m => m.Exhibitor).Order());
        Assert.Equal(16, schedule.Score);
    }

    [Fact]
    public void Every_participant_gets_a_first_meeting_before_a_popular_one_gets_a_second()
    {
        // P1 is the better match for both booths, but each booth takes one meeting only: P2 must not go home empty.
        var instance = Instance(2, [Exhibitor("E1", max: 1), Exhibitor("E2", max: 1)], [Participant("P1"), Participant("P2")],
            [Pair("P1", "E1", 100), Pair("P1", "E2", 100), Pair("P2", "E1", 1)]);

        var fair = Solve(instance);
        var plain = MatchingEngine.Solve(instance, new MatchOptions { Seed = 7, EveryParticipantMeets = false },
            cancellation: TestContext.Current.CancellationToken).Schedule;

        Assert.Equal([("P1", "E2"), ("P2", "E1")], fair.Meetings.Select(m => (m.Participant, m.Exhibitor)).Order());
        Assert.Equal(101, fair.Score);
        Assert.Equal(200, plain.Score);
        Assert.DoesNotContain(plain.Meetings, m => m.Participant == "P2");
    }

    [Fact]
    public void Only_listed_pairs_meet()
    {
        var schedule = Solve(Instance(4, [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1"), Participant("P2")], [Pair("P1", "E1"), Pair("P2", "E2")]));
        Assert.Equal([("P1", "E1"), ("P2", "E2")], schedule.Meetings.Select(m => (m.Participant, m.Exhibitor)).Order());
    }

    [Fact]
    public void A_pair_without_a_common_language_gets_an_interpreter_who_is_free()
    {
        var instance = Instance(2, [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1", languages: ["zh"]), Participant("P2", languages: ["zh"])],
            [Pair("P1", "E1"), Pair("P2", "E2")], [new Interpreter("I1", ["ko", "zh"]), new Interpreter("I2", ["ko", "ja"])]);
        var schedule = Solve(instance);
        Assert.Equal(2, schedule.Meetings.Count);
        Assert.All(schedule.Meetings, m => Assert.Equal("I1", m.Interpreter));
        Assert.NotEqual(schedule.Meetings[0].Slot, schedule.Meetings[1].Slot);
    }

    [Fact]
    public void A_scarce_interpreter_goes_to_the_must_meet()
    {
        var instance = Instance(1, [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1", languages: ["zh"]), Participant("P2", languages: ["zh"])],
            [Pair("P1", "E1", 50), Pair("P2", "E2", 5, must: true)], [new Interpreter("I1", ["ko", "zh"])]);
        var schedule = Solve(instance);
        Assert.Equal(("P2", "E2"), Assert.Single(schedule.Meetings) is var m ? (m.Participant, m.Exhibitor) : default);
        Assert.Equal(0, schedule.MustMeetMissed);
    }

    [Fact]
    public void A_scarce_interpreter_goes_to_the_buyer_who_has_no_other_way_to_meet()
    {
        // One interpreter-slot. P1 could use it for E1 (10) but can also meet E2 in English (9); P2 has only E3.
        var instance = Instance(2,
            [Exhibitor("E1"), Exhibitor("E2", languages: ["ko", "en"]), Exhibitor("E3")],
            [Participant("P1", max: 1, languages: ["zh", "en"]), Participant("P2", max: 1, languages: ["zh"])],
            [Pair("P1", "E1", 10), Pair("P1", "E2", 9), Pair("P2", "E3", 8)],
            [new Interpreter("I1", ["ko", "zh"], ["s1"])]);
        var schedule = Solve(instance);
        Assert.Equal(17, schedule.Score);
        Assert.Equal(17, schedule.Bound);
    }

    [Fact]
    public void A_buyer_without_a_meeting_takes_the_interpreter_of_a_must_meet_that_can_move()
    {
        // P1's two must-meets and P2's only pair all need the one interpreter; E3 meets in s1 only, so P1's
        // meeting in s1 (if the engine put one there) moves to s3 and nobody loses anything.
        var instance = Instance(3,
            [Exhibitor("E1"), Exhibitor("E2"), Exhibitor("E3", available: ["s1"])],
            [Participant("P1", languages: ["ja"]), Participant("P2", languages: ["ja"])],
            [Pair("P1", "E1", 5, must: true), Pair("P1", "E2", 5, must: true), Pair("P2", "E3", 1)],
            [new Interpreter("I1", ["ko", "ja"])]);
        var schedule = Solve(instance);
        Assert.Equal(0, schedule.MustMeetMissed);
        Assert.Contains(schedule.Meetings, m => m is { Participant: "P2", Exhibitor: "E3", Slot: "s1" });
        Assert.Equal(3, schedule.Meetings.Count);
    }

    [Fact]
    public void The_engine_never_leaves_more_buyers_without_a_meeting_than_the_greedy_baseline()
    {
        // One interpreter, two slots. Must-meets first would give P1 both (P2 none); the greedy gives P2 its only
        // pair and misses one of P1's. The engine may not be worse than the greedy on any priority, so it matches it.
        var instance = Instance(2,
            [Exhibitor("E1"), Exhibitor("E2")],
            [Participant("P1", languages: ["ja"]), Participant("P2", max: 1, languages: ["ja"])],
            [Pair("P1", "E1", 5, must: true), Pair("P1", "E2", 5, must: true), Pair("P2", "E1", 9)],
            [new Interpreter("I1", ["ko", "ja"])]);
        var engine = MatchingEngine.Solve(instance, cancellation: TestContext.Current.CancellationToken).Figures;
        var greedy = MatchingEngine.Greedy(instance).Figures;
        Assert.Equal((1, 0), (greedy.MustMeetMissed, greedy.ParticipantsWithoutMeeting));
        Assert.Equal((1, 0), (engine.MustMeetMissed, engine.ParticipantsWithoutMeeting));
        Assert.True(engine.Score >= greedy.Score, $"engine {engine.Score} < greedy {greedy.Score}");
    }

    [Fact]
    public void The_bound_keeps_each_participants_own_limit_when_interpreters_are_scarce()
    {
        // The interpreter pool network lets P2's unused capacity carry P1's interpreted meeting (bound 20);
        // the Lagrangian bound with a price on the one interpreter-slot does not: 11 is the true optimum.
        var instance = Instance(2,
            [Exhibitor("E1"), Exhibitor("E2", languages: ["en"]), Exhibitor("E3")],
            [Participant("P1", max: 1, languages: ["zh", "en"]), Participant("P2", max: 1, languages: ["zh"])],
            [Pair("P1", "E1", 10), Pair("P1", "E2", 10), Pair("P2", "E3", 1)],
            [new Interpreter("I1", ["ko", "zh"], ["s1"])]);
        var schedule = Solve(instance);
        Assert.Equal(11, schedule.Score);
        Assert.Equal(11, schedule.Bound);
    }

    [Fact]
    public void A_must_meet_is_placed_even_against_a_higher_score()
    {
        // E1 has one slot; P1 (must-meet, low score) and P2 (high score) both want it.
        var schedule = Solve(Instance(1, [Exhibitor("E1")], [Participant("P1"), Participant("P2")], [Pair("P1", "E1", 1, must: true), Pair("P2", "E1", 90)]));
        Assert.Equal("P1", Assert.Single(schedule.Meetings).Participant);
        Assert.Equal(0, schedule.MustMeetMissed);
    }

    [Fact]
    public void A_small_exhibitor_gets_its_minimum()
    {
        // P1 and P2 each have one meeting left; both prefer the popular E1, but E2 is owed one meeting.
        var schedule = Solve(Instance(2, [Exhibitor("E1"), Exhibitor("E2", min: 1)], [Participant("P1", max: 1), Participant("P2", max: 1)],
            [Pair("P1", "E1", 50), Pair("P2", "E1", 49), Pair("P2", "E2", 10)]));
        Assert.Contains(schedule.Meetings, m => m.Exhibitor == "E2");
        Assert.Equal(0, schedule.ExhibitorsBelowMinimum);
    }

    [Fact]
    public void Meetings_are_packed_back_to_back()
    {
        // P1 has three meetings in a six-slot day; E2 and E3 are only free late, E1 all day.
        var schedule = Solve(Instance(6, [Exhibitor("E1"), Exhibitor("E2", available: ["s4", "s5", "s6"]), Exhibitor("E3", available: ["s5", "s6"])],
            [Participant("P1")], [Pair("P1", "E1"), Pair("P1", "E2"), Pair("P1", "E3")]));
        Assert.Equal(3, schedule.Meetings.Count);
        Assert.Equal(0, schedule.IdleGaps);
    }

    [Fact]
    public void Pinned_meetings_stay_where_they_are()
    {
        var instance = Instance(3, [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1"), Participant("P2")],
            [Pair("P1", "E1", 10), Pair("P1", "E2", 10), Pair("P2", "E1", 10), Pair("P2", "E2", 10)]);
        var pin = new MatchSchedule([new Meeting("P1", "E1", "s3", 1)]);
        var schedule = Solve(instance, pin);
        Assert.Contains(new Meeting("P1", "E1", "s3", 1), schedule.Meetings);
        Assert.Equal(4, schedule.Meetings.Count);
    }

    [Fact]
    public void A_pin_that_breaks_a_rule_is_refused_with_its_reason()
    {
        var instance = Instance(2, [Exhibitor("E1", available: ["s1"])], [Participant("P1")], [Pair("P1", "E1")]);
        var result = MatchingEngine.Solve(instance, null, new MatchSchedule([new Meeting("P1", "E1", "s2", 1)]), cancellation: TestContext.Current.CancellationToken);
        Assert.False(result.Succeeded);
        Assert.Equal("pinned meetings[0] (P1, E1, s2): a side is unavailable, busy or at its limit", result.RefusedPin!.Message);
        Assert.Empty(result.Schedule.Meetings);
    }

    [Fact]
    public void A_replan_keeps_the_previous_meetings_that_still_hold_and_moves_the_others()
    {
        // E1 now only receives in s1, so the previous P1–E1 meeting in s2 no longer holds; P2–E2 in s2 still does.
        var instance = Instance(2, [Exhibitor("E1", available: ["s1"]), Exhibitor("E2")], [Participant("P1"), Participant("P2")],
            [Pair("P1", "E1", 10), Pair("P2", "E2", 10)]);
        var previous = new MatchSchedule([new Meeting("P1", "E1", "s2", 1), new Meeting("P2", "E2", "s2", 1)]);

        var result = MatchingEngine.Solve(instance, new MatchOptions { Seed = 7 }, previous: previous, cancellation: TestContext.Current.CancellationToken);

        Assert.True(ScheduleChecker.Check(instance, instance.Pairs!, result.Schedule, compareClaimedFigures: true).IsValid);
        Assert.Contains(new Meeting("P2", "E2", "s2", 1), result.Schedule.Meetings);
        Assert.Contains(new Meeting("P1", "E1", "s1", 1), result.Schedule.Meetings);
        Assert.Equal(new ReplanFigures(Kept: 1, Removed: 0, Moved: 1, Added: 0), result.Replan);
    }

    [Fact]
    public void A_replan_beside_pins_counts_only_the_previous_meetings_as_kept()
    {
        var instance = Instance(3, [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1"), Participant("P2"), Participant("P3")],
            [Pair("P1", "E1"), Pair("P2", "E1"), Pair("P3", "E2"), Pair("P3", "E1")]);
        var pinned = new MatchSchedule([new Meeting("P1", "E1", "s1", 1)]);
        var previous = new MatchSchedule([new Meeting("P2", "E1", "s2", 1)]);

        var result = MatchingEngine.Solve(instance, new MatchOptions { Seed = 7 }, pinned, previous, cancellation: TestContext.Current.CancellationToken);

        Assert.Contains(new Meeting("P1", "E1", "s1", 1), result.Schedule.Meetings);
        Assert.Contains(new Meeting("P2", "E1", "s2", 1), result.Schedule.Meetings);
        Assert.Equal(1, result.Figures.PinnedMeetings);
        Assert.Equal(new ReplanFigures(Kept: 1, Removed: 0, Moved: 0, Added: 2), result.Replan); // P3 meets both booths
    }

    [Fact]
    public void A_run_without_previous_schedule_reports_no_replan()
    {
        var instance = Instance(2, [Exhibitor("E1")], [Participant("P1")], [Pair("P1", "E1")]);
        Assert.Null(MatchingEngine.Solve(instance, cancellation: TestContext.Current.CancellationToken).Replan);
    }

    [Fact]
    public void The_figures_count_unavoidable_must_meet_misses_and_participants_without_a_meeting()
    {
        // One table, one slot, two must-meets: one of them cannot be held by any schedule. P3 has no candidate.
        var instance = Instance(1, [Exhibitor("E1")], [Participant("P1"), Participant("P2"), Participant("P3")],
            [Pair("P1", "E1", 10, must: true), Pair("P2", "E1", 5, must: true)]);

        var result = MatchingEngine.Solve(instance, cancellation: TestContext.Current.CancellationToken);

        var f = result.Figures;
        Assert.Equal((1, 10L, 10L, 0.0), (f.Meetings, f.Score, f.Bound, f.Gap));
        Assert.Equal((2, 1, 1), (f.MustMeets, f.MustMeetMissed, f.MustMeetUnavoidable));
        Assert.Equal(2, f.ParticipantsWithoutMeeting);
        Assert.InRange(f.BoundUnderPriorities, f.Score, f.Bound);
        Assert.Equal((result.Schedule.Score, result.Schedule.Bound, result.Schedule.IdleGaps), (f.Score, f.Bound, f.IdleGaps));
    }

    [Fact]
    public void Bound_is_the_b_matching_value()
    {
        // Two exhibitors with one slot each, one participant who can meet both in different... only one slot: bound counts capacity only.
        var instance = Instance(1, [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1"), Participant("P2")],
            [Pair("P1", "E1", 10), Pair("P1", "E2", 8), Pair("P2", "E1", 9)]);
        var schedule = Solve(instance);
        // Best: P1–E2 (8) + P2–E1 (9) = 17, which the bound attains.
        Assert.Equal(17, schedule.Score);
        Assert.Equal(17, schedule.Bound);
        Assert.Equal(0, schedule.Gap);
    }

    [Fact]
    public void Progress_is_reported_stage_by_stage_up_to_done()
    {
        var instance = Instance(2, [Exhibitor("E1")], [Participant("P1")], [Pair("P1", "E1")]);
        var stages = new List<MatchProgress>();
        MatchingEngine.Solve(instance, progress: new SynchronousProgress(stages.Add), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal("scoring", stages[0].Stage);
        Assert.Equal(("done", 1.0), (stages[^1].Stage, stages[^1].Fraction));
        Assert.True(stages.Zip(stages.Skip(1)).All(x => x.First.Fraction <= x.Second.Fraction));
    }

    [Fact]
    public void A_cancelled_run_stops_with_OperationCanceledException()
    {
        var instance = Instance(2, [Exhibitor("E1")], [Participant("P1")], [Pair("P1", "E1")]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => MatchingEngine.Solve(instance, cancellation: cancelled.Token));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the calls in order, now.</summary>
    private sealed class SynchronousProgress(Action<MatchProgress> report) : IProgress<MatchProgress>
    {
        public void Report(MatchProgress value) => report(value);
    }
}
