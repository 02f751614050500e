using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Model;
using ExpoPortal.Matching.Scheduling;
using ExpoPortal.Matching.Scoring;

namespace ExpoPortal.Matching.Tests;

/// <summary>Random small instances: whatever the input, the engine's schedule is valid, within the bound, and reproducible.</summary>
public class PropertyTests
{
    private static MatchInstance RandomInstance(int seed, int participants, int exhibitors, int slots, bool interpreters)
    {
        var random = new Random(seed);
        var slotList = Tiny.Slots(slots, days: slots > 4 ? 2 : 1);
        string[]? Availability() => random.NextDouble() < 0.3
            ? slotList.Where(_ => random.NextDouble() < 0.6).Select(s => s.Id).ToArray() : null;
        var exhibitorList = Enumerable.Range(1, exhibitors).Select(i => new Exhibitor($"E{i}", random.Next(1, 3), random.Next(0, 3), random.Next(1, 2 * slots),
            interpreters && random.NextDouble() < 0.3 ? ["en"] : ["ko"], Availability())).ToList();
        var participantList = Enumerable.Range(1, participants).Select(i => new Participant($"P{i}", random.Next(1, slots + 1),
            interpreters && random.NextDouble() < 0.3 ? ["zh"] : ["ko"], Availability())).ToList();
        var pairs = new List<CandidatePair>();
        foreach (var p in participantList)
            foreach (var e in exhibitorList)
                if (random.NextDouble() < 0.6) pairs.Add(new CandidatePair(p.Id, e.Id, random.Next(0, 20), random.NextDouble() < 0.1));
        var interpreterList = interpreters
            ? new List<Interpreter> { new("I1", ["ko", "zh"], Availability()), new("I2", ["en", "zh"]) }
            : [];
        return new MatchInstance(slotList, exhibitorList, participantList, interpreterList, pairs);
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 25));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_schedule_always_passes_the_checker_and_never_exceeds_the_bound(int seed)
    {
        var instance = RandomInstance(seed, participants: 8, exhibitors: 5, slots: 6, interpreters: true);
        var result = MatchingEngine.Solve(instance, new MatchOptions { Seed = seed }, cancellation: TestContext.Current.CancellationToken);
        var report = ScheduleChecker.Check(instance, instance.Pairs!, result.Schedule, compareClaimedFigures: true);
        Assert.True(report.IsValid, string.Join("; ", report.Violations));
        Assert.InRange(result.Schedule.Score, 0, result.Schedule.Bound);

        var greedy = MatchingEngine.Greedy(instance).Schedule;
        Assert.True(ScheduleChecker.Check(instance, instance.Pairs!, greedy, compareClaimedFigures: true).IsValid);
        Assert.InRange(greedy.Score, 0, greedy.Bound);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void On_tiny_instances_the_score_equals_the_brute_force_optimum(int seed)
    {
        var instance = RandomInstance(seed + 1000, participants: 3, exhibitors: 2, slots: 3, interpreters: false);
        // Plain score maximisation: no must-meets, minimums or participant floor to trade score against, one table each.
        instance = instance with
        {
            Pairs = instance.Pairs!.Select(p => p with { MustMeet = false }).ToList(),
            Exhibitors = instance.Exhibitors.Select(e => e with { MinMeetings = 0, Tables = 1 }).ToList(),
        };
        var result = MatchingEngine.Solve(instance, new MatchOptions { Seed = seed, EveryParticipantMeets = false }, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(BruteForceBest(instance), result.Schedule.Score);
    }

    /// <summary>Tries every assignment of every pair to "not held" or a slot; the checker decides validity.</summary>
    private static long BruteForceBest(MatchInstance instance)
    {
        var pairs = instance.Pairs!;
        var options = instance.Slots.Count + 1;
        long best = 0;
        var total = (int)Math.Pow(options, pairs.Count);
        for (var code = 0; code < total; code++)
        {
            var meetings = new List<Meeting>();
            var rest = code;
            for (var k = 0; k < pairs.Count; k++, rest /= options)
                if (rest % options is var choice && choice > 0)
                    meetings.Add(new Meeting(pairs[k].Participant, pairs[k].Exhibitor, instance.Slots[choice - 1].Id, 1));
            var report = ScheduleChecker.Check(instance, pairs, new MatchSchedule(meetings));
            if (report.IsValid) best = Math.Max(best, report.Score);
        }
        return best;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Both_bounds_hold_against_every_schedule_of_a_tiny_instance(int seed)
    {
        // Interpreters, must-meets, minimums and partial availability: enumerate every schedule (interpreter
        // given first-free), and check the plain bound against all of them and the bound under priorities
        // against those that do at least as well as the engine on must-meets, minimums and first meetings.
        var instance = RandomInstance(seed + 2000, participants: 3, exhibitors: 2, slots: 3, interpreters: true);
        instance = instance with { Exhibitors = instance.Exhibitors.Select(e => e with { Tables = 1 }).ToList() };
        var result = MatchingEngine.Solve(instance, new MatchOptions { Seed = seed }, cancellation: TestContext.Current.CancellationToken);
        // The bound under priorities comes with the result; the schedules to test it against are enumerated on the engine's internals.
        var problem = new MatchProblem(instance, instance.Pairs!) { ParticipantFloor = true };
        var engine = Bound.ScoreBound.Priorities.Of(problem, result.Schedule);
        var underPriorities = result.Figures.BoundUnderPriorities;
        Assert.InRange(result.Schedule.Score, 0, underPriorities);
        Assert.Equal(Bound.ScoreBound.UnderPriorities(problem, engine, result.Schedule.Bound), underPriorities);

        foreach (var (timetable, score) in EverySchedule(problem))
        {
            Assert.True(score <= result.Schedule.Bound, $"a schedule scores {score} above the bound {result.Schedule.Bound}");
            var reached = Bound.ScoreBound.Priorities.Of(timetable);
            if (reached.MustMeets >= engine.MustMeets && reached.MinimumUnits >= engine.MinimumUnits && reached.FirstMeetings >= engine.FirstMeetings)
                Assert.True(score <= underPriorities, $"a schedule with {reached} scores {score} above the bound under priorities {underPriorities}");
        }
    }

    private static IEnumerable<(Timetable Timetable, long Score)> EverySchedule(MatchProblem problem)
    {
        var options = problem.Slots + 1;
        var total = (int)Math.Pow(options, problem.PairCount);
        for (var code = 0; code < total; code++)
        {
            var timetable = new Timetable(problem);
            var rest = code;
            var valid = true;
            for (var k = 0; k < problem.PairCount && valid; k++, rest /= options)
                if (rest % options is var choice && choice > 0)
                    valid = timetable.TryPlace(k, choice - 1);
            if (valid) yield return (timetable, timetable.Score);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_replan_keeps_every_previous_meeting_that_still_holds_and_is_reproducible(int seed)
    {
        var instance = RandomInstance(seed + 4000, participants: 30, exhibitors: 12, slots: 8, interpreters: true);
        var first = MatchingEngine.Solve(instance, new MatchOptions { Seed = seed }, cancellation: TestContext.Current.CancellationToken).Schedule;
        var leaving = first.Meetings[0].Participant;
        var changed = instance with { Participants = instance.Participants.Select(p => p.Id == leaving ? p with { Available = [] } : p).ToList() };
        var pinned = new MatchSchedule(first.Meetings.Where((m, i) => i % 4 == 1 && m.Participant != leaving).ToList());
        var previous = new MatchSchedule(first.Meetings.Except(pinned.Meetings).ToList());

        var replan = MatchingEngine.Solve(changed, new MatchOptions { Seed = seed }, pinned, previous, cancellation: TestContext.Current.CancellationToken);
        var again = MatchingEngine.Solve(changed, new MatchOptions { Seed = seed }, pinned, previous, cancellation: TestContext.Current.CancellationToken);

        Assert.True(ScheduleChecker.Check(changed, changed.Pairs!, replan.Schedule, compareClaimedFigures: true).IsValid);
        Assert.All(first.Meetings.Where(m => m.Participant != leaving), m => Assert.Contains(m, replan.Schedule.Meetings));
        Assert.Equal(previous.Meetings.Count(m => m.Participant != leaving), replan.Replan!.Kept);
        Assert.Equal(pinned.Meetings.Count, replan.Figures.PinnedMeetings);
        Assert.Equal(replan.Schedule.Meetings, again.Schedule.Meetings);
        Assert.Equal(replan.Replan, again.Replan);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_same_random_instance_and_seed_give_the_same_schedule_and_figures(int seed)
    {
        var instance = RandomInstance(seed + 3000, participants: 30, exhibitors: 12, slots: 8, interpreters: true);
        var options = new MatchOptions { Seed = seed };
        var first = MatchingEngine.Solve(instance, options, cancellation: TestContext.Current.CancellationToken);
        var second = MatchingEngine.Solve(instance, options, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(first.Schedule.Meetings, second.Schedule.Meetings);
        Assert.Equal(first.Figures with { Seconds = 0 }, second.Figures with { Seconds = 0 });
    }
}
