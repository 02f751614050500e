using ExpoPortal.Application.Events;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Web.Components.Shared;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events/{slug}").RequireAuthorization(Policies.SignedIn).WithTags("Meetings");

        // Organizers book for anyone; a participant or an exhibitor only for itself (checked in MeetingBooking).
        events.MapPost("/meetings", (string slug, BookMeetingRequest request, HttpContext http, EventService eventsService, MeetingBooking booking, CancellationToken ct) =>
            // The event's id only: the booking reads the event itself, in the one statement it reads everything with.
            eventsService.ForEventIdAsync(slug, ct, async eventId =>
                (await booking.BookAsync(http.User.ToActor(), eventId, request, ct))
                    .ToHttp(m => TypedResults.Created($"/api/events/{slug}/meetings/{m.Id}", m))))
            .WithName("BookMeeting")
            .WithSummary("Book a meeting in a slot (409 slot_taken, participant_busy, limit_reached, no_interpreter_free, booking_closed, pair_blocked; 400 participant_unavailable; 429 too_many_bookings with Retry-After).");

        events.MapPost("/meetings/{meetingId:int}/cancel", (string slug, int meetingId, HttpContext http, EventService eventsService, MeetingBooking booking, CancellationToken ct) =>
            eventsService.ForEventAsync(slug, ct, async expo =>
                (await booking.CancelAsync(http.User.ToActor(), expo.Id, meetingId, ct)).ToHttp(m => TypedResults.Ok(m))))
            .WithName("CancelMeeting")
            .WithSummary("Cancel one's own meeting before the event's cut-off (409 cancel_cutoff_passed); organizers any.");

        events.MapGet("/exhibitors/{exhibitorId:int}/slots", (string slug, int exhibitorId, HttpContext http, EventService eventsService, MeetingBooking booking, CancellationToken ct) =>
            eventsService.ForEventAsync(slug, ct, async expo =>
                (await booking.SlotsAsync(http.User.ToActor(), expo.Id, exhibitorId, ct))
                    .ToHttp(slots => TypedResults.Ok(slots.Select(s => new SlotJson(s.SlotId, s.StartsAt, s.EndsAt, s.State.ToString().ToLowerInvariant())).ToList()))))
            .WithName("ExhibitorSlots")
            .WithSummary("An exhibitor's slots as the caller sees them: free, taken, mine or unavailable.");

        events.MapGet("/participants/{participantId:int}/agenda", (string slug, int participantId, HttpContext http, EventService eventsService, MeetingBooking booking, CancellationToken ct) =>
            eventsService.ForEventAsync(slug, ct, async expo =>
                (await booking.AgendaOfParticipantAsync(http.User.ToActor(), expo.Id, participantId, ct)).ToHttp(a => TypedResults.Ok(a.Items))))
            .WithName("ParticipantAgenda")
            .WithSummary("A participant's agenda: that participant and organizers only (403 otherwise).");

        events.MapGet("/figures", (string slug, EventService eventsService, CancellationToken ct) =>
                eventsService.ForEventAsync(slug, ct, async expo => TypedResults.Ok(await eventsService.GetFiguresAsync(slug, ct))))
            .RequireAuthorization(Policies.Organizer)
            .WithName("EventFigures");

        // The signed-in participant's own calendar file; the link is stable, so calendars can re-download it.
        app.MapGet("/my/agenda.ics", async (HttpContext http, MeetingBooking booking, CancellationToken ct) =>
                (await booking.MyAgendaAsync(http.User.ToActor(), ct)).ToHttp(agenda =>
                    TypedResults.File(System.Text.Encoding.UTF8.GetBytes(AgendaCalendar.Write(agenda, UiLanguage.Current)),
                        AgendaCalendar.ContentType, $"agenda-{agenda.EventSlug}.ics")))
            .RequireAuthorization(Policies.Participant)
            .WithTags("Meetings")
            .WithName("MyAgendaCalendar")
            .WithSummary("The caller's agenda as an iCalendar file (Asia/Seoul times with VTIMEZONE, stable UIDs).");
        return app;
    }

    /// <summary>A slot for API clients; the state is one of free, taken, mine, unavailable.</summary>
    public sealed record SlotJson(int SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string State);
}
