using System.Net.Mail;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Exhibitors;

public sealed class ListingProduct
{
    /// <summary>Null for a product added in this edit.</summary>
    public int? Id { get; set; }
    public string NameKo { get; set; } = string.Empty;
    public string NameEn { get; set; } = string.Empty;
    public string DescriptionKo { get; set; } = string.Empty;
    public string DescriptionEn { get; set; } = string.Empty;
    public string HsCode { get; set; } = string.Empty;
    /// <summary>Shown, not saved with the listing: a photo is uploaded or removed on its own (<see cref="ProductPhotos"/>).</summary>
    public Guid? PhotoId { get; set; }
}

/// <summary>
/// An exhibitor's directory listing as its staff edit it (the page and <c>PUT /api/my/listing</c> share it).
/// <see cref="Version"/> is what the editor read; a save with an older one is refused as a conflict.
/// </summary>
public sealed class ListingEdit
{
    public int Id { get; set; }
    public string NameKo { get; set; } = string.Empty;
    public string NameEn { get; set; } = string.Empty;
    public string DescriptionKo { get; set; } = string.Empty;
    public string DescriptionEn { get; set; } = string.Empty;
    public string CityKo { get; set; } = string.Empty;
    public string CityEn { get; set; } = string.Empty;
    public string ContactName { get; set; } = string.Empty;
    public string ContactEmail { get; set; } = string.Empty;
    public string? ContactPhone { get; set; }
    public string? Website { get; set; }
    public List<string> Certifications { get; set; } = [];
    public List<string> TargetMarkets { get; set; } = [];
    public List<string> ExportMarkets { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<ListingProduct> Products { get; set; } = [];
    public uint Version { get; set; }

    // Shown, not edited here: the organizers set these.
    public string? BoothCode { get; set; }
    /// <summary>The event's address name, for the addresses of the product photos.</summary>
    public string? EventSlug { get; set; }
    public Industry Industry { get; set; }
    public string CountryCode { get; set; } = string.Empty;
    public string? ProvinceCode { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>A deep copy, so that an editor can keep what was typed beside what was read.</summary>
    public ListingEdit Copy() => new()
    {
        Id = Id, NameKo = NameKo, NameEn = NameEn, DescriptionKo = DescriptionKo, DescriptionEn = DescriptionEn, CityKo = CityKo, CityEn = CityEn,
        ContactName = ContactName, ContactEmail = ContactEmail, ContactPhone = ContactPhone, Website = Website,
        Certifications = [.. Certifications], TargetMarkets = [.. TargetMarkets], ExportMarkets = [.. ExportMarkets], Languages = [.. Languages],
        Products = Products.Select(p => new ListingProduct
        {
            Id = p.Id, NameKo = p.NameKo, NameEn = p.NameEn, DescriptionKo = p.DescriptionKo, DescriptionEn = p.DescriptionEn, HsCode = p.HsCode, PhotoId = p.PhotoId,
        }).ToList(),
        Version = Version, BoothCode = BoothCode, EventSlug = EventSlug, Industry = Industry, CountryCode = CountryCode, ProvinceCode = ProvinceCode, UpdatedAt = UpdatedAt, UpdatedBy = UpdatedBy,
    };
}

/// <summary>A suggestion of the HS code field: a chapter (2 digits, to narrow down) or a heading or subheading in use at the event.</summary>
public sealed record HsSuggestion(string Code, LocalizedText Name, bool IsChapter);

/// <summary>The other side of a save conflict: what is in the database now, and who saved it when.</summary>
public sealed record ListingConflict(ListingEdit Current, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>Reads and saves one exhibitor's listing. Only that exhibitor's staff and organizers may, checked here.</summary>
public sealed class ExhibitorListing(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly Error NotYours = Error.Forbidden("not_your_listing", "You can open only your own company's listing.");

    /// <summary>The exhibitor's own staff, or an organizer of the exhibitor's event.</summary>
    internal static async Task<bool> ActsForAsync(IAppDbContext db, Actor actor, int exhibitorId, CancellationToken ct) =>
        actor.ExhibitorId == exhibitorId
        || (actor.IsOrganizer && actor.Organizes(await db.Exhibitors.Where(x => x.Id == exhibitorId).Select(x => x.EventId).FirstOrDefaultAsync(ct)));

    /// <summary>
    /// What the HS code field offers for what was typed: by digits, the chapter and the codes in use at the event that
    /// start with them; by words (Korean or English), the chapters and the event's products whose names hold them.
    /// </summary>
    public async Task<IReadOnlyList<HsSuggestion>> HsSuggestionsAsync(Actor actor, int exhibitorId, string? text, CancellationToken ct = default)
    {
        var typed = (text ?? string.Empty).Trim();
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await ActsForAsync(db, actor, exhibitorId, ct)) return [];
        var eventId = await db.Exhibitors.Where(x => x.Id == exhibitorId).Select(x => x.EventId).FirstOrDefaultAsync(ct);
        var digits = HsCode.DigitsOf(typed);
        var byCode = digits.Length > 0 && digits.All(char.IsAsciiDigit);
        var products = db.Exhibitors.Where(x => x.EventId == eventId).SelectMany(x => x.Products);
        var pattern = "%" + ExhibitorDirectory.EscapeLike(typed) + "%";
        var inUse = typed.Length == 0 ? []
            : await (byCode
                    ? products.Where(p => p.HsCode.StartsWith(digits))
                    : products.Where(p => EF.Functions.ILike(p.Name.Ko, pattern, "\\") || EF.Functions.ILike(p.Name.En, pattern, "\\")))
                .Select(p => new { p.HsCode, p.Name.Ko, p.Name.En }).Take(500).ToListAsync(ct);
        var chapters = HsChapters.All
            .Where(c => typed.Length == 0
                || (byCode ? c.Code.StartsWith(digits[..Math.Min(2, digits.Length)], StringComparison.Ordinal)
                    : c.Name.Ko.Contains(typed, StringComparison.OrdinalIgnoreCase) || c.Name.En.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .Select(c => new HsSuggestion(c.Code, c.Name, true));
        var codes = inUse.GroupBy(p => p.HsCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new HsSuggestion(g.Key, new LocalizedText(g.First().Ko, g.First().En), false));
        // A chapter is only a step on the way (a product needs 4 or 6 digits): the codes in use come first once digits are typed.
        return (byCode ? codes.Concat(chapters) : chapters.Concat(codes)).Take(20).ToList();
    }

    public async Task<Result<ListingEdit>> GetAsync(Actor actor, int exhibitorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await ActsForAsync(db, actor, exhibitorId, ct)) return NotYours;
        var exhibitor = await Load(db, exhibitorId).AsNoTracking().FirstOrDefaultAsync(ct);
        return exhibitor is null ? Error.NotFound("exhibitor_not_found", $"Exhibitor {exhibitorId} does not exist.") : ToEdit(exhibitor);
    }

    /// <summary>
    /// Saves the whole listing in one write. Refused with <c>listing_conflict</c> (details: <see cref="ListingConflict"/>)
    /// when someone saved since <see cref="ListingEdit.Version"/> was read; nothing the caller typed is lost, it stays with the caller.
    /// </summary>
    public async Task<Result<ListingEdit>> SaveAsync(Actor actor, int exhibitorId, ListingEdit edit, CancellationToken ct = default)
    {
        if (Validate(edit) is { } invalid) return invalid;

        await using var db = await dbFactory.CreateAsync(ct);
        if (!await ActsForAsync(db, actor, exhibitorId, ct)) return NotYours;
        var exhibitor = await Load(db, exhibitorId).FirstOrDefaultAsync(ct);
        if (exhibitor is null) return Error.NotFound("exhibitor_not_found", $"Exhibitor {exhibitorId} does not exist.");
        if (exhibitor.Version != edit.Version) return Conflict(exhibitor);

        try
        {
            exhibitor.EditProfile(new LocalizedText(edit.NameKo, edit.NameEn), new LocalizedText(edit.DescriptionKo, edit.DescriptionEn),
                new LocalizedText(edit.CityKo, edit.CityEn), new ContactPerson(edit.ContactName.Trim(), edit.ContactEmail.Trim(), Blank(edit.ContactPhone)),
                Blank(edit.Website));
            exhibitor.DescribeMarkets(edit.ExportMarkets, edit.TargetMarkets, edit.Languages);
            exhibitor.SetCertifications(edit.Certifications);
            exhibitor.ReplaceProducts(edit.Products.Select(p => (p.Id, new LocalizedText(p.NameKo, p.NameEn),
                new LocalizedText(p.DescriptionKo, p.DescriptionEn), HsCode.Parse(p.HsCode))).ToList());
            exhibitor.MarkEdited(actor.Name ?? actor.UserId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Error.Validation("invalid_listing", ex.Message);
        }

        // The version the editor read is the one the database must still hold (xmin), or the save is refused.
        db.Entry(exhibitor).Property(x => x.Version).OriginalValue = edit.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            await ProductPhotos.DeleteOrphansAsync(db, exhibitor.EventId, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateAsync(ct);
            return Conflict(await Load(fresh, exhibitorId).AsNoTracking().FirstAsync(ct));
        }
        await using var after = await dbFactory.CreateAsync(ct);
        return ToEdit(await Load(after, exhibitorId).AsNoTracking().FirstAsync(ct));
    }

    private static Error Conflict(Exhibitor current) =>
        Error.Conflict("listing_conflict", $"{current.ListingUpdatedBy ?? "Someone"} saved this listing in the meantime.")
            with { Details = new ListingConflict(ToEdit(current), current.ListingUpdatedBy, current.ListingUpdatedAt) };

    /// <summary>Field by field, so that the message names what to fix; the domain checks again.</summary>
    private static Error? Validate(ListingEdit e)
    {
        static Error Invalid(string code, string message) => Error.Validation(code, message);
        if (string.IsNullOrWhiteSpace(e.NameKo) && string.IsNullOrWhiteSpace(e.NameEn)) return Invalid("name_required", "The company needs a Korean or an English name.");
        if (e.NameKo.Length > 300 || e.NameEn.Length > 300) return Invalid("name_too_long", "A company name has at most 300 characters.");
        if (e.DescriptionKo.Length > 4000 || e.DescriptionEn.Length > 4000) return Invalid("description_too_long", "A description has at most 4,000 characters.");
        if (string.IsNullOrWhiteSpace(e.CityKo) && string.IsNullOrWhiteSpace(e.CityEn)) return Invalid("city_required", "The city is required.");
        if (string.IsNullOrWhiteSpace(e.ContactName)) return Invalid("contact_required", "A contact person is required.");
        if (!MailAddress.TryCreate(e.ContactEmail?.Trim(), out var mail) || mail.Address != e.ContactEmail!.Trim())
            return Invalid("invalid_email", $"'{e.ContactEmail}' is not an e-mail address.");
        if (!string.IsNullOrWhiteSpace(e.Website)
            && (!Uri.TryCreate(e.Website.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return Invalid("invalid_website", $"'{e.Website}' is not a web address (http:// or https://).");
        if (e.Products.Count > Exhibitor.MaxProducts) return Invalid("too_many_products", $"A listing holds at most {Exhibitor.MaxProducts} products.");
        for (var i = 0; i < e.Products.Count; i++)
        {
            var p = e.Products[i];
            if (string.IsNullOrWhiteSpace(p.NameKo) && string.IsNullOrWhiteSpace(p.NameEn))
                return Invalid("product_name_required", $"Product {i + 1} needs a Korean or an English name.");
            if (!HsCode.TryParse(p.HsCode, out _))
                return Invalid("invalid_hs_code", $"Product {i + 1}: '{p.HsCode}' is not an HS code of 4 or 6 digits under a real chapter.");
        }
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IQueryable<Exhibitor> Load(IAppDbContext db, int exhibitorId) =>
        db.Exhibitors.Include(x => x.Booth).Include(x => x.Event).Include(x => x.Products).Where(x => x.Id == exhibitorId);

    private static ListingEdit ToEdit(Exhibitor x) => new()
    {
        Id = x.Id, NameKo = x.Name.Ko, NameEn = x.Name.En, DescriptionKo = x.Description.Ko, DescriptionEn = x.Description.En,
        CityKo = x.City.Ko, CityEn = x.City.En, ContactName = x.Contact.Name, ContactEmail = x.Contact.Email, ContactPhone = x.Contact.Phone,
        Website = x.Website, Certifications = [.. x.Certifications], TargetMarkets = [.. x.TargetMarkets], ExportMarkets = [.. x.ExportMarkets],
        Languages = [.. x.Languages], Version = x.Version, BoothCode = x.Booth?.Code, EventSlug = x.Event?.Slug, Industry = x.Industry, CountryCode = x.CountryCode,
        ProvinceCode = x.ProvinceCode, UpdatedAt = x.ListingUpdatedAt, UpdatedBy = x.ListingUpdatedBy,
        Products = x.Products.OrderBy(p => p.Id).Select(p => new ListingProduct
        {
            Id = p.Id, NameKo = p.Name.Ko, NameEn = p.Name.En, DescriptionKo = p.Description.Ko, DescriptionEn = p.Description.En, HsCode = p.HsCode, PhotoId = p.PhotoId,
        }).ToList(),
    };
}
