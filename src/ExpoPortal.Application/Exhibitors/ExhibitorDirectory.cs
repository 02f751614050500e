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
    bool Descending = false);

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
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower() keeps the search case-blind for Latin text; Hangul has no case. HS codes match by prefix.
            var term = query.Search.Trim().ToLower();
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            exhibitors = exhibitors.Where(x =>
                x.Name.Ko.ToLower().Contains(term) || x.Name.En.ToLower().Contains(term) ||
                x.City.Ko.Contains(term) || x.City.En.ToLower().Contains(term) ||
                (x.Booth != null && x.Booth.Code.ToLower() == term) ||
                x.Products.Any(p => p.Name.Ko.ToLower().Contains(term) || p.Name.En.ToLower().Contains(term)
                    || (digits.Length >= 2 && digits.Length == term.Length && p.HsCode.StartsWith(digits))));
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
}
