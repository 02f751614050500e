using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Notifications;

public enum NotificationKind
{
    RequestReceived,
    RequestAccepted,
    RequestDeclined,
    RequestExpired,
    MeetingBooked,
    MeetingCancelled,
    MeetingMoved,
    SchedulePublished,
    MeetingReminder,
    /// <summary>An account made by an import: a link to set a password.</summary>
    AccountInvitation,
}

public enum MailStatus
{
    Pending,
    Sent,
    /// <summary>No address to send to.</summary>
    Skipped,
    Failed,
}

/// <summary>
/// Something a participant or an exhibitor's staff should know: shown under the bell and sent by e-mail. It is
/// addressed to a party (a participant, or an exhibiting company with all its staff), and its text is written
/// once in both languages, so that each reader and each mail gets its own.
/// </summary>
public sealed class Notification
{
    public const int MaxMailAttempts = 5;

    private Notification() { } // EF

    public Notification(int eventId, int? participantId, int? exhibitorId, NotificationKind kind, LocalizedText title, LocalizedText body,
        string? link, string mailLanguage, DateTimeOffset now, string? recipientUserId = null)
    {
        RecipientUserId = recipientUserId;
        if ((participantId is null) == (exhibitorId is null))
            throw new DomainException("A notification goes to one participant or one exhibitor.");
        EventId = eventId;
        ParticipantId = participantId;
        ExhibitorId = exhibitorId;
        Kind = kind;
        Title = title;
        Body = body;
        Link = link;
        MailLanguage = mailLanguage == Languages.Korean ? Languages.Korean : Languages.English;
        CreatedAt = now;
        MailStatus = MailStatus.Pending;
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public int? ParticipantId { get; private set; }
    public int? ExhibitorId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public LocalizedText Title { get; private set; } = null!;
    public LocalizedText Body { get; private set; } = null!;

    /// <summary>
    /// For a notice meant for one sign-in only (a colleague's invitation, whose link sets that person's password):
    /// mailed to that account alone and kept out of the company's bell. Null: the whole company or participant.
    /// </summary>
    public string? RecipientUserId { get; private set; }

    /// <summary>A page of the portal to open, relative to its root (e.g. "my/agenda").</summary>
    public string? Link { get; private set; }

    /// <summary>The recipient's language: "ko" or "en".</summary>
    public string MailLanguage { get; private set; } = Languages.English;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public MailStatus MailStatus { get; private set; }
    public int MailAttempts { get; private set; }
    public DateTimeOffset? MailedAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MailSent(DateTimeOffset now)
    {
        MailStatus = MailStatus.Sent;
        MailedAt = now;
        MailAttempts++;
    }

    public void MailSkipped() => MailStatus = MailStatus.Skipped;

    /// <summary>A failed attempt; after <see cref="MaxMailAttempts"/> the mail is given up, the notification stays.</summary>
    public void MailFailed()
    {
        MailAttempts++;
        if (MailAttempts >= MaxMailAttempts) MailStatus = MailStatus.Failed;
    }
}
