using ExpoPortal.Bench.Commands;

namespace ExpoPortal.Bench;

/// <summary>expo-bench: the matching benchmark (bench/README.md), the generator of its events, and the JAIR B2B forums.</summary>
public static class ExpoBench
{
    public const string Name = "expo-bench";

    public static IReadOnlyList<ICommand> Commands { get; } = [new BenchCommand(), new GenerateCommand(), new B2bCommand()];
}
