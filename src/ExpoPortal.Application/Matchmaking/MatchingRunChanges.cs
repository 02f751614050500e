using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Matchmaking;

/// <summary>A run of this event was queued, started, moved on, finished, was cancelled or published: open pages re-read it.</summary>
public sealed record MatchingRunChange(int EventId, int RunId);

/// <summary>
/// Pushes matching-run changes to open pages (the organizers' matching page), so progress appears without anyone
/// polling. Subscribe per event and dispose the subscription with the page; publish after the change is stored.
/// <see cref="InProcessMatchingRunChanges"/> tells this process's pages at once and the other instances' through the
/// <see cref="Common.ILiveBackplane"/>, in the manner of <see cref="Meetings.ISlotChanges"/>.
/// </summary>
public interface IMatchingRunChanges
{
    IDisposable Subscribe(int eventId, Func<MatchingRunChange, Task> onChange);
    void Publish(MatchingRunChange change);
}

public sealed class InProcessMatchingRunChanges : IMatchingRunChanges
{
    private const string Kind = "run";
    private readonly Common.LiveTopics<MatchingRunChange> _topics;
    private readonly Common.ILiveBackplane _backplane;

    /// <param name="queue">Woken by a change from another instance: a run queued there may be claimed here.</param>
    public InProcessMatchingRunChanges(ILogger<InProcessMatchingRunChanges> logger, Common.ILiveBackplane? backplane = null, MatchingRunQueue? queue = null)
    {
        _topics = new(logger);
        _backplane = backplane ?? new Common.SingleInstanceBackplane();
        _backplane.Receive(Kind, payload =>
        {
            if (JsonSerializer.Deserialize<MatchingRunChange>(payload) is not { } change) return;
            queue?.Wake();
            Deliver(change);
        });
    }

    public IDisposable Subscribe(int eventId, Func<MatchingRunChange, Task> onChange) => _topics.Subscribe($"e:{eventId}", onChange);

    public void Publish(MatchingRunChange change)
    {
        Deliver(change);
        _backplane.Send(Kind, JsonSerializer.Serialize(change));
    }

    private void Deliver(MatchingRunChange change) => _topics.Publish([$"e:{change.EventId}"], change);
}

/// <summary>What a publish changed: the meetings that became scheduled (each has a participant and an exhibitor to tell).</summary>
public sealed record MatchingPublished(int EventId, int RunId, IReadOnlyList<int> MeetingIds, DateTimeOffset PublishedAt);

/// <summary>
/// The seam for telling people about a published matching: called once per publish, after the transaction has
/// committed. <see cref="Notifications.SchedulePublishedNotices"/> implements it (bell and mail). A failure here never
/// undoes the publish.
/// </summary>
public interface IMatchingEvents
{
    Task PublishedAsync(MatchingPublished published, CancellationToken ct);
}
