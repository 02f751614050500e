using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Meetings;

/// <summary>A meeting was booked, cancelled or moved: the slot grids of that exhibitor and that participant are stale.</summary>
public sealed record SlotChange(int EventId, int ExhibitorId, int ParticipantId, int TimeSlotId);

/// <summary>
/// Tells open pages that a slot changed, so that a slot someone else just took turns "taken" without a reload.
/// Subscribe per exhibitor or per participant and dispose the subscription with the page. Publish only after the
/// change has committed. In one process this is <see cref="InProcessSlotChanges"/>; several instances feed the same
/// interface from PostgreSQL LISTEN/NOTIFY.
/// </summary>
public interface ISlotChanges
{
    IDisposable SubscribeToExhibitor(int exhibitorId, Func<SlotChange, Task> onChange);
    IDisposable SubscribeToParticipant(int participantId, Func<SlotChange, Task> onChange);
    void Publish(SlotChange change);
}

/// <summary>Subscriptions kept per key in memory, in the manner of eShop's order-status notifications.</summary>
public sealed class InProcessSlotChanges(ILogger<InProcessSlotChanges> logger) : ISlotChanges
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscriptions = new();

    public IDisposable SubscribeToExhibitor(int exhibitorId, Func<SlotChange, Task> onChange) => Subscribe($"x:{exhibitorId}", onChange);

    public IDisposable SubscribeToParticipant(int participantId, Func<SlotChange, Task> onChange) => Subscribe($"p:{participantId}", onChange);

    public void Publish(SlotChange change)
    {
        foreach (var key in new[] { $"x:{change.ExhibitorId}", $"p:{change.ParticipantId}" })
        {
            if (!_subscriptions.TryGetValue(key, out var subscribers)) continue;
            foreach (var subscription in subscribers.Keys)
                _ = NotifyAsync(subscription, change);
        }
    }

    private async Task NotifyAsync(Subscription subscription, SlotChange change)
    {
        try
        {
            await subscription.OnChange(change);
        }
        catch (Exception ex)
        {
            // A page that went away while being told must not break the booking that told it.
            logger.LogWarning(ex, "A slot-change subscriber failed");
        }
    }

    private Subscription Subscribe(string key, Func<SlotChange, Task> onChange)
    {
        var subscription = new Subscription(this, key, onChange);
        _subscriptions.GetOrAdd(key, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        if (_subscriptions.TryGetValue(subscription.Key, out var subscribers))
            subscribers.TryRemove(subscription, out _);
    }

    private sealed class Subscription(InProcessSlotChanges owner, string key, Func<SlotChange, Task> onChange) : IDisposable
    {
        public string Key => key;
        public Func<SlotChange, Task> OnChange => onChange;
        public void Dispose() => owner.Unsubscribe(this);
    }
}
