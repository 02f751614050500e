using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;

namespace ExpoPortal.Domain.Participants;

/// <summary>The buyer side of the consultations.</summary>
public enum ParticipantKind
{
    /// <summary>A member of the federation of overseas Korean traders (about 70 countries, 150 chapters).</summary>
    OverseasMemberTrader,

    /// <summary>A foreign buyer, usually brought by a member trader.</summary>
    ForeignBuyer,
}

/// <summary>Yearly import volume band in US dollars, compared with an exhibitor's size when matching.</summary>
public enum ImportScale
{
    Under100K,
    From100KTo1M,
    From1MTo10M,
    Over10M,
}

/// <summary>A buyer or member trader taking part in one-to-one export consultations.</summary>
public sealed class Participant
{
    private Participant() { } // EF

    public Participant(Event @event, ParticipantKind kind, string fullName, string company, string countryCode, string city,
        DateTimeOffset arrivesAt, DateTimeOffset departsAt)
    {
        Event = @event;
        Register(kind, fullName, company, countryCode, city, arrivesAt, departsAt);
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public Event Event { get; private set; } = null!;

    /// <summary>The address the secretariat knows the participant by (lower case): imports update the participant with it.</summary>
    public string? Email { get; private set; }
    public ParticipantKind Kind { get; private set; }
    public string FullName { get; private set; } = null!;

    /// <summary>The name in Hangul, which many overseas Korean traders also use.</summary>
    public string? KoreanName { get; private set; }
    public string Company { get; private set; } = null!;
    public string CountryCode { get; private set; } = null!;
    public string City { get; private set; } = null!;

    /// <summary>Federation chapter (e.g. "Los Angeles"), for member traders.</summary>
    public string? Chapter { get; private set; }
    public List<string> Languages { get; private set; } = [];
    public List<string> HsInterests { get; private set; } = [];
    public List<Industry> CategoryInterests { get; private set; } = [];
    public ImportScale ImportScale { get; private set; }
    /// <summary>How many consultations the participant wants at most.</summary>
    public int MaxMeetings { get; private set; } = 10;
    public DateTimeOffset ArrivesAt { get; private set; }
    public DateTimeOffset DepartsAt { get; private set; }
    public string? Hotel { get; private set; }

    /// <summary>The member trader who brought this foreign buyer, if any.</summary>
    public int? InvitedById { get; private set; }
    public Participant? InvitedBy { get; private set; }

    public void SetEmail(string? email) =>
        Email = string.IsNullOrWhiteSpace(email) ? null : Guard.NotBlank(email, "E-mail", 254).ToLowerInvariant();

    /// <summary>What a list from a chapter or a province can change about a participant already registered.</summary>
    public void Register(ParticipantKind kind, string fullName, string company, string countryCode, string city,
        DateTimeOffset arrivesAt, DateTimeOffset departsAt)
    {
        if (departsAt <= arrivesAt) throw new DomainException("A participant must depart after arriving.");
        Kind = kind;
        FullName = Guard.NotBlank(fullName, "Name");
        Company = Guard.NotBlank(company, "Company");
        CountryCode = Guard.CountryCodes([countryCode], "Country").Single();
        City = Guard.NotBlank(city, "City", 100);
        ArrivesAt = arrivesAt.ToUniversalTime();
        DepartsAt = departsAt.ToUniversalTime();
    }

    /// <summary>HS interests as chapters (09), headings (0902) or subheadings (090210): buyers often know only the chapter.</summary>
    public void SetHsInterests(IEnumerable<string> hsPrefixes) =>
        HsInterests = hsPrefixes.Select(h => HsCode.IsValidPrefix(h) ? h : throw new DomainException($"'{h}' is not an HS chapter, heading or subheading."))
            .Distinct().ToList();

    public void Describe(string? koreanName, string? chapter, IEnumerable<string> languages, ImportScale importScale, string? hotel)
    {
        KoreanName = string.IsNullOrWhiteSpace(koreanName) ? null : koreanName.Trim();
        Chapter = string.IsNullOrWhiteSpace(chapter) ? null : chapter.Trim();
        Languages = Guard.LanguageCodes(languages, "Languages");
        ImportScale = importScale;
        Hotel = string.IsNullOrWhiteSpace(hotel) ? null : hotel.Trim();
    }

    public void SetInterests(IEnumerable<HsCode> hsCodes, IEnumerable<Industry> categories)
    {
        HsInterests = hsCodes.Select(c => c.Value).Distinct().ToList();
        CategoryInterests = categories.Distinct().ToList();
    }

    public void SetMaxMeetings(int maxMeetings) =>
        MaxMeetings = maxMeetings is >= 1 and <= 100 ? maxMeetings : throw new DomainException("A participant has 1 to 100 meetings at most.");

    public void InvitedByMember(Participant member)
    {
        if (member.Kind != ParticipantKind.OverseasMemberTrader)
            throw new DomainException("Only a member trader can bring a buyer.");
        InvitedBy = member;
    }

    /// <summary>What an erased participant's name and company read: the row stays so that its meetings still count.</summary>
    public const string ErasedMarker = "[erased]";

    public bool IsErased => FullName == ErasedMarker;

    /// <summary>
    /// Erasure on request (PIPA art. 36): every field that identifies the person goes; kind, country and stay stay,
    /// so that the results report still counts the meetings by buyer country without naming anyone.
    /// </summary>
    public void Erase()
    {
        FullName = ErasedMarker;
        Company = ErasedMarker;
        City = ErasedMarker;
        Email = null;
        KoreanName = null;
        Chapter = null;
        Hotel = null;
        Languages = [];
        HsInterests = [];
        CategoryInterests = [];
        InvitedById = null;
    }

    /// <summary>A participant can meet only in slots that lie wholly between arrival and departure.</summary>
    public bool IsAvailableIn(TimeSlot slot) => slot.StartsAt >= ArrivesAt && slot.EndsAt <= DepartsAt;
}
