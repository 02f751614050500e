using ExpoPortal.Bench.Generator;
using ExpoPortal.Matching;
using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Scoring;

namespace ExpoPortal.Bench.Tests;

/// <summary>The engine on the benchmark's generated events (small sizes): valid, better than the greedy, reproducible, stable under a re-plan.</summary>
public class GeneratedEventTests
{
    [Fact]
    public void The_generator_gives_the_same_event_for_the_same_settings()
    {
        var settings = new GeneratorSettings("small", 30, 120, 2, 1.0, CandidatesPerParticipant: 12, Interpreters: 4, Seed: 5);
        Assert.Equal(InstanceWriter.Write(InstanceGenerator.Generate(settings)), InstanceWriter.Write(InstanceGenerator.Generate(settings)));
    }

    [Fact]
    public void The_same_input_and_seed_give_the_same_schedule()
    {
        var instance = InstanceGenerator.Generate(new GeneratorSettings("small", 30, 120, 2, 1.0, CandidatesPerParticipant: 12, Interpreters: 4, Seed: 5));
        var options = new MatchOptions { Seed = 3 };
        var first = MatchingEngine.Solve(instance, options, cancellation: TestContext.Current.CancellationToken).Schedule;
        var second = MatchingEngine.Solve(instance, options, cancellation: TestContext.Current.CancellationToken).Schedule;
        Assert.Equal(first.Meetings, second.Meetings);
        Assert.Equal(ScheduleWriter.Write(first with { Seconds = 0 }), ScheduleWriter.Write(second with { Seconds = 0 }));
    }

    [Fact]
    public void A_generated_event_is_solved_validly_with_fewer_idle_gaps_than_the_greedy()
    {
        var instance = InstanceGenerator.Generate(new GeneratorSettings("small", 40, 160, 2, 1.0, CandidatesPerParticipant: 15, Interpreters: 6, Seed: 11));
        var result = MatchingEngine.Solve(instance, new MatchOptions { Seed = 1 }, cancellation: TestContext.Current.CancellationToken).Schedule;
        var greedy = MatchingEngine.Greedy(instance).Schedule;
        var pairs = CandidateSource.Resolve(instance);
        Assert.True(ScheduleChecker.Check(instance, pairs, result).IsValid);
        Assert.True(result.IdleGaps < greedy.IdleGaps / 2, $"engine {result.IdleGaps} gaps, greedy {greedy.IdleGaps}");
        Assert.True(result.MustMeetMissed <= greedy.MustMeetMissed);
        Assert.Equal(0, result.ExhibitorsBelowMinimum);
    }

    [Fact]
    public void Re_planning_after_a_cancellation_keeps_every_unaffected_meeting()
    {
        var instance = InstanceGenerator.Generate(new GeneratorSettings("small", 30, 120, 2, 1.0, CandidatesPerParticipant: 12, Interpreters: 4, Seed: 9));
        var first = MatchingEngine.Solve(instance, cancellation: TestContext.Current.CancellationToken).Schedule;
        var leaving = first.Meetings[0].Participant;
        var changed = instance with { Participants = instance.Participants.Select(p => p.Id == leaving ? p with { Available = [] } : p).ToList() };

        var result = MatchingEngine.Solve(changed, previous: first, cancellation: TestContext.Current.CancellationToken);
        var replan = result.Replan!;

        var now = result.Schedule.Meetings.ToHashSet();
        var unaffected = first.Meetings.Where(m => m.Participant != leaving).ToList();
        Assert.All(unaffected, m => Assert.Contains(m, now));
        Assert.DoesNotContain(now, m => m.Participant == leaving);
        Assert.Equal(first.Meetings.Count(m => m.Participant == leaving), replan.Removed + replan.Moved);
        Assert.True(ScheduleChecker.Check(changed, changed.Pairs!, result.Schedule).IsValid);
    }
}
