using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Common;

/// <summary>
/// In-process subscriptions per key, in the manner of eShop's order-status notifications: a page subscribes to the
/// keys it shows, gets an <see cref="IDisposable"/> back and disposes it with itself. A handler that throws (a page
/// that went away while being told) is logged and never breaks the one who published.
/// </summary>
public sealed class LiveTopics<T>(ILogger logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscriptions = new();

    /// <summary>
    /// The subscriber's execution context (its UI culture above all) is kept with the subscription and restored for
    /// each message: a page re-rendered because someone else acted renders in its own reader's language, not the actor's.
    /// </summary>
    public IDisposable Subscribe(string key, Func<T, Task> onMessage)
    {
        var subscription = new Subscription(this, key, onMessage, ExecutionContext.Capture());
        _subscriptions.GetOrAdd(key, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(IEnumerable<string> keys, T message)
    {
        foreach (var key in keys.Distinct())
        {
            if (!_subscriptions.TryGetValue(key, out var subscribers)) continue;
            foreach (var subscription in subscribers.Keys)
                _ = NotifyAsync(subscription, message);
        }
    }

    private async Task NotifyAsync(Subscription subscription, T message)
    {
        try
        {
            Task handled = null!;
            if (subscription.Context is { } context)
                ExecutionContext.Run(context.CreateCopy(), _ => handled = subscription.OnMessage(message), null);
            else
                handled = subscription.OnMessage(message);
            await handled;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber of {Key} failed", subscription.Key);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        if (_subscriptions.TryGetValue(subscription.Key, out var subscribers))
            subscribers.TryRemove(subscription, out _);
    }

    private sealed class Subscription(LiveTopics<T> owner, string key, Func<T, Task> onMessage, ExecutionContext? context) : IDisposable
    {
        public string Key => key;
        public ExecutionContext? Context => context;
        public Func<T, Task> OnMessage => onMessage;
        public void Dispose() => owner.Unsubscribe(this);
    }
}
