using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Matchmaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace ExpoPortal.Application.Matchmaking;

/// <summary>Solves queued matching runs one at a time, in the background of the web host.</summary>
public sealed class MatchingRunWorker(MatchingRunQueue queue, MatchingRunExecutor executor, IAppDbContextFactory dbFactory, TimeProvider clock)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await FailInterruptedRunsAsync(stoppingToken);
        await foreach (var runId in queue.ReadAllAsync(stoppingToken))
            await executor.ExecuteAsync(runId, stoppingToken);
    }

    /// <summary>Runs left queued or running by a stopped process will never finish: say so, and free the event.</summary>
    private async Task FailInterruptedRunsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var known = queue.KnownRuns();
        var orphans = await db.MatchingRuns
            .Where(r => (r.Status == MatchingRunStatus.Queued || r.Status == MatchingRunStatus.Running) && !known.Contains(r.Id))
            .ToListAsync(ct);
        foreach (var run in orphans) run.Fail("Interrupted: the portal stopped while the run was in progress.", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
