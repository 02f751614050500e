namespace ExpoPortal.Web.Components.Shared;

/// <summary>
/// Runs a search once typing pauses (300 ms after the last keystroke), not on every keystroke. The page keeps the
/// text itself at once: a field's own debounce would let a re-render in the meantime (a select changed, a page
/// loaded) put the older text back into the box.
/// </summary>
public sealed class TypingPause(int milliseconds = 300) : IDisposable
{
    private CancellationTokenSource? _typing;

    /// <summary>Runs <paramref name="action"/> unless another keystroke comes within the pause.</summary>
    public async Task ThenAsync(Func<Task> action)
    {
        _typing?.Cancel();
        _typing?.Dispose();
        var typing = _typing = new CancellationTokenSource();
        try { await Task.Delay(milliseconds, typing.Token); }
        catch (OperationCanceledException) { return; }
        await action();
    }

    public void Dispose()
    {
        _typing?.Cancel();
        _typing?.Dispose();
        _typing = null;
    }
}
