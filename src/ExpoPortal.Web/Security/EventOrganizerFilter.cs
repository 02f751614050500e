using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Web.Endpoints;

namespace ExpoPortal.Web.Security;

/// <summary>
/// Organizer routes under <c>/api/events/{slug}</c>: the policy lets any organizer through; this filter lets through
/// only an organizer of that event (404 for an unknown event, 403 for someone else's). The services check the same
/// again, because pages call them without passing here.
/// </summary>
public static class EventOrganizerFilter
{
    public static readonly Error NotOrganizerOfEvent = Error.Forbidden("not_organizer_of_event", "You are not an organizer of this event.");

    public static TBuilder RequireEventOrganizer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(Policies.Organizer);
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetRouteValue("slug") is not string slug)
                throw new InvalidOperationException("RequireEventOrganizer needs a {slug} in the route.");
            var events = http.RequestServices.GetRequiredService<EventService>();
            if (await events.FindAsync(slug, http.RequestAborted) is not { } expo) return ApiProblem.EventNotFound(slug);
            return http.User.ToActor().Organizes(expo.Id) ? await next(context) : ApiProblem.From(NotOrganizerOfEvent);
        });
    }
}
