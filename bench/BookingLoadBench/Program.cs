using System.Text.Json;
using System.Text.Json.Nodes;
using ExpoPortal.BookingLoadBench;

// The opening minute of booking, from outside: a private PostgreSQL, the real portal as its own process, 1,000
// signed-in participants trying 5 bookings each over HTTP with 200 in flight; then the database is checked.
//   dotnet run -c Release --project bench/BookingLoadBench [-- --label after]
//   dotnet run -c Release --project bench/BookingLoadBench -- --restart-db      (issue 11 §4.1, → db-restart.json)
// Options: --participants 1000 --attempts 5 --in-flight 200 --zipf 1.0 --seed 1 --rate N (attempts started per second)
//          --kill-after 5 --down 5 (seconds, with --restart-db) --fast-db (fsync off) --pool "Maximum Pool Size=50"
//          --set Key=Value (portal configuration) --warm-up 5000 (attempts before the measured phase, in rounds of one per participant, booked ones
//          cancelled again; 20 measures a cold portal) --statements (pg_stat_statements: the ten dearest statements)
//          --label NAME --out FILE
var restart = args.Contains("--restart-db");
var options = new LoadOptions
{
    Participants = Int("--participants") ?? (restart ? 200 : 1000),
    AttemptsEach = Int("--attempts") ?? 5,
    InFlight = Int("--in-flight") ?? (restart ? 50 : 200),
    Zipf = Double("--zipf") ?? 1.0,
    Seed = Int("--seed") ?? 1,
    RatePerSecond = Double("--rate") ?? (restart ? 40 : null),
    Durable = !args.Contains("--fast-db"),
    ConnectionOptions = Option("--pool"),
    WarmUpAttempts = Int("--warm-up") ?? (restart ? 20 : 5000),
    RestartDatabase = restart,
    StatementStatistics = args.Contains("--statements"),
    KillAfterSeconds = Double("--kill-after") ?? 6,
    DownSeconds = Double("--down") ?? 5,
    PortalSettings = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length)
        .Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : ""),
};
var outPath = Option("--out") ?? Path.Combine("bench", "results", restart ? "db-restart.json" : "booking-load.json");
var label = Option("--label") ?? "current";

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var result = await BookingLoad.RunAsync(options, message => Console.WriteLine(message), cancel.Token);
var verdict = Verdict.Of(result, restart);
result["verdict"] = verdict.Lines;
foreach (var line in verdict.Lines) Console.WriteLine(line);

// Runs under other labels (e.g. "before") are kept, so one file holds before and after.
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
var file = File.Exists(outPath) ? JsonNode.Parse(File.ReadAllText(outPath)) as JsonObject ?? [] : [];
file["benchmark"] = restart
    ? "booking while PostgreSQL is stopped with pg_ctl stop -m immediate and started again (issue 11 §4.1)"
    : "booking load: the opening minute over HTTP from outside (issue 11 §3)";
file["command"] = "dotnet run -c Release --project bench/BookingLoadBench -- [--label NAME] (each run keeps its own command line)";
var runs = file["runs"] as JsonObject ?? [];
result["command"] = "dotnet run -c Release --project bench/BookingLoadBench -- " + string.Join(' ', args);
runs[label] = JsonSerializer.SerializeToNode(result, new JsonSerializerOptions { WriteIndented = true });
file["runs"] = runs;
File.WriteAllText(outPath, file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"→ {outPath} (runs.{label})");
return verdict.InvariantsHold ? 0 : 1;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int? Int(string name) => Option(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
double? Double(string name) => Option(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
