namespace ExpoPortal.Domain.Audit;

/// <summary>
/// One change an organizer made, or any change to a meeting: who, what, when, and the state before and after as JSON.
/// Written in the same transaction as the change itself, so the log never misses one and never shows one that was
/// rolled back. Rows are only ever added.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxStateLength = 8000;

    private AuditEntry() { } // EF

    public AuditEntry(int? eventId, string? actorUserId, string? actorName, string action, string subject, string? before, string? after, DateTimeOffset at)
    {
        EventId = eventId;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        Before = Clip(before);
        After = Clip(after);
        At = at;
    }

    public long Id { get; private set; }
    public int? EventId { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>Null for the system (a request that expired, a matching worker).</summary>
    public string? ActorUserId { get; private set; }
    public string? ActorName { get; private set; }

    /// <summary>A stable dotted name, e.g. <c>meeting.booked</c>, <c>booth.assigned</c>, <c>matching.published</c>.</summary>
    public string Action { get; private set; } = null!;

    /// <summary>What changed, e.g. <c>meeting:412</c> or <c>booth:A-01</c>.</summary>
    public string Subject { get; private set; } = null!;

    public string? Before { get; private set; }
    public string? After { get; private set; }

    private static string? Clip(string? json) => json is { Length: > MaxStateLength } ? json[..MaxStateLength] : json;
}
