using ExpoPortal.Application;
using ExpoPortal.Infrastructure;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Web;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    // preserveStaticLogger: several hosts in one process (the test suites) must not fight over the static logger.
    builder.Services.AddSerilog((services, lc) => lc
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(), preserveStaticLogger: true);

    builder.AddInfrastructure(message => Log.Information("{Message}", message));
    builder.Services.AddApplication();
    builder.AddWeb();

    await using var app = builder.Build();
    await using (var scope = app.Services.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();

    app.UseWeb();
    app.Lifetime.ApplicationStarted.Register(() => Log.Information("ExpoPortal is ready: open {Urls}", string.Join(" or ", app.Urls)));
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "ExpoPortal stopped on an unexpected error");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}
