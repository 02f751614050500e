using ExpoPortal.Application.Events;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

/// <summary>Event set-up for organizers: create, edit (grid included), clone as the next edition, booking rules.</summary>
public static class EventSetupEndpoints
{
    public static IEndpointRouteBuilder MapEventSetupEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").RequireAuthorization(Policies.Organizer).WithTags("Event set-up");

        events.MapPost("", CreateAsync).WithName("CreateEvent")
            .WithSummary("Create an event (organizers); 201 with its settings, 400 with a code for a bad field, 409 slug_taken.");
        events.MapGet("/{slug}/settings", GetAsync).WithName("GetEventSettings")
            .WithSummary("The event's settings as the set-up page edits them (organizers).");
        events.MapPut("/{slug}", UpdateAsync).WithName("UpdateEvent")
            .WithSummary("Edit the event: names, venue, dates, time zone, consultation days, slot grid, halls; 409 grid_orphans_meetings lists the meetings a grid change would orphan.");
        events.MapPost("/{slug}/clone", CloneAsync).WithName("CloneEvent")
            .WithSummary("Clone the event as its next edition: halls, booths, settings, and optionally its exhibitors (without meetings).");
        events.MapPut("/{slug}/booking", SetBookingAsync).WithName("SetEventBooking")
            .WithSummary("Open or close booking and set the cancellation cut-off (and optionally the request rules).");
        return app;
    }

    private static async Task<IResult> CreateAsync(EventForm form, HttpContext http, EventSetup setup, CancellationToken ct)
    {
        var created = await setup.CreateAsync(http.User.ToActor(), form, ct);
        if (created.Succeeded) await AccountEndpoints.RefreshCookieAsync(http); // the new grant counts on the next call
        return created.ToHttp(v => Results.Created($"/api/events/{v.Slug}/settings", v));
    }

    private static Task<IResult> GetAsync(string slug, HttpContext http, EventService events, EventSetup setup, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await setup.GetAsync(http.User.ToActor(), expo.Id, ct)).ToHttp(v => Results.Ok(v)));

    private static Task<IResult> UpdateAsync(string slug, EventForm form, HttpContext http, EventService events, EventSetup setup, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await setup.UpdateAsync(http.User.ToActor(), expo.Id, form, ct)).ToHttp(v => Results.Ok(v)));

    private static Task<IResult> CloneAsync(string slug, CloneRequest request, HttpContext http, EventService events, EventSetup setup, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo =>
        {
            var cloned = await setup.CloneAsync(http.User.ToActor(), expo.Id, request, ct);
            if (cloned.Succeeded) await AccountEndpoints.RefreshCookieAsync(http);
            return cloned.ToHttp(c => Results.Created($"/api/events/{c.Slug}/settings", c));
        });

    private static Task<IResult> SetBookingAsync(string slug, BookingRules rules, HttpContext http, EventService events, EventSetup setup, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await setup.SetBookingAsync(http.User.ToActor(), expo.Id, rules, ct)).ToHttp(r => Results.Ok(r)));
}
