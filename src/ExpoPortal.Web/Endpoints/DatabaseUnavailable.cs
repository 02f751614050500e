using Npgsql;

namespace ExpoPortal.Web.Endpoints;

/// <summary>
/// While PostgreSQL is unreachable (restarting, failing over), API callers get 503 with the problem code
/// <c>database_unavailable</c> and Retry-After instead of a 500: a failure the client can retry, with the same
/// <c>clientRequestId</c> for a booking, which then books once whether or not the first attempt committed. Pages get
/// the usual error page. Npgsql's pool drops broken connections by itself, so the portal serves again as soon as the
/// server is back, without a restart; /health reports the database's state meanwhile.
/// </summary>
public static class DatabaseUnavailable
{
    public static IApplicationBuilder UseDatabaseUnavailable(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsDatabaseDown(ex) && !context.Response.HasStarted && context.Request.Path.StartsWithSegments("/api"))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailable))
                .LogWarning("The database is unavailable: {Message}", ex.GetBaseException().Message);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "5";
            await Results.Problem(
                    title: "The database is unavailable for a moment; try again (with the same clientRequestId for a booking).",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    extensions: new Dictionary<string, object?> { ["code"] = "database_unavailable" })
                .ExecuteAsync(context);
        }
    });

    /// <summary>A connection that failed or broke, or a server shutting down or starting up (SQLSTATE classes 08 and 57P).</summary>
    public static bool IsDatabaseDown(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg) return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }
}
