using System.Diagnostics;
using Google.OrTools.Graph;

namespace ExpoPortal.Matching.Booths;

/// <summary>Where the host-province firms go: side by side (a regional pavilion) or spread over the halls.</summary>
public enum HostRegionMode
{
    Together,
    Spread,
}

/// <summary>A booth on a hall's grid. Zone is the industry the floor plan reserves it for.</summary>
public sealed record BoothSpot(int Id, string Code, string Hall, string Zone, int X, int Y, int Width, int Height, int SizeSquareMeters, int Tables);

/// <summary>An exhibitor that already holds a booth: fixed, but it counts for neighbours and the host-region cluster.</summary>
public sealed record PlacedExhibitor(int ExhibitorId, int BoothId, bool HostRegion);

/// <summary>
/// An exhibitor looking for a booth. <paramref name="WantedSize"/> in m²; <paramref name="Demand"/> is how much
/// buyers want to meet it (wishes, matching product interests), compared with the others'; <paramref name="Neighbours"/>
/// are exhibitors it asked to be next to, placed or not.
/// </summary>
public sealed record BoothSeeker(int Id, string Industry, bool HostRegion, int WantedSize, int Demand, IReadOnlyList<int> Neighbours);

public sealed record BoothProblem(IReadOnlyList<BoothSpot> Booths, IReadOnlyList<PlacedExhibitor> Placed, IReadOnlyList<BoothSeeker> Seekers, HostRegionMode Mode);

/// <summary>Why a booth was given, as stable codes the UI translates.</summary>
public static class BoothReasons
{
    public const string ZoneMatch = "zone_match";
    public const string OtherZone = "other_zone";
    public const string SizeMatch = "size_match";
    public const string SizeDiffers = "size_differs";
    public const string NeighbourNearby = "neighbour_nearby";
    public const string HostTogether = "host_region_together";
    public const string HostSpread = "host_region_spread";
    public const string MoreTablesForDemand = "more_tables_for_demand";
    public const string NoFreeBooth = "no_free_booth";
}

public sealed record BoothPlacement(int ExhibitorId, int BoothId, IReadOnlyList<string> Reasons);

/// <summary>
/// How good a placement is. Host cohesion: of the host-province firms on the floor, the share with another host-province
/// firm next to them, and how many such neighbours each has on average (high is the aim for "together", low for "spread").
/// </summary>
public sealed record BoothQuality(
    int Seekers, int Placed, int ZoneMatches, int SizeMatches, int NeighbourRequests, int NeighbourRequestsMet,
    int HostPlaced, int HostWithHostNeighbour, double HostNeighboursPerFirm, long Cost, double Seconds)
{
    public double HostCohesion => HostPlaced == 0 ? 0 : (double)HostWithHostNeighbour / HostPlaced;
}

public sealed record BoothSolution(IReadOnlyList<BoothPlacement> Placements, IReadOnlyList<int> Unplaced, BoothQuality Quality);

/// <summary>
/// Places exhibitors without a booth on the free booths as a min-cost assignment (OR-Tools min-cost flow: source →
/// exhibitor → booth → sink, each with capacity 1, plus a costly "no booth" arc so the problem is always feasible).
/// The cost of an exhibitor on a booth adds: industry ≠ zone, size ≠ wanted size, tables against demand, distance
/// to the requested neighbours, and closeness to (or, when spreading, adjacency with) host-province firms.
/// Neighbours and host firms that are themselves being placed make the problem quadratic; the solver handles that
/// by solving twice, the second time against the positions of the first solution (a linearization, optimal for
/// each round, not for the quadratic problem as a whole).
/// </summary>
public static class BoothAssigner
{
    private const long NoBoothCost = 1_000_000;
    private const long ZoneMismatch = 1_000;
    private const long PerSquareMeterOff = 8;
    private const long TablesVsDemand = 120;
    private const long NeighbourFar = 200;
    private const long HostTogetherPerCell = 6;
    private const long HostAdjacentBonus = 60;
    private const long HostSpreadPenalty = 90;

    /// <param name="candidatesPerSeeker">Arcs kept per exhibitor (its cheapest booths); also per booth (its cheapest exhibitors).</param>
    public static BoothSolution Solve(BoothProblem problem, int candidatesPerSeeker = 60)
    {
        var clock = Stopwatch.StartNew();
        var held = problem.Placed.Select(p => p.BoothId).ToHashSet();
        var free = problem.Booths.Where(b => !held.Contains(b.Id)).ToList();
        var byId = problem.Booths.ToDictionary(b => b.Id);
        var seekers = problem.Seekers;
        var tableRange = (Min: problem.Booths.Count == 0 ? 1 : problem.Booths.Min(b => b.Tables), Max: problem.Booths.Count == 0 ? 1 : problem.Booths.Max(b => b.Tables));
        // Demand ranks among the seekers, 0..1, so "more tables to more demand" compares exhibitors with each other.
        var demandRank = Ranks(seekers.Select(s => (double)s.Demand).ToList());

        // Where every exhibitor is: fixed ones now, seekers after round one.
        var position = problem.Placed.ToDictionary(p => p.ExhibitorId, p => byId[p.BoothId]);
        var hostBooths = problem.Placed.Where(p => p.HostRegion).Select(p => byId[p.BoothId]).ToList();

        int[] choice = [];
        long cost = 0;
        var quadratic = seekers.Any(x => x.HostRegion || x.Neighbours.Count > 0);
        for (var round = 0; round < (quadratic ? 2 : 1); round++)
        {
            // Per round: the host cluster and, per free booth, how many host firms are next to it; per seeker, where its neighbours are.
            var anchor = HostAnchor(hostBooths);
            var grid = new HostGrid(hostBooths);
            var adjacentHosts = free.Select(grid.AdjacentCount).ToArray();
            var neighbourBooths = seekers.Select(x => x.Neighbours.Where(position.ContainsKey).Select(n => position[n]).ToList()).ToArray();
            long Cost(int s, int f)
            {
                var (x, b) = (seekers[s], free[f]);
                long c = 0;
                if (b.Zone != x.Industry) c += ZoneMismatch;
                c += Math.Abs(b.SizeSquareMeters - x.WantedSize) * PerSquareMeterOff;
                var tables = tableRange.Max == tableRange.Min ? 0.5 : (double)(b.Tables - tableRange.Min) / (tableRange.Max - tableRange.Min);
                c += (long)Math.Round(Math.Abs(tables - demandRank[s]) * TablesVsDemand);
                var known = neighbourBooths[s];
                if (known.Count > 0 && !known.Any(n => Adjacent(n, b)))
                    c += NeighbourFar + Math.Min(100, 5 * known.Min(n => Distance(n, b)));
                if (x.HostRegion)
                {
                    if (problem.Mode == HostRegionMode.Together)
                    {
                        c -= HostAdjacentBonus * Math.Min(2, adjacentHosts[f]);
                        if (anchor is { } a) c += a.Hall == b.Hall ? HostTogetherPerCell * (long)(Math.Abs(a.X - Cx(b)) + Math.Abs(a.Y - Cy(b))) : 400;
                    }
                    else c += HostSpreadPenalty * adjacentHosts[f];
                }
                return c + HostAdjacentBonus * 2; // keeps every arc cost ≥ 0
            }

            (choice, cost) = SolveFlow(seekers.Count, free.Count, Cost, candidatesPerSeeker);
            // Round two sees where round one put the seekers: their neighbours and the host cluster.
            position = problem.Placed.ToDictionary(p => p.ExhibitorId, p => byId[p.BoothId]);
            hostBooths = problem.Placed.Where(p => p.HostRegion).Select(p => byId[p.BoothId]).ToList();
            for (var s = 0; s < seekers.Count; s++)
            {
                if (choice[s] < 0) continue;
                position[seekers[s].Id] = free[choice[s]];
                if (seekers[s].HostRegion) hostBooths.Add(free[choice[s]]);
            }
        }

        return Describe(problem, free, choice, demandRank, cost, clock.Elapsed.TotalSeconds);
    }

    private static (int[] Choice, long Cost) SolveFlow(int seekerCount, int freeCount, Func<int, int, long> cost, int k)
    {
        var choice = Enumerable.Repeat(-1, seekerCount).ToArray();
        if (seekerCount == 0) return (choice, 0);
        // Cost of every pair once; keep each seeker's k cheapest booths and each booth's k cheapest seekers.
        var costs = new long[seekerCount][];
        for (var s = 0; s < seekerCount; s++)
        {
            costs[s] = new long[freeCount];
            for (var f = 0; f < freeCount; f++) costs[s][f] = cost(s, f);
        }
        var keep = new HashSet<long>();
        for (var s = 0; s < seekerCount; s++)
            foreach (var f in Cheapest(freeCount, f => costs[s][f], k)) keep.Add((long)s * freeCount + f);
        for (var f = 0; f < freeCount; f++)
            foreach (var s in Cheapest(seekerCount, s => costs[s][f], k)) keep.Add((long)s * freeCount + f);

        using var flow = new MinCostFlow();
        int source = seekerCount + freeCount, sink = source + 1;
        for (var s = 0; s < seekerCount; s++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, s, 1, 0);
            flow.AddArcWithCapacityAndUnitCost(s, sink, 1, NoBoothCost);
        }
        for (var f = 0; f < freeCount; f++) flow.AddArcWithCapacityAndUnitCost(seekerCount + f, sink, 1, 0);
        var arcs = new List<(int Arc, int S, int F)>(keep.Count);
        foreach (var key in keep.Order())
        {
            var (s, f) = ((int)(key / freeCount), (int)(key % freeCount));
            arcs.Add((flow.AddArcWithCapacityAndUnitCost(s, seekerCount + f, 1, costs[s][f]), s, f));
        }
        flow.SetNodeSupply(source, seekerCount);
        flow.SetNodeSupply(sink, -seekerCount);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"min-cost flow ended with status {status}");
        foreach (var (arc, s, f) in arcs)
            if (flow.Flow(arc) > 0) choice[s] = f;
        var total = flow.OptimalCost();

        // The pruned arcs may leave exhibitors without a booth while booths stay free (many want the same few booths).
        // Those are matched again on every arc between them, so no one is left out while a booth is free.
        var left = Enumerable.Range(0, seekerCount).Where(s => choice[s] < 0).ToList();
        var taken = choice.Where(f => f >= 0).ToHashSet();
        var unused = Enumerable.Range(0, freeCount).Where(f => !taken.Contains(f)).ToList();
        if (left.Count > 0 && unused.Count > 0)
        {
            using var rest = new MinCostFlow();
            int src = left.Count + unused.Count, snk = src + 1;
            var restArcs = new List<(int Arc, int S, int F)>();
            for (var i = 0; i < left.Count; i++)
            {
                rest.AddArcWithCapacityAndUnitCost(src, i, 1, 0);
                rest.AddArcWithCapacityAndUnitCost(i, snk, 1, NoBoothCost);
                for (var j = 0; j < unused.Count; j++)
                    restArcs.Add((rest.AddArcWithCapacityAndUnitCost(i, left.Count + j, 1, costs[left[i]][unused[j]]), left[i], unused[j]));
            }
            for (var j = 0; j < unused.Count; j++) rest.AddArcWithCapacityAndUnitCost(left.Count + j, snk, 1, 0);
            rest.SetNodeSupply(src, left.Count);
            rest.SetNodeSupply(snk, -left.Count);
            if (rest.Solve() == MinCostFlowBase.Status.OPTIMAL)
            {
                foreach (var (arc, s, f) in restArcs)
                    if (rest.Flow(arc) > 0) { choice[s] = f; total += costs[s][f] - NoBoothCost; }
            }
        }
        return (choice, total);
    }

    private static IEnumerable<int> Cheapest(int count, Func<int, long> cost, int k) =>
        count <= k ? Enumerable.Range(0, count) : Enumerable.Range(0, count).OrderBy(cost).ThenBy(i => i).Take(k);

    private static BoothSolution Describe(BoothProblem problem, List<BoothSpot> free, int[] choice, double[] demandRank, long cost, double seconds)
    {
        var seekers = problem.Seekers;
        var byId = problem.Booths.ToDictionary(b => b.Id);
        var position = problem.Placed.ToDictionary(p => p.ExhibitorId, p => byId[p.BoothId]);
        for (var s = 0; s < seekers.Count; s++)
            if (choice[s] >= 0) position[seekers[s].Id] = free[choice[s]];
        var hostAll = problem.Placed.Where(p => p.HostRegion).Select(p => byId[p.BoothId])
            .Concat(seekers.Select((x, s) => (x, s)).Where(t => t.x.HostRegion && choice[t.s] >= 0).Select(t => free[choice[t.s]])).ToList();
        var grid = new HostGrid(hostAll);
        var medianTables = free.Count == 0 ? 1 : free.Select(b => b.Tables).Order().ElementAt(free.Count / 2);

        var placements = new List<BoothPlacement>();
        var unplaced = new List<int>();
        int zone = 0, size = 0, requests = 0, met = 0, hostPlaced = 0, hostNear = 0;
        for (var s = 0; s < seekers.Count; s++)
        {
            var x = seekers[s];
            if (choice[s] < 0) { unplaced.Add(x.Id); continue; }
            var b = free[choice[s]];
            var reasons = new List<string>();
            if (b.Zone == x.Industry) { zone++; reasons.Add(BoothReasons.ZoneMatch); } else reasons.Add(BoothReasons.OtherZone);
            if (b.SizeSquareMeters == x.WantedSize) { size++; reasons.Add(BoothReasons.SizeMatch); } else reasons.Add(BoothReasons.SizeDiffers);
            if (b.Tables > medianTables && demandRank[s] >= 0.5) reasons.Add(BoothReasons.MoreTablesForDemand);
            if (x.Neighbours.Count > 0)
            {
                requests++;
                if (x.Neighbours.Where(position.ContainsKey).Any(n => Adjacent(position[n], b))) { met++; reasons.Add(BoothReasons.NeighbourNearby); }
            }
            if (x.HostRegion)
            {
                hostPlaced++;
                var near = grid.AdjacentCount(b) > 0;
                if (near) hostNear++;
                if (problem.Mode == HostRegionMode.Together && near) reasons.Add(BoothReasons.HostTogether);
                if (problem.Mode == HostRegionMode.Spread && !near) reasons.Add(BoothReasons.HostSpread);
            }
            placements.Add(new BoothPlacement(x.Id, b.Id, reasons));
        }
        // Cohesion over every host firm on the floor, not only the new ones.
        var hostTotal = hostAll.Count;
        var hostTotalNear = hostAll.Count(b => grid.AdjacentCount(b) > 0);
        var perFirm = hostTotal == 0 ? 0 : hostAll.Sum(grid.AdjacentCount) / (double)hostTotal;
        return new BoothSolution(placements, unplaced,
            new BoothQuality(seekers.Count, placements.Count, zone, size, requests, met, hostTotal, hostTotalNear, Math.Round(perFirm, 3), cost, seconds));
    }

    /// <summary>Touching, or facing across one aisle cell (diagonals included).</summary>
    public static bool Adjacent(BoothSpot a, BoothSpot b)
    {
        if (a.Id == b.Id || a.Hall != b.Hall) return false;
        var dx = Math.Max(0, Math.Max(a.X, b.X) - Math.Min(a.X + a.Width, b.X + b.Width));
        var dy = Math.Max(0, Math.Max(a.Y, b.Y) - Math.Min(a.Y + a.Height, b.Y + b.Height));
        return dx <= 1 && dy <= 1;
    }

    private static int Distance(BoothSpot a, BoothSpot b) =>
        a.Hall != b.Hall ? 100 : (int)(Math.Abs(Cx(a) - Cx(b)) + Math.Abs(Cy(a) - Cy(b)));

    private static double Cx(BoothSpot b) => b.X + b.Width / 2.0;
    private static double Cy(BoothSpot b) => b.Y + b.Height / 2.0;

    /// <summary>The host-province cluster: the hall holding most host firms, and their centre there.</summary>
    private static (string Hall, double X, double Y)? HostAnchor(List<BoothSpot> hostBooths)
    {
        if (hostBooths.Count == 0) return null;
        var hall = hostBooths.GroupBy(b => b.Hall).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        return (hall.Key, hall.Average(Cx), hall.Average(Cy));
    }

    private static double[] Ranks(List<double> values)
    {
        var ranks = new double[values.Count];
        if (values.Count <= 1) { Array.Fill(ranks, 0.5); return ranks; }
        var order = values.Select((v, i) => (v, i)).OrderBy(t => t.v).ThenBy(t => t.i).ToList();
        for (var r = 0; r < order.Count; r++) ranks[order[r].i] = (double)r / (order.Count - 1);
        // Equal demand, equal rank.
        foreach (var g in order.GroupBy(t => t.v))
        {
            var mean = g.Average(t => ranks[t.i]);
            foreach (var t in g) ranks[t.i] = mean;
        }
        return ranks;
    }

    /// <summary>Host-province booths bucketed by hall and 4×4 cells, so "how many are next to this booth" stays cheap on 2,500 booths.</summary>
    private sealed class HostGrid
    {
        private readonly Dictionary<(string, int, int), List<BoothSpot>> _cells = [];

        public HostGrid(IEnumerable<BoothSpot> booths)
        {
            foreach (var b in booths)
            {
                var key = (b.Hall, b.X / 4, b.Y / 4);
                if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
                list.Add(b);
            }
        }

        public int AdjacentCount(BoothSpot b)
        {
            var n = 0;
            for (var cx = (b.X - 2) / 4 - 1; cx <= (b.X + b.Width + 2) / 4; cx++)
            for (var cy = (b.Y - 2) / 4 - 1; cy <= (b.Y + b.Height + 2) / 4; cy++)
                if (_cells.TryGetValue((b.Hall, cx, cy), out var list))
                    n += list.Count(o => Adjacent(o, b));
            return n;
        }
    }
}
