using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExpoPortal.BenchHarness;
using ExpoPortal.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

// The organizers' heavy tasks, timed from outside on the real portal (its own process, its own PostgreSQL, durable):
// imports of 1,000 participants and of 250 exhibitors with products (dry run, apply, re-import of the same file),
// the results report of the past edition (JSON, .xlsx, the page), and the floor plan's 256 booths in headless Chromium.
// Last, the portal's memory with 200 circuits open on a buyer's directory and exhibitor pages.
// dotnet run -c Release --project bench/PortalTasksBench [-- --out bench/results/portal-tasks.json --runs 5 --circuits 200 --fast-db]
var outPath = Option("--out") ?? Path.Combine("bench", "results", "portal-tasks.json");
var runs = int.TryParse(Option("--runs"), out var r) ? r : 5;
// `--circuits-only` measures the open circuits alone (and writes nothing); `--circuit-pages directory,exhibitor,account`
// chooses the pages they show, to tell the layout's share from a page's.
var circuitsOnly = args.Contains("--circuits-only");
var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
var ct = cancel.Token;
void Log(string line) => Console.WriteLine(line);

await using var portal = await PortalHarness.StartAsync(durable: !args.Contains("--fast-db"), connectionOptions: null,
    new Dictionary<string, string>
    {
        ["Demo:LoadPastEdition"] = "true", // the results report reads Andong 2025
        ["RateLimits:UploadsPerMinute"] = "100000",
        ["RateLimits:DownloadsPerMinute"] = "100000",
    }, Log, ct);
var organizer = await portal.SignInAsync(0, "organizer@expo.demo", ct);
var cases = new List<Case>();
JsonNode? last = null; // the body of the last import answer

// 1. Imports. The files are made here (UTF-8 .csv with the canonical headers); new people, so apply creates them all.
var participants = ParticipantsCsv(1_000);
var exhibitors = ExhibitorsCsv(250, productsEach: 3);
foreach (var (kind, file, rows) in circuitsOnly ? [] : new[] { ("participants", participants, 1_000), ("exhibitors", exhibitors, 250) })
{
    var dry = new List<double>();
    JsonNode? counts = null;
    for (var i = 0; i < runs; i++)
    {
        dry.Add(await ImportAsync(kind, file, dryRun: true, expect: "created"));
        counts ??= last;
    }
    cases.Add(new($"import/{kind}-{rows}/dry-run", dry, $"{rows} rows checked, nothing written: {Compact(counts)}"));
    var apply = await ImportAsync(kind, file, dryRun: false, expect: "created");
    cases.Add(new($"import/{kind}-{rows}/apply", [apply], $"the rows in one transaction, then the sign-ins in one save and an invitation each: {Compact(last)}"));
    var again = await ImportAsync(kind, file, dryRun: false, expect: "unchanged");
    cases.Add(new($"import/{kind}-{rows}/re-import", [again], $"the same file again: {Compact(last)}"));
}

// 2. The results report of Andong 2025 (2,000-odd held consultations with outcomes), as an organizer reads it.
const string past = AndongPastEdition.Slug;
foreach (var (name, path, what) in circuitsOnly ? [] : new[]
{
    ("report/results.json", $"/api/events/{past}/reports/results", "JSON"),
    ("report/results.xlsx", $"/api/events/{past}/reports/results.xlsx", "workbook, 5 sheets"),
    ("report/results-page", $"/events/{past}/results", "the page's server-rendered HTML"),
})
{
    var (seconds, bytes) = await TimedGetAsync(path, runs + 1); // the first is a warm-up
    cases.Add(new(name, seconds.Skip(1).ToList(), $"{what}, {bytes / 1024.0:0} kB; cold first request {seconds[0]:0.000} s"));
}

// 3. The floor plan in headless Chromium: 256 booths of 3 halls as SVG, at a desktop's width and at a phone's.
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
foreach (var (label, width, height) in circuitsOnly ? [] : new[] { ("desktop-1400", 1400, 1000), ("phone-390", 390, 844) })
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = width, Height = height } });
    var page = await context.NewPageAsync();
    var plan = $"/events/{AndongDemo.Slug}/floor-plan";
    await SignInInBrowserAsync(page, "organizer@expo.demo", plan);

    var drawn = new List<double>();
    var interactive = new List<double>();
    var panel = new List<double>();
    var booths = 0;
    for (var i = 0; i <= runs; i++) // run 0 is a warm-up
    {
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(portal.BaseAddress, plan).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("svg [data-booth-code]", new() { Timeout = 60_000 });
        booths = await page.Locator("svg [data-booth-code]").CountAsync();
        var drawnAt = watch.Elapsed.TotalSeconds;
        await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 60_000 });
        var interactiveAt = watch.Elapsed.TotalSeconds;
        var code = await page.Locator("svg [data-booth-code]").Last.GetAttributeAsync("data-booth-code");
        watch.Restart();
        await page.Locator($"svg [data-booth-code='{code}']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=panel-code]")).ToHaveTextAsync(code!, new() { Timeout = 30_000 });
        var panelAt = watch.Elapsed.TotalSeconds;
        if (i == 0) continue;
        drawn.Add(drawnAt);
        interactive.Add(interactiveAt);
        panel.Add(panelAt);
    }
    cases.Add(new($"floor-plan/{label}/drawn", drawn, $"navigation to all {booths} booths in the DOM (server-rendered SVG)"));
    cases.Add(new($"floor-plan/{label}/interactive", interactive, "navigation to the circuit connected and the page interactive"));
    cases.Add(new($"floor-plan/{label}/booth-panel", panel, "click on a booth to its panel shown (a round trip over the circuit)"));
}

// 4. Open circuits: a buyer's directory and exhibitor pages (booking grid, live slot updates) held open at once, as the
// buyers on the floor keep them on their phones. The portal's resident memory before and after, per circuit.
var circuitCount = int.TryParse(Option("--circuits"), out var n) ? n : 200;
object? circuits = null;
if (circuitCount > 0)
{
    await using var buyer = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 } });
    var first = await buyer.NewPageAsync();
    await SignInInBrowserAsync(first, "buyer@expo.demo", $"/events/{AndongDemo.Slug}/directory");
    var exhibitorIds = new List<int>();
    await using (var db = portal.NewDbContext())
        exhibitorIds = await db.Exhibitors.Where(x => x.Event.Slug == AndongDemo.Slug && x.BoothId != null).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);
    var pageKinds = (Option("--circuit-pages") ?? "directory,exhibitor").Split(',', StringSplitOptions.RemoveEmptyEntries);
    string PathOf(int i) => pageKinds[i % pageKinds.Length] switch
    {
        "directory" => $"/events/{AndongDemo.Slug}/directory",
        "exhibitor" => $"/events/{AndongDemo.Slug}/exhibitors/{exhibitorIds[i % exhibitorIds.Count]}",
        var other => "/" + other,
    };
    // Warm-up: every code path once, then closed, so that what grows afterwards is the circuits'.
    for (var i = 0; i < 4; i++)
    {
        await first.GotoAsync(new Uri(portal.BaseAddress, PathOf(i)).ToString());
        await first.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 60_000 });
    }
    await first.GotoAsync("about:blank");
    await Task.Delay(TimeSpan.FromSeconds(5), ct);
    var heapBefore = await ManagedHeap.AfterFullGcMbAsync(portal.PortalProcessId, TimeSpan.FromSeconds(30));
    var before = portal.PortalMemory();
    var opened = new List<IPage>();
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < circuitCount; i++)
    {
        var page = await buyer.NewPageAsync();
        await page.GotoAsync(new Uri(portal.BaseAddress, PathOf(i)).ToString());
        await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 60_000 });
        opened.Add(page);
    }
    var openSeconds = watch.Elapsed.TotalSeconds;
    await Task.Delay(TimeSpan.FromSeconds(10), ct); // let the server settle (renders, buffers)
    var after = portal.PortalMemory();
    var heapAfter = await ManagedHeap.AfterFullGcMbAsync(portal.PortalProcessId, TimeSpan.FromSeconds(30));
    // Where it goes, for a closer look: `--gcdump file` writes the heap with the circuits open (needs the dotnet-gcdump tool).
    if (Option("--gcdump") is { } dumpPath)
        await Process.Start("dotnet-gcdump", ["collect", "-p", portal.PortalProcessId.ToString(), "-o", dumpPath])!.WaitForExitAsync(ct);
    var perCircuit = (after.RssMb - before.RssMb) / circuitCount;
    var livePerCircuit = (heapAfter - heapBefore) / circuitCount;
    Console.WriteLine($"{circuitCount} circuits open ({string.Join(", ", pageKinds)}, 390 px) in {openSeconds:0.0} s: portal {before.RssMb} MB → {after.RssMb} MB resident, "
        + $"{perCircuit * 1024:0} kB per circuit; managed heap after a full GC {heapBefore} MB → {heapAfter} MB, {livePerCircuit * 1024:0} kB per circuit");
    circuits = new
    {
        circuits = circuitCount, pages = $"{string.Join(", ", pageKinds)} in turn (an exhibitor page holds its booking grid), one buyer, 390 px",
        liveHeapBeforeMb = heapBefore, liveHeapAfterMb = heapAfter, livePerCircuitKb = Math.Round(livePerCircuit * 1024),
        residentBeforeMb = before.RssMb, residentAfterMb = after.RssMb, residentPerCircuitKb = Math.Round(perCircuit * 1024), targetKb = 1024,
        targetMet = livePerCircuit < 1.0, openSeconds = Math.Round(openSeconds, 1),
        notes = "live: the managed heap after a full blocking GC induced over EventPipe, what the circuits hold; resident: the process's resident set, which also counts garbage not yet collected and heap the GC keeps (an upper bound)",
    };
    foreach (var page in opened) await page.CloseAsync();
}
if (circuitsOnly) return 0;

// 5. Single bookings, one at a time (no load): an organizer books 60 participants with 60 exhibitors, each request timed.
var singles = new List<double>();
var singleCodes = new Dictionary<string, int>();
{
    List<int> people, stands, slots;
    await using (var db = portal.NewDbContext())
    {
        var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(ct);
        people = await db.Participants.Where(p => p.EventId == eventId).OrderBy(p => p.Id).Select(p => p.Id).Take(60).ToListAsync(ct);
        stands = await db.Exhibitors.Where(x => x.EventId == eventId && x.BoothId != null).OrderBy(x => x.Id).Select(x => x.Id).Take(60).ToListAsync(ct);
        slots = await db.TimeSlots.Where(t => t.EventId == eventId).OrderBy(t => t.StartsAt).Select(t => t.Id).ToListAsync(ct);
    }
    for (var i = 0; i < people.Count; i++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{AndongDemo.Slug}/meetings")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { participantId = people[i], exhibitorId = stands[i % stands.Count], timeSlotId = slots[(i * 7) % slots.Count], clientRequestId = $"single-{i}" }),
        };
        var (status, bytes, seconds) = await SendAsOrganizerAsync(request);
        var body = Encoding.UTF8.GetString(bytes);
        if ((int)status >= 500) throw new InvalidOperationException($"Booking answered {(int)status}: {body}");
        var code = (int)status is >= 200 and < 300 ? "booked" : JsonNode.Parse(body)?["code"]?.GetValue<string>() ?? ((int)status).ToString();
        singleCodes[code] = singleCodes.GetValueOrDefault(code) + 1;
        if (code == "booked") singles.Add(seconds);
    }
    cases.Add(new("booking/single", singles, $"one booking at a time over HTTP, booked ones only ({string.Join(", ", singleCodes.Select(c => $"{c.Value} {c.Key}"))})"));
}

// 6. Directory search, on the demo event (its 250 exhibitors and the 250 imported above) and then on ten times as many (the same companies nine more
// times with suffixed names and their products, added straight in SQL): Korean, English, HS prefixes, a misspelling, a filter.
string[] queries = ["q=화장품", "q=cosmetics", "q=녹차", "q=green%20tea", "q=인삼", "hs=09", "hs=0902", "hs=3304", "q=cosmetcs", "q=안동", "industry=Cosmetics", "q=소주&hs=22"];
var slowest = new Dictionary<string, object>();
async Task<List<double>> SearchAsync(string label)
{
    var seconds = new List<double>();
    var perQuery = queries.ToDictionary(q => q, _ => new List<double>());
    for (var round = 0; round <= runs * 4; round++)
        foreach (var query in queries)
        {
            var (timed, _) = await TimedGetAsync($"/api/events/{AndongDemo.Slug}/exhibitors?{query}&page=1&pageSize=25", 1);
            if (round == 0) continue; // round 0 warms up
            seconds.AddRange(timed);
            perQuery[query].AddRange(timed);
        }
    // Which queries make the tail: each query's median, slowest first.
    var medians = perQuery.Select(q => (Query: q.Key, Median: q.Value.Order().ElementAt(q.Value.Count / 2))).OrderByDescending(q => q.Median).ToList();
    Console.WriteLine($"{label}: " + string.Join(", ", medians.Select(q => $"{q.Query} {q.Median * 1000:0} ms")));
    slowest[label] = medians.Select(q => new { query = q.Query, medianMs = Math.Round(q.Median * 1000, 1) }).ToList();
    return seconds;
}
cases.Add(new("directory-search/event-500", await SearchAsync("event-500"), $"the demo's 250 exhibitors and the 250 imported above; {queries.Length} queries × {runs * 4} rounds: {string.Join(" ", queries)}"));
await using (var connection = portal.NewConnection())
{
    await connection.OpenAsync(ct);
    async Task<string> ColumnsAsync(string table, string except)
    {
        await using var command = new Npgsql.NpgsqlCommand(
            $"SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = '{table}' AND column_name NOT IN ({except})", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
    var rest = await ColumnsAsync("exhibitors", "'id', 'booth_id', 'business_number', 'name_ko', 'name_en', 'search_text', 'contact_email'");
    var productRest = await ColumnsAsync("exhibitor_products", "'id', 'exhibitor_id'");
    string From(string alias, string columns) => string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
    var sql = $"""
        CREATE TEMP TABLE copies AS
          SELECT x.id AS source_id, c AS copy_no, nextval(pg_get_serial_sequence('exhibitors', 'id'))::int AS new_id
          FROM exhibitors x JOIN events e ON e.id = x.event_id, generate_series(1, 9) c WHERE e.slug = '{AndongDemo.Slug}';
        INSERT INTO exhibitors (id, name_ko, name_en, search_text, contact_email, {rest})
          SELECT c.new_id, x.name_ko || ' ' || c.copy_no, x.name_en || ' ' || c.copy_no, x.search_text || ' ' || c.copy_no,
                 'copy' || c.copy_no || '.' || x.contact_email, {From("x", rest)}
          FROM copies c JOIN exhibitors x ON x.id = c.source_id;
        INSERT INTO exhibitor_products (exhibitor_id, {productRest})
          SELECT c.new_id, {From("p", productRest)} FROM copies c JOIN exhibitor_products p ON p.exhibitor_id = c.source_id;
        ANALYZE exhibitors; ANALYZE exhibitor_products;
        SELECT count(*) FROM exhibitors x JOIN events e ON e.id = x.event_id WHERE e.slug = '{AndongDemo.Slug}';
        """;
    await using var insert = new Npgsql.NpgsqlCommand(sql, connection);
    Log($"Directory now holds {Convert.ToInt32(await insert.ExecuteScalarAsync(ct))} exhibitors");
}
cases.Add(new("directory-search/ten-times-5000", await SearchAsync("ten-times-5000"), "the same queries on 5,000 exhibitors (those 500 ten times, target p95 < 100 ms)"));

var memory = portal.PortalMemory();
Console.WriteLine();
Console.WriteLine($"{"case",-44} {"median",8} {"p95",8} {"max",8}  runs  what");
foreach (var c in cases)
    Console.WriteLine($"{c.Name,-44} {c.Median,7:0.000}s {c.P95,7:0.000}s {c.Max,7:0.000}s  {c.Seconds.Count,4}  {c.Note}");
Console.WriteLine($"portal process: {memory.RssMb} MB resident, peak {memory.PeakMb} MB");

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
File.WriteAllText(outPath, JsonSerializer.Serialize(new
{
    benchmark = "organizers' heavy tasks on the real portal: imports, results report, floor plan in Chromium",
    machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
    at = DateTimeOffset.UtcNow,
    database = args.Contains("--fast-db") ? "PostgreSQL, fsync off" : "PostgreSQL, durable (fsync and synchronous commit on)",
    notes = "times from outside the portal process over HTTP (imports, report) or in headless Chromium (floor plan); median and max of the runs after a warm-up",
    portalMemoryMb = new { resident = memory.RssMb, peak = memory.PeakMb },
    circuits,
    directorySearchByQuery = slowest,
    cases = cases.Select(c => new { name = c.Name, medianSeconds = Math.Round(c.Median, 3), p95Seconds = Math.Round(c.P95, 3), maxSeconds = Math.Round(c.Max, 3), runs = c.Seconds.Count, what = c.Note }),
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"→ {outPath}");
return 0;

async Task<double> ImportAsync(string kind, byte[] file, bool dryRun, string expect)
{
    using var content = new MultipartFormDataContent();
    var part = new ByteArrayContent(file);
    part.Headers.ContentType = new("text/csv");
    content.Add(part, "file", $"{kind}.csv");
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{AndongDemo.Slug}/imports/{kind}?dryRun={(dryRun ? "true" : "false")}") { Content = content };
    var (status, bytes, seconds) = await SendAsOrganizerAsync(request);
    var body = Encoding.UTF8.GetString(bytes);
    if (status != HttpStatusCode.OK)
        throw new InvalidOperationException($"Import of {kind} (dry run {dryRun}) answered {(int)status}: {body[..Math.Min(body.Length, 2000)]}");
    last = JsonNode.Parse(body);
    var total = (int?)last?["created"] + (int?)last?["updated"] + (int?)last?["unchanged"];
    if ((int?)last?[expect] != total)
        throw new InvalidOperationException($"Import of {kind} (dry run {dryRun}) expected every row {expect}: {body}");
    return seconds;
}

async Task<(List<double> Seconds, long Bytes)> TimedGetAsync(string path, int count)
{
    var seconds = new List<double>();
    long bytes = 0;
    for (var i = 0; i < count; i++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var (status, body, timed) = await SendAsOrganizerAsync(request);
        seconds.Add(timed);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} answered {(int)status}");
        bytes = body.Length;
    }
    return (seconds, bytes);
}

// The organizer's request, timed from sending to the whole body read; the session's cookies follow every answer.
async Task<(HttpStatusCode Status, byte[] Body, double Seconds)> SendAsOrganizerAsync(HttpRequestMessage request)
{
    organizer.Send(request);
    var watch = Stopwatch.StartNew();
    using var response = await portal.Http.SendAsync(request, ct);
    var body = await response.Content.ReadAsByteArrayAsync(ct);
    var seconds = watch.Elapsed.TotalSeconds;
    organizer.Absorb(response);
    return (response.StatusCode, body, seconds);
}

// Signs in through the sign-in form in the browser and waits for the page it returns to to be interactive.
async Task SignInInBrowserAsync(IPage page, string email, string returnUrl)
{
    await page.GotoAsync(new Uri(portal.BaseAddress, $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}").ToString());
    await page.FillAsync("#email", email);
    await page.FillAsync("#password", AndongDemo.DemoPassword);
    await page.ClickAsync("[data-testid=login-submit]");
    await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 60_000 });
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string Compact(JsonNode? node) => node?.ToJsonString() ?? "";

// Overseas members and buyers as the chapters send them: names in Korean or English, their countries, languages, HS interests.
static byte[] ParticipantsCsv(int count)
{
    string[] countries = ["US", "VN", "JP", "CN", "DE", "AT", "AU", "CA", "ID", "MY"];
    string[] languages = ["ko;en", "en", "ko", "vi;en", "ja", "zh;en", "de;en", "ko;en", "id;en", "en"];
    string[] hs = ["0902;3304", "2106", "1905;2008", "8708", "3304;3305", "0303", "2202", "8517", "9403", "0810"];
    var csv = new StringBuilder("email,name,company,country,kind,chapter,city,languages,interests_hs,import_scale,arrival,departure\n");
    for (var i = 0; i < count; i++)
    {
        var name = i % 2 == 0 ? $"김민수{i}" : $"Alex Buyer {i}";
        csv.Append($"bench.participant.{i}@bench.example,{name},Bench Trading {i},{countries[i % 10]},{(i % 5 == 0 ? "buyer" : "member")},Chapter {i % 150},City {i % 40},")
            .Append($"{languages[i % 10]},{hs[i % 10]},{(i % 3) switch { 0 => "small", 1 => "medium", _ => "large" }},2027-05-18,2027-05-22\n");
    }
    return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetBytes(csv.ToString());
}

// Late registrants from the provinces: Korean and English names, a province, an industry, three products with HS codes.
static byte[] ExhibitorsCsv(int count, int productsEach)
{
    string[] regions = ["경상북도", "Gyeongsangbuk-do", "KR-11", "전라남도", "KR-26"];
    string[] industries = ["Processed food", "가공식품", "Cosmetics", "Machinery", "AgriFood"];
    string[] products = ["220890:안동소주/Andong soju", "030569:간고등어/Salted mackerel", "090230:홍차/Black tea", "330499:수분크림/Moisture cream", "847989:포장기계/Packing machine"];
    var csv = new StringBuilder("business_number,email,name_ko,name_en,region,city,industry,languages,website,contact_name,contact_phone,products\n");
    for (var i = 0; i < count; i++)
    {
        var items = string.Join(";", Enumerable.Range(0, productsEach).Select(k => products[(i + k) % products.Length]));
        csv.Append($"{700 + i / 100:000}-{i % 100:00}-{10000 + i:00000},bench.exhibitor.{i}@bench.example,벤치식품{i},Bench Foods {i},{regions[i % 5]},안동시/Andong,")
            .Append($"{industries[i % 5]},ko;en,https://bench{i}.example,홍길동,054-000-{i:0000},\"{items}\"\n");
    }
    return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetBytes(csv.ToString());
}

internal sealed record Case(string Name, List<double> Seconds, string Note)
{
    public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);
    public double P95 => Seconds.Order().ElementAt(Math.Min(Seconds.Count - 1, (int)Math.Ceiling(Seconds.Count * 0.95) - 1));
    public double Max => Seconds.Max();
}
