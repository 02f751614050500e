using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.IntegrationTests.Matchmaking;
using ExpoPortal.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ExpoPortal.IntegrationTests.DataExchange.ImportTestFiles;

namespace ExpoPortal.IntegrationTests.Database;

/// <summary>
/// Every bulk write leaves PostgreSQL's planner statistics fresh (PlannerStatistics): the demo load, an import, a
/// matching run's proposals and their publication each run ANALYZE themselves instead of leaving the planner to think
/// the tables are as they were until autovacuum comes round. Counted by <c>analyze_count</c>, which only an explicit
/// ANALYZE raises (autovacuum has its own counter), so these tests cannot pass by autovacuum's timing.
/// </summary>
public sealed class PlannerStatisticsTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_database_holds_planner_statistics_for_its_tables_as_soon_as_it_is_loaded()
    {
        // The template the copy came from was loaded moments ago, long before autovacuum's first round (a minute);
        // pg_statistic travels with the copy, the cumulative counters do not.
        await using var connection = await OpenAsync(await postgres.CreateDemoDatabaseAsync());
        string[] tables = ["participants", "exhibitors", "booths", "time_slots", "meeting_wishes", "consent_records", "exhibitor_products"];

        var analyzed = await ScalarAsync<long>(connection,
            "SELECT count(DISTINCT tablename) FROM pg_stats WHERE schemaname = 'public' AND tablename = ANY($1)", tables);

        Assert.Equal(tables.Length, analyzed);
    }

    [Fact]
    public async Task An_import_analyzes_the_tables_it_wrote()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        await using var connection = await OpenAsync(app.ConnectionString);
        using var client = await app.SignInAsync("organizer@expo.demo");
        var before = (Participants: await AnalyzeCountAsync(connection, "participants"), Exhibitors: await AnalyzeCountAsync(connection, "exhibitors"),
            Products: await AnalyzeCountAsync(connection, "exhibitor_products"));

        var people = await CountsAsync(await ImportAsync(client, "participants", Utf8(ParticipantHeader, Participant("stats@test.example")), "p.csv", false, Ct), Ct);
        var companies = await CountsAsync(await ImportAsync(client, "exhibitors", Utf8(ExhibitorHeader,
            Exhibitor("555-55-55555", "stats-x@test.example", products: "090210:녹차/Green tea")), "x.csv", false, Ct), Ct);

        Assert.Equal(((1, 0, 0), (1, 0, 0)), (people, companies));
        Assert.True(await AnalyzeCountAsync(connection, "participants") > before.Participants, "participants not analyzed after their import");
        Assert.True(await AnalyzeCountAsync(connection, "exhibitors") > before.Exhibitors, "exhibitors not analyzed after their import");
        Assert.True(await AnalyzeCountAsync(connection, "exhibitor_products") > before.Products, "exhibitor_products not analyzed after the import");
    }

    [Fact]
    public async Task A_matching_run_analyzes_the_meetings_it_proposed_and_its_publication_again()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        await using var connection = await OpenAsync(app.ConnectionString);
        var eventId = await ScalarAsync<int>(connection, "SELECT id FROM events WHERE slug = $1", AndongDemo.Slug);
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var beforeRun = await AnalyzeCountAsync(connection, "meetings");

        var run = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(TestActors.Secretariat, eventId, 2, ct: Ct)).Value);
        // The run shows as succeeded once its proposals have committed; the ANALYZE follows the commit.
        var afterRun = await AnalyzeCountAsync(connection, "meetings", above: beforeRun);
        var published = await service.PublishAsync(TestActors.Secretariat, eventId, run.Id, ct: Ct);
        var afterPublish = await AnalyzeCountAsync(connection, "meetings");

        Assert.True(run.Figures!.Meetings > 0, "the run proposed nothing");
        Assert.True(published.Succeeded, published.Error?.Message);
        Assert.True(afterRun > beforeRun, "meetings not analyzed after the run saved its proposals");
        Assert.True(afterPublish > afterRun, "meetings not analyzed after the publication");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    /// <summary>
    /// Explicit ANALYZEs of a table so far (a new transaction each time, so not a cached snapshot of the statistics);
    /// with <paramref name="above"/>, waits up to 10 s for the count to pass it.
    /// </summary>
    private static async Task<long> AnalyzeCountAsync(NpgsqlConnection connection, string table, long? above = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var count = await ScalarAsync<long>(connection, "SELECT coalesce((SELECT analyze_count FROM pg_stat_user_tables WHERE relname = $1), 0)", table);
            if (above is null || count > above || DateTime.UtcNow > deadline) return count;
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, object parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
