using ExpoPortal.Cli;
using ExpoPortal.Cli.Commands;

// expo-match: a thin host for the matching engine. Each command is one class in Commands/;
// adding one (such as the lead's `export --event`) means adding it to this list.
ICommand[] commands = [new SolveCommand(), new CheckCommand(), new ExportCommand(), new B2bCommand(), new BenchCommand(), new GenerateCommand()];
return CommandLine.Run(args, commands);
