using ExpoPortal.Application;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Infrastructure;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Io;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Cli.Commands;

/// <summary>
/// Writes an event of the portal's database as an <c>expo-match/1</c> instance, to solve and check offline.
/// The database is the portal's own: <c>ConnectionStrings__Expo</c>, or the private local PostgreSQL that run.sh uses.
/// </summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";
    public string Usage => "--event andong-2027 --out instance.json [--connection \"Host=...;Database=...\"]   (an event slug, or the start of one)";

    public int Run(Arguments args, TextWriter output) => RunAsync(args, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(Arguments args, TextWriter output)
    {
        var wanted = args.Required("event").Trim().ToLowerInvariant();
        var path = args.Required("out");
        var connection = args.Optional("connection");
        args.RejectUnknown();

        var builder = Host.CreateApplicationBuilder();
        if (connection is not null) builder.Configuration[$"ConnectionStrings:{Infrastructure.DependencyInjection.ConnectionStringName}"] = connection;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInfrastructure(message => Console.Error.WriteLine(message));
        builder.Services.AddApplication();
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        var events = await host.Services.GetRequiredService<EventService>().ListAsync();
        var matches = events.Where(e => e.Slug == wanted).ToList() is { Count: 1 } exact ? exact : events.Where(e => e.Slug.StartsWith(wanted, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
            throw new UsageException(matches.Count == 0
                ? $"--event: no event \"{wanted}\" (events: {string.Join(", ", events.Select(e => e.Slug))})"
                : $"--event: \"{wanted}\" fits several events: {string.Join(", ", matches.Select(e => e.Slug))}");

        var instance = await host.Services.GetRequiredService<MatchmakingService>().ExportAsync(matches[0].Id);
        InstanceWriter.WriteFile(path, instance!);
        output.WriteLine($"{matches[0].Slug}: {instance!.Slots.Count} slots, {instance.Exhibitors.Count} exhibitors, " +
                         $"{instance.Participants.Count} participants, {instance.Interpreters.Count} interpreters → {path}");
        return CommandLine.Ok;
    }
}
