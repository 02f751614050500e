using ExpoPortal.Application.Common;
using ExpoPortal.Application.Desk;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

/// <summary>The day of the event: the organizers' desk (move, walk-in, search), check-in at the booths, outcomes.</summary>
public static class DeskEndpoints
{
    public static IEndpointRouteBuilder MapDeskEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events/{slug}").RequireAuthorization(Policies.SignedIn).WithTags("Desk");

        events.MapPost("/meetings/{meetingId:int}/move", MoveAsync)
            .RequireAuthorization(Policies.Organizer)
            .WithName("MoveMeeting")
            .WithSummary("Move a meeting to another slot or table (organizers); both sides are told. 409 slot_taken, participant_busy, no_interpreter_free, meeting_not_movable; 400 slot_past, participant_unavailable, no_such_table; 404 for a meeting of another event.");

        events.MapPost("/meetings/walk-in", WalkInAsync)
            .WithName("RegisterWalkIn")
            .WithSummary("Register a walk-in meeting at a booth (organizers, or the booth's own staff): held at once, in the running slot unless one is given. 409 slot_taken, participant_busy; 400 no_current_slot, slot_not_started.");

        events.MapPost("/meetings/{meetingId:int}/status", MarkAsync)
            .WithName("MarkMeeting")
            .WithSummary("Mark a meeting checkedIn, held or noShow (organizers, or the meeting's booth). 409 meeting_not_markable; 400 slot_not_started.");

        events.MapPut("/meetings/{meetingId:int}/outcome", OutcomeAsync)
            .WithName("RecordOutcome")
            .WithSummary("Record what came of a held meeting (the meeting's booth, or organizers): consultation value, expected contract value, MOU and its value (USD), notes.");

        events.MapGet("/desk/search", SearchAsync)
            .RequireAuthorization(Policies.Organizer)
            .WithName("DeskSearch")
            .WithSummary("Find participants, exhibitors and interpreters of the event by name, company, e-mail or booth, in Korean or English (organizers).");

        events.MapGet("/interpreters", InterpreterPoolAsync)
            .RequireAuthorization(Policies.Organizer)
            .WithName("InterpreterPool")
            .WithSummary("The interpreter pool of one consultation day (day=yyyy-MM-dd, the first day by default): each interpreter's languages, presence and meetings per slot, and every meeting that needs an interpreter (organizers).");

        events.MapGet("/meetings/{meetingId:int}/interpreter-candidates", InterpreterCandidatesAsync)
            .RequireAuthorization(Policies.Organizer)
            .WithName("InterpreterCandidates")
            .WithSummary("Interpreters who could take over a meeting: there that day, bridging both sides, free in its slot, least busy first (organizers).");

        events.MapPut("/meetings/{meetingId:int}/interpreter", ReassignInterpreterAsync)
            .RequireAuthorization(Policies.Organizer)
            .WithName("ReassignInterpreter")
            .WithSummary("Give a meeting to another interpreter of the pool (organizers). 409 interpreter_busy, meeting_not_reassignable; 400 interpreter_not_present, interpreter_cannot_bridge; 404 for a meeting or interpreter of another event.");

        app.MapPost("/api/check-in/{token}", CheckInAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Desk")
            .WithName("CheckInByToken")
            .WithSummary("Check the visitor of a meeting in by the token of its QR code (organizers, or the meeting's booth); twice checks in once. 404 check_in_token_invalid.");
        return app;
    }

    private static Task<IResult> MoveAsync(string slug, int meetingId, MoveMeetingRequest request, HttpContext http, EventService events, MeetingBooking booking, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await booking.MoveAsync(http.User.ToActor(), expo.Id, meetingId, request, ct)).ToHttp(m => TypedResults.Ok(m)));

    private static Task<IResult> WalkInAsync(string slug, WalkInRequest request, HttpContext http, EventService events, MeetingBooking booking, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await booking.WalkInAsync(http.User.ToActor(), expo.Id, request, ct))
            .ToHttp(m => TypedResults.Created($"/api/events/{slug}/meetings/{m.Id}", m)));

    private static Task<IResult> MarkAsync(string slug, int meetingId, MarkRequest request, HttpContext http, EventService events, CheckIns checkIns, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await checkIns.MarkAsync(http.User.ToActor(), expo.Id, meetingId, request.Status, ct)).ToHttp(m => TypedResults.Ok(m)));

    private static Task<IResult> OutcomeAsync(string slug, int meetingId, OutcomeForm form, HttpContext http, EventService events, DeskService desk, CheckIns checkIns, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo =>
        {
            var actor = http.User.ToActor();
            // The meeting must belong to the event of the route, whoever asks.
            if (!await BelongsAsync(desk, expo.Id, meetingId, ct)) return ApiProblem.From(Error.NotFound("meeting_not_found", $"No meeting {meetingId} in this event."));
            var result = await checkIns.RecordOutcomeAsync(actor, meetingId, form, ct);
            return result.Succeeded ? TypedResults.NoContent() : ApiProblem.From(result.Error!);
        });

    private static async Task<IResult> SearchAsync(string slug, string? q, HttpContext http, EventService events, DeskService desk, CancellationToken ct) =>
        await events.ForEventAsync(slug, ct, async expo => (await desk.SearchAsync(http.User.ToActor(), expo.Id, q, ct)).ToHttp(people => TypedResults.Ok(people)));

    private static Task<IResult> InterpreterPoolAsync(string slug, DateOnly? day, HttpContext http, EventService events, InterpreterPool pool, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await pool.DayAsync(http.User.ToActor(), expo.Id, day, ct)).ToHttp(d => TypedResults.Ok(d)));

    private static Task<IResult> InterpreterCandidatesAsync(string slug, int meetingId, HttpContext http, EventService events, InterpreterPool pool, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await pool.CandidatesAsync(http.User.ToActor(), expo.Id, meetingId, ct)).ToHttp(c => TypedResults.Ok(c)));

    private static Task<IResult> ReassignInterpreterAsync(string slug, int meetingId, ReassignInterpreterRequest request, HttpContext http, EventService events,
        MeetingBooking booking, CancellationToken ct) =>
        events.ForEventAsync(slug, ct, async expo => (await booking.ReassignInterpreterAsync(http.User.ToActor(), expo.Id, meetingId, request, ct)).ToHttp(m => TypedResults.Ok(m)));

    private static async Task<IResult> CheckInAsync(string token, HttpContext http, CheckIns checkIns, CancellationToken ct) =>
        (await checkIns.CheckInByTokenAsync(http.User.ToActor(), token, ct)).ToHttp(m => TypedResults.Ok(m));

    private static async Task<bool> BelongsAsync(DeskService desk, int eventId, int meetingId, CancellationToken ct) =>
        await desk.EventOfMeetingAsync(meetingId, ct) == eventId;

    /// <param name="Status">checkedIn, held or noShow.</param>
    public sealed record MarkRequest(DeskMark Status);
}
