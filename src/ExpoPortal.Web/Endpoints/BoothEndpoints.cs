using ExpoPortal.Application.Booths;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpoPortal.Web.Endpoints;

/// <summary>Booths and who holds them, for organizers. Every route acts only on the event named in the slug.</summary>
public static class BoothEndpoints
{
    public sealed record AssignRequest(int ExhibitorId);

    public sealed record SwapRequest(string OtherCode);

    /// <param name="Apply">false: only propose; true: apply the proposal named by <paramref name="Token"/>.</param>
    /// <param name="HostRegion">"together" or "spread": host-province firms side by side, or spread over the halls.</param>
    public sealed record AutoAssignRequest(bool Apply = false, string? HostRegion = "together", string? Token = null);

    public static IEndpointRouteBuilder MapBoothEndpoints(this IEndpointRouteBuilder app)
    {
        var booths = app.MapGroup("/api/events/{slug}/booths").RequireAuthorization(Policies.Organizer);

        booths.MapGet("", async Task<Results<Ok<IReadOnlyList<BoothSummary>>, ProblemHttpResult>> (
            string slug, HttpContext http, EventService events, BoothAssignment assignment, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo
                ? ToHttp(await assignment.ListAsync(http.User.ToActor(), expo.Id, ct))
                : ApiProblem.EventNotFound(slug));

        booths.MapPut("/{code}/exhibitor", async Task<Results<Ok<BoothSummary>, ProblemHttpResult>> (
            string slug, string code, AssignRequest request, HttpContext http, EventService events, BoothAssignment assignment, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo
                ? ToHttp(await assignment.AssignAsync(http.User.ToActor(), expo.Id, code, request.ExhibitorId, ct))
                : ApiProblem.EventNotFound(slug));

        booths.MapDelete("/{code}/exhibitor", async Task<Results<Ok<BoothSummary>, ProblemHttpResult>> (
            string slug, string code, HttpContext http, EventService events, BoothAssignment assignment, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo
                ? ToHttp(await assignment.UnassignAsync(http.User.ToActor(), expo.Id, code, ct))
                : ApiProblem.EventNotFound(slug));

        booths.MapPost("/{code}/swap", async Task<Results<Ok<IReadOnlyList<BoothSummary>>, ProblemHttpResult>> (
            string slug, string code, SwapRequest request, HttpContext http, EventService events, BoothAssignment assignment, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo
                ? ToHttp(await assignment.SwapAsync(http.User.ToActor(), expo.Id, code, request.OtherCode, ct))
                : ApiProblem.EventNotFound(slug));

        // Booth editing: add a booth to a hall; move, resize, set tables and zone (inside the hall, no overlap, 1-20 tables).
        booths.MapPost("", async Task<Results<Created<BoothSummary>, ProblemHttpResult>> (
            string slug, NewBooth request, HttpContext http, EventService events, BoothEditing editing, CancellationToken ct) =>
        {
            if (await events.FindAsync(slug, ct) is not { } expo) return ApiProblem.EventNotFound(slug);
            var added = await editing.AddAsync(http.User.ToActor(), expo.Id, request, ct);
            return added.Succeeded
                ? TypedResults.Created($"/api/events/{slug}/booths/{added.Value.Code}", added.Value)
                : ApiProblem.From(added.Error!);
        });

        booths.MapPut("/{code}", async Task<Results<Ok<BoothSummary>, ProblemHttpResult>> (
            string slug, string code, BoothShape request, HttpContext http, EventService events, BoothEditing editing, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo
                ? ToHttp(await editing.UpdateAsync(http.User.ToActor(), expo.Id, code, request, ct))
                : ApiProblem.EventNotFound(slug));

        // Propose (apply: false) or apply exactly the proposal named by its token (apply: true); 409 assignment_changed
        // with the changed booths in "details" if anything moved since the proposal was made.
        booths.MapPost("/auto-assign", async Task<Results<Ok<AutoAssignResult>, ProblemHttpResult>> (
            string slug, AutoAssignRequest? request, HttpContext http, EventService events, BoothAutoAssign autoAssign, CancellationToken ct) =>
        {
            if (await events.FindAsync(slug, ct) is not { } expo) return ApiProblem.EventNotFound(slug);
            request ??= new AutoAssignRequest();
            var actor = http.User.ToActor();
            if (request.Apply) return ToHttp(await autoAssign.ApplyAsync(actor, expo.Id, request.Token, ct));
            var mode = BoothAutoAssign.ParseHostRegion(request.HostRegion);
            return mode.Succeeded ? ToHttp(await autoAssign.ProposeAsync(actor, expo.Id, mode.Value, ct)) : ApiProblem.From(mode.Error!);
        });

        return app;
    }

    internal static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : ApiProblem.From(result.Error!);
}
