using ExpoPortal.Tests.Shared;

[assembly: AssemblyFixture(typeof(PostgresServer))]
