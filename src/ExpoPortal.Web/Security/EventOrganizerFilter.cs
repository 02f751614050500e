namespace ExpoPortal.Web.Security;

public static class EventOrganizerFilter
{
    /// <summary>
    /// Organizer routes under <c>/api/events/{slug}</c>: only an organizer of that event (or an administrator) passes
    /// (<see cref="EventOrganizerRequirement"/>, part of the organizer policy); the services check the same again,
    /// because pages call them without passing here.
    /// </summary>
    public static TBuilder RequireEventOrganizer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Organizer);
}
