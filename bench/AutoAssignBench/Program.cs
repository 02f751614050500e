using System.Text.Json;
using ExpoPortal.Application.Booths;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Matching.Booths;

// Booth auto-assign benchmark: time and quality on the demo event (its 12 late registrants, and the whole floor from
// scratch: 250 exhibitors on 256 booths) and on a synthetic 2,500-booth hall set. Both host-region options each.
// dotnet run -c Release --project bench/AutoAssignBench [-- --out bench/results/auto-assign.json]
var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("bench", "results", "auto-assign.json");

var demo = AndongDemo.Generate();
var cases = new List<(string Name, BoothProblem Problem, double TargetSeconds)>();
foreach (var mode in Enum.GetValues<HostRegionMode>())
{
    cases.Add(($"andong-late-registrants/{Lower(mode)}", Demo(demo, fromScratch: false, mode), 2));
    cases.Add(($"andong-from-scratch/{Lower(mode)}", Demo(demo, fromScratch: true, mode), 2));
}
foreach (var mode in Enum.GetValues<HostRegionMode>())
    cases.Add(($"synthetic-2500/{Lower(mode)}", Synthetic(halls: 10, rows: 10, perRow: 25, seekers: 2_450, seed: 1, mode), 30));

var results = new List<object>();
Console.WriteLine($"{"case",-36} {"booths",6} {"seekers",7} {"placed",6} {"zone",11} {"neighbours",11} {"host cohesion",13} {"host nbrs",9} {"time",8}  target");
foreach (var (name, problem, target) in cases)
{
    BoothAssigner.Solve(problem with { Seekers = problem.Seekers.Take(5).ToList() }); // warm-up: JIT and the native library
    var solution = BoothAssigner.Solve(problem);
    var q = solution.Quality;
    var zoneShare = q.Placed == 0 ? 0 : (double)q.ZoneMatches / q.Placed;
    var neighbourShare = q.NeighbourRequests == 0 ? 0 : (double)q.NeighbourRequestsMet / q.NeighbourRequests;
    var zoneBound = ZoneBound(problem);
    Console.WriteLine($"{name,-36} {problem.Booths.Count,6} {q.Seekers,7} {q.Placed,6} {q.ZoneMatches,5}/{zoneBound,-5} {q.NeighbourRequestsMet,5}/{q.NeighbourRequests,-5} {q.HostCohesion,13:P1} {q.HostNeighboursPerFirm,9:0.00} {q.Seconds,7:0.00}s  < {target} s {(q.Seconds < target ? "met" : "NOT met")}");
    results.Add(new
    {
        name, booths = problem.Booths.Count, freeBooths = problem.Booths.Count - problem.Placed.Count, seekers = q.Seekers,
        placed = q.Placed, unplaced = solution.Unplaced.Count,
        zoneMatches = q.ZoneMatches, zoneMatchesPossible = zoneBound, zoneMatchShare = Math.Round(zoneShare, 4),
        sizeMatches = q.SizeMatches,
        neighbourRequests = q.NeighbourRequests, neighbourRequestsMet = q.NeighbourRequestsMet, neighbourShare = Math.Round(neighbourShare, 4),
        hostRegionFirms = q.HostPlaced, hostWithHostNeighbour = q.HostWithHostNeighbour, hostCohesion = Math.Round(q.HostCohesion, 4), hostNeighboursPerFirm = q.HostNeighboursPerFirm,
        seconds = Math.Round(q.Seconds, 3), targetSeconds = target, targetMet = q.Seconds < target,
    });
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
File.WriteAllText(outPath, JsonSerializer.Serialize(new
{
    benchmark = "booth auto-assign (OR-Tools min-cost flow, two rounds)",
    machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
    at = DateTimeOffset.UtcNow,
    notes = "zone matches possible = sum over zones of min(free booths, seekers of that industry); host cohesion = share of "
        + "host-province firms on the floor (placed before or now) with another one next to them, and host neighbours per host firm: high is the aim for 'together', low for 'spread'.",
    cases = results,
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"→ {outPath}");
return;

static string Lower(HostRegionMode mode) => mode.ToString().ToLowerInvariant();

// The most seekers that can sit in their own industry's zone, whatever else happens.
static int ZoneBound(BoothProblem p)
{
    var held = p.Placed.Select(x => x.BoothId).ToHashSet();
    var free = p.Booths.Where(b => !held.Contains(b.Id)).GroupBy(b => b.Zone).ToDictionary(g => g.Key, g => g.Count());
    return p.Seekers.GroupBy(s => s.Industry).Sum(g => Math.Min(g.Count(), free.GetValueOrDefault(g.Key)));
}

// The demo event as the service would see it (same derivations, through BoothNeeds), ids by generation order.
static BoothProblem Demo(DemoEvent demo, bool fromScratch, HostRegionMode mode)
{
    var boothId = demo.Booths.Select((b, i) => (b, i)).ToDictionary(t => t.b, t => t.i + 1);
    var exhibitorId = demo.Exhibitors.Select((x, i) => (x, i)).ToDictionary(t => t.x, t => t.i + 1);
    var host = demo.Event.HostProvinceCode;
    var spots = demo.Booths.Select(b => new BoothSpot(boothId[b], b.Code, b.Hall.Code, b.Zone, b.Position.X, b.Position.Y, b.Position.Width, b.Position.Height, b.SizeSquareMeters, b.MeetingTables)).ToList();
    var sizes = spots.Select(s => s.SizeSquareMeters).Distinct().Order().ToList();
    var placed = fromScratch ? [] : demo.Exhibitors.Where(x => x.Booth is not null)
        .Select(x => new PlacedExhibitor(exhibitorId[x], boothId[x.Booth!], x.ProvinceCode == host)).ToList();
    var clusters = demo.Exhibitors.ToLookup(x => (x.City.En, x.Industry), x => exhibitorId[x]);
    var interests = demo.Participants.Select(p => (IReadOnlyCollection<string>)p.HsInterests).ToList();
    var wishes = demo.Wishes.Where(w => w.WishedBy == WishedBy.Participant && w.Level != WishLevel.NotInterested).GroupBy(w => w.Exhibitor).ToDictionary(g => g.Key, g => g.Count());
    var seekers = demo.Exhibitors.Where(x => fromScratch || x.Booth is null).Select(x => new BoothSeeker(
        exhibitorId[x], x.Industry.ToString(), x.ProvinceCode == host,
        BoothNeeds.WantedSize(x.Size, x.Products.Count, sizes[0], sizes[^1]),
        BoothNeeds.Demand(wishes.GetValueOrDefault(x), x.Products.Select(p => p.HsCode).ToList(), interests),
        BoothNeeds.Neighbours(exhibitorId[x], clusters[(x.City.En, x.Industry)]))).ToList();
    return new BoothProblem(spots, placed, seekers, mode);
}

// Halls of back-to-back rows (2×2-cell booths, an aisle every second row and every fifth booth), zones in row bands,
// corner booths 18 m² with 2 tables and one booth in twelve with 3; exhibitors of eight industries, 40 % from the host
// province, 300 cities, demand skewed (a few very wanted firms).
static BoothProblem Synthetic(int halls, int rows, int perRow, int seekers, int seed, HostRegionMode mode)
{
    var random = new Random(seed);
    var industries = Enum.GetNames<Industry>();
    var spots = new List<BoothSpot>();
    for (var h = 0; h < halls; h++)
    {
        var hall = ((char)('A' + h)).ToString();
        var zones = Enumerable.Range(0, 3).Select(z => industries[(h * 3 + z) % industries.Length]).ToArray();
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < perRow; c++)
        {
            var corner = c == 0 || c == perRow - 1;
            var id = spots.Count + 1;
            var tables = corner ? 2 : id % 12 == 0 ? 3 : 1;
            spots.Add(new BoothSpot(id, $"{hall}-{r * perRow + c + 1:000}", hall, zones[r * zones.Length / rows],
                1 + c * 2 + c / 5, 1 + r * 2 + r / 2, 2, 2, corner ? 18 : 9, tables));
        }
    }
    var people = Enumerable.Range(1, seekers).Select(id => (Id: id, Industry: industries[random.Next(industries.Length)],
        Host: random.NextDouble() < 0.4, City: random.Next(300), Large: random.NextDouble() < 0.15, Demand: (int)(5 / Math.Max(0.02, random.NextDouble())))).ToList();
    var clusters = people.ToLookup(p => (p.City, p.Industry), p => p.Id);
    var list = people.Select(p => new BoothSeeker(p.Id, p.Industry, p.Host, p.Large ? 18 : 9, p.Demand, BoothNeeds.Neighbours(p.Id, clusters[(p.City, p.Industry)]))).ToList();
    return new BoothProblem(spots, [], list, mode);
}
