using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Domain.Matchmaking;

namespace ExpoPortal.IntegrationTests.Matchmaking;

/// <summary>Waiting for a queued run, always with a deadline so a stuck run fails the test instead of hanging CI.</summary>
internal static class MatchingRuns
{
    /// <summary>
    /// Long enough that the engine's fixed amount of work, not the clock, ends the run even on a loaded 2-core machine:
    /// figures asserted after such a run do not depend on how fast the machine was.
    /// </summary>
    public const int NeverBinding = 600;

    /// <summary>The run once it has ended, however it ended.</summary>
    public static async Task<MatchingRunView> FinishedAsync(MatchmakingService service, int runId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var run = (await service.GetRunAsync(runId))!;
            if (!run.IsActive) return run;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Run {runId} did not finish in three minutes.");
    }

    /// <summary>The run once it has succeeded; a failed one says why instead of failing later on a missing value.</summary>
    public static async Task<MatchingRunView> SucceededAsync(MatchmakingService service, int runId)
    {
        var run = await FinishedAsync(service, runId);
        Assert.True(run.Status == MatchingRunStatus.Succeeded, $"Run {runId} {run.Status}: {run.Error}");
        return run;
    }
}
