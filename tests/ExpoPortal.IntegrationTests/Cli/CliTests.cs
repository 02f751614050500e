extern alias cli;

using cli::ExpoPortal.Cli;
using cli::ExpoPortal.Cli.Commands;
using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Model;
using static ExpoPortal.Matching.Tests.Tiny;

namespace ExpoPortal.IntegrationTests.Cli;

/// <summary>The expo-match command line on files (solve, check): exit codes and one-line errors.</summary>

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("expo-match-").FullName;
    private static readonly ICommand[] Commands = [new SolveCommand(), new CheckCommand()];

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
    public void A_pin_that_breaks_a_rule_is_a_one_line_error_with_exit_code_2()
    {
        var pin = File("pin.json", ScheduleWriter.Write(new MatchSchedule([new Meeting("P1", "E9", "s1", 1)])));
        var result = Run("solve", "--in", InstanceFile(), "--out", Path.Combine(_folder, "x.json"), "--pin", pin);
        Assert.Equal(2, result.Code);
        Assert.Equal("error: pinned meetings[0] (P1, E9, s1): unknown exhibitor", result.Error.Trim());
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("generate")]
    [InlineData("b2b")]
    public void The_research_commands_are_not_part_of_expo_match(string command)
    {
        var result = CommandLine.Run([command], ExpoMatch.Commands, new StringWriter(), new StringWriter());
        Assert.Equal(2, result);
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
}
