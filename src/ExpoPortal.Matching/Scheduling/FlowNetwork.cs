using Google.OrTools.Graph;

namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// A thin wrapper over OR-Tools' min-cost flow for "pick the best subset" problems: the source may send
/// up to <c>maxFlow</c> units, and a free bypass arc lets unused units go straight to the sink, so the
/// solver sends flow only along arcs of negative cost (that is, positive value).
/// </summary>
internal sealed class FlowNetwork : IDisposable
{
    private readonly MinCostFlow _flow = new();
    public int Source { get; }
    public int Sink { get; }

    public FlowNetwork(int innerNodes)
    {
        Source = innerNodes;
        Sink = innerNodes + 1;
    }

    public int AddArc(int tail, int head, long capacity, long unitCost) =>
        _flow.AddArcWithCapacityAndUnitCost(tail, head, capacity, unitCost);

    /// <summary>Solves with <paramref name="maxFlow"/> units available; returns the optimal cost.</summary>
    public long Solve(long maxFlow)
    {
        AddArc(Source, Sink, maxFlow, 0);
        _flow.SetNodeSupply(Source, maxFlow);
        _flow.SetNodeSupply(Sink, -maxFlow);
        var status = _flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"min-cost flow ended with status {status}");
        return _flow.OptimalCost();
    }

    public long Flow(int arc) => _flow.Flow(arc);

    public void Dispose() => _flow.Dispose();
}
