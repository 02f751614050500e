using ExpoPortal.Bench;

return CommandLine.Run(args, ExpoBench.Commands, program: ExpoBench.Name);
