using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Venues;

namespace ExpoPortal.Domain.Exhibitors;

/// <summary>An exhibiting company and its directory listing for one event.</summary>
public sealed class Exhibitor
{
    private readonly List<Product> _products = [];

    private Exhibitor() { } // EF

    public Exhibitor(Event @event, LocalizedText name, LocalizedText description, string countryCode, string? provinceCode,
        LocalizedText city, Industry industry, CompanySize size, ContactPerson contact)
    {
        Event = @event;
        Name = name;
        Description = description;
        CountryCode = Guard.CountryCodes([countryCode], "Country").Single();
        ProvinceCode = string.IsNullOrWhiteSpace(provinceCode) ? null : provinceCode.Trim().ToUpperInvariant();
        City = city;
        Industry = industry;
        Size = size;
        Contact = contact;
        RefreshSearchText();
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public Event Event { get; private set; } = null!;
    public LocalizedText Name { get; private set; } = null!;

    /// <summary>사업자등록번호, ten digits without dashes, for Korean firms: imports update the exhibitor with it.</summary>
    public string? BusinessNumber { get; private set; }
    public LocalizedText Description { get; private set; } = null!;

    /// <summary>KR for Korean firms; member firms of overseas Korean traders may be based abroad.</summary>
    public string CountryCode { get; private set; } = null!;

    /// <summary>ISO 3166-2 province code for Korean firms (KR-47 Gyeongbuk), null abroad.</summary>
    public string? ProvinceCode { get; private set; }
    public LocalizedText City { get; private set; } = null!;
    public Industry Industry { get; private set; }
    public CompanySize Size { get; private set; }
    public ContactPerson Contact { get; private set; } = null!;
    public string? Website { get; private set; }
    public List<string> Certifications { get; private set; } = [];
    public List<string> ExportMarkets { get; private set; } = [];
    public List<string> TargetMarkets { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    /// <summary>Fairness floor for matching: small firms must not be left without buyers.</summary>
    public int MinMeetings { get; private set; } = 4;
    public int MaxMeetings { get; private set; } = 20;
    public int? BoothId { get; private set; }
    public Booth? Booth { get; private set; }
    public IReadOnlyCollection<Product> Products => _products.AsReadOnly();

    /// <summary>
    /// Names, descriptions, sector and products in both languages in one lower-case text, kept in step by every
    /// change, so that the directory searches one trigram-indexed column (PostgreSQL has no Korean stemmer).
    /// </summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>
    /// The names only (company, products, city, sector; no descriptions), lower-cased: where a misspelt term is looked
    /// for. Word similarity reads every candidate's whole text, so a short text keeps a typo's search fast.
    /// </summary>
    public string NameText { get; private set; } = string.Empty;

    /// <summary>When and by whom the listing was last saved, shown to a colleague whose save conflicted.</summary>
    public DateTimeOffset? ListingUpdatedAt { get; private set; }
    public string? ListingUpdatedBy { get; private set; }

    /// <summary>Stamps a save. It also rewrites the exhibitor's row, so its version changes even when only products changed.</summary>
    public void MarkEdited(string by, DateTimeOffset at)
    {
        ListingUpdatedBy = Guard.NotBlank(by, "Editor", 200);
        ListingUpdatedAt = at;
    }

    /// <summary>PostgreSQL's xmin: two organizers or the exhibitor editing the listing at once cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    public bool IsFromHostRegion(Event @event) => ProvinceCode == @event.HostProvinceCode;

    public void DescribeMarkets(IEnumerable<string> exportMarkets, IEnumerable<string> targetMarkets, IEnumerable<string> languages)
    {
        ExportMarkets = Guard.CountryCodes(exportMarkets, "Export markets");
        TargetMarkets = Guard.CountryCodes(targetMarkets, "Target markets");
        Languages = Guard.LanguageCodes(languages, "Languages");
    }

    public void SetBusinessNumber(string? digits)
    {
        if (string.IsNullOrWhiteSpace(digits)) { BusinessNumber = null; return; }
        BusinessNumber = digits.Length == 10 && digits.All(char.IsAsciiDigit)
            ? digits : throw new DomainException($"'{digits}' is not a business registration number of ten digits.");
    }

    /// <summary>Where the company is based and its sector, as a province's or city's list states them.</summary>
    public void Classify(string countryCode, string? provinceCode, Industry industry)
    {
        CountryCode = Guard.CountryCodes([countryCode], "Country").Single();
        ProvinceCode = string.IsNullOrWhiteSpace(provinceCode) ? null : provinceCode.Trim().ToUpperInvariant();
        Industry = industry;
        RefreshSearchText();
    }

    public void SetCertifications(IEnumerable<string> certifications) =>
        Certifications = certifications.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();

    public void SetWebsite(string? website)
    {
        if (string.IsNullOrWhiteSpace(website)) { Website = null; return; }
        if (!Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new DomainException($"'{website}' is not a web address.");
        Website = uri.ToString();
    }

    public void SetMeetingLimits(int minMeetings, int maxMeetings)
    {
        if (minMeetings < 0 || maxMeetings < 1 || minMeetings > maxMeetings)
            throw new DomainException("Meeting limits need 0 ≤ minimum ≤ maximum and a maximum of at least 1.");
        MinMeetings = minMeetings;
        MaxMeetings = maxMeetings;
    }

    public void AddProduct(Product product)
    {
        _products.Add(product);
        RefreshSearchText();
    }

    /// <summary>The editable part of the listing that is not a list: names, description, city, contact, website.</summary>
    public void EditProfile(LocalizedText name, LocalizedText description, LocalizedText city, ContactPerson contact, string? website)
    {
        Name = name;
        Description = description;
        City = city;
        Contact = contact;
        SetWebsite(website);
        RefreshSearchText();
    }

    /// <summary>
    /// Makes the product list exactly <paramref name="products"/>: entries with the id of an existing product update it
    /// (keeping its photo), entries without an id are added, and products not named are removed.
    /// </summary>
    public void ReplaceProducts(IReadOnlyList<(int? Id, LocalizedText Name, LocalizedText Description, HsCode HsCode)> products)
    {
        if (products.Count > MaxProducts) throw new DomainException($"A listing holds at most {MaxProducts} products.");
        var unknown = products.Where(p => p.Id is { } id && _products.All(x => x.Id != id)).Select(p => p.Id).ToList();
        if (unknown.Count > 0) throw new DomainException($"Product {unknown[0]} is not part of this listing.");
        var kept = products.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToHashSet();
        _products.RemoveAll(p => !kept.Contains(p.Id));
        foreach (var p in products)
        {
            if (p.Id is { } id) _products.Single(x => x.Id == id).Edit(p.Name, p.Description, p.HsCode);
            else _products.Add(new Product(p.Name, p.Description, p.HsCode));
        }
        RefreshSearchText();
    }

    public const int MaxProducts = 30;

    private void RefreshSearchText()
    {
        var parts = new List<string?> { Name?.Ko, Name?.En, Description?.Ko, Description?.En, City?.Ko, City?.En };
        var industry = IndustryNames.Of(Industry);
        parts.Add(industry.Ko);
        parts.Add(industry.En);
        foreach (var p in _products)
            parts.AddRange([p.Name.Ko, p.Name.En, p.Description.Ko, p.Description.En, p.HsCode]);
        SearchText = string.Join(' ', parts.Where(t => !string.IsNullOrWhiteSpace(t))).ToLowerInvariant();
        var names = new List<string?> { Name?.Ko, Name?.En, City?.Ko, City?.En, industry.Ko, industry.En };
        foreach (var p in _products) names.AddRange([p.Name.Ko, p.Name.En]);
        NameText = string.Join(' ', names.Where(t => !string.IsNullOrWhiteSpace(t))).ToLowerInvariant();
    }

    /// <summary>Gives the exhibitor a booth of its own event; the database also refuses a booth held twice.</summary>
    public void AssignBooth(Booth booth)
    {
        var sameEvent = EventId != 0 ? booth.EventId == EventId : ReferenceEquals(booth.Event, Event);
        if (!sameEvent)
            throw new DomainException($"Booth {booth.Code} belongs to another event.");
        Booth = booth;
        BoothId = booth.Id == 0 ? null : booth.Id;
    }

    public void ReleaseBooth()
    {
        Booth = null;
        BoothId = null;
    }
}
