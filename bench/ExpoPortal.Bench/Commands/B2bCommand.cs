using System.Globalization;
using System.Text.Json.Nodes;
using ExpoPortal.Bench.B2b;

namespace ExpoPortal.Bench.Commands;

/// <summary>Timetables a JAIR B2B forum (.dzn); writes {"breaks", "seconds", "meetings": [{"id", "slot"}]} with 1-based ids and slots.</summary>
public sealed class B2bCommand : ICommand
{
    public string Name => "b2b";
    public string Usage => "--in forum-13.original.dzn [--fairness 2] [--time-limit 10] [--seed 1] [--out result.json] [--cp-sat \"extra CP-SAT parameters\"]";

    public int Run(Arguments args, TextWriter output)
    {
        var input = args.ExistingFile("in");
        var options = new B2bOptions
        {
            Fairness = args.Int("fairness", 2),
            TimeLimit = TimeSpan.FromSeconds(args.Seconds("time-limit", 10)),
            Seed = args.Int("seed", 1),
            ExtraParameters = args.Optional("cp-sat") ?? "",
        };
        var outPath = args.Optional("out");
        args.RejectUnknown();
        var problem = DznReader.ReadFile(input);
        var result = B2bSolver.Solve(problem, options);
        if (result.Slots.Length == 0)
        {
            output.WriteLine($"no timetable found within {options.TimeLimit.TotalSeconds} s");
            return CommandLine.Violations;
        }
        // The timetable is re-checked against every rule of the paper, independently of the solver.
        if (B2bChecker.Check(problem, result.Slots, options.Fairness) is { Count: > 0 } broken)
        {
            output.WriteLine($"the timetable found breaks a rule: {string.Join("; ", broken)}");
            return CommandLine.Violations;
        }
        var json = new JsonObject
        {
            ["breaks"] = result.Breaks,
            ["seconds"] = Math.Round(result.Seconds, 3),
            ["meetings"] = new JsonArray(result.Slots.Select((t, m) => (JsonNode)new JsonObject { ["id"] = m + 1, ["slot"] = t + 1 }).ToArray()),
        };
        var text = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (outPath is null) output.Write(text);
        else File.WriteAllText(outPath, text);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"breaks {result.Breaks}{(result.ProvenOptimal ? " (proven optimal)" : "")} in {result.Seconds:F2} s"));
        return CommandLine.Ok;
    }
}
