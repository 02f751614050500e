using ExpoPortal.Application.Access;
using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

/// <summary>Who organizes an event (granted by portal administrators), and the event's audit log.</summary>
internal static class AccessEndpoints
{
    public sealed record GrantRequest(string Email);

    public static void MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var organizers = app.MapGroup("/api/events/{slug}/organizers").WithTags("Access");
        organizers.MapGet("", (string slug, HttpContext http, EventService events, OrganizerGrants grants, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo => (await grants.ListAsync(http.User.ToActor(), expo.Id, ct)).ToHttp(g => Results.Ok(g))))
            .RequireAuthorization(Policies.Organizer)
            .WithName("EventOrganizers").WithSummary("Who organizes the event: its organizers and portal administrators.");
        organizers.MapPut("", (string slug, GrantRequest request, HttpContext http, EventService events, OrganizerGrants grants, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo => (await grants.GrantAsync(http.User.ToActor(), expo.Id, request.Email, ct)).ToHttp(g => Results.Ok(g))))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GrantOrganizer").WithSummary("Grants the event to an organizer account (portal administrators).");
        organizers.MapDelete("/{userId}", (string slug, string userId, HttpContext http, EventService events, OrganizerGrants grants, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo =>
                    await grants.RevokeAsync(http.User.ToActor(), expo.Id, userId, ct) is { Succeeded: false } failed ? ApiProblem.From(failed.Error!) : Results.NoContent()))
            .RequireAuthorization(Policies.Administrator)
            .WithName("RevokeOrganizer").WithSummary("Withdraws an organizer's right to the event (portal administrators).");

        app.MapGet("/api/events/{slug}/audit", (string slug, string? action, string? text, DateTimeOffset? from, DateTimeOffset? to, string? person, int? page, int? pageSize,
                HttpContext http, EventService events, AuditLogQuery audit, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo =>
                    (await audit.PageAsync(http.User.ToActor(), expo.Id, new AuditFilter(action, text, from, to, person), new PageRequest(page ?? 0, pageSize ?? 50), ct))
                    .ToHttp(p => Results.Ok(p))))
            .RequireAuthorization(Policies.Organizer)
            .WithTags("Access").WithName("AuditLog")
            .WithSummary("The event's audit log, newest first: organizer actions and every meeting change, with the state before and after.");
    }
}
