namespace ExpoPortal.Matching.Checking;

/// <summary>One broken rule, with a machine-readable kind and a message naming the meeting.</summary>
public sealed record Violation(ViolationKind Kind, string Message);

public enum ViolationKind
{
    UnknownId,
    PairNotAllowed,
    PairMeetsTwice,
    ParticipantDoubleBooked,
    TableOutOfRange,
    TableDoubleBooked,
    ExhibitorOverTables,
    ParticipantUnavailable,
    ExhibitorUnavailable,
    ParticipantOverLimit,
    ExhibitorOverLimit,
    InterpreterMissing,
    InterpreterLanguage,
    InterpreterUnavailable,
    InterpreterDoubleBooked,
    FigureMismatch,
}

/// <summary>What the checker found and the figures it recomputed from the meetings alone.</summary>
public sealed record CheckReport(
    IReadOnlyList<Violation> Violations,
    long Score,
    int IdleGaps,
    int ExhibitorsBelowMinimum,
    int MustMeetMissed,
    int Meetings,
    int HallChanges = 0)
{
    public bool IsValid => Violations.Count == 0;
}
