using ExpoPortal.E2ETests;
using ExpoPortal.Tests.Shared;

[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
