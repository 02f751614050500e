namespace ExpoPortal.Domain.Meetings;

/// <summary>How much one side wants a meeting. Mutual interest ranks highest; "not interested" excludes the pair.</summary>
public enum WishLevel
{
    MustMeet,
    WouldLike,
    NotInterested,
}

public enum WishedBy
{
    Participant,
    Exhibitor,
    /// <summary>An organizer's decision from the matching review: MustMeet locks the pair in, NotInterested blocks it.</summary>
    Organizer,
}

/// <summary>One line of a wishlist: a participant about an exhibitor, or an exhibitor about a participant.</summary>
public sealed class MeetingWish
{
    private MeetingWish() { } // EF

    public MeetingWish(int eventId, int participantId, int exhibitorId, WishedBy wishedBy, WishLevel level)
    {
        EventId = eventId;
        ParticipantId = participantId;
        ExhibitorId = exhibitorId;
        WishedBy = wishedBy;
        Level = level;
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public int ParticipantId { get; private set; }
    public int ExhibitorId { get; private set; }
    public WishedBy WishedBy { get; private set; }
    public WishLevel Level { get; private set; }

    public void Change(WishLevel level) => Level = level;
}
