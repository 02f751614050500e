namespace ExpoPortal.Domain.Meetings;

public enum MeetingStatus
{
    /// <summary>Planned by a matching run and not yet published to the two sides.</summary>
    Proposed,
    Requested,
    Accepted,
    Declined,
    Scheduled,
    Cancelled,
    CheckedIn,
    Held,
    NoShow,
}

/// <summary>Who put the meeting on the table.</summary>
public enum MeetingOrigin
{
    RequestedByParticipant,
    RequestedByExhibitor,
    ProposedByMatching,
    ArrangedByOrganizer,

    /// <summary>Someone walked up to the booth on the day; registered at the desk or by the booth, counted in the results.</summary>
    WalkIn,
}

public static class MeetingStatuses
{
    /// <summary>
    /// Statuses that hold a table and a person's slot. Declined and cancelled meetings free them.
    /// The database's partial unique indexes use the same list (see MeetingConfiguration); keep them in step.
    /// </summary>
    public static readonly MeetingStatus[] Inactive = [MeetingStatus.Declined, MeetingStatus.Cancelled];

    /// <summary>The complement of <see cref="Inactive"/>, as an array so that EF can turn it into SQL.</summary>
    public static readonly MeetingStatus[] HoldingSlot = Enum.GetValues<MeetingStatus>().Except(Inactive).ToArray();

    public static bool HoldsSlot(this MeetingStatus status) => !Inactive.Contains(status);
}
