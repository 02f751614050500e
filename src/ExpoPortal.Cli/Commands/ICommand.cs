namespace ExpoPortal.Cli.Commands;

public interface ICommand
{
    string Name { get; }
    string Usage { get; }
    /// <returns>The process exit code.</returns>
    int Run(Arguments args, TextWriter output);
}
