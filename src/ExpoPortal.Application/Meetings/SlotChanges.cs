using ExpoPortal.Application.Common;
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
    /// <summary>Every change of the event (the live dashboard); subscribers should coalesce, there can be many a second.</summary>
    IDisposable SubscribeToEvent(int eventId, Func<SlotChange, Task> onChange);
    void Publish(SlotChange change);
}

public sealed class InProcessSlotChanges(ILogger<InProcessSlotChanges> logger) : ISlotChanges
{
    private readonly LiveTopics<SlotChange> _topics = new(logger);

    public IDisposable SubscribeToExhibitor(int exhibitorId, Func<SlotChange, Task> onChange) => _topics.Subscribe($"x:{exhibitorId}", onChange);

    public IDisposable SubscribeToParticipant(int participantId, Func<SlotChange, Task> onChange) => _topics.Subscribe($"p:{participantId}", onChange);

    public IDisposable SubscribeToEvent(int eventId, Func<SlotChange, Task> onChange) => _topics.Subscribe($"e:{eventId}", onChange);

    public void Publish(SlotChange change) => _topics.Publish([$"x:{change.ExhibitorId}", $"p:{change.ParticipantId}", $"e:{change.EventId}"], change);
}
