using ExpoPortal.Application.Common;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Infrastructure.Persistence;

/// <summary>Applies migrations at start-up and, when configured, loads the demo event into an empty database.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Create an absent database first: letting Migrate find out logs a connection error on every first start.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                logger.LogInformation("Creating database {Database}", db.Database.GetDbConnection().Database);
                await creator.CreateAsync(ct);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
                await db.Database.MigrateAsync(ct);
            }
        }

        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (configuration.GetValue("Demo:LoadOnEmptyDatabase", false))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Events.AnyAsync(ct))
            {
                var seed = configuration.GetValue("Demo:Seed", AndongDemo.DefaultSeed);
                logger.LogInformation("Loading the demo event (seed {Seed})", seed);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await new DemoLoader(db, users).LoadAsync(AndongDemo.Generate(seed), ct);
                // The edition before, with its consultations held, so that the results report has figures on a fresh start.
                if (configuration.GetValue("Demo:LoadPastEdition", true))
                {
                    await using var pastDb = await dbFactory.CreateDbContextAsync(ct);
                    await new DemoLoader(pastDb, users).LoadPastAsync(AndongPastEdition.Generate(), ct);
                }
                // Statistics for the planner at once rather than at autovacuum's next round (see PlannerStatistics).
                await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
                logger.LogInformation("Demo data loaded in {Elapsed:0.0} s", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
    }
}
