using System.Collections.Concurrent;
using System.Threading.Channels;
using ExpoPortal.Matching;

namespace ExpoPortal.Application.Matchmaking;

/// <summary>
/// Runs waiting for the background worker, with the live progress and the cancel switch of each.
/// In memory on purpose: a run is minutes at most, and runs cut short by a restart are marked failed at start-up.
/// </summary>
public sealed class MatchingRunQueue
{
    private readonly Channel<int> _waiting = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _cancellations = new();
    private readonly ConcurrentDictionary<int, MatchProgress> _progress = new();

    public void Enqueue(int runId)
    {
        _cancellations[runId] = new CancellationTokenSource();
        _waiting.Writer.TryWrite(runId);
    }

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => _waiting.Reader.ReadAllAsync(ct);

    /// <summary>The token that stops this run; cancelled by <see cref="Cancel"/>.</summary>
    public CancellationToken TokenOf(int runId) =>
        _cancellations.TryGetValue(runId, out var source) ? source.Token : CancellationToken.None;

    /// <returns>False when the run is not known here (finished, or queued by another process).</returns>
    public bool Cancel(int runId)
    {
        if (!_cancellations.TryGetValue(runId, out var source)) return false;
        source.Cancel();
        return true;
    }

    /// <summary>Runs queued in this process (and so not orphans of an earlier one).</summary>
    public int[] KnownRuns() => _cancellations.Keys.ToArray();

    public void Report(int runId, MatchProgress progress) => _progress[runId] = progress;

    public MatchProgress? ProgressOf(int runId) => _progress.GetValueOrDefault(runId);

    public void Forget(int runId)
    {
        if (_cancellations.TryRemove(runId, out var source)) source.Dispose();
        _progress.TryRemove(runId, out _);
    }
}
