using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Participants;

namespace ExpoPortal.Application.DataExchange;

/// <summary>A participant as a list row states it; <see cref="Cells"/> is also the row an export writes.</summary>
public sealed record ParticipantRecord(
    string Email, string Name, string Company, string Country, ParticipantKind Kind, string? Chapter, string City,
    IReadOnlyList<string> Languages, IReadOnlyList<string> HsInterests, ImportScale Scale, DateOnly Arrival, DateOnly Departure)
{
    public static readonly IReadOnlyList<string> Headers = ImportColumns.Participants.Select(c => c.Name).ToList();

    public IReadOnlyList<string> Cells() =>
    [
        Email, Name, Company, Country, ImportValues.FormatKind(Kind), Chapter ?? string.Empty, City,
        ImportValues.JoinList(Languages), ImportValues.JoinList(HsInterests), ImportValues.FormatScale(Scale),
        ImportValues.FormatDate(Arrival), ImportValues.FormatDate(Departure),
    ];

    /// <summary>Arrival from the start of its day, departure to the end of its day, in the event's time zone.</summary>
    public static ParticipantRecord From(Participant p, TimeZoneInfo zone) => new(
        p.Email ?? string.Empty, p.FullName, p.Company, p.CountryCode, p.Kind, p.Chapter, p.City, p.Languages, p.HsInterests,
        p.ImportScale, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.ArrivesAt, zone).DateTime),
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.DepartsAt.AddTicks(-1), zone).DateTime));

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

public sealed record ProductRecord(string HsCode, string NameKo, string NameEn)
{
    public const int MaxNameLength = 300;

    public string Cell() => $"{HsCode}:{ImportValues.FormatPair(NameKo, NameEn)}";

    /// <summary>
    /// What is wrong with a product as a list gives it (the products column or the products sheet), or null: a 4- or
    /// 6-digit HS code under a real chapter, and a name in at least one language, neither too long.
    /// </summary>
    public static string? Problem(string hsDigits, string ko, string en) =>
        !Domain.Exhibitors.HsCode.TryParse(hsDigits, out _) ? "invalid_product_hs_code"
        : ko.Length + en.Length == 0 || ko.Length > MaxNameLength || en.Length > MaxNameLength ? "invalid_product"
        : null;
}

/// <summary>An exhibitor with its products as a list row states it; <see cref="Cells"/> is also the row an export writes.</summary>
public sealed record ExhibitorRecord(
    string? BusinessNumber, string Email, string NameKo, string NameEn, string Country, string? Province, string CityKo, string CityEn,
    Industry Industry, IReadOnlyList<string> Languages, string? Website, string ContactName, string? ContactPhone, IReadOnlyList<ProductRecord> Products)
{
    public static readonly IReadOnlyList<string> Headers = ImportColumns.Exhibitors.Select(c => c.Name).ToList();

    public IReadOnlyList<string> Cells() =>
    [
        ImportValues.FormatBusinessNumber(BusinessNumber), Email, NameKo, NameEn, ImportValues.FormatRegion(Country, Province),
        ImportValues.FormatPair(CityKo, CityEn), ImportValues.FormatIndustry(Industry), ImportValues.JoinList(Languages),
        Website ?? string.Empty, ContactName, ContactPhone ?? string.Empty, string.Join(";", Products.Select(p => p.Cell())),
    ];

    public static ExhibitorRecord From(Exhibitor x) => new(
        x.BusinessNumber, x.Contact.Email, x.Name.Ko, x.Name.En, x.CountryCode, x.ProvinceCode, x.City.Ko, x.City.En, x.Industry,
        x.Languages, x.Website, x.Contact.Name, x.Contact.Phone,
        x.Products.OrderBy(p => p.Id).Select(p => new ProductRecord(p.HsCode, p.Name.Ko, p.Name.En)).ToList());
}
