using System.Net;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExpoPortal.IntegrationTests.Database;

public sealed class MigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task Start_up_applies_every_migration_to_an_empty_database()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var app = new ExpoApp(connectionString);
        using var client = app.CreateBrowserlessClient();

        var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Events.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_schema_holds_the_partial_unique_indexes_that_guard_bookings()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using (var app = new ExpoApp(connectionString)) _ = app.Services;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ux_%' ORDER BY indexname", connection);
        var indexes = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                indexes[reader.GetString(0)] = reader.GetString(1);

        Assert.Contains("UNIQUE", indexes["ux_meetings_exhibitor_slot_table_active"]);
        Assert.Contains("WHERE", indexes["ux_meetings_exhibitor_slot_table_active"]);
        Assert.Contains("UNIQUE", indexes["ux_meetings_participant_slot_active"]);
        Assert.Contains("UNIQUE", indexes["ux_exhibitors_booth"]);
    }

    [Fact]
    public async Task Meeting_ids_from_the_hilo_sequence_continue_past_the_meetings_a_database_already_holds()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention().Options;
        await using var db = new AppDbContext(options);
        var migrator = db.GetService<IMigrator>();
        // A database of the release before: its meetings were numbered by the column's identity.
        await migrator.MigrateAsync("20261202182913_ExhibitorTeamsAndNameSearch", ct);
        await db.Database.ExecuteSqlRawAsync("""
            SET session_replication_role = replica; -- a bare row: the events and people it names do not matter here
            INSERT INTO meetings (id, event_id, participant_id, exhibitor_id, time_slot_id, table_number, status, origin, created_at, updated_at)
            VALUES (5000, 1, 1, 1, 1, 1, 'Scheduled', 'ArrangedByOrganizer', now(), now());
            SET session_replication_role = DEFAULT;
            """, ct);

        await migrator.MigrateAsync(cancellationToken: ct);

        var firstBlock = await db.Database.SqlQueryRaw<long>("SELECT nextval('meetings_hilo') AS \"Value\"").SingleAsync(ct);
        Assert.Equal(5001, firstBlock);
        Assert.Equal("NO", await db.Database.SqlQueryRaw<string>(
            "SELECT is_identity AS \"Value\" FROM information_schema.columns WHERE table_name = 'meetings' AND column_name = 'id'")
            .SingleAsync(ct)); // no identity left to hand out ids of its own
    }
}
