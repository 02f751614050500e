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
/// models "at most B breaks, at most B businesses breaking" for B rising from the proven bound.
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
        var zeroRun = zero.Run(options, Math.Min(options.TimeLimit.TotalSeconds * 0.12, 0.6), cancellation, coreSearch: false);
        Trace($"zero: feasible={zeroRun.Slots is not null} infeasible={zeroRun.Infeasible}");
        if (zeroRun.Slots is not null) return Result(problem, zeroRun, clock, true);
        var lowerBound = zeroRun.Infeasible ? 1 : 0;

        // Phase 2: minimise breaks with core-based search; it usually proves the bound early even when
        // its solutions lag behind.
        var model = new B2bModel(problem, options.Fairness);
        model.Minimize();
        var main = model.Run(options, Remaining(options, clock) * (lowerBound > 0 ? 0.6 : 1.0), cancellation);
        Trace($"main: objective={main.Objective} bound={main.LowerBound} optimal={main.Optimal}");
        var best = main.Slots is null ? null : main;
        lowerBound = Math.Max(lowerBound, main.LowerBound);
        if (main.Optimal || best?.Objective <= lowerBound || cancellation.IsCancellationRequested)
            return Result(problem, best, clock, main.Optimal || best?.Objective <= lowerBound);

        // Phase 3: raise the break budget from the proven bound, one feasibility question at a time.
        while (Remaining(options, clock) > 0.1 && !cancellation.IsCancellationRequested && lowerBound < (best?.Objective ?? int.MaxValue))
        {
            var attempt = Budget(problem, options, lowerBound, clock, cancellation);
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
        return model.Run(options, Remaining(options, clock), cancellation, coreSearch: false);
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
