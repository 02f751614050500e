using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

/// <summary>The directory for scripts and other tools, and an exhibitor's own listing.</summary>
public static class ExhibitorEndpoints
{
    public sealed record ProductJson(string NameKo, string NameEn, string HsCode);

    public sealed record ExhibitorJson(int Id, string NameKo, string NameEn, string? BoothCode, Industry Industry, IReadOnlyList<ProductJson> Products);

    public sealed record ExhibitorPageJson(IReadOnlyList<ExhibitorJson> Items, int Total);

    public static IEndpointRouteBuilder MapExhibitorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/{slug}/exhibitors", (string slug, string? q, string? hs, Industry? industry, int? page, int? pageSize,
                EventService events, ExhibitorDirectory directory, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo =>
                {
                    var found = await directory.SearchAsync(expo.Id, new DirectoryQuery(q, industry, HsPrefix: hs),
                        new PageRequest(Math.Max(0, (page ?? 1) - 1), pageSize ?? 25), ct);
                    return TypedResults.Ok(new ExhibitorPageJson(
                        found.Items.Select(x => new ExhibitorJson(x.Id, x.Name.Ko, x.Name.En, x.BoothCode, x.Industry,
                            x.Products.Select(p => new ProductJson(p.Name.Ko, p.Name.En, p.HsCode)).ToList())).ToList(),
                        found.TotalCount));
                }))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Directory")
            .WithName("SearchExhibitors")
            .WithSummary("Search the directory (q: words in Korean or English, fuzzy; hs: HS prefix; page from 1).");

        var mine = app.MapGroup("/api/my/listing").RequireAuthorization(Policies.Exhibitor).WithTags("Listing");
        mine.MapGet("", async (HttpContext http, ExhibitorListing listings, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                return (await listings.GetAsync(actor, actor.ExhibitorId ?? 0, ct)).ToHttp(l => TypedResults.Ok(l));
            })
            .WithName("GetMyListing")
            .WithSummary("The caller's own listing with its version.");
        mine.MapPut("", async (ListingEdit edit, HttpContext http, ExhibitorListing listings, CancellationToken ct) =>
            {
                // The company comes from the sign-in, never from the body.
                var actor = http.User.ToActor();
                return (await listings.SaveAsync(actor, actor.ExhibitorId ?? 0, edit, ct)).ToHttp(l => TypedResults.Ok(l));
            })
            .WithName("SaveMyListing")
            .WithSummary("Save the caller's listing with the version it read: 200 and the new version, or 409 listing_conflict with the current one.");
        return app;
    }
}
