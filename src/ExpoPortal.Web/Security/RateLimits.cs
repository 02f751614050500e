using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpoPortal.Web.Security;

/// <summary>
/// HTTP rate limits where a script could hurt others: guessing passwords, and heavy uploads and downloads
/// (imports, exports, PDFs). Booking is limited per person inside the application service instead, because Blazor
/// circuit events never pass this middleware. A refusal is 429 with Retry-After.
/// </summary>
/// <remarks>
/// Sign-in is limited per client address, generously: a venue's Wi-Fi puts hundreds of buyers behind one address,
/// and the account lockout (5 failures) is what stops guessing one account's password.
/// </remarks>
public static class RateLimits
{
    /// <summary>Imports and other uploads, per signed-in user.</summary>
    public const string Uploads = "uploads";

    /// <summary>Exports, PDFs and reports, per signed-in user.</summary>
    public const string Downloads = "downloads";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        int Limit(string name, int fallback) => configuration.GetValue<int?>($"RateLimits:{name}") ?? fallback;
        var signIns = Limit("SignInsPerMinute", 60);
        var uploads = Limit("UploadsPerMinute", 20);
        var downloads = Limit("DownloadsPerMinute", 60);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                        title: $"Too many requests; try again in {seconds} seconds.",
                        statusCode: StatusCodes.Status429TooManyRequests,
                        extensions: new Dictionary<string, object?> { ["code"] = "too_many_requests" })
                    .ExecuteAsync(context.HttpContext);
            };
            // The sign-in form is a page, not an endpoint of its own: limit its POST by path.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login")
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + ClientAddress(context), _ => PerMinute(signIns))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.AddPolicy(Uploads, context => RateLimitPartition.GetFixedWindowLimiter("upload:" + UserOrAddress(context), _ => PerMinute(uploads)));
            options.AddPolicy(Downloads, context => RateLimitPartition.GetFixedWindowLimiter("download:" + UserOrAddress(context), _ => PerMinute(downloads)));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string UserOrAddress(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } user ? user : ClientAddress(context);
}
