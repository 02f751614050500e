using System.Diagnostics;
using System.Text.Json;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Documents;

// Directory book benchmark: the demo event's book (250 exhibitors, 256 booths, 3 halls) and a synthetic one with
// 2,500 exhibitors (the demo's companies ten times over, each with its own booth on ten halls), rendered in memory.
// dotnet run -c Release --project bench/DirectoryBookBench [-- --out bench/results/directory-book.json --fonts DIR --save DIR (the PDFs)]
var outPath = Option("--out") ?? Path.Combine("bench", "results", "directory-book.json");
var renderer = new DirectoryBookPdf(Option("--fonts") ?? NanumFontResolver.DefaultDirectory);

var demo = AndongDemo.Generate();
var andong = DirectoryBook.Compose(demo.Event, demo.Halls, demo.Booths, demo.Exhibitors);
var cases = new List<(string Name, DirectoryBookData Book, double TargetSeconds)> { ("andong-250", andong, 5), ("synthetic-2500", TenTimes(andong), 60) };

renderer.RenderExhibitorPage(andong, andong.Exhibitors[0]); // warm-up: JIT and the font's first subset
var results = new List<object>();
Console.WriteLine($"{"case",-16} {"exhibitors",10} {"pages",6} {"size",10} {"time",8}  target");
foreach (var (name, book, target) in cases)
{
    var watch = Stopwatch.StartNew();
    var pdf = renderer.RenderBook(book);
    var seconds = watch.Elapsed.TotalSeconds;
    if (Option("--save") is { } folder) { Directory.CreateDirectory(folder); File.WriteAllBytes(Path.Combine(folder, $"{name}.pdf"), pdf); }
    var pages = CountPages(pdf);
    watch.Restart();
    var onePage = renderer.RenderExhibitorPage(book, book.Exhibitors[^1]);
    var pageSeconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"{name,-16} {book.Exhibitors.Count,10} {pages,6} {pdf.Length / 1024.0,8:0} kB {seconds,7:0.00}s  < {target} s {(seconds < target ? "met" : "NOT met")}");
    results.Add(new
    {
        name, exhibitors = book.Exhibitors.Count, halls = book.Halls.Count, booths = book.Halls.Sum(h => h.Booths.Count), pages,
        bytes = pdf.Length, seconds = Math.Round(seconds, 3), targetSeconds = target, targetMet = seconds < target,
        exhibitorPageSeconds = Math.Round(pageSeconds, 3), exhibitorPageBytes = onePage.Length,
    });
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
File.WriteAllText(outPath, JsonSerializer.Serialize(new
{
    benchmark = "directory book PDF (PDFsharp 6.2.4, NanumGothic subset embedded)",
    machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
    at = DateTimeOffset.UtcNow,
    notes = "rendering only, from data in memory (the database read is a few queries); the 2,500 case repeats the demo's companies with suffixed names on ten halls",
    cases = results,
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"→ {outPath}");
return;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static int CountPages(byte[] pdf)
{
    // "/Type /Page" objects, not "/Type /Pages": enough for a figure, without a PDF reader in the benchmark.
    var text = System.Text.Encoding.Latin1.GetString(pdf);
    return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page(?![s\w])");
}

static DirectoryBookData TenTimes(DirectoryBookData book)
{
    var halls = new List<BookHall>();
    var exhibitors = new List<BookExhibitor>();
    for (var copy = 0; copy < 10; copy++)
    {
        var hall = book.Halls[copy % book.Halls.Count];
        var code = $"H{copy}";
        var offset = copy * 10_000;
        halls.Add(hall with
        {
            Code = code,
            Name = new(hall.Name.Ko + $" {copy}", hall.Name.En + $" {copy}"),
            Booths = book.Halls.SelectMany(h => h.Booths).Take(250)
                .Select((b, i) => new BookBooth($"{code}-{i + 1:000}", (i % 25) * 3, (i / 25) * 3, 2, 2, b.Zone, offset + i + 1)).ToList(),
            Columns = 75, Rows = 30,
        });
        exhibitors.AddRange(book.Exhibitors.Take(250).Select((x, i) => x with
        {
            Id = offset + i + 1,
            Name = new(x.Name.Ko + $" {copy}", x.Name.En + $" {copy}"),
            BoothCode = $"{code}-{i + 1:000}", HallCode = code,
        }));
    }
    return book with { Halls = halls, Exhibitors = exhibitors };
}
