using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Booths;

public sealed record BoothRow(int Id, string Code, string HallCode, LocalizedText HallName, string Zone, int SizeSquareMeters,
    int MeetingTables, int? ExhibitorId, LocalizedText? Exhibitor);

/// <summary>The organizers' list of booths and who holds them.</summary>
public sealed class BoothList(IAppDbContextFactory dbFactory)
{
    /// <summary>One page of the event's booths; empty for anyone who does not organize the event.</summary>
    public async Task<PagedResult<BoothRow>> PageAsync(Actor actor, int eventId, string? search, bool? assigned, PageRequest page, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return new PagedResult<BoothRow>([], 0);
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = from b in db.Booths.AsNoTracking()
                   where b.EventId == eventId
                   join x in db.Exhibitors on b.Id equals x.BoothId into held
                   from x in held.DefaultIfEmpty()
                   select new { Booth = b, b.Hall, Exhibitor = x };
        if (assigned is { } a) rows = a ? rows.Where(r => r.Exhibitor != null) : rows.Where(r => r.Exhibitor == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            rows = rows.Where(r => r.Booth.Code.ToLower().Contains(term) || r.Booth.Zone.ToLower().Contains(term)
                || (r.Exhibitor != null && (r.Exhibitor.Name.Ko.Contains(term) || r.Exhibitor.Name.En.ToLower().Contains(term))));
        }
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.Hall.Code).ThenBy(r => r.Booth.Code.Length).ThenBy(r => r.Booth.Code)
            .Skip(page.Skip).Take(page.Take)
            .Select(r => new BoothRow(r.Booth.Id, r.Booth.Code, r.Hall.Code, r.Hall.Name, r.Booth.Zone, r.Booth.SizeSquareMeters,
                r.Booth.MeetingTables, r.Exhibitor != null ? r.Exhibitor.Id : null, r.Exhibitor != null ? r.Exhibitor.Name : null))
            .ToListAsync(ct);
        return new PagedResult<BoothRow>(items, total);
    }
}
