using System.Globalization;
using ExpoPortal.Bench.Generator;
using ExpoPortal.Matching.Io;

namespace ExpoPortal.Bench.Commands;

/// <summary>Writes one of the benchmark's generated events as an <c>expo-match/1</c> file (to try solve/check by hand).</summary>
public sealed class GenerateCommand : ICommand
{
    public string Name => "generate";
    public string Usage => "--size andong|incheon-large|mega --out instance.json [--ratio 1.0] [--seed 1]";

    public int Run(Arguments args, TextWriter output)
    {
        var size = args.Required("size");
        var outPath = args.Required("out");
        var ratioText = args.Optional("ratio") ?? "1.0";
        if (!double.TryParse(ratioText, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio <= 0)
            throw new UsageException($"--ratio: expected a positive number, got \"{ratioText}\"");
        var seed = args.Int("seed", 1);
        args.RejectUnknown();
        var settings = size switch
        {
            "andong" => GeneratorSettings.Andong(ratio, seed),
            "incheon-large" => GeneratorSettings.IncheonLarge(ratio, seed),
            "mega" => GeneratorSettings.Mega(ratio, seed),
            _ => throw new UsageException($"--size: unknown size \"{size}\" (andong, incheon-large, mega)"),
        };
        var instance = InstanceGenerator.Generate(settings);
        InstanceWriter.WriteFile(outPath, instance);
        output.WriteLine($"{instance.Exhibitors.Count} exhibitors, {instance.Participants.Count} participants, {instance.Slots.Count} slots, {instance.Pairs!.Count} pairs → {outPath}");
        return CommandLine.Ok;
    }
}
