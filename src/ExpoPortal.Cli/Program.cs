using ExpoPortal.Cli;

return CommandLine.Run(args, ExpoMatch.Commands);
