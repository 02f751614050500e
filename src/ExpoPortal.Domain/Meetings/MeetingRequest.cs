using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Meetings;

public enum RequestStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Withdrawn,
}

/// <summary>Who asked for the meeting; the other side answers.</summary>
public enum RequestedBy
{
    Participant,
    Exhibitor,
}

/// <summary>
/// A request to meet, with a short message and perhaps a preferred slot. It holds no slot while pending (blocking
/// slots with unanswered requests is a common complaint on other platforms); accepting books a meeting under the
/// booking rules. Unanswered requests expire.
/// </summary>
public sealed class MeetingRequest
{
    public const int MaxMessageLength = 500;

    private MeetingRequest() { } // EF

    public MeetingRequest(int eventId, int participantId, int exhibitorId, RequestedBy requestedBy, string? message, int? preferredSlotId,
        DateTimeOffset now, TimeSpan expiresAfter)
    {
        if (expiresAfter <= TimeSpan.Zero) throw new DomainException("A request must be answerable for some time.");
        var text = message?.Trim() ?? string.Empty;
        if (text.Length > MaxMessageLength) throw new DomainException($"A request message has at most {MaxMessageLength} characters.");
        EventId = eventId;
        ParticipantId = participantId;
        ExhibitorId = exhibitorId;
        RequestedBy = requestedBy;
        Message = text;
        PreferredSlotId = preferredSlotId;
        Status = RequestStatus.Pending;
        CreatedAt = now;
        ExpiresAt = now + expiresAfter;
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public int ParticipantId { get; private set; }
    public int ExhibitorId { get; private set; }
    public RequestedBy RequestedBy { get; private set; }
    public string Message { get; private set; } = string.Empty;
    public int? PreferredSlotId { get; private set; }
    public RequestStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The meeting booked when the request was accepted.</summary>
    public int? MeetingId { get; private set; }

    public bool IsPending => Status == RequestStatus.Pending;

    public void Accept(int meetingId, DateTimeOffset now) => Answer(RequestStatus.Accepted, now, meetingId);

    public void Decline(DateTimeOffset now) => Answer(RequestStatus.Declined, now);

    public void Withdraw(DateTimeOffset now) => Answer(RequestStatus.Withdrawn, now);

    public void Expire(DateTimeOffset now)
    {
        if (now < ExpiresAt) throw new DomainException("The request has not expired yet.");
        Answer(RequestStatus.Expired, now);
    }

    private void Answer(RequestStatus status, DateTimeOffset now, int? meetingId = null)
    {
        if (!IsPending) throw new DomainException($"The request is already {Status}.");
        Status = status;
        AnsweredAt = now;
        MeetingId = meetingId;
    }
}
