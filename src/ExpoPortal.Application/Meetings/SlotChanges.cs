using System.Text.Json;
using ExpoPortal.Application.Common;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Meetings;

/// <summary>A meeting was booked, cancelled or moved: the slot grids of that exhibitor and that participant are stale.</summary>
public sealed record SlotChange(int EventId, int ExhibitorId, int ParticipantId, int TimeSlotId);

/// <summary>
/// Tells open pages that a slot changed, so that a slot someone else just took turns "taken" without a reload.
/// Subscribe per exhibitor or per participant and dispose the subscription with the page. Publish only after the
/// change has committed. <see cref="InProcessSlotChanges"/> tells this process's pages at once and the other
/// instances' pages through the <see cref="ILiveBackplane"/> (PostgreSQL LISTEN/NOTIFY).
/// </summary>
public interface ISlotChanges
{
    IDisposable SubscribeToExhibitor(int exhibitorId, Func<SlotChange, Task> onChange);
    IDisposable SubscribeToParticipant(int participantId, Func<SlotChange, Task> onChange);
    /// <summary>Every change of the event (the live dashboard); subscribers should coalesce, there can be many a second.</summary>
    IDisposable SubscribeToEvent(int eventId, Func<SlotChange, Task> onChange);
    void Publish(SlotChange change);
}

public sealed class InProcessSlotChanges : ISlotChanges
{
    private const string Kind = "slot";
    private readonly LiveTopics<SlotChange> _topics;
    private readonly ILiveBackplane _backplane;

    public InProcessSlotChanges(ILogger<InProcessSlotChanges> logger, ILiveBackplane? backplane = null)
    {
        _topics = new(logger);
        _backplane = backplane ?? new SingleInstanceBackplane();
        _backplane.Receive(Kind, payload =>
        {
            if (JsonSerializer.Deserialize<SlotChange>(payload) is { } change) Deliver(change);
        });
    }

    public IDisposable SubscribeToExhibitor(int exhibitorId, Func<SlotChange, Task> onChange) => _topics.Subscribe($"x:{exhibitorId}", onChange);

    public IDisposable SubscribeToParticipant(int participantId, Func<SlotChange, Task> onChange) => _topics.Subscribe($"p:{participantId}", onChange);

    public IDisposable SubscribeToEvent(int eventId, Func<SlotChange, Task> onChange) => _topics.Subscribe($"e:{eventId}", onChange);

    public void Publish(SlotChange change)
    {
        Deliver(change);
        _backplane.Send(Kind, JsonSerializer.Serialize(change));
    }

    private void Deliver(SlotChange change) => _topics.Publish([$"x:{change.ExhibitorId}", $"p:{change.ParticipantId}", $"e:{change.EventId}"], change);
}
