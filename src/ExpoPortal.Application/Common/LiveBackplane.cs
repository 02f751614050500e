namespace ExpoPortal.Application.Common;

/// <summary>
/// Carries live-update messages (a slot changed, a run moved on, a bell rang) between portal instances, so that a
/// page open on one instance hears of a change made on another. Each instance delivers its own messages to its own
/// subscribers at once (<see cref="LiveTopics{T}"/>) and sends them here for the others; a message never comes back
/// to the instance that sent it. Messages are small (ids only) and best effort: one lost while the database is
/// unreachable is a missed refresh, never a lost change, because pages always re-read the database.
/// Infrastructure implements it with PostgreSQL LISTEN/NOTIFY (docs/decisions/0006-scale-out.md).
/// </summary>
public interface ILiveBackplane
{
    /// <summary>Sends <paramref name="payload"/> (JSON, a few hundred bytes at most) to the other instances. Call after the commit. Never throws.</summary>
    void Send(string kind, string payload);

    /// <summary>Registers the handler for messages of <paramref name="kind"/> sent by the other instances.</summary>
    void Receive(string kind, Action<string> handler);
}

/// <summary>One instance alone: nothing to carry (unit and component tests; the portal itself always runs on PostgreSQL).</summary>
public sealed class SingleInstanceBackplane : ILiveBackplane
{
    public void Send(string kind, string payload) { }

    public void Receive(string kind, Action<string> handler) { }
}

/// <summary>Who this process is among the portal's instances: names the runner of a matching run and the sender of live messages.</summary>
public sealed class PortalInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
