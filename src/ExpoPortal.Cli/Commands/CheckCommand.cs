using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Scoring;

namespace ExpoPortal.Cli.Commands;

/// <summary>Validates a schedule independently of the solver; exit 1 on any violation.</summary>
public sealed class CheckCommand : ICommand
{
    public string Name => "check";
    public string Usage => "--in instance.json --schedule schedule.json";

    public int Run(Arguments args, TextWriter output)
    {
        var input = args.ExistingFile("in");
        var schedulePath = args.ExistingFile("schedule");
        args.RejectUnknown();
        var instance = InstanceReader.ReadFile(input);
        var schedule = ScheduleReader.ReadFile(schedulePath);
        var report = ScheduleChecker.Check(instance, CandidateSource.Resolve(instance), schedule, compareClaimedFigures: true);
        foreach (var v in report.Violations) output.WriteLine($"violation [{v.Kind}]: {v.Message}");
        output.WriteLine($"{report.Meetings} meetings, score {report.Score}, idle gaps {report.IdleGaps}, must-meet missed {report.MustMeetMissed}, " +
                         $"exhibitors below minimum {report.ExhibitorsBelowMinimum}, hall changes {report.HallChanges}: {(report.IsValid ? "valid" : $"{report.Violations.Count} violation(s)")}");
        return report.IsValid ? CommandLine.Ok : CommandLine.Violations;
    }
}
