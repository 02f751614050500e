using System.Collections.Concurrent;
using ExpoPortal.Matching;

namespace ExpoPortal.Application.Matchmaking;

/// <summary>
/// This process's side of the matching runs: the wake-up of its worker, and the cancel switch and live progress of
/// the run it is solving. The queue itself is the <c>matching_runs</c> table: any instance's worker claims a queued
/// run there (<see cref="MatchingRunExecutor.ClaimNextAsync"/>), so a run is solved exactly once however many
/// instances run.
/// </summary>
public sealed class MatchingRunQueue
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _solving = new();
    private readonly ConcurrentDictionary<int, MatchProgress> _progress = new();

    /// <summary>A run was queued (here, or on another instance): the worker looks for one to claim.</summary>
    public void Wake()
    {
        lock (_wake)
            if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <returns>True when woken, false after <paramref name="timeout"/> (the worker then looks anyway).</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    /// <summary>This process claimed the run and solves it: the returned source stops it.</summary>
    public CancellationTokenSource Solving(int runId) => _solving[runId] = new CancellationTokenSource();

    /// <returns>False when the run is not being solved here (queued, solved by another instance, or over).</returns>
    public bool Cancel(int runId)
    {
        if (!_solving.TryGetValue(runId, out var source)) return false;
        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public void Report(int runId, MatchProgress progress) => _progress[runId] = progress;

    public MatchProgress? ProgressOf(int runId) => _progress.GetValueOrDefault(runId);

    public void Forget(int runId)
    {
        if (_solving.TryRemove(runId, out var source)) source.Dispose();
        _progress.TryRemove(runId, out _);
    }
}
