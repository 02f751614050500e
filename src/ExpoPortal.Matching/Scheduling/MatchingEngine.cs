using System.Diagnostics;
using ExpoPortal.Matching.Bound;
using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Model;
using ExpoPortal.Matching.Scoring;

namespace ExpoPortal.Matching.Scheduling;

/// <summary>The outcome of a run: the schedule with its figures, and the baseline beside it.</summary>
/// <param name="UnplacedPins">Pinned meetings that could not be kept (always 0: a pin that breaks a rule is refused with a <see cref="Io.MatchFormatException"/>).</param>
/// <param name="ReachedTimeLimit">True when the time limit cut the search short: the schedule is valid but
/// may then differ from run to run; with time to spare, the same input and seed give the same schedule.</param>
public sealed record MatchResult(MatchSchedule Schedule, MatchProblem Problem, Timetable Timetable, int UnplacedPins, bool ReachedTimeLimit = false);

/// <summary>
/// Entry point of the engine. Pipeline (see docs/decisions/0002-matching-engine.md):
/// pins → choose meetings by min-cost flow (must-meets, concave fairness for exhibitors and participants) →
/// timetable slot by slot → repair (force must-meets, exhibitor minimums and participants' first meeting, fill) → compare with a compact greedy → polish idle gaps → shorten walks between halls.
/// </summary>
public static class MatchingEngine
{
    public static MatchResult Solve(MatchInstance instance, MatchOptions? options = null, MatchSchedule? pinned = null,
        IProgress<MatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new MatchOptions();
        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + options.TimeLimit;
        progress?.Report(new("scoring", 0.0));
        var pairs = CandidateSource.Resolve(instance, options.Scoring);
        var problem = new MatchProblem(instance, pairs) { ParticipantFloor = options.EveryParticipantMeets };

        var start = new Timetable(problem);
        var fixedTables = pinned is null ? null : PinPlacer.Place(start, pinned);
        var scarcity = InterpreterScarcity(problem);

        progress?.Report(new("selecting meetings", 0.2));
        var selection = MeetingSelector.Select(start);
        var chosen = selection.Chosen;
        progress?.Report(new("bound", 0.25));
        var bound = ScoreBound.Compute(problem);
        cancellation.ThrowIfCancellationRequested();
        var flowBased = start.Clone();
        progress?.Report(new("timetabling", 0.3));
        SlotBySlotTimetabler.Place(flowBased, chosen, scarcity, cancellation);
        Repairer.Complete(flowBased, chosen, scarcity);
        cancellation.ThrowIfCancellationRequested();

        progress?.Report(new("compact greedy", 0.5));
        var compact = GreedyScheduler.Compact(problem, start, scarcity);
        Repairer.Complete(compact, null, scarcity);

        var best = Better(flowBased, compact);
        progress?.Report(new("improving score", 0.6));
        Repairer.ImproveScore(best, deadline, scarcity, cancellation);
        progress?.Report(new("polishing idle gaps", 0.7));
        // A pass costs about the same per meeting, so very large events get fewer passes: the work (and so the
        // schedule) stays a function of the input, and ends well inside the time limit even on a loaded machine.
        var passes = Math.Clamp(PolishMeetingPasses / Math.Max(1, best.MeetingCount), MinPolishPasses, options.PolishPasses);
        GapPolisher.Polish(best, options.Seed, passes, deadline, scarcity, cancellation);
        progress?.Report(new("shortening walks between halls", 0.9));
        GapPolisher.ShortenWalks(best, deadline, scarcity, cancellation, passes: best.MeetingCount > LargeEvent ? 1 : 2);

        progress?.Report(new("done", 1.0));
        var schedule = Build(best, bound, clock.Elapsed.TotalSeconds, fixedTables);
        return new MatchResult(schedule, problem, best, UnplacedPins: 0, ReachedTimeLimit: DateTime.UtcNow > deadline);
    }

    private const int PolishMeetingPasses = 1_500_000;
    private const int MinPolishPasses = 10;
    /// <summary>Meetings beyond which the walk-shortening phase gets one pass instead of two.</summary>
    private const int LargeEvent = 40_000;

    /// <summary>The naive baseline (best score first, first free slot), with the same figures.</summary>
    public static MatchSchedule Greedy(MatchInstance instance, MatchOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var problem = new MatchProblem(instance, CandidateSource.Resolve(instance, (options ?? new()).Scoring));
        var timetable = GreedyScheduler.FirstFreeSlot(problem);
        return Build(timetable, ScoreBound.Compute(problem), clock.Elapsed.TotalSeconds, null);
    }

    internal static MatchSchedule Build(Timetable timetable, long bound, double seconds, IReadOnlyDictionary<int, int>? fixedTables)
    {
        var problem = timetable.Problem;
        var meetings = TableAssigner.Meetings(timetable, fixedTables);
        var mustMissed = Enumerable.Range(0, problem.PairCount).Count(k => problem.PairMustMeet[k] && !timetable.IsPlaced(k));
        var below = Enumerable.Range(0, problem.Exhibitors).Count(e => timetable.ExhibitorMeetings[e] < problem.OwedMinimum(e));
        return new MatchSchedule(meetings, timetable.Score, bound, ScoreBound.Gap(timetable.Score, bound), seconds,
            ScheduleChecker.CountIdleGaps(problem.Grid, meetings), below, mustMissed);
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
