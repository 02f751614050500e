namespace ExpoPortal.Application.Common;

/// <summary>Roles of the portal.</summary>
public static class Roles
{
    /// <summary>Runs the portal: grants organizers their events, and may manage every event.</summary>
    public const string Administrator = "Administrator";
    public const string Organizer = "Organizer";
    public const string Exhibitor = "Exhibitor";
    public const string Participant = "Participant";

    public static readonly IReadOnlyList<string> All = [Administrator, Organizer, Exhibitor, Participant];
}

/// <summary>
/// Who is asking. Services take it explicitly so that "an exhibitor edits only its own listing" is checked
/// where the data is read, not only by hiding buttons.
/// </summary>
/// <param name="IsOrganizer">Has the organizer role; which events it may manage is <see cref="OrganizedEventIds"/>.</param>
/// <param name="Name">How the person is shown to others, e.g. who saved a listing last.</param>
public sealed record Actor(string UserId, bool IsOrganizer, int? ExhibitorId, int? ParticipantId, string? Name = null)
{
    private static readonly IReadOnlySet<int> NoEvents = new HashSet<int>();

    /// <summary>The events this organizer was granted.</summary>
    public IReadOnlySet<int> OrganizedEventIds { get; init; } = NoEvents;

    /// <summary>A portal administrator manages every event.</summary>
    public bool IsAdministrator { get; init; }

    /// <summary>An organizer of the given events (tests, and the portal's own background work).</summary>
    public static Actor OrganizerOf(string userId, params int[] eventIds) =>
        new(userId, IsOrganizer: true, null, null, userId) { OrganizedEventIds = eventIds.ToHashSet() };

    /// <summary>Whether the actor may manage this event as an organizer: the one check for organizer rights.</summary>
    public bool Organizes(int eventId) => IsAdministrator || (IsOrganizer && OrganizedEventIds.Contains(eventId));

    public bool ActsForParticipant(int eventId, int participantId) => Organizes(eventId) || ParticipantId == participantId;
}
