namespace ExpoPortal.Application.Common;

/// <summary>Roles of the portal.</summary>
public static class Roles
{
    public const string Organizer = "Organizer";
    public const string Exhibitor = "Exhibitor";
    public const string Participant = "Participant";

    public static readonly IReadOnlyList<string> All = [Organizer, Exhibitor, Participant];
}

/// <summary>
/// Who is asking. Services take it explicitly so that "an exhibitor edits only its own listing" is checked
/// where the data is read, not only by hiding buttons.
/// </summary>
/// <param name="Name">How the person is shown to others, e.g. who saved a listing last.</param>
public sealed record Actor(string UserId, bool IsOrganizer, int? ExhibitorId, int? ParticipantId, string? Name = null)
{
    /// <summary>
    /// Whether the actor may manage this event as an organizer. Use this, not <see cref="IsOrganizer"/>, for anything
    /// that touches one event: organizer rights become per event (granted by a portal administrator).
    /// </summary>
    public bool Organizes(int eventId) => IsOrganizer;

    public bool ActsForParticipant(int participantId) => IsOrganizer || ParticipantId == participantId;
    public bool ActsForExhibitor(int exhibitorId) => IsOrganizer || ExhibitorId == exhibitorId;
}
