using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpoPortal.Web.Endpoints;

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events/{slug}").RequireAuthorization(Policies.SignedIn);

        // Organizers book for anyone; a participant or an exhibitor only for itself (checked in MeetingBooking).
        events.MapPost("/meetings", async Task<Results<Created<MeetingView>, ProblemHttpResult>> (
            string slug, BookMeetingRequest request, HttpContext http, EventService eventsService, MeetingBooking booking, CancellationToken ct) =>
        {
            var expo = await eventsService.FindAsync(slug, ct);
            if (expo is null) return ApiProblem.EventNotFound(slug);
            var result = await booking.BookAsync(http.User.ToActor(), expo.Id, request, ct);
            return result.Succeeded
                ? TypedResults.Created($"/api/events/{slug}/meetings/{result.Value.Id}", result.Value)
                : ApiProblem.From(result.Error!);
        });

        events.MapGet("/participants/{participantId:int}/agenda", async Task<Results<Ok<IReadOnlyList<AgendaItem>>, ProblemHttpResult>> (
            int participantId, HttpContext http, MeetingBooking booking, CancellationToken ct) =>
        {
            var result = await booking.AgendaOfParticipantAsync(http.User.ToActor(), participantId, ct);
            return result.Succeeded ? TypedResults.Ok(result.Value) : ApiProblem.From(result.Error!);
        });

        events.MapGet("/figures", async Task<Results<Ok<EventFigures>, ProblemHttpResult>> (string slug, EventService eventsService, CancellationToken ct) =>
            await eventsService.GetFiguresAsync(slug, ct) is { } figures
                ? TypedResults.Ok(figures)
                : ApiProblem.EventNotFound(slug))
            .RequireAuthorization(Policies.Organizer);
        return app;
    }
}
