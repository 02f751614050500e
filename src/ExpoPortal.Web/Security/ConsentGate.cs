using ExpoPortal.Application.Privacy;
using ExpoPortal.Infrastructure.Identity;

namespace ExpoPortal.Web.Security;

/// <summary>
/// Sends a participant or exhibitor staff member who has not answered the consent questions of the current privacy
/// policy to <c>/account/consent</c> before any other page: a page, not a pop-up (KWCAG: nothing opens on page load).
/// The answer travels in the cookie (<see cref="PortalClaims.ConsentAnswered"/>), so no query runs per request. API
/// calls are not redirected; what they return already leaves out whatever was not consented to.
/// </summary>
public static class ConsentGate
{
    public const string Page = "/account/consent";

    public static IApplicationBuilder UseConsentGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (HttpMethods.IsGet(context.Request.Method) && user.Identity?.IsAuthenticated == true
            && (user.HasClaim(c => c.Type == PortalClaims.ParticipantId) || user.HasClaim(c => c.Type == PortalClaims.ExhibitorId))
            && !user.HasClaim(PortalClaims.ConsentAnswered, PrivacyPolicy.Version)
            && IsGatedPage(context.Request.Path))
        {
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{Page}?returnUrl={Uri.EscapeDataString(back)}");
            return;
        }
        await next();
    });

    private static readonly string[] Open =
        ["/api", "/account", "/privacy", "/culture", "/_blazor", "/_framework", "/_content", "/alive", "/health", "/openapi", "/not-found", "/error"];

    private static bool IsGatedPage(PathString path) =>
        !Open.Any(p => path.StartsWithSegments(p)) && !(path.Value ?? string.Empty).Contains('.');
}
