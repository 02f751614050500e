using ExpoPortal.Cli.Commands;
using ExpoPortal.Matching.Io;

namespace ExpoPortal.Cli;

/// <summary>Dispatches to a command; turns bad input into a one-line message and exit code 2, never a stack trace.</summary>
/// <remarks>Shared with the benchmark host (bench/ExpoPortal.Bench links this file, Arguments.cs and ICommand.cs).</remarks>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Violations = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, IReadOnlyList<ICommand> commands, TextWriter? output = null, TextWriter? error = null, string program = "expo-match")
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine($"usage: {program} <command> [options]\n");
            foreach (var c in commands) output.WriteLine($"  {c.Name,-8} {c.Usage}");
            return args.Length == 0 ? BadInput : Ok;
        }
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"error: unknown command \"{args[0]}\" (commands: {string.Join(", ", commands.Select(c => c.Name))})");
            return BadInput;
        }
        try
        {
            var options = Arguments.Parse(args.Skip(1).ToArray());
            return command.Run(options, output);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}\nusage: {program} {command.Name} {command.Usage}");
            return BadInput;
        }
        catch (MatchFormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }
}
