using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpoPortal.Web.Endpoints;

internal static class ApiProblem
{
    /// <summary>An expected failure as RFC 9457 problem details, with the stable code for clients.</summary>
    public static ProblemHttpResult From(Error error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Details is not null) extensions["details"] = error.Details;
        if (error.RetryAfter is { } wait) extensions[RetryAfterKey] = Seconds(wait);
        return TypedResults.Problem(
            title: error.Message,
            statusCode: error.Kind switch
            {
                ErrorKind.Validation => StatusCodes.Status400BadRequest,
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status409Conflict,
            },
            extensions: extensions);
    }

    private const string RetryAfterKey = "retryAfter";

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>
    /// A refusal that says when to try again (a throttled booking) also carries the <c>Retry-After</c> header; registered
    /// as the problem-details customization, so it holds for every endpoint that returns such an error.
    /// </summary>
    public static void SetRetryAfter(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Extensions.TryGetValue(RetryAfterKey, out var seconds) && seconds is int s)
            context.HttpContext.Response.Headers.RetryAfter = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static ProblemHttpResult EventNotFound(string slug) => From(Error.NotFound("event_not_found", $"No event '{slug}'."));

    /// <summary>One place from a service's result to HTTP: the value through <paramref name="ok"/>, a failure as problem details.</summary>
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) => result.Succeeded ? ok(result.Value) : From(result.Error!);

    /// <summary>Resolves the event named in the route, or answers 404 for it; the handler then acts on that event only.</summary>
    public static async Task<IResult> ForEventAsync(this EventService events, string slug, CancellationToken ct, Func<EventSummary, Task<IResult>> handler) =>
        await events.FindAsync(slug, ct) is { } expo ? await handler(expo) : EventNotFound(slug);

    /// <summary>As <see cref="ForEventAsync"/> for a handler that needs only the event's id: no query once the address is known.</summary>
    public static async Task<IResult> ForEventIdAsync(this EventService events, string slug, CancellationToken ct, Func<int, Task<IResult>> handler) =>
        await events.IdOfAsync(slug, ct) is { } eventId ? await handler(eventId) : EventNotFound(slug);
}
