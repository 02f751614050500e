using System.Diagnostics;

namespace ExpoPortal.Bench.B2b;

public sealed record B2bOptions
{
    public int Fairness { get; init; } = 2;
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);
    public int Seed { get; init; } = 1;
    /// <summary>CP-SAT runs at once, one worker each (1 or 2).</summary>
    public int Workers { get; init; } = 2;
    /// <summary>CP-SAT deterministic time one worker gets per second of the time limit (calibrated on the 2-core benchmark machine).</summary>
    public double WorkPerSecond { get; init; } = 0.6;
    /// <summary>Extra CP-SAT parameters in text format, for calibration runs (overrides the defaults).</summary>
    public string ExtraParameters { get; init; } = "";
}

/// <param name="Slots">0-based slot of each meeting (empty when no timetable was found).</param>
public sealed record B2bResult(int Breaks, int[] Slots, double Seconds, bool ProvenOptimal);

/// <summary>
/// One worker's budget in CP-SAT deterministic time: phases split what is left of it, so that their decisions
/// do not depend on the machine's load; the wall clock is only a safety stop.
/// </summary>
internal sealed class B2bWork
{
    /// <summary>Below this a CP-SAT run cannot even presolve the larger forums.</summary>
    public const double Minimum = 0.1;
    private readonly Stopwatch _wall;
    private readonly double _wallLimit;

    public B2bWork(B2bOptions options) : this(Stopwatch.StartNew(), options.TimeLimit.TotalSeconds, options.TimeLimit.TotalSeconds * options.WorkPerSecond) { }

    private B2bWork(Stopwatch wall, double wallLimit, double total) => (_wall, _wallLimit, Total) = (wall, wallLimit, total);

    public double Total { get; }
    public double Spent { get; private set; }
    public double Left => Total - Spent;
    public double Seconds => _wall.Elapsed.TotalSeconds;
    public double WallLeft => _wallLimit - Seconds;
    public bool Exhausted => Left <= Minimum || WallLeft <= 0.05;
    public void Charge(double work) => Spent += work;

    /// <summary>A budget for a run beside another one: same clock, what is left of this one.</summary>
    public B2bWork Fork() => new(_wall, _wallLimit, Left);

    /// <summary>Runs side by side cost the longest of them.</summary>
    public void Join(params B2bWork[] forks) => Spent += forks.Max(f => f.Spent);
}

/// <summary>
/// Timetables the given meetings minimising breaks (JAIR 2022). A time-indexed CP-SAT model: a per-slot load
/// limit, per business "one contiguous window or a has-a-break flag" (only windows whose meetings fit, checked by
/// bipartite matching), breaks as plain literals.
/// Reproducible: every CP-SAT run has one worker and a deterministic-time limit, and two runs go side by side
/// where a fixed rule, not the finishing order, picks the result (multi-worker CP-SAT is not deterministic, and
/// its deterministic interleaved mode was far slower here).
/// Phases: (1) a zero-break feasibility model, which refutes "0 breaks" fast; (2) core-based minimisation,
/// which proves its bound early, beside a no-LP search that finds good timetables; (3) if the timetables lag
/// behind the bound, feasibility models for B breaks with B rising from the proven bound. When B leaves room
/// for at most one business beyond those that fit no window at all, phase 3 fixes the breakers and tries the
/// candidates two at a time (most constrained first): with everyone else held to one window CP-SAT's presolve
/// refutes most wrong candidates in a fraction of a second, where "any one business may break" stalls.
/// </summary>
public static class B2bSolver
{
    public static B2bResult Solve(B2bProblem problem, B2bOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new B2bOptions();
        var effort = new B2bWork(options);
        Trace($"start");

        // Phase 1: can every business keep one contiguous window? The default search proves "no" in well
        // under a second; the no-LP search beside it finds a "yes" as fast (the default one rarely does).
        var zero = ZeroBreaks(problem, options);
        // The no-LP search needs up to 0.9 (ticf-14crafa) when every business can keep one window.
        var zeroWork = Math.Min(effort.Total * 0.35, 1.2);
        var (refuter, finder) = Pair(options, effort,
            (fork, stop) => zero.Run(options, fork, zeroWork, stop, B2bModel.Search.Portfolio),
            (fork, stop) => ZeroBreaks(problem, options).Run(options, fork, zeroWork, stop, B2bModel.Search.NoLp),
            outcome => outcome.Slots is not null || outcome.Infeasible, cancellation);
        var zeroRun = finder is { Slots: not null } || finder is { Infeasible: true } ? finder : refuter;
        Trace($"zero: feasible={zeroRun.Slots is not null} infeasible={zeroRun.Infeasible} forced breakers={zero.ForcedBreakers.Count}");
        if (zeroRun.Slots is not null) return Result(problem, zeroRun, effort, true);
        // Each business whose meetings fit no window breaks at least once.
        var lowerBound = Math.Max(zeroRun.Infeasible ? 1 : 0, zero.ForcedBreakers.Count);
        var breakers = new BreakerCandidates(problem, zero);
        Trace($"forced {string.Join(",", breakers.Forced.Select(b => b + 1))}; free by rank {string.Join(",", breakers.Free.Select(b => b + 1))}");

        // Phase 1b: when the tables' capacity (not a business that fits no window) refutes "0 breaks",
        // ask whether one breaking business is enough. LP-heavy search refutes "one" in about half a
        // second when it is not; when it stalls instead, one probably is, and phase 2 would not find it:
        // try the candidate breakers first, leaving phase 2 the rest of the time to find some timetable
        // (phase 3 would only repeat the same candidates).
        var candidatesTried = false;
        if (zeroRun.Infeasible && breakers.Forced.Count == 0 && !cancellation.IsCancellationRequested)
        {
            var one = new B2bModel(problem, options.Fairness);
            one.LimitBreaks(1);
            var oneRun = one.Run(options, effort, Math.Min(effort.Left * 0.2, 0.8 * options.WorkPerSecond), cancellation, B2bModel.Search.Lp);
            Trace($"one breaker: feasible={oneRun.Slots is not null} infeasible={oneRun.Infeasible}");
            if (oneRun.Slots is not null) return Result(problem, oneRun, effort, true);
            if (oneRun.Infeasible) lowerBound = 2;
            else if (FixedBreakers(problem, options, 1, breakers, effort.Left * 0.85, effort, cancellation) is { Slots: not null } fixedRun)
                return Result(problem, fixedRun, effort, true);
            else candidatesTried = true;
        }

        // Phase 2: core-based minimisation proves the bound early even when its timetables lag behind; the
        // no-LP search beside it finds good timetables. Phase 3 gets the larger share only when it can fix the breakers.
        var share = lowerBound == 0 || candidatesTried ? 1.0 : breakers.AtMostOneFree(lowerBound) ? 0.45 : 0.75;
        var work = effort.Left * share;
        var known = lowerBound;
        var (core, quick) = Pair(options, effort,
            (fork, stop) => Minimisation(problem, options).Run(options, fork, work, stop, B2bModel.Search.Core),
            (fork, stop) => Minimisation(problem, options).Run(options, fork, work, stop, B2bModel.Search.NoLp),
            outcome => outcome.Optimal || outcome.Objective <= known, cancellation);
        var best = new[] { core, quick }.Where(o => o?.Slots is not null).MinBy(o => o!.Objective);
        lowerBound = Math.Max(lowerBound, Math.Max(core.LowerBound, quick?.LowerBound ?? 0));
        var proven = core.Optimal || quick?.Optimal == true || best?.Objective <= lowerBound;
        Trace($"main: work {effort.Spent:F2}, core {core.Objective} (bound {core.LowerBound}), no-LP {quick?.Objective} (bound {quick?.LowerBound}), proven={proven}");
        if (proven || cancellation.IsCancellationRequested) return Result(problem, best, effort, proven);

        // Phase 3: raise the break budget from the proven bound, one feasibility question at a time.
        while (!effort.Exhausted && !cancellation.IsCancellationRequested && lowerBound < (best?.Objective ?? int.MaxValue))
        {
            var attempt = breakers.AtMostOneFree(lowerBound)
                ? FixedBreakers(problem, options, lowerBound, breakers, effort.Left, effort, cancellation)
                : Budget(problem, options, lowerBound, effort, cancellation);
            Trace($"budget {lowerBound}: found={attempt?.Slots is not null} infeasible={attempt?.Infeasible}");
            if (attempt?.Slots is not null) return Result(problem, attempt, effort, true);
            if (attempt is not { Infeasible: true }) break;
            lowerBound++;
        }
        return Result(problem, best, effort, false);
    }

    private static B2bModel ZeroBreaks(B2bProblem problem, B2bOptions options)
    {
        var model = new B2bModel(problem, options.Fairness);
        model.ForbidBreaksExcept([]);
        // Redundant, but fixing the break literals too lets presolve shrink the model far more.
        model.LimitBreaks(0);
        return model;
    }

    private static B2bModel Minimisation(B2bProblem problem, B2bOptions options)
    {
        var model = new B2bModel(problem, options.Fairness);
        model.Minimize();
        return model;
    }

    /// <summary>
    /// Runs two jobs side by side (one after the other with one worker), reproducibly: once the first job's
    /// outcome is decisive the second is stopped, as its outcome cannot matter then; otherwise both run to
    /// their own deterministic end. The second is null when it was stopped or never ran.
    /// </summary>
    private static (B2bModel.Outcome First, B2bModel.Outcome? Second) Pair(B2bOptions options, B2bWork effort,
        Func<B2bWork, CancellationToken, B2bModel.Outcome> first, Func<B2bWork, CancellationToken, B2bModel.Outcome> second,
        Func<B2bModel.Outcome, bool> decisive, CancellationToken cancellation)
    {
        B2bWork firstFork = effort.Fork(), secondFork = effort.Fork();
        if (options.Workers <= 1)
        {
            var alone = first(firstFork, cancellation);
            effort.Join(firstFork);
            if (decisive(alone) || effort.Exhausted) return (alone, null);
            var after = second(secondFork, cancellation);
            effort.Join(secondFork);
            return (alone, after);
        }
        using var stopSecond = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var secondTask = Task.Run(() => second(secondFork, stopSecond.Token), CancellationToken.None);
        var firstOutcome = first(firstFork, cancellation);
        if (decisive(firstOutcome))
        {
            stopSecond.Cancel();
            secondTask.Wait(CancellationToken.None);
            effort.Join(firstFork);
            return (firstOutcome, null);
        }
        var secondOutcome = secondTask.GetAwaiter().GetResult();
        effort.Join(firstFork, secondFork);
        return (firstOutcome, secondOutcome);
    }

    /// <summary>At most B breaks: the default search (which refutes) beside the no-LP one (which finds).</summary>
    private static B2bModel.Outcome Budget(B2bProblem problem, B2bOptions options, int budget, B2bWork effort, CancellationToken cancellation)
    {
        B2bModel Model()
        {
            var model = new B2bModel(problem, options.Fairness);
            model.LimitBreaks(budget);
            return model;
        }
        var work = effort.Left;
        var (refuter, finder) = Pair(options, effort,
            (fork, stop) => Model().Run(options, fork, work, stop, B2bModel.Search.Portfolio),
            (fork, stop) => Model().Run(options, fork, work, stop, B2bModel.Search.NoLp),
            outcome => outcome.Slots is not null || outcome.Infeasible, cancellation);
        return finder is { Slots: not null } || finder is { Infeasible: true } ? finder : refuter;
    }

    /// <summary>
    /// Budget B with the breakers fixed: the forced breakers alone, then each candidate with them, two at a
    /// time; the first found in candidate order wins. Infeasible only when every candidate was refuted.
    /// </summary>
    private static B2bModel.Outcome? FixedBreakers(B2bProblem problem, B2bOptions options, int budget, BreakerCandidates breakers,
        double work, B2bWork effort, CancellationToken cancellation)
    {
        var deadline = effort.Spent + work;
        var forced = breakers.Forced;
        var allRefuted = true;
        // With no forced breaker and B ≥ 1, "only the forced ones" is the zero-break model, already refuted.
        var sets = forced.Count > 0 || budget == 0 ? [forced] : new List<IReadOnlyList<int>>();
        if (budget > forced.Count) sets.AddRange(breakers.Free.Select(b => (IReadOnlyList<int>)[.. forced, b]));
        B2bModel.Outcome Try(IReadOnlyList<int> allowed, double limit, B2bWork fork, CancellationToken stop)
        {
            var model = new B2bModel(problem, options.Fairness);
            model.ForbidBreaksExcept(allowed.ToHashSet());
            model.LimitBreaks(budget);
            var outcome = model.Run(options, fork, limit, stop, B2bModel.Search.NoLp);
            Trace($"budget {budget} breakers {string.Join(",", allowed.Select(b => b + 1))}: found={outcome.Slots is not null} infeasible={outcome.Infeasible}");
            return outcome;
        }
        for (var i = 0; i < sets.Count; i += 2)
        {
            var left = Math.Min(effort.Left, deadline - effort.Spent);
            if (left <= B2bWork.Minimum || effort.Exhausted || cancellation.IsCancellationRequested) return null;
            var limit = Math.Min(left, CandidateWork);
            var (firstSet, secondSet) = (sets[i], i + 1 < sets.Count ? sets[i + 1] : null);
            var (first, second) = Pair(options, effort,
                (fork, stop) => Try(firstSet, limit, fork, stop),
                (fork, stop) => secondSet is null ? new B2bModel.Outcome(null, int.MaxValue, int.MaxValue, false, true) : Try(secondSet, limit, fork, stop),
                outcome => outcome.Slots is not null, cancellation);
            if (first.Slots is not null) return first;
            if (second?.Slots is not null) return second;
            allRefuted &= first.Infeasible && second is { Infeasible: true };
        }
        return allRefuted ? new B2bModel.Outcome(null, int.MaxValue, int.MaxValue, false, true) : null;
    }

    /// <summary>No-LP search refutes most wrong candidates in under 0.2 s and finds a right one in 0.5 to 1.5 s (deterministic time, measured on the JAIR crafc forums).</summary>
    private const double CandidateWork = 2.5;

    /// <summary>Who may break: the businesses that fit no window, and the others, most constrained first.</summary>
    private sealed class BreakerCandidates(B2bProblem problem, B2bModel model)
    {
        public IReadOnlyList<int> Forced { get; } = model.ForcedBreakers;

        /// <summary>Fewest fitting windows first (the window is hardest to keep), then most meetings.</summary>
        public IReadOnlyList<int> Free { get; } = problem.MeetingsOf().Select((meetings, b) => (b, meetings.Length))
            .Where(x => x.Length >= 2 && !model.ForcedBreakers.Contains(x.b))
            .OrderBy(x => model.WindowCount(x.b)).ThenByDescending(x => x.Length).ThenBy(x => x.b)
            .Select(x => x.b).ToList();

        /// <summary>Does a budget of B breaks leave room for at most one breaker beyond the forced ones?</summary>
        public bool AtMostOneFree(int budget) => budget - Forced.Count <= 1;
    }

    /// <summary>Phase-by-phase trace on stderr when EXPO_B2B_TRACE=1 (for calibration runs).</summary>
    private static void Trace(string message)
    {
        if (Environment.GetEnvironmentVariable("EXPO_B2B_TRACE") == "1") Console.Error.WriteLine($"[b2b {DateTime.UtcNow:HH:mm:ss.ff}] {message}");
    }

    private static B2bResult Result(B2bProblem problem, B2bModel.Outcome? outcome, B2bWork effort, bool proven)
    {
        Trace($"done: work {effort.Spent:F2} of {effort.Total:F2}, {effort.Seconds:F2} s");
        if (outcome?.Slots is { } found)
            Trace("breakers (business: breaks): " + string.Join(", ", B2bChecker.BreaksPerBusiness(problem, found).Select((n, b) => (n, b)).Where(x => x.n > 0).Select(x => $"{x.b + 1}: {x.n}")));
        return outcome?.Slots is { } slots
            ? new B2bResult(B2bChecker.Breaks(problem, slots), slots, effort.Seconds, proven)
            : new B2bResult(-1, [], effort.Seconds, false);
    }
}
