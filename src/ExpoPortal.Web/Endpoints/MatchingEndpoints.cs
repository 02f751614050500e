using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Matching.Io;
using ExpoPortal.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpoPortal.Web.Endpoints;

/// <summary>The matching engine for organizers: start a run, follow it, cancel it, publish it, export the instance.</summary>
public static class MatchingEndpoints
{
    /// <param name="Replan">Keep the last run's still-valid proposals where they are (after cancellations, late arrivals).</param>
    public sealed record StartRunRequest(int TimeLimitSeconds = 10, int Seed = 1, bool Replan = false);

    public sealed record PairRequest(int ParticipantId, int ExhibitorId, string? Decision);

    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/events/{slug}/matching").RequireAuthorization(Policies.Organizer);

        runs.MapPost("/runs", async Task<Results<Accepted<MatchingRunView>, ProblemHttpResult>> (
            string slug, StartRunRequest? request, HttpContext http, EventService events, MatchmakingService matching, CancellationToken ct) =>
        {
            if (await events.FindAsync(slug, ct) is not { } expo) return ApiProblem.EventNotFound(slug);
            request ??= new StartRunRequest();
            var queued = await matching.QueueRunAsync(http.User.ToActor(), expo.Id, request.TimeLimitSeconds, request.Seed, request.Replan, ct);
            if (!queued.Succeeded) return ApiProblem.From(queued.Error!);
            return TypedResults.Accepted($"/api/events/{slug}/matching/runs/{queued.Value}", await matching.GetRunAsync(queued.Value, ct));
        });

        runs.MapGet("/runs", async (string slug, EventService events, MatchmakingService matching, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo
                ? Results.Ok(await matching.ListRunsAsync(expo.Id, ct))
                : ApiProblem.EventNotFound(slug));

        runs.MapGet("/runs/{runId:int}", async Task<Results<Ok<MatchingRunView>, ProblemHttpResult>> (
            string slug, int runId, EventService events, MatchmakingService matching, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo && await matching.GetRunAsync(runId, ct) is { } run && run.EventId == expo.Id
                ? TypedResults.Ok(run)
                : ApiProblem.From(Error.NotFound("run_not_found", $"No matching run {runId} for event '{slug}'.")));

        runs.MapPost("/runs/{runId:int}/cancel", (string slug, int runId, HttpContext http, EventService events, MatchmakingService matching, CancellationToken ct) =>
            events.ForEventAsync(slug, ct, async expo =>
                await matching.CancelAsync(http.User.ToActor(), expo.Id, runId, ct) is { Succeeded: false } failed
                    ? ApiProblem.From(failed.Error!)
                    : Results.NoContent()));

        // ?overNewer=true: the organizer confirmed publishing a run older than the last published one.
        runs.MapPost("/runs/{runId:int}/publish", (string slug, int runId, bool? overNewer, HttpContext http, EventService events, MatchmakingService matching, CancellationToken ct) =>
            events.ForEventAsync(slug, ct, async expo =>
                (await matching.PublishAsync(http.User.ToActor(), expo.Id, runId, overNewer ?? false, ct)).ToHttp(p => Results.Ok(p.Published))));

        runs.MapGet("/compare", (string slug, int first, int second, HttpContext http, EventService events, MatchingReview review, CancellationToken ct) =>
            events.ForEventAsync(slug, ct, async expo =>
                (await review.CompareAsync(http.User.ToActor(), expo.Id, first, second, ct)).ToHttp(c => Results.Ok(c))));

        // Lock a pair in (must meet) or block it for the next run; "decision": "lock", "block" or null to clear.
        runs.MapPut("/pairs", (string slug, PairRequest request, HttpContext http, EventService events, MatchingReview review, CancellationToken ct) =>
            events.ForEventAsync(slug, ct, async expo =>
            {
                PairDecision? decision = request.Decision?.ToLowerInvariant() switch
                {
                    null => null,
                    "lock" => PairDecision.Lock,
                    "block" => PairDecision.Block,
                    _ => (PairDecision?)(-1),
                };
                if (decision is { } d && !Enum.IsDefined(d))
                    return ApiProblem.From(Error.Validation("bad_decision", "The decision is \"lock\", \"block\" or null."));
                var result = await review.DecideAsync(http.User.ToActor(), expo.Id, request.ParticipantId, request.ExhibitorId, decision, ct);
                return result.Succeeded ? Results.NoContent() : ApiProblem.From(result.Error!);
            }));

        // The event as an expo-match/1 file, to solve and check offline with the expo-match command line.
        runs.MapGet("/instance", async (string slug, EventService events, MatchmakingService matching, CancellationToken ct) =>
            await events.FindAsync(slug, ct) is { } expo && await matching.ExportAsync(expo.Id, ct) is { } instance
                ? Results.Text(InstanceWriter.Write(instance), "application/json; charset=utf-8")
                : ApiProblem.EventNotFound(slug));
        return app;
    }
}
