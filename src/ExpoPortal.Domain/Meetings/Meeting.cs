using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Interpreters;
using ExpoPortal.Domain.Participants;

namespace ExpoPortal.Domain.Meetings;

/// <summary>A one-to-one consultation between a participant and an exhibitor at one table in one slot.</summary>
public sealed class Meeting
{
    private static readonly Dictionary<MeetingStatus, MeetingStatus[]> AllowedMoves = new()
    {
        [MeetingStatus.Proposed] = [MeetingStatus.Scheduled, MeetingStatus.Cancelled],
        [MeetingStatus.Requested] = [MeetingStatus.Accepted, MeetingStatus.Declined, MeetingStatus.Scheduled, MeetingStatus.Cancelled],
        [MeetingStatus.Accepted] = [MeetingStatus.Scheduled, MeetingStatus.Cancelled, MeetingStatus.CheckedIn],
        [MeetingStatus.Scheduled] = [MeetingStatus.Cancelled, MeetingStatus.CheckedIn, MeetingStatus.NoShow],
        [MeetingStatus.CheckedIn] = [MeetingStatus.Held, MeetingStatus.NoShow],
        [MeetingStatus.Declined] = [],
        [MeetingStatus.Cancelled] = [],
        [MeetingStatus.Held] = [],
        [MeetingStatus.NoShow] = [],
    };

    private Meeting() { } // EF

    /// <summary>A booked meeting: it holds its table and both sides' slot at once.</summary>
    public Meeting(int eventId, int participantId, int exhibitorId, int timeSlotId, int tableNumber, MeetingOrigin origin, DateTimeOffset now,
        int? interpreterId = null, string? clientRequestId = null)
    {
        if (tableNumber < 1) throw new DomainException("Table numbers start at 1.");
        EventId = eventId;
        ParticipantId = participantId;
        ExhibitorId = exhibitorId;
        TimeSlotId = timeSlotId;
        TableNumber = tableNumber;
        Origin = origin;
        Status = MeetingStatus.Scheduled;
        InterpreterId = interpreterId;
        ClientRequestId = string.IsNullOrWhiteSpace(clientRequestId) ? null : Guard.NotBlank(clientRequestId, "Request id", 64);
        CreatedAt = UpdatedAt = now;
    }

    /// <summary>A meeting the matching engine proposed; it holds its slot until published or replaced by a newer run.</summary>
    public static Meeting Proposed(int eventId, int participantId, int exhibitorId, int timeSlotId, int tableNumber, int? interpreterId,
        int matchingRunId, DateTimeOffset now) =>
        new(eventId, participantId, exhibitorId, timeSlotId, tableNumber, MeetingOrigin.ProposedByMatching, now)
        {
            Status = MeetingStatus.Proposed,
            InterpreterId = interpreterId,
            MatchingRunId = matchingRunId,
        };

    public int Id { get; private set; }
    public int EventId { get; private set; }

    /// <summary>The matching run that proposed this meeting, if any.</summary>
    public int? MatchingRunId { get; private set; }
    public int ParticipantId { get; private set; }
    public Participant Participant { get; private set; } = null!;
    public int ExhibitorId { get; private set; }
    public Exhibitor Exhibitor { get; private set; } = null!;
    public int TimeSlotId { get; private set; }
    public TimeSlot TimeSlot { get; private set; } = null!;

    /// <summary>1-based table of the exhibitor's booth.</summary>
    public int TableNumber { get; private set; }
    public int? InterpreterId { get; private set; }
    public Interpreter? Interpreter { get; private set; }
    public MeetingStatus Status { get; private set; }
    public MeetingOrigin Origin { get; private set; }
    public MeetingOutcome? Outcome { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Raised each time the meeting moves, so calendars that imported it take the new time (iCalendar SEQUENCE).</summary>
    public int Sequence { get; private set; }

    /// <summary>When both sides were reminded of the meeting, so that they are reminded once.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    public void MarkReminded(DateTimeOffset now) => ReminderSentAt ??= now;

    /// <summary>The client's idempotency key: a booking sent twice by a retry on the expo Wi-Fi is made once.</summary>
    public string? ClientRequestId { get; private set; }

    public bool HoldsSlot => Status.HoldsSlot();

    public bool CanMoveTo(MeetingStatus next) => AllowedMoves[Status].Contains(next);

    public void MoveTo(MeetingStatus next, DateTimeOffset now)
    {
        if (!CanMoveTo(next)) throw new DomainException($"A {Status} meeting cannot become {next}.");
        Status = next;
        // Calendars that imported the meeting take a cancellation only with a higher SEQUENCE.
        if (!next.HoldsSlot()) Sequence++;
        UpdatedAt = now;
    }

    /// <summary>Moves the meeting to another slot or table; the database guards still decide whether that place is free.</summary>
    public void MoveToSlot(int timeSlotId, int tableNumber, DateTimeOffset now)
    {
        if (!HoldsSlot) throw new DomainException("A cancelled or declined meeting cannot move.");
        if (tableNumber < 1) throw new DomainException("Table numbers start at 1.");
        TimeSlotId = timeSlotId;
        TableNumber = tableNumber;
        Sequence++;
        // A reminder is about a time; the new time gets its own.
        ReminderSentAt = null;
        UpdatedAt = now;
    }

    /// <summary>When the visitor was checked in at the booth (or the meeting marked held straight away).</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>The visitor is at the booth. Checking in twice (a retried scan) changes nothing.</summary>
    public void CheckIn(DateTimeOffset now)
    {
        if (Status == MeetingStatus.CheckedIn) return;
        MoveTo(MeetingStatus.CheckedIn, now);
        CheckedInAt = now;
    }

    /// <summary>The meeting took place; one not checked in is checked in on the way.</summary>
    public void MarkHeld(DateTimeOffset now)
    {
        if (Status == MeetingStatus.Held) return;
        if (Status != MeetingStatus.CheckedIn) CheckIn(now);
        MoveTo(MeetingStatus.Held, now);
    }

    public void AssignInterpreter(int? interpreterId, DateTimeOffset now)
    {
        InterpreterId = interpreterId;
        UpdatedAt = now;
    }

    /// <summary>The exhibitor's staff member who looks after the meeting (a sign-in of that company), or null when no one does yet.</summary>
    public string? OwnerUserId { get; private set; }

    public void AssignOwner(string? userId, DateTimeOffset now)
    {
        OwnerUserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        UpdatedAt = now;
    }

    public void RecordOutcome(MeetingOutcome outcome)
    {
        if (Status is not (MeetingStatus.Held or MeetingStatus.CheckedIn))
            throw new DomainException("Only a meeting that took place has an outcome.");
        Outcome = outcome;
        UpdatedAt = outcome.RecordedAt;
    }
}
