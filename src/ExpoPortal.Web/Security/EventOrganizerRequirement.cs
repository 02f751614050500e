using ExpoPortal.Application.Events;
using Microsoft.AspNetCore.Authorization;

namespace ExpoPortal.Web.Security;

/// <summary>
/// Part of the organizer policy: where the route names an event (<c>{slug}</c>), the organizer must be one of that
/// event's organizers (or a portal administrator). Checked for API routes and pages alike: on an HTTP request the
/// resource is the HttpContext, on a page change inside a circuit it is the page's RouteData.
/// </summary>
public sealed class EventOrganizerRequirement : IAuthorizationRequirement;

internal sealed class EventOrganizerHandler(EventService events) : AuthorizationHandler<EventOrganizerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EventOrganizerRequirement requirement)
    {
        var slug = context.Resource switch
        {
            HttpContext http => http.GetRouteValue("slug") as string,
            Microsoft.AspNetCore.Components.RouteData route => (route.RouteValues.TryGetValue("Slug", out var s) || route.RouteValues.TryGetValue("slug", out s)) ? s as string : null,
            _ => null,
        };
        // No event in the route (or one that does not exist, which the page or route answers with "not found").
        if (slug is null || await events.FindAsync(slug) is not { } expo || context.User.ToActor().Organizes(expo.Id))
            context.Succeed(requirement);
    }
}
