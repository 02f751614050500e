using ExpoPortal.Cli.Commands;

namespace ExpoPortal.Cli;

/// <summary>
/// expo-match: a thin host for the matching engine. Each command is one class in Commands/; adding one means
/// adding it to this list. The benchmark, the instance generator and the JAIR B2B solver are research code and
/// live in bench/ExpoPortal.Bench (expo-bench).
/// </summary>
public static class ExpoMatch
{
    public static IReadOnlyList<ICommand> Commands { get; } = [new SolveCommand(), new CheckCommand(), new ExportCommand()];
}
