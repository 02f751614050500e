extern alias cli;

using cli::ExpoPortal.Cli;
using cli::ExpoPortal.Cli.Commands;
using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Model;
using static ExpoPortal.Matching.Tests.Tiny;

namespace ExpoPortal.IntegrationTests.Cli;

/// <summary>The expo-match command line on files (solve, check, b2b): exit codes and one-line errors.</summary>

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("expo-match-").FullName;
    private static readonly ICommand[] Commands = [new SolveCommand(), new CheckCommand(), new B2bCommand(), new BenchCommand()];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, Commands, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private string InstanceFile() => File("instance.json", InstanceWriter.Write(Instance(3,
        [Exhibitor("E1"), Exhibitor("E2")], [Participant("P1"), Participant("P2")],
        [Pair("P1", "E1", 5), Pair("P1", "E2", 4), Pair("P2", "E1", 3, must: true)])));

    [Fact]
    public void Solve_then_check_succeeds()
    {
        var instance = InstanceFile();
        var schedule = Path.Combine(_folder, "schedule.json");
        var solved = Run("solve", "--in", instance, "--out", schedule, "--time-limit", "2");
        Assert.Equal(0, solved.Code);
        Assert.Contains("3 meetings, score 12", solved.Out);
        var checkedRun = Run("check", "--in", instance, "--schedule", schedule);
        Assert.Equal(0, checkedRun.Code);
        Assert.Contains("valid", checkedRun.Out);
    }

    [Fact]
    public void Check_fails_on_a_broken_schedule()
    {
        var schedule = File("bad.json", ScheduleWriter.Write(new MatchSchedule([new Meeting("P1", "E1", "s1", 1), new Meeting("P2", "E1", "s1", 1)], Score: 8)));
        var result = Run("check", "--in", InstanceFile(), "--schedule", schedule);
        Assert.Equal(1, result.Code);
        Assert.Contains("violation [TableDoubleBooked]", result.Out);
    }

    [Fact]
    public void A_bad_file_gives_a_precise_error_and_exit_code_2()
    {
        var bad = File("bad-instance.json", """{"format":"expo-match/1","slots":[{"id":"s1","day":"d1","start":"2025-10-01T09:00+09:00","minutes":"30"}],"exhibitors":[],"participants":[]}""");
        var result = Run("solve", "--in", bad, "--out", Path.Combine(_folder, "x.json"));
        Assert.Equal(2, result.Code);
        Assert.Equal("error: $.slots[0] (id \"s1\").minutes: expected an integer, got \"30\"", result.Error.Trim());
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("solve", "--in")]
    [InlineData("solve", "--out", "x.json")]
    [InlineData("solve", "--in", "missing.json", "--out", "x.json")]
    [InlineData("solve", "--in", "x", "--out", "y", "--time-limit", "soon")]
    [InlineData("fly")]
    [InlineData("check", "--in", "a", "--schedule", "b", "--colour", "red")]
    public void Bad_arguments_exit_with_code_2(params string[] args)
    {
        var result = Run(args);
        Assert.Equal(2, result.Code);
        Assert.StartsWith("error: ", result.Error);
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
