using ExpoPortal.Application.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpoPortal.Web.Endpoints;

internal static class ApiProblem
{
    /// <summary>An expected failure as RFC 9457 problem details, with the stable code for clients.</summary>
    public static ProblemHttpResult From(Error error) => TypedResults.Problem(
        title: error.Message,
        statusCode: error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        },
        extensions: error.Details is { } details
            ? new Dictionary<string, object?> { ["code"] = error.Code, ["details"] = details }
            : new Dictionary<string, object?> { ["code"] = error.Code });

    public static ProblemHttpResult EventNotFound(string slug) => From(Error.NotFound("event_not_found", $"No event '{slug}'."));
}
