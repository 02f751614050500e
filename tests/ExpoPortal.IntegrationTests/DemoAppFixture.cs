using ExpoPortal.Tests.Shared;

namespace ExpoPortal.IntegrationTests;

/// <summary>The portal on a fresh copy of the demo database, shared by the tests of one class.</summary>
public sealed class DemoAppFixture(PostgresServer postgres) : IAsyncLifetime
{
    public ExpoApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = new ExpoApp(await postgres.CreateDemoDatabaseAsync());

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
