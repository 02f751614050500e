using ExpoPortal.Matching;
using ExpoPortal.Matching.Io;

namespace ExpoPortal.Cli.Commands;

public sealed class SolveCommand : ICommand
{
    public string Name => "solve";
    public string Usage => "--in instance.json --out schedule.json [--time-limit 10] [--seed 1] [--pin published.json]";

    public int Run(Arguments args, TextWriter output)
    {
        var input = args.ExistingFile("in");
        var outPath = args.Required("out");
        var options = new MatchOptions { TimeLimit = TimeSpan.FromSeconds(args.Seconds("time-limit", 10)), Seed = args.Int("seed", 1) };
        var pinPath = args.Optional("pin");
        args.RejectUnknown();
        if (pinPath is not null && !File.Exists(pinPath)) throw new UsageException($"--pin: file \"{pinPath}\" not found");

        var instance = InstanceReader.ReadFile(input);
        var pinned = pinPath is null ? null : ScheduleReader.ReadFile(pinPath);
        var result = MatchingEngine.Solve(instance, options, pinned);
        // A pin that breaks a rule is bad input: one line naming it, exit code 2.
        if (result.RefusedPin is { } refused) throw new MatchFormatException(refused.Message);
        ScheduleWriter.WriteFile(outPath, result.Schedule);
        var s = result.Schedule;
        output.WriteLine($"{s.Meetings.Count} meetings, score {s.Score} of bound {s.Bound} (gap {s.Gap:P2}), idle gaps {s.IdleGaps}, " +
                         $"must-meet missed {s.MustMeetMissed}, exhibitors below minimum {s.ExhibitorsBelowMinimum}, {s.Seconds:F2} s → {outPath}");
        return CommandLine.Ok;
    }
}
