using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Matchmaking;

public enum MatchingRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>The quality figures of a solved schedule, read beside the bound: gap = 1 − score / bound.</summary>
/// <param name="ParticipantsWithoutMeeting">Buyers who would arrive with an empty agenda: the figure organizers check first.</param>
/// <param name="BoundUnderPriorities">A bound on the score of every schedule that places at least as many must-meets,
/// exhibitors' minimums and first meetings (the plain bound also counts schedules that drop those for score);
/// null for runs stored before it existed.</param>
/// <param name="GapUnderPriorities">1 − score / <paramref name="BoundUnderPriorities"/>: the score the run really left behind.</param>
public sealed record MatchingFigures(
    int Meetings, long Score, long Bound, double Gap, int IdleGaps, int ExhibitorsBelowMinimum, int MustMeetMissed, double Seconds,
    int ParticipantsWithoutMeeting, long? BoundUnderPriorities = null, double? GapUnderPriorities = null);

/// <summary>One meeting of a run's schedule, kept with the run so that runs can be compared and an older one published.</summary>
/// <param name="Pinned">Held a slot before the run (published or booked) and was kept where it was.</param>
public sealed record PlannedMeeting(int ParticipantId, int ExhibitorId, int TimeSlotId, int TableNumber, int? InterpreterId, bool Pinned = false);

/// <summary>
/// One run of the matching engine for an event: who asked, when, with which settings, and what came out.
/// Its meetings are written as <see cref="Meetings.MeetingStatus.Proposed"/> until an organizer publishes them.
/// </summary>
public sealed class MatchingRun
{
    private MatchingRun() { } // EF

    public MatchingRun(int eventId, string requestedBy, int timeLimitSeconds, int seed, DateTimeOffset now, bool replan = false)
    {
        Replan = replan;
        if (timeLimitSeconds is < 1 or > 3600) throw new DomainException("A matching run takes 1 to 3600 seconds.");
        EventId = eventId;
        RequestedBy = requestedBy;
        TimeLimitSeconds = timeLimitSeconds;
        Seed = seed;
        Status = MatchingRunStatus.Queued;
        QueuedAt = now;
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public string RequestedBy { get; private set; } = null!;
    public int TimeLimitSeconds { get; private set; }
    public int Seed { get; private set; }
    public MatchingRunStatus Status { get; private set; }
    public DateTimeOffset QueuedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public MatchingFigures? Figures { get; private set; }

    /// <summary>
    /// A re-plan keeps every earlier proposal that is still valid where it is (after a cancellation or a late
    /// arrival), instead of planning the event afresh; <see cref="MovedMeetings"/> says how many had to move.
    /// </summary>
    public bool Replan { get; private set; }
    public int? KeptMeetings { get; private set; }
    public int? MovedMeetings { get; private set; }

    /// <summary>Meetings already published that the run kept where they were.</summary>
    public int PinnedMeetings { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Every meeting the run planned (its proposals and the pins it kept); null for runs stored before it existed.</summary>
    public IReadOnlyList<PlannedMeeting>? Schedule { get; private set; }

    /// <summary>When an organizer published the run: its proposals became scheduled meetings.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsActive => Status is MatchingRunStatus.Queued or MatchingRunStatus.Running;

    public void Start(DateTimeOffset now)
    {
        if (Status != MatchingRunStatus.Queued) throw new DomainException($"A {Status} run cannot start.");
        Status = MatchingRunStatus.Running;
        StartedAt = now;
    }

    public void Succeed(MatchingFigures figures, int pinnedMeetings, DateTimeOffset now, int? keptMeetings = null, int? movedMeetings = null,
        IReadOnlyList<PlannedMeeting>? schedule = null)
    {
        if (Status != MatchingRunStatus.Running) throw new DomainException($"A {Status} run cannot succeed.");
        Status = MatchingRunStatus.Succeeded;
        Schedule = schedule;
        Figures = figures;
        PinnedMeetings = pinnedMeetings;
        KeptMeetings = keptMeetings;
        MovedMeetings = movedMeetings;
        FinishedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != MatchingRunStatus.Succeeded) throw new DomainException($"A {Status} run cannot be published.");
        if (PublishedAt is not null) throw new DomainException("The run is already published.");
        PublishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now) => Finish(MatchingRunStatus.Failed, error, now);

    public void Cancel(DateTimeOffset now) => Finish(MatchingRunStatus.Cancelled, null, now);

    private void Finish(MatchingRunStatus status, string? error, DateTimeOffset now)
    {
        if (!IsActive) throw new DomainException($"A {Status} run is already over.");
        Status = status;
        Error = error is { Length: > 2000 } ? error[..2000] : error;
        FinishedAt = now;
    }
}
