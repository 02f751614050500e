using System.Diagnostics;
using Google.OrTools.Sat;

namespace ExpoPortal.Matching.B2b;

public sealed record B2bOptions
{
    public int Fairness { get; init; } = 2;
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);
    public int Seed { get; init; } = 1;
    public int Workers { get; init; } = 2;
    /// <summary>Extra CP-SAT parameters in text format, for calibration runs (overrides the defaults).</summary>
    public string ExtraParameters { get; init; } = "";
}

/// <param name="Slots">0-based slot of each meeting (empty when no timetable was found).</param>
public sealed record B2bResult(int Breaks, int[] Slots, double Seconds, bool ProvenOptimal);

/// <summary>
/// Timetables the given meetings minimising breaks (JAIR 2022). A time-indexed CP-SAT model, tuned as
/// the calibration in issue 3 found best: core-based search as the one full worker (the other does
/// neighbourhood search), a per-slot load limit, per business "one contiguous window or a has-a-break
/// flag" (only windows whose meetings fit, checked by bipartite matching), breaks as plain literals.
/// Phases: (1) a zero-break feasibility model, which refutes "0 breaks" fast; (2) core-based
/// minimisation, which proves its bound early; (3) if its solutions lag behind the bound, feasibility
/// models for B breaks with B rising from the proven bound. When B leaves room for at most one
/// business beyond those that fit no window at all, phase 3 fixes the breakers and tries the candidates
/// one at a time (most constrained first): with everyone else held to one window CP-SAT's presolve
/// refutes most wrong candidates in a fraction of a second, where "any one business may break" stalls.
/// </summary>
public static class B2bSolver
{
    public static B2bResult Solve(B2bProblem problem, B2bOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new B2bOptions();
        var clock = Stopwatch.StartNew();
        Trace($"start");

        // Phase 1: can every business keep one contiguous window? This feasibility model proves "no" in
        // well under a second; a "yes" is usually found by the core search of phase 2 instead.
        var zero = new B2bModel(problem, options.Fairness);
        zero.ForbidBreaksExcept([]);
        var zeroRun = zero.Run(options, Math.Min(options.TimeLimit.TotalSeconds * 0.12, 0.6), cancellation, B2bModel.Search.Portfolio);
        Trace($"zero: feasible={zeroRun.Slots is not null} infeasible={zeroRun.Infeasible} forced breakers={zero.ForcedBreakers.Count}");
        if (zeroRun.Slots is not null) return Result(problem, zeroRun, clock, true);
        // Each business whose meetings fit no window breaks at least once.
        var lowerBound = Math.Max(zeroRun.Infeasible ? 1 : 0, zero.ForcedBreakers.Count);
        var breakers = new BreakerCandidates(problem, zero);

        // Phase 1b: when the tables' capacity (not a business that fits no window) refutes "0 breaks",
        // ask whether one breaking business is enough. LP-heavy search refutes "one" in about half a
        // second when it is not; when it stalls instead, one probably is, and the core search of phase 2
        // would not find it: try the candidate breakers one at a time first, leaving phase 2 the rest
        // of the time to find some timetable (phase 3 would only repeat the same candidates).
        var candidatesTried = false;
        if (zeroRun.Infeasible && breakers.Forced.Count == 0 && !cancellation.IsCancellationRequested)
        {
            var one = new B2bModel(problem, options.Fairness);
            one.LimitBreaks(1);
            var oneRun = one.Run(options, Math.Min(Remaining(options, clock) * 0.2, 0.8), cancellation, B2bModel.Search.Lp);
            Trace($"one breaker: feasible={oneRun.Slots is not null} infeasible={oneRun.Infeasible}");
            if (oneRun.Slots is not null) return Result(problem, oneRun, clock, true);
            if (oneRun.Infeasible) lowerBound = 2;
            else if (FixedBreakers(problem, options, 1, breakers, Remaining(options, clock) * 0.6, clock, cancellation) is { Slots: not null } fixedRun)
                return Result(problem, fixedRun, clock, true);
            else candidatesTried = true;
        }

        // Phase 2: minimise breaks with core-based search; it usually proves the bound early even when
        // its solutions lag behind. Phase 3 gets the larger share only when it can fix the breakers.
        var model = new B2bModel(problem, options.Fairness);
        model.Minimize();
        var share = lowerBound == 0 || candidatesTried ? 1.0 : breakers.AtMostOneFree(lowerBound) ? 0.45 : 0.75;
        var main = model.Run(options, Remaining(options, clock) * share, cancellation);
        Trace($"main: objective={main.Objective} bound={main.LowerBound} optimal={main.Optimal}");
        var best = main.Slots is null ? null : main;
        lowerBound = Math.Max(lowerBound, main.LowerBound);
        if (main.Optimal || best?.Objective <= lowerBound || cancellation.IsCancellationRequested)
            return Result(problem, best, clock, main.Optimal || best?.Objective <= lowerBound);

        // Phase 3: raise the break budget from the proven bound, one feasibility question at a time.
        while (Remaining(options, clock) > 0.1 && !cancellation.IsCancellationRequested && lowerBound < (best?.Objective ?? int.MaxValue))
        {
            var attempt = breakers.AtMostOneFree(lowerBound)
                ? FixedBreakers(problem, options, lowerBound, breakers, Remaining(options, clock), clock, cancellation)
                : Budget(problem, options, lowerBound, clock, cancellation);
            Trace($"budget {lowerBound}: found={attempt?.Slots is not null} infeasible={attempt?.Infeasible}");
            if (attempt?.Slots is not null) return Result(problem, attempt, clock, true);
            if (attempt is not { Infeasible: true }) break;
            lowerBound++;
        }
        return Result(problem, best, clock, false);
    }

    private static B2bModel.Outcome Budget(B2bProblem problem, B2bOptions options, int budget, Stopwatch clock, CancellationToken cancellation)
    {
        var model = new B2bModel(problem, options.Fairness);
        model.LimitBreaks(budget);
        return model.Run(options, Remaining(options, clock), cancellation, B2bModel.Search.Portfolio);
    }

    /// <summary>
    /// Budget B with the breakers fixed: the forced breakers alone, then each candidate with them.
    /// Infeasible only when every candidate was refuted.
    /// </summary>
    private static B2bModel.Outcome? FixedBreakers(B2bProblem problem, B2bOptions options, int budget, BreakerCandidates breakers,
        double seconds, Stopwatch clock, CancellationToken cancellation)
    {
        var deadline = clock.Elapsed.TotalSeconds + seconds;
        var forced = breakers.Forced;
        var allRefuted = true;
        // With no forced breaker and B ≥ 1, "only the forced ones" is the zero-break model, already refuted.
        var sets = forced.Count > 0 || budget == 0 ? [forced] : new List<IReadOnlyList<int>>();
        if (budget > forced.Count) sets.AddRange(breakers.Free.Select(b => (IReadOnlyList<int>)[.. forced, b]));
        foreach (var allowed in sets)
        {
            var left = Math.Min(Remaining(options, clock), deadline - clock.Elapsed.TotalSeconds);
            if (left <= 0.1 || cancellation.IsCancellationRequested) return null;
            var model = new B2bModel(problem, options.Fairness);
            model.ForbidBreaksExcept(allowed.ToHashSet());
            model.LimitBreaks(budget);
            var outcome = model.Run(options, Math.Min(left, CandidateSeconds), cancellation, B2bModel.Search.Lp);
            Trace($"budget {budget} breakers {string.Join(",", allowed.Select(b => b + 1))}: found={outcome.Slots is not null} infeasible={outcome.Infeasible}");
            if (outcome.Slots is not null) return outcome;
            allRefuted &= outcome.Infeasible;
        }
        return allRefuted ? new B2bModel.Outcome(null, int.MaxValue, int.MaxValue, false, true) : null;
    }

    /// <summary>Most wrong candidates are refuted in under 0.2 s; a right one takes 1 to 4 s (measured on the JAIR crafc forums).</summary>
    private const double CandidateSeconds = 3.0;

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

    private static double Remaining(B2bOptions options, Stopwatch clock) => options.TimeLimit.TotalSeconds - clock.Elapsed.TotalSeconds;

    private static B2bResult Result(B2bProblem problem, B2bModel.Outcome? outcome, Stopwatch clock, bool proven) =>
        outcome?.Slots is { } slots
            ? new B2bResult(B2bChecker.Breaks(problem, slots), slots, clock.Elapsed.TotalSeconds, proven)
            : new B2bResult(-1, [], clock.Elapsed.TotalSeconds, false);
}
