using System.Diagnostics;
using ExpoPortal.Tests.Shared;
using Npgsql;

namespace ExpoPortal.IntegrationTests.Database;

/// <summary>
/// scripts/db.sh, as the README documents it: a dump of the demo database restored into a fresh database holds the
/// same rows in every table and the same meetings, and the portal starts on it.
/// </summary>
public sealed class BackupRestoreTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dump_of_the_demo_restored_into_a_fresh_database_has_the_same_counts_and_the_same_meetings()
    {
        var source = await postgres.CreateDemoDatabaseAsync();
        var target = $"restored_{Guid.NewGuid():N}"[..24];
        var dump = Path.Combine(Path.GetTempPath(), $"expo-backup-{Guid.NewGuid():N}.dump");
        try
        {
            var backup = await DbScriptAsync(source, "backup", dump);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.True(new FileInfo(dump).Length > 100_000, $"the dump is {new FileInfo(dump).Length} bytes");
            var restore = await DbScriptAsync(source, "restore", dump, target);
            Assert.True(restore.ExitCode == 0, restore.Output);
            // A second restore into the same name is refused and changes nothing.
            var again = await DbScriptAsync(source, "restore", dump, target);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("exists", again.Output);

            var restored = new NpgsqlConnectionStringBuilder(source) { Database = target }.ConnectionString;
            var tables = await TablesAsync(source);
            Assert.Contains("meetings", tables);
            Assert.Contains("\"AspNetUsers\"", tables);
            Assert.Equal(tables, await TablesAsync(restored));
            foreach (var table in tables)
                Assert.True(await CountAsync(source, table) == await CountAsync(restored, table), $"{table}: counts differ");
            const string meetings = "SELECT string_agg(concat_ws(',', id, participant_id, exhibitor_id, time_slot_id, table_number, status, interpreter_id), ';' ORDER BY id) FROM meetings";
            var before = await ScalarAsync<string>(source, meetings);
            Assert.True(before.Length > 10_000, "the demo has meetings (its past edition's 2,010)");
            Assert.Equal(before, await ScalarAsync<string>(restored, meetings));

            // The portal runs on the restored database: the demo sign-ins and the event are there.
            await using var app = new ExpoApp(restored);
            using var organizer = await app.SignInAsync("organizer@expo.demo");
            using var figures = await organizer.GetAsync($"/api/events/{Infrastructure.DemoData.AndongDemo.Slug}/figures", Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, figures.StatusCode);
        }
        finally
        {
            File.Delete(dump);
            NpgsqlConnection.ClearAllPools();
            await postgres.ExecuteAsync($"DROP DATABASE IF EXISTS {target} WITH (FORCE)");
        }
    }

    private static async Task<(int ExitCode, string Output)> DbScriptAsync(string connectionString, params string[] args)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "db.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Expo"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ExpoPortal.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("ExpoPortal.sln not found above the test binaries");
    }

    /// <summary>Every table of the public schema, quoted where it needs it.</summary>
    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var tables = new List<string>();
        while (await reader.ReadAsync(Ct)) tables.Add(reader.GetString(0));
        return tables;
    }

    private static Task<long> CountAsync(string connectionString, string table) => ScalarAsync<long>(connectionString, $"SELECT count(*) FROM {table}");

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
