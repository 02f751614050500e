using ExpoPortal.Infrastructure.LocalDatabase;
using Npgsql;

namespace ExpoPortal.Tests.Shared;

/// <summary>
/// One real PostgreSQL server for a whole test assembly: a throwaway private cluster in a temp folder, or the server
/// named by EXPO_TEST_POSTGRES (a connection string to any database on it, e.g. a CI service container).
/// Each test class gets databases of its own: empty, or cloned from a template holding the migrated demo event.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string TemplateName = "expo_demo_template";
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private LocalPostgres? _local;
    private string? _tempDirectory;
    private NpgsqlConnectionStringBuilder _base = null!;
    private bool _templateReady;

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("EXPO_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _base = new NpgsqlConnectionStringBuilder(external);
        }
        else
        {
            _tempDirectory = Path.Combine(Path.GetTempPath(), $"expo-tests-{Guid.NewGuid():N}");
            _local = await Task.Run(() => LocalPostgres.Start(Path.Combine(_tempDirectory, "pg"), throwaway: true));
            _base = new NpgsqlConnectionStringBuilder(_local.ConnectionString("postgres"));
        }
        _base.Pooling = true;
        _base.IncludeErrorDetail = true;
        // Every test class has databases of its own, so every class leaves a pool behind: close idle connections within
        // seconds (Npgsql keeps them five minutes), or a run of a few hundred tests exhausts the server's connections.
        _base.ConnectionIdleLifetime = 2;
        _base.ConnectionPruningInterval = 1;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(_base.ConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new, empty database: the app's start-up applies the migrations.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    /// <summary>A new database holding the migrated schema and the demo event (seed <see cref="ExpoPortal.Infrastructure.DemoData.AndongDemo.DefaultSeed"/>).</summary>
    public async Task<string> CreateDemoDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return ConnectionString(name);
    }

    private async Task EnsureTemplateAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_templateReady) return;
            await ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE {TemplateName}");
            // The template is made by the real start-up path: migrations, roles and the demo loader.
            await using (var app = new ExpoApp(ConnectionString(TemplateName), loadDemo: true))
                _ = app.Services; // building the host runs Program, which initializes the database
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            _templateLock.Release();
        }
    }

    private static string NewName() => $"expo_test_{Guid.NewGuid():N}";

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _local?.Stop();
        if (_tempDirectory is not null)
        {
            try { Directory.Delete(_tempDirectory, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
            catch (UnauthorizedAccessException) { }
        }
    }
}
