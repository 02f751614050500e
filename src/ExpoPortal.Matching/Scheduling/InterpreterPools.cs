namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Pairs without a common language grouped by the set of interpreters able to bridge them. A pool's
/// capacity is the number of interpreter-slots of its set: no schedule can hold more meetings of the
/// pool than that, whatever the timing. Both the bound and the meeting selection respect it.
/// </summary>
internal sealed class InterpreterPools
{
    public InterpreterPools(MatchProblem problem)
    {
        var pools = new Dictionary<string, int>();
        var capacity = new List<int>();
        PoolOf = new int[problem.PairCount];
        for (var k = 0; k < problem.PairCount; k++)
        {
            PoolOf[k] = -1;
            if (problem.PairInterpreters[k] is not { } set) continue;
            var key = string.Join(',', set);
            if (!pools.TryGetValue(key, out var g))
            {
                pools[key] = g = pools.Count;
                capacity.Add(set.Sum(i => problem.InterpreterAvailable[i].Count(a => a)));
            }
            PoolOf[k] = g;
        }
        Capacity = capacity.ToArray();
    }

    /// <summary>The pool of each pair, or −1 when the two sides share a language.</summary>
    public int[] PoolOf { get; }
    /// <summary>Interpreter-slots of each pool.</summary>
    public int[] Capacity { get; }
    public int Count => Capacity.Length;

    /// <summary>Interpreter-slots of each pool not yet used by the timetable's meetings.</summary>
    public int[] Left(Timetable timetable)
    {
        var left = (int[])Capacity.Clone();
        foreach (var k in timetable.PlacedPairs())
            if (PoolOf[k] >= 0) left[PoolOf[k]]--;
        return left;
    }
}
