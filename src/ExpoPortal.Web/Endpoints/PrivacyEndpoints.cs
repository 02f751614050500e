using ExpoPortal.Application.Events;
using ExpoPortal.Application.Privacy;
using ExpoPortal.Domain.Privacy;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Privacy;
using ExpoPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace ExpoPortal.Web.Endpoints;

/// <summary>A person's consents, their data as a download, and erasure on request (PIPA art. 22, 35, 36, 37).</summary>
internal static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Privacy").RequireAuthorization(Policies.SignedIn);
        me.MapGet("/consents", async (HttpContext http, Consents consents, CancellationToken ct) =>
                (await consents.GetAsync(http.User.ToActor(), ct)).ToHttp(s => Results.Ok(s)))
            .Produces<ConsentState>()
            .WithName("MyConsents").WithSummary("The caller's consent per purpose (participants: matching, share_profile; exhibitor staff: directory_book), with when and under which policy version.");
        me.MapPut("/consents", async (Dictionary<string, bool> answers, HttpContext http, Consents consents, CancellationToken ct) =>
            {
                var result = await consents.RecordAsync(http.User.ToActor(), answers, ConsentMethods.Api, ct);
                if (result.Succeeded) await AccountEndpoints.RefreshCookieAsync(http);
                return result.ToHttp(s => Results.Ok(s));
            })
            .Produces<ConsentState>()
            .WithName("RecordMyConsents").WithSummary("Gives or withdraws consents, e.g. {\"matching\":true,\"share_profile\":false}; each change is appended and audited; 400 unknown_purpose.");
        me.MapGet("/data", async (HttpContext http, PersonalData data, CancellationToken ct) =>
                (await data.ExportAsync(http.User.ToActor(), ct)).ToHttp(json =>
                    Results.File(json, "application/json", $"expoportal-my-data-{DateTime.UtcNow:yyyyMMdd}.json")))
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .RequireRateLimiting(RateLimits.Downloads)
            .WithName("MyData").WithSummary("Everything stored about the caller as JSON: account, profile, consents, wishes, meetings, requests, notifications.");
        me.MapDelete("", async (HttpContext http, PersonalData data, SignInManager<ApplicationUser> signIn, CancellationToken ct) =>
            {
                var result = await data.EraseSelfAsync(http.User.ToActor(), ct);
                if (result.Succeeded) await signIn.SignOutAsync();
                return result.ToHttp(r => Results.Ok(r));
            })
            .Produces<ErasureReport>()
            .WithName("EraseMe").WithSummary("Erases the caller's personal data and account; meetings stay, anonymised, for the results.");

        app.MapDelete("/api/events/{slug}/participants/{participantId:int}/personal-data",
                (string slug, int participantId, HttpContext http, EventService events, PersonalData data, CancellationToken ct) =>
                    events.ForEventAsync(slug, ct, async expo =>
                        (await data.EraseParticipantAsync(http.User.ToActor(), expo.Id, participantId, ct)).ToHttp(r => Results.Ok(r))))
            .RequireAuthorization(Policies.Organizer)
            .Produces<ErasureReport>()
            .WithTags("Privacy").WithName("EraseParticipant")
            .WithSummary("An organizer handles a participant's erasure request: personal fields and the sign-in go, meetings stay anonymised; 404 for another event's participant.");
    }
}
