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
            if (expo is null) return Problem(Error.NotFound("event_not_found", $"No event '{slug}'."));
            var result = await booking.BookAsync(http.User.ToActor(), expo.Id, request, ct);
            return result.Succeeded
                ? TypedResults.Created($"/api/events/{slug}/meetings/{result.Value.Id}", result.Value)
                : Problem(result.Error!);
        });

        events.MapGet("/participants/{participantId:int}/agenda", async Task<Results<Ok<IReadOnlyList<AgendaItem>>, ProblemHttpResult>> (
            int participantId, HttpContext http, MeetingBooking booking, CancellationToken ct) =>
        {
            var result = await booking.AgendaOfParticipantAsync(http.User.ToActor(), participantId, ct);
            return result.Succeeded ? TypedResults.Ok(result.Value) : Problem(result.Error!);
        });

        events.MapGet("/figures", async Task<Results<Ok<EventFigures>, ProblemHttpResult>> (string slug, EventService eventsService, CancellationToken ct) =>
            await eventsService.GetFiguresAsync(slug, ct) is { } figures
                ? TypedResults.Ok(figures)
                : Problem(Error.NotFound("event_not_found", $"No event '{slug}'.")))
            .RequireAuthorization(Policies.Organizer);
        return app;
    }

    /// <summary>An expected failure as RFC 9457 problem details, with the stable code for clients.</summary>
    internal static ProblemHttpResult Problem(Error error) => TypedResults.Problem(
        title: error.Message,
        statusCode: error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        },
        extensions: new Dictionary<string, object?> { ["code"] = error.Code });
}
