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

    public sealed record MeetingOwnerJson(string? UserId);

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

        // The picture is the raw request body: its format is read from the bytes, whatever the Content-Type says.
        mine.MapPut("/products/{productId:int}/photo", async (int productId, HttpContext http, ProductPhotos photos, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                var uploaded = await photos.UploadAsync(actor, actor.ExhibitorId ?? 0, productId, http.Request.Body, ct);
                return uploaded.ToHttp(photo => TypedResults.Ok(photo));
            })
            .WithName("UploadProductPhoto")
            .WithSummary("Set one product's photo (the body: a JPEG, PNG or WebP of at most 2 MB, checked by content; stored re-encoded and resized). 400 photo_too_large / photo_not_image / photo_too_many_pixels, 404 product_not_found.");
        mine.MapDelete("/products/{productId:int}/photo", async (int productId, HttpContext http, ProductPhotos photos, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                var removed = await photos.RemoveAsync(actor, actor.ExhibitorId ?? 0, productId, ct);
                return removed.Succeeded ? Results.NoContent() : ApiProblem.From(removed.Error!);
            })
            .WithName("RemoveProductPhoto")
            .WithSummary("Remove one product's photo.");

        var team = app.MapGroup("/api/my/team").RequireAuthorization(Policies.Exhibitor).WithTags("Team");
        team.MapGet("", async (HttpContext http, ExhibitorTeam teams, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                return (await teams.ListAsync(actor, actor.ExhibitorId ?? 0, ct)).ToHttp(staff => TypedResults.Ok(staff));
            })
            .WithName("GetMyTeam")
            .WithSummary("The caller's company's staff sign-ins: the primary contact first, then the colleagues (hasSignedIn false while an invitation is pending).");
        team.MapPost("", async (TeamInvite invite, HttpContext http, ExhibitorTeam teams, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                return (await teams.InviteAsync(actor, actor.ExhibitorId ?? 0, invite, ct)).ToHttp(member => TypedResults.Created($"/api/my/team/{member.UserId}", member));
            })
            .WithName("InviteColleague")
            .WithSummary("The primary contact invites a colleague by e-mail: 201 and the new member; the invitation with its set-password link goes to that address only. 403 primary_contact_only, 409 email_in_use, 400 team_full / invalid_email.");
        team.MapDelete("/{userId}", async (string userId, HttpContext http, ExhibitorTeam teams, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                var removed = await teams.RemoveAsync(actor, actor.ExhibitorId ?? 0, userId, ct);
                return removed.Succeeded ? Results.NoContent() : ApiProblem.From(removed.Error!);
            })
            .WithName("RemoveColleague")
            .WithSummary("The primary contact removes a colleague's sign-in; the colleague's meetings stay and show as unowned. 400 cannot_remove_primary.");

        app.MapPut("/api/events/{slug}/meetings/{meetingId:int}/owner", (string slug, int meetingId, MeetingOwnerJson body, HttpContext http,
                EventService events, ExhibitorTeam teams, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo =>
                {
                    var result = await teams.AssignOwnerAsync(http.User.ToActor(), expo.Id, meetingId, body.UserId, ct);
                    return result.Succeeded ? Results.NoContent() : ApiProblem.From(result.Error!);
                }))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Team")
            .WithName("SetMeetingOwner")
            .WithSummary("Give a booth's meeting to one of the exhibitor's staff (userId; null: no one). The exhibitor's staff and the event's organizers; 400 not_a_colleague, 404 meeting_not_found.");

        app.MapGet("/api/events/{slug}/photos/{photoId:guid}", (string slug, Guid photoId, HttpContext http, EventService events, ProductPhotos photos, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo =>
                {
                    var photo = await photos.FindAsync(expo.Id, photoId, ct);
                    if (photo is null) return ApiProblem.From(Error.NotFound("photo_not_found", "No such photo at this event."));
                    // A new upload gets a new id, so a photo's bytes never change under its address.
                    http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
                    return TypedResults.File(photo.Content, photo.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo.Id:N}\""));
                }))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Directory")
            .WithName("GetProductPhoto")
            .WithSummary("A product photo of the event (signed in; 404 when the photo belongs to another event).");
        return app;
    }
}
