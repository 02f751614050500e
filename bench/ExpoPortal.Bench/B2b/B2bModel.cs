using Google.OrTools.Sat;

namespace ExpoPortal.Bench.B2b;

/// <summary>The time-indexed CP-SAT model of one B2B timetabling problem.</summary>
internal sealed class B2bModel
{
    private readonly B2bProblem _problem;
    private readonly CpModel _model = new();
    private readonly Dictionary<(int M, int T), BoolVar> _at = new();
    private readonly BoolVar?[][] _busy;
    private readonly BoolVar?[] _hasBreak;
    private readonly LinearExpr[] _breaksOf;
    private readonly List<BoolVar> _breakLiterals = [];
    private readonly int[][] _meetingsOf;
    private readonly List<int> _forcedBreakers = [];
    private readonly int[] _windowCount;

    /// <summary>How CP-SAT searches: its default, core-based optimisation, LP-heavy, or without LP.</summary>
    public enum Search { Portfolio, Core, Lp, NoLp }

    public sealed record Outcome(int[]? Slots, int Objective, int LowerBound, bool Optimal, bool Infeasible);

    public B2bModel(B2bProblem problem, int fairness)
    {
        _problem = problem;
        int slots = problem.Slots, businesses = problem.Businesses;
        _meetingsOf = problem.MeetingsOf();

        for (var m = 0; m < problem.Meetings.Count; m++)
        {
            var literals = problem.AllowedSlots(m).Select(t => _at[(m, t)] = _model.NewBoolVar($"x{m}_{t}")).ToList();
            _model.AddExactlyOne(literals);
        }
        for (var t = 0; t < slots; t++)
        {
            var inSlot = _at.Where(kv => kv.Key.T == t).Select(kv => (ILiteral)kv.Value).ToList();
            if (inSlot.Count > problem.Tables) _model.Add(LinearExpr.Sum(inSlot.Cast<LinearExpr>()) <= problem.Tables);
        }

        _busy = new BoolVar?[businesses][];
        _hasBreak = new BoolVar?[businesses];
        _breaksOf = new LinearExpr[businesses];
        _windowCount = new int[businesses];
        for (var b = 0; b < businesses; b++)
        {
            _busy[b] = new BoolVar?[slots];
            for (var t = 0; t < slots; t++)
            {
                var here = _meetingsOf[b].Where(m => _at.ContainsKey((m, t))).Select(m => _at[(m, t)]).ToList();
                if (here.Count == 0) continue;
                var busy = _model.NewBoolVar($"busy{b}_{t}");
                _model.Add(LinearExpr.Sum(here) == busy);
                _busy[b][t] = busy;
            }
        }
        // Per-slot load: every meeting occupies two businesses.
        for (var t = 0; t < slots; t++)
        {
            var busyHere = Enumerable.Range(0, businesses).Select(b => _busy[b][t]).OfType<BoolVar>().ToList();
            if (busyHere.Count > 2 * problem.Tables) _model.Add(LinearExpr.Sum(busyHere) <= 2 * problem.Tables);
        }

        for (var b = 0; b < businesses; b++) BuildBreaks(b);
        var counted = Enumerable.Range(0, businesses).Where(b => _meetingsOf[b].Length > 0).ToList();
        if (counted.Count > 0)
        {
            var fewest = _model.NewIntVar(0, slots, "fewestBreaks");
            foreach (var b in counted)
            {
                _model.Add(fewest <= _breaksOf[b]);
                _model.Add(_breaksOf[b] <= fewest + fairness);
            }
        }
    }

    private void BuildBreaks(int b)
    {
        var count = _meetingsOf[b].Length;
        if (count <= 1) { _breaksOf[b] = LinearExpr.Constant(0); return; }
        var busy = _busy[b];
        var slots = _problem.Slots;
        // started[t]: some meeting at or before t.
        var breaks = new List<BoolVar>();
        ILiteral? startedBefore = null;
        for (var t = 0; t < slots; t++)
        {
            var now = busy[t];
            if (now is not null && startedBefore is not null && t > 0)
            {
                // A break starts at t: busy now, idle at t−1, a meeting before.
                var brk = _model.NewBoolVar($"brk{b}_{t}");
                var previous = busy[t - 1];
                _model.AddImplication(brk, now);
                _model.AddImplication(brk, startedBefore);
                if (previous is not null)
                {
                    _model.AddImplication(brk, previous.Not());
                    _model.AddBoolOr([now.Not(), previous, startedBefore.Not(), brk]);
                }
                else _model.AddBoolOr([now.Not(), startedBefore.Not(), brk]);
                breaks.Add(brk);
            }
            if (now is not null)
            {
                if (startedBefore is null) startedBefore = now;
                else
                {
                    var started = _model.NewBoolVar($"started{b}_{t}");
                    _model.AddBoolOr([started.Not(), now, startedBefore]);
                    _model.AddImplication(now, started);
                    _model.AddImplication(startedBefore, started);
                    startedBefore = started;
                }
            }
        }
        _breakLiterals.AddRange(breaks);
        _breaksOf[b] = LinearExpr.Sum(breaks);

        // One contiguous window, or a break.
        var hasBreak = _model.NewBoolVar($"hasBreak{b}");
        _hasBreak[b] = hasBreak;
        var choices = new List<ILiteral> { hasBreak };
        var covering = Enumerable.Range(0, slots).Select(_ => new List<ILiteral> { hasBreak }).ToArray();
        for (var start = 0; start + count <= slots; start++)
        {
            if (!WindowFits(b, start, count)) continue;
            var window = _model.NewBoolVar($"win{b}_{start}");
            for (var t = start; t < start + count; t++)
            {
                _model.AddImplication(window, busy[t]!);
                covering[t].Add(window);
            }
            choices.Add(window);
        }
        _windowCount[b] = choices.Count - 1;
        if (choices.Count == 1) _forcedBreakers.Add(b);
        _model.AddExactlyOne(choices);
        // Busy outside every chosen window means a break: direct propagation, no counting needed.
        for (var t = 0; t < slots; t++)
            if (busy[t] is { } here) _model.AddBoolOr([here.Not(), .. covering[t]]);
        _model.Add(LinearExpr.Sum(busy.OfType<BoolVar>()) == count);
        _model.Add(_breaksOf[b] >= 1).OnlyEnforceIf(hasBreak);
        _model.Add(_breaksOf[b] == 0).OnlyEnforceIf(hasBreak.Not());
    }

    /// <summary>Can b's meetings take distinct slots of [start, start+count)? (Kuhn's bipartite matching.)</summary>
    private bool WindowFits(int b, int start, int count)
    {
        var meetings = _meetingsOf[b];
        var owner = new int[count];
        Array.Fill(owner, -1);
        bool Augment(int m, bool[] seen)
        {
            for (var t = start; t < start + count; t++)
            {
                if (!_at.ContainsKey((meetings[m], t)) || seen[t - start]) continue;
                seen[t - start] = true;
                if (owner[t - start] < 0 || Augment(owner[t - start], seen)) { owner[t - start] = m; return true; }
            }
            return false;
        }
        for (var m = 0; m < meetings.Length; m++)
            if (!Augment(m, new bool[count])) return false;
        return true;
    }

    public void Minimize() => _model.Minimize(LinearExpr.Sum(_breakLiterals));

    /// <summary>At most this many breaks in total (a feasibility question, no objective).</summary>
    public void LimitBreaks(int budget)
    {
        _model.Add(LinearExpr.Sum(_breakLiterals) <= budget);
        // At most `budget` businesses can break at all: a strong, cheap cut on the window choice.
        _model.Add(LinearExpr.Sum(_hasBreak.OfType<BoolVar>()) <= budget);
    }

    /// <summary>Every business except these must keep one contiguous window.</summary>
    public void ForbidBreaksExcept(IReadOnlyCollection<int> allowed)
    {
        for (var b = 0; b < _problem.Businesses; b++)
            if (_hasBreak[b] is { } flag && !allowed.Contains(b)) _model.Add(flag == 0);
    }

    /// <summary>Businesses whose meetings fit no contiguous window at all (by session and forbidden slots): each breaks at least once.</summary>
    public IReadOnlyList<int> ForcedBreakers => _forcedBreakers;

    /// <summary>How many contiguous windows fit b's meetings on their own (0 for a business with at most one meeting).</summary>
    public int WindowCount(int b) => _windowCount[b];

    /// <param name="search">Core for proving the minimisation's bound; the default search for refuting a feasibility
    /// model; LP-heavy search for "one breaker is enough?"; no LP for finding timetables quickly, with or without
    /// an objective (it also refutes wrong fixed breakers fastest).</param>
    /// <param name="work">CP-SAT deterministic time for this run; the wall clock only stops it when the run's time is up.</param>
    public Outcome Run(B2bOptions options, B2bWork effort, double work, CancellationToken cancellation, Search search = Search.Core)
    {
        // One worker per run (a single worker is deterministic; B2bSolver runs two at once). It runs the first
        // subsolver named here.
        var subsolvers = options.ExtraParameters.Contains("subsolvers") ? "" : search switch
        {
            Search.Core => "subsolvers:\"core\"",
            Search.Lp => "subsolvers:\"max_lp\"",
            Search.NoLp => "subsolvers:\"no_lp\"",
            _ => "",
        };
        string Number(double x) => Math.Max(0.01, x).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var solver = new CpSolver
        {
            StringParameters = string.Join(" ",
                "num_workers:1",
                $"random_seed:{options.Seed}",
                $"max_deterministic_time:{Number(work)}",
                $"max_time_in_seconds:{Number(effort.WallLeft)}",
                subsolvers,
                options.ExtraParameters),
        };
        using var registration = cancellation.Register(solver.StopSearch);
        var status = solver.Solve(_model);
        effort.Charge(solver.Response?.DeterministicTime ?? work);
        // The bound holds even when no timetable was found.
        var bound = status == CpSolverStatus.Infeasible ? int.MaxValue
            : _model.Model.Objective is null ? 0 : Math.Max(0, (int)Math.Ceiling(solver.BestObjectiveBound - 1e-6));
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return new Outcome(null, int.MaxValue, bound, false, status == CpSolverStatus.Infeasible);
        var slotOf = new int[_problem.Meetings.Count];
        foreach (var ((m, t), x) in _at)
            if (solver.BooleanValue(x)) slotOf[m] = t;
        return new Outcome(slotOf, (int)Math.Round(solver.ObjectiveValue), bound, status == CpSolverStatus.Optimal, false);
    }
}
