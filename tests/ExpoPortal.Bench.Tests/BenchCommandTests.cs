using ExpoPortal.Cli;
using ExpoPortal.Bench;
using ExpoPortal.Matching.Io;

namespace ExpoPortal.Bench.Tests;

/// <summary>The expo-bench command line on files (b2b, generate): output formats, exit codes and one-line errors.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("expo-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, ExpoBench.Commands, output, error, ExpoBench.Name);
        return (code, output.ToString(), error.ToString());
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Generate_writes_an_instance_that_the_engine_reads()
    {
        var outPath = Path.Combine(_folder, "andong.json");
        var result = Run("generate", "--size", "andong", "--ratio", "0.5", "--out", outPath);
        Assert.Equal(0, result.Code);
        var instance = InstanceReader.ReadFile(outPath);
        Assert.Equal((250, 1000), (instance.Exhibitors.Count, instance.Participants.Count));
        Assert.Contains("250 exhibitors, 1000 participants", result.Out);
    }

    [Theory]
    [InlineData("generate", "--size", "huge", "--out", "x.json")]
    [InlineData("bench", "--sizes", "huge")]
    [InlineData("b2b", "--in", "missing.dzn")]
    [InlineData("solve", "--in", "x.json")]
    public void Bad_arguments_exit_with_code_2(params string[] args)
    {
        var result = Run(args);
        Assert.Equal(2, result.Code);
        Assert.StartsWith("error: ", result.Error);
    }

    private static ExpoPortal.Matching.MatchFigures Figures(int mustMissed, int belowMinimum, int withoutMeeting, long score) =>
        new(0, score, 0, 0, 0, 0, 0, 0, mustMissed, 0, belowMinimum, withoutMeeting, 0, 0);

    [Theory]
    // Worse on one priority is dominated, whatever else is better (issue 10 §3: no worse on each priority).
    [InlineData(2283, 0, 274, 100, 3238, 0, 271, 90, "dominated: first-meetings")]
    [InlineData(5, 1, 0, 100, 5, 0, 0, 90, "dominated: minimums")]
    // Strictly better on a priority and worse on none: a lower score is the trade the priorities ask for.
    [InlineData(292, 0, 0, 90, 899, 0, 10, 100, "better: must-meets,first-meetings")]
    // Equal on every priority: the score decides.
    [InlineData(0, 0, 0, 99, 0, 0, 0, 100, "dominated: score")]
    [InlineData(0, 0, 0, 100, 0, 0, 0, 100, "equal")]
    [InlineData(0, 0, 0, 101, 0, 0, 0, 100, "better: score")]
    public void The_engine_is_compared_with_the_greedy_priority_by_priority(
        int mustMissed, int belowMinimum, int withoutMeeting, long score,
        int greedyMustMissed, int greedyBelowMinimum, int greedyWithoutMeeting, long greedyScore, string verdict)
    {
        var engine = Figures(mustMissed, belowMinimum, withoutMeeting, score);
        var greedy = Figures(greedyMustMissed, greedyBelowMinimum, greedyWithoutMeeting, greedyScore);

        Assert.Equal(verdict, ExpoPortal.Bench.Commands.BenchCommand.VersusGreedy(engine, greedy));
    }

    [Fact]
    public void B2b_writes_the_papers_output_format()
    {
        var dzn = File("forum.dzn", "nBusiness = 3;\nnMeetings = 2;\nnTables = 1;\nnTotalSlots = 3;\nnMorningSlots = 3;\nrequested = [|1, 2,3,\n|1, 3,3,\n|];\nforbidden = [{0},{0},{0}];\n");
        var outPath = Path.Combine(_folder, "result.json");
        var result = Run("b2b", "--in", dzn, "--time-limit", "5", "--out", outPath);
        Assert.Equal(0, result.Code);
        var json = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(outPath)).RootElement;
        Assert.Equal(0, json.GetProperty("breaks").GetInt32());
        var meetings = json.GetProperty("meetings").EnumerateArray().ToList();
        Assert.Equal([1, 2], meetings.Select(m => m.GetProperty("id").GetInt32()));
        var slots = meetings.Select(m => m.GetProperty("slot").GetInt32()).Order().ToList();
        Assert.Equal(1, slots[1] - slots[0]); // business 1 meets back to back
    }
}
