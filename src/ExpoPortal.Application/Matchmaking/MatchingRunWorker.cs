using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Matchmaking;

/// <summary>
/// Solves queued matching runs one at a time, in the background of the web host. Every instance runs one; each claims
/// queued runs from the database (exactly one claim wins), woken when a run is queued here or on another instance
/// (through the live backplane), and looks anyway every few seconds in case a wake-up was lost.
/// </summary>
public sealed class MatchingRunWorker(MatchingRunQueue queue, MatchingRunExecutor executor, ILogger<MatchingRunWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await executor.FailAbandonedRunsAsync(stoppingToken);
                while (await executor.ClaimNextAsync(stoppingToken) is { } runId)
                    await executor.ExecuteAsync(runId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable (a restart): look again at the next wake-up or poll.
                logger.LogWarning(ex, "The matching worker could not reach the database; it tries again");
            }
            try
            {
                await queue.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
