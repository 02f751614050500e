namespace ExpoPortal.Domain.Events;

/// <summary>
/// An organizer's right to manage one event. The portal serves many expos a year run by different teams (a province's
/// secretariat for Andong, another for Incheon): an organizer manages only the events it was granted, by a portal
/// administrator or with the event it created.
/// </summary>
public sealed class EventOrganizer
{
    private EventOrganizer() { } // EF

    public EventOrganizer(int eventId, string userId, string? grantedBy, DateTimeOffset now)
    {
        EventId = eventId;
        UserId = userId;
        GrantedBy = grantedBy;
        GrantedAt = now;
    }

    public int EventId { get; private set; }
    public string UserId { get; private set; } = null!;
    public string? GrantedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
}
