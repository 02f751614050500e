using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Exhibitors;

public enum DirectorySort
{
    NameKo,
    NameEn,
    Booth,
    Region,
}

public sealed record DirectoryQuery(
    string? Search = null,
    Industry? Industry = null,
    bool HostRegionOnly = false,
    DirectorySort Sort = DirectorySort.Booth,
    bool Descending = false,
    string? HsPrefix = null,
    string? HallCode = null,
    string? Language = null,
    string? Certification = null,
    string? ProvinceCode = null);

public sealed record DirectoryProduct(LocalizedText Name, string HsCode);

/// <summary>One entry of the directory book.</summary>
public sealed record DirectoryEntry(
    int Id,
    LocalizedText Name,
    LocalizedText City,
    string CountryCode,
    string? ProvinceCode,
    Industry Industry,
    string? BoothCode,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> TargetMarkets,
    IReadOnlyList<DirectoryProduct> Products);

/// <summary>The directory book: every participating company, searched and paged in the database.</summary>
public sealed class ExhibitorDirectory(IAppDbContextFactory dbFactory)
{
    public async Task<PagedResult<DirectoryEntry>> SearchAsync(int eventId, DirectoryQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var exhibitors = db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId);

        if (query.Industry is { } industry)
            exhibitors = exhibitors.Where(x => x.Industry == industry);
        if (query.HostRegionOnly)
        {
            var host = await db.Events.Where(e => e.Id == eventId).Select(e => e.HostProvinceCode).FirstAsync(ct);
            exhibitors = exhibitors.Where(x => x.ProvinceCode == host);
        }
        if (query.ProvinceCode is { Length: > 0 } province)
            exhibitors = exhibitors.Where(x => x.ProvinceCode == province);
        if (query.HallCode is { Length: > 0 } hall)
            exhibitors = exhibitors.Where(x => x.Booth != null && x.Booth.Hall.Code == hall);
        if (query.Language is { Length: > 0 } language)
            exhibitors = exhibitors.Where(x => x.Languages.Contains(language));
        if (query.Certification is { Length: > 0 } certification)
            exhibitors = exhibitors.Where(x => x.Certifications.Contains(certification));
        if (DigitsOnly(query.HsPrefix) is { } hs)
            exhibitors = exhibitors.Where(x => x.Products.Any(p => p.HsCode.StartsWith(hs)));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // One trigram-indexed text holds both languages: a substring match (Hangul has no stemmer), a fuzzy word
            // match for typos ("cosmetcs"), an exact booth code, and HS codes by prefix ("09" is chapter 9, "0902" tea).
            var term = query.Search.Trim().ToLowerInvariant();
            var pattern = $"%{EscapeLike(term)}%";
            var digits = DigitsOnly(term);
            var exact = exhibitors.Where(x =>
                EF.Functions.ILike(x.SearchText, pattern, "\\")
                || (x.Booth != null && x.Booth.Code.ToLower() == term)
                || (digits != null && x.Products.Any(p => p.HsCode.StartsWith(digits))));
            // The fuzzy match is the fallback for a term that matches nothing as written: a typo ("cosmetcs"), not
            // "cosmetics". It looks in the names only: over the descriptions too it read every row's long text
            // (0.5 s on 5,000 exhibitors, bench/PortalTasksBench).
            if (term.Length >= 4 && !await exact.AnyAsync(ct))
            {
                // Matched once, then counted and paged by id: the similarity is the expensive part of the query.
                var similar = await exhibitors.Where(x => EF.Functions.TrigramsAreWordSimilar(term, x.NameText)).Select(x => x.Id).ToListAsync(ct);
                exhibitors = db.Exhibitors.AsNoTracking().Where(x => similar.Contains(x.Id));
            }
            else
            {
                exhibitors = exact;
            }
        }

        var total = await exhibitors.CountAsync(ct);
        IOrderedQueryable<Exhibitor> ordered = (query.Sort, query.Descending) switch
        {
            (DirectorySort.NameKo, false) => exhibitors.OrderBy(x => x.Name.Ko),
            (DirectorySort.NameKo, true) => exhibitors.OrderByDescending(x => x.Name.Ko),
            (DirectorySort.NameEn, false) => exhibitors.OrderBy(x => x.Name.En),
            (DirectorySort.NameEn, true) => exhibitors.OrderByDescending(x => x.Name.En),
            (DirectorySort.Region, false) => exhibitors.OrderBy(x => x.ProvinceCode).ThenBy(x => x.Name.En),
            (DirectorySort.Region, true) => exhibitors.OrderByDescending(x => x.ProvinceCode).ThenBy(x => x.Name.En),
            (_, false) => exhibitors.OrderBy(x => x.Booth == null).ThenBy(x => x.Booth!.Code),
            (_, true) => exhibitors.OrderBy(x => x.Booth == null).ThenByDescending(x => x.Booth!.Code),
        };

        var rows = await ordered
            .ThenBy(x => x.Id)
            .Skip(page.Skip).Take(page.Take)
            .Select(x => new
            {
                x.Id, x.Name, x.City, x.CountryCode, x.ProvinceCode, x.Industry,
                BoothCode = x.Booth != null ? x.Booth.Code : null,
                x.Languages, x.TargetMarkets,
                Products = x.Products.OrderBy(p => p.Id).Select(p => new { p.Name, p.HsCode }).ToList(),
            })
            .ToListAsync(ct);

        var items = rows.Select(r => new DirectoryEntry(
            r.Id, r.Name, r.City, r.CountryCode, r.ProvinceCode, r.Industry, r.BoothCode, r.Languages, r.TargetMarkets,
            r.Products.Select(p => new DirectoryProduct(p.Name, p.HsCode)).ToList())).ToList();
        return new PagedResult<DirectoryEntry>(items, total);
    }

    /// <summary>Two or more digits and nothing else (an HS prefix), or null.</summary>
    private static string? DigitsOnly(string? text) =>
        text?.Trim() is { Length: >= 2 and <= 6 } t && t.All(char.IsAsciiDigit) ? t : null;

    internal static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>The values the directory's filters offer: halls, languages and certifications in use at the event.</summary>
    public async Task<DirectoryFilters> FiltersAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code)
            .Select(h => new HallOption(h.Code, h.Name)).ToListAsync(ct);
        var lists = await db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId)
            .Select(x => new { x.Languages, x.Certifications, x.ProvinceCode }).ToListAsync(ct);
        return new DirectoryFilters(halls,
            lists.SelectMany(l => l.Languages).Distinct().Order().ToList(),
            lists.SelectMany(l => l.Certifications).Distinct().Order().ToList(),
            lists.Select(l => l.ProvinceCode).OfType<string>().Distinct().Order().ToList());
    }

    /// <summary>The public page of one exhibitor: everything a buyer reads before booking, and its hall's floor plan.</summary>
    public async Task<ExhibitorProfile?> ProfileAsync(int eventId, int exhibitorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var x = await db.Exhibitors.AsNoTracking().Include(e => e.Products).Include(e => e.Booth).ThenInclude(b => b!.Hall)
            .FirstOrDefaultAsync(e => e.Id == exhibitorId && e.EventId == eventId, ct);
        if (x is null) return null;
        HallPlan? plan = null;
        if (x.Booth is { } booth)
        {
            var booths = await db.Booths.AsNoTracking().Where(b => b.HallId == booth.HallId)
                .Select(b => new PlanBooth(b.Code, b.Position.X, b.Position.Y, b.Position.Width, b.Position.Height)).ToListAsync(ct);
            plan = new HallPlan(booth.Hall.Code, booth.Hall.Name, booth.Hall.Columns, booth.Hall.Rows, booths);
        }
        return new ExhibitorProfile(x.Id, x.Name, x.Description, x.City, x.CountryCode, x.ProvinceCode, x.Industry, x.Size,
            x.Booth?.Code, x.Booth?.MeetingTables ?? 0, x.Website, x.Certifications, x.Languages, x.TargetMarkets, x.ExportMarkets,
            x.Products.OrderBy(p => p.Id).Select(p => new ProfileProduct(p.Name, p.Description, p.HsCode, p.PhotoId)).ToList(), plan);
    }
}

public sealed record HallOption(string Code, LocalizedText Name);

public sealed record DirectoryFilters(IReadOnlyList<HallOption> Halls, IReadOnlyList<string> Languages, IReadOnlyList<string> Certifications, IReadOnlyList<string> Provinces);

public sealed record ProfileProduct(LocalizedText Name, LocalizedText Description, string HsCode, Guid? PhotoId);

public sealed record PlanBooth(string Code, int X, int Y, int Width, int Height);

/// <summary>A hall's grid and its booths, for the small floor plan that marks one booth.</summary>
public sealed record HallPlan(string Code, LocalizedText Name, int Columns, int Rows, IReadOnlyList<PlanBooth> Booths);

public sealed record ExhibitorProfile(
    int Id, LocalizedText Name, LocalizedText Description, LocalizedText City, string CountryCode, string? ProvinceCode,
    Industry Industry, CompanySize Size, string? BoothCode, int MeetingTables, string? Website, IReadOnlyList<string> Certifications,
    IReadOnlyList<string> Languages, IReadOnlyList<string> TargetMarkets, IReadOnlyList<string> ExportMarkets,
    IReadOnlyList<ProfileProduct> Products, HallPlan? Plan);
