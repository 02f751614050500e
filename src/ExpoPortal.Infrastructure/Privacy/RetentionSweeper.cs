using ExpoPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Infrastructure.Privacy;

/// <summary>
/// Keeps the privacy policy's promise without anyone remembering it: every few hours, the personal data of events that
/// ended more than <c>Privacy:RetentionDays</c> days ago (365, the policy's "one year after the event") is destroyed
/// through <see cref="PersonalData.DestroyExpiredAsync"/>. <c>Privacy:RetentionSweepHours</c> (6) sets how often;
/// 0 turns the sweep off. Several instances sweep one at a time (a PostgreSQL advisory lock).
/// </summary>
public sealed class RetentionSweeper(PersonalData personalData, IDbContextFactory<AppDbContext> dbFactory, IConfiguration configuration,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    private const long LockKey = 0x45585052_52455445; // "EXPRRETE": one sweep at a time across instances

    public int RetentionDays => configuration.GetValue("Privacy:RetentionDays", 365);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Privacy:RetentionSweepHours", 6.0);
        if (hours <= 0) return;
        try
        {
            // Not at start-up: the portal serves first, and a restart loop cannot turn into a sweep loop.
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The retention sweep failed; it runs again in {Hours} h", hours);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>One sweep, unless another instance is sweeping now (then null).</summary>
    public async Task<RetentionReport?> SweepAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(ct)) return null;
        try
        {
            var report = await personalData.DestroyExpiredAsync(RetentionDays, ct);
            if (report.Participants + report.StaffAccounts > 0)
                logger.LogInformation("Retention: erased {Participants} participants and {Staff} staff sign-ins of {Events} events that ended over {Days} days ago",
                    report.Participants, report.StaffAccounts, report.Events, RetentionDays);
            return report;
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }
}
