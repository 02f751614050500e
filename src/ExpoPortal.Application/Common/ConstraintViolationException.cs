namespace ExpoPortal.Application.Common;

/// <summary>
/// PostgreSQL refused a write because a unique index or exclusion constraint guards it (two meetings at one table,
/// one booth for two exhibitors...). Services turn it into a <see cref="Result"/> the user understands.
/// </summary>
public sealed class ConstraintViolationException(string constraintName, Exception inner)
    : Exception($"The database refused the change: constraint {constraintName}.", inner)
{
    public string ConstraintName { get; } = constraintName;
}

/// <summary>Names of the database guards the services react to. The migration creates indexes with these names.</summary>
public static class Constraints
{
    public const string MeetingTableSlot = "ux_meetings_exhibitor_slot_table_active";
    public const string MeetingParticipantSlot = "ux_meetings_participant_slot_active";
    public const string MeetingInterpreterSlot = "ux_meetings_interpreter_slot_active";
    public const string MeetingClientRequest = "ux_meetings_client_request";
    public const string OnePendingRequestPerPair = "ux_meeting_requests_one_pending_per_pair";
    public const string ExhibitorBooth = "ux_exhibitors_booth";
    public const string OneActiveMatchingRun = "ux_matching_runs_one_active_per_event";
}
