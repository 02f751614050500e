namespace ExpoPortal.Domain.Privacy;

/// <summary>
/// What a person may consent to, each asked separately (PIPA art. 22): all optional, since the consultation service
/// itself (sign-in, booking, the agenda, a booked meeting's time and table for the exhibitor) is processing needed for
/// the service the person signed up for, which needs no consent (PIPA art. 15(1)4). See docs/decisions/0007-personal-data.md.
/// </summary>
public static class ConsentPurposes
{
    /// <summary>Being scheduled by the matching engine (profile, interests, stay and wishlist go into the instance).</summary>
    public const string Matching = "matching";

    /// <summary>The buyer's profile visible to exhibitors: name, company, country, languages, interests.</summary>
    public const string ShareProfile = "share_profile";

    /// <summary>Appearing in the printed directory book (for exhibitor staff: the company's contact person).</summary>
    public const string DirectoryBook = "directory_book";

    public static readonly IReadOnlyList<string> All = [Matching, ShareProfile, DirectoryBook];

    /// <summary>What a buyer is asked.</summary>
    public static readonly IReadOnlyList<string> ForParticipants = [Matching, ShareProfile];

    /// <summary>What an exhibitor's staff member is asked: their name, e-mail and phone as the company's contact in the book.</summary>
    public static readonly IReadOnlyList<string> ForExhibitorStaff = [DirectoryBook];

    public static bool IsKnown(string purpose) => All.Contains(purpose);
}

/// <summary>How a consent answer was given.</summary>
public static class ConsentMethods
{
    public const string ConsentPage = "consent_page";
    public const string AccountPage = "account_page";
    public const string Api = "api";
    public const string DemoData = "demo_data";
}

/// <summary>
/// One answer of one person to one purpose. Rows are only ever added: the current state of a purpose is the latest
/// row, and the history shows when and how each consent was given or withdrawn, under which policy version.
/// A participant's answer is kept by participant (a buyer may have been imported before any sign-in exists);
/// an exhibitor staff member's by sign-in.
/// </summary>
public sealed class ConsentRecord
{
    private ConsentRecord() { } // EF

    private ConsentRecord(int eventId, int? participantId, string? userId, int? exhibitorId, string purpose, bool granted,
        string policyVersion, string method, DateTimeOffset at)
    {
        if (!ConsentPurposes.IsKnown(purpose)) throw new Common.DomainException($"Unknown consent purpose '{purpose}'.");
        if (participantId is null && string.IsNullOrEmpty(userId)) throw new Common.DomainException("A consent belongs to a participant or a sign-in.");
        EventId = eventId;
        ParticipantId = participantId;
        UserId = userId;
        ExhibitorId = exhibitorId;
        Purpose = purpose;
        Granted = granted;
        PolicyVersion = policyVersion;
        Method = method;
        At = at;
    }

    public static ConsentRecord OfParticipant(int eventId, int participantId, string? userId, string purpose, bool granted, string policyVersion, string method, DateTimeOffset at) =>
        new(eventId, participantId, userId, null, purpose, granted, policyVersion, method, at);

    public static ConsentRecord OfExhibitorStaff(int eventId, int exhibitorId, string userId, string purpose, bool granted, string policyVersion, string method, DateTimeOffset at) =>
        new(eventId, null, userId, exhibitorId, purpose, granted, policyVersion, method, at);

    public long Id { get; private set; }
    public int EventId { get; private set; }
    public int? ParticipantId { get; private set; }
    /// <summary>The sign-in that answered (for staff, whose consent it is).</summary>
    public string? UserId { get; private set; }
    public int? ExhibitorId { get; private set; }
    public string Purpose { get; private set; } = null!;
    public bool Granted { get; private set; }
    public string PolicyVersion { get; private set; } = null!;
    public string Method { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }
}
