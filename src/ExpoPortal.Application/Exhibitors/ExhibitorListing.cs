using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Exhibitors;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Exhibitors;

/// <summary>Reads one exhibitor's whole listing. Editing comes with the exhibitor pages; the access rule is here already.</summary>
public sealed class ExhibitorListing(IAppDbContextFactory dbFactory)
{
    public async Task<Result<Exhibitor>> GetAsync(Actor actor, int exhibitorId, CancellationToken ct = default)
    {
        if (!actor.ActsForExhibitor(exhibitorId))
            return Error.Forbidden("not_your_listing", "You can open only your own company's listing.");
        await using var db = await dbFactory.CreateAsync(ct);
        var exhibitor = await db.Exhibitors.AsNoTracking()
            .Include(x => x.Booth).ThenInclude(b => b!.Hall)
            .Include(x => x.Products)
            .FirstOrDefaultAsync(x => x.Id == exhibitorId, ct);
        return exhibitor is null ? Error.NotFound("exhibitor_not_found", $"Exhibitor {exhibitorId} does not exist.") : exhibitor;
    }
}
