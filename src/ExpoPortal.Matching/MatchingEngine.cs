using System.Diagnostics;
using ExpoPortal.Matching.Bound;
using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Model;
using ExpoPortal.Matching.Scheduling;
using ExpoPortal.Matching.Scoring;

namespace ExpoPortal.Matching;

/// <summary>
/// The engine's one entry point. Pipeline (see docs/decisions/0002-matching-engine.md):
/// pins → choose meetings by min-cost flow (must-meets, concave fairness for exhibitors and participants) →
/// timetable slot by slot → repair (force must-meets, exhibitor minimums and participants' first meeting, fill) →
/// compare with a compact greedy → polish idle gaps → shorten walks between halls. The candidate pairs are
/// scored once per call.
/// </summary>
public static class MatchingEngine
{
    /// <summary>Plans who meets whom, when and where. Synchronous and CPU-bound: run it off the request thread.</summary>
    /// <param name="pinned">Meetings that must stay exactly where they are (published ones). If one breaks a rule,
    /// nothing is solved and <see cref="MatchResult.RefusedPin"/> says which and why.</param>
    /// <param name="previous">For a re-plan after a change (a cancellation, a late arrival, a new exhibitor): every
    /// meeting of the earlier schedule that still follows the rules stays where it is, the others are dropped and
    /// the engine fills the freed room; <see cref="MatchResult.Replan"/> says how many were kept, moved, removed, added.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires (checked between stages and inside the loops).</exception>
    public static MatchResult Solve(MatchInstance instance, MatchOptions? options = null, MatchSchedule? pinned = null,
        MatchSchedule? previous = null, IProgress<MatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new MatchOptions();
        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + options.TimeLimit;
        progress?.Report(new("scoring", 0.0));
        var pairs = CandidateSource.Resolve(instance, options.Scoring);
        var problem = new MatchProblem(instance, pairs) { ParticipantFloor = options.EveryParticipantMeets };

        var start = new Timetable(problem);
        var pins = new PinPlacer(start);
        if (pinned is not null && pins.PlaceAll(pinned.Meetings) is { } refusal) return MatchResult.Refused(refusal);
        var stillValid = previous is null ? null : pins.PlaceValid(previous.Meetings);
        var scarcity = InterpreterScarcity(problem);

        // The bound and the two greedy schedules do not depend on the flow-based timetable: they are built on the
        // other core meanwhile (each on its own copy; the problem is only read, its interpreter pools built first).
        // Each part is deterministic and they are combined in a fixed order, so the schedule stays a function of the input.
        _ = problem.Pools;
        var boundTask = Task.Run(() => ScoreBound.Compute(problem), cancellation);
        var greedyTask = Task.Run(() =>
        {
            var compact = GreedyScheduler.Compact(problem, start, scarcity);
            Repairer.Complete(compact, null, scarcity);
            return (Compact: compact, Baseline: GreedyScheduler.FirstFreeSlot(problem, start));
        }, cancellation);

        progress?.Report(new("selecting meetings", 0.2));
        var selection = MeetingSelector.Select(start);
        var chosen = selection.Chosen;
        cancellation.ThrowIfCancellationRequested();
        var flowBased = start.Clone();
        progress?.Report(new("timetabling", 0.3));
        SlotBySlotTimetabler.Place(flowBased, chosen, scarcity, cancellation);
        Repairer.Complete(flowBased, chosen, scarcity);
        cancellation.ThrowIfCancellationRequested();

        progress?.Report(new("compact greedy", 0.5));
        var (compact, baseline) = greedyTask.GetAwaiter().GetResult();
        var bound = boundTask.GetAwaiter().GetResult();

        var best = Better(flowBased, compact);
        Repairer.FirstMeetingsNoWorseThan(best, baseline, scarcity);
        progress?.Report(new("improving score", 0.6));
        Repairer.ImproveScore(best, deadline, scarcity, cancellation);
        // Which pairs meet is settled now (the polish only moves meetings), so the bound under priorities is computed
        // on the other core while the polish runs.
        var achieved = ScoreBound.Priorities.Of(best);
        var underPrioritiesTask = Task.Run(() => ScoreBound.UnderPriorities(problem, achieved, bound), cancellation);
        progress?.Report(new("polishing idle gaps", 0.7));
        // A pass costs about the same per meeting, so very large events get fewer passes: the work (and so the
        // schedule) stays a function of the input, and ends well inside the time limit even on a loaded machine.
        var passes = Math.Clamp(PolishMeetingPasses / Math.Max(1, best.MeetingCount), MinPolishPasses, options.PolishPasses);
        GapPolisher.Polish(best, options.Seed, passes, deadline, scarcity, cancellation);
        progress?.Report(new("shortening walks between halls", 0.9));
        GapPolisher.ShortenWalks(best, deadline, scarcity, cancellation, passes: best.MeetingCount > LargeEvent ? 1 : 2);

        var reachedTimeLimit = DateTime.UtcNow > deadline;
        var schedule = Build(best, bound, clock.Elapsed.TotalSeconds, pins.Tables);
        progress?.Report(new("figures", 0.95));
        var figures = Figures(best, schedule, pinned?.Meetings.Count ?? 0, underPrioritiesTask.GetAwaiter().GetResult());
        progress?.Report(new("done", 1.0));
        var replan = previous is null ? null : Changes(previous, stillValid!, pinned, schedule);
        return new MatchResult(schedule, figures, Replan: replan, ReachedTimeLimit: reachedTimeLimit);
    }

    private const int PolishMeetingPasses = 1_500_000;
    private const int MinPolishPasses = 10;
    /// <summary>Meetings beyond which the walk-shortening phase gets one pass instead of two.</summary>
    private const int LargeEvent = 40_000;

    /// <summary>The naive baseline (best score first, first free slot), with the same figures, for comparison.</summary>
    public static MatchResult Greedy(MatchInstance instance, MatchOptions? options = null)
    {
        options ??= new MatchOptions();
        var clock = Stopwatch.StartNew();
        var problem = new MatchProblem(instance, CandidateSource.Resolve(instance, options.Scoring)) { ParticipantFloor = options.EveryParticipantMeets };
        var timetable = GreedyScheduler.FirstFreeSlot(problem);
        var schedule = Build(timetable, ScoreBound.Compute(problem), clock.Elapsed.TotalSeconds, null);
        return new MatchResult(schedule, Figures(timetable, schedule, pinned: 0,
            ScoreBound.UnderPriorities(problem, ScoreBound.Priorities.Of(timetable), schedule.Bound)));
    }

    private static MatchSchedule Build(Timetable timetable, long bound, double seconds, IReadOnlyDictionary<int, int>? fixedTables)
    {
        var problem = timetable.Problem;
        var meetings = TableAssigner.Meetings(timetable, fixedTables);
        var mustMissed = Enumerable.Range(0, problem.PairCount).Count(k => problem.PairMustMeet[k] && !timetable.IsPlaced(k));
        var below = Enumerable.Range(0, problem.Exhibitors).Count(e => timetable.ExhibitorMeetings[e] < problem.OwedMinimum(e));
        return new MatchSchedule(meetings, timetable.Score, bound, ScoreBound.Gap(timetable.Score, bound), seconds,
            ScheduleChecker.CountIdleGaps(problem.Grid, meetings), below, mustMissed);
    }

    /// <summary>The schedule's figures plus those that need the problem: the bound under priorities and the unavoidable must-meet misses.</summary>
    private static MatchFigures Figures(Timetable timetable, MatchSchedule schedule, int pinned, long underPriorities)
    {
        var problem = timetable.Problem;
        var mustMeets = problem.PairMustMeet.Count(m => m);
        var withMeetings = schedule.Meetings.Select(m => m.Participant).Distinct().Count();
        return new MatchFigures(schedule.Meetings.Count, schedule.Score, schedule.Bound, schedule.Gap,
            underPriorities, ScoreBound.Gap(schedule.Score, underPriorities), schedule.IdleGaps,
            mustMeets, schedule.MustMeetMissed, mustMeets - ScoreBound.MustMeetPlaceable(problem),
            schedule.ExhibitorsBelowMinimum, problem.Instance.Participants.Count - withMeetings, pinned, schedule.Seconds);
    }

    /// <summary>A re-plan against the previous schedule: dropped meetings whose pair meets again count as moved.</summary>
    private static ReplanFigures Changes(MatchSchedule previous, List<Meeting> stillValid, MatchSchedule? pinned, MatchSchedule now)
    {
        var before = previous.Meetings.Concat(pinned?.Meetings ?? []).Select(m => (m.Participant, m.Exhibitor)).ToHashSet();
        var pairsNow = now.Meetings.Select(m => (m.Participant, m.Exhibitor)).ToHashSet();
        var dropped = previous.Meetings.Except(stillValid).ToList();
        var moved = dropped.Count(m => pairsNow.Contains((m.Participant, m.Exhibitor)));
        var added = pairsNow.Count(pair => !before.Contains(pair));
        return new ReplanFigures(stillValid.Count, previous.Meetings.Count - stillValid.Count - moved, moved, added);
    }

    /// <summary>
    /// Fewer must-meets missed, then fewer exhibitors below minimum, then fewer participants left without a
    /// meeting they are owed, then higher score, then fewer gaps.
    /// </summary>
    private static Timetable Better(Timetable a, Timetable b)
    {
        static (int, int, int, long, int) Key(Timetable t)
        {
            var problem = t.Problem;
            var must = Enumerable.Range(0, problem.PairCount).Count(k => problem.PairMustMeet[k] && !t.IsPlaced(k));
            var below = Enumerable.Range(0, problem.Exhibitors).Count(e => t.ExhibitorMeetings[e] < problem.OwedMinimum(e));
            var without = Enumerable.Range(0, problem.Participants).Count(p => problem.IsOwedAMeeting(p) && t.ParticipantMeetings[p] == 0);
            return (must, below, without, -t.Score, t.TotalGaps());
        }
        return Key(b).CompareTo(Key(a)) < 0 ? b : a;
    }

    /// <summary>How many needing pairs each interpreter could serve: the less versatile are used first.</summary>
    private static int[] InterpreterScarcity(MatchProblem problem)
    {
        var count = new int[problem.Interpreters];
        foreach (var options in problem.PairInterpreters)
            if (options is not null) foreach (var i in options) count[i]++;
        return count;
    }
}
