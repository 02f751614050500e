using ExpoPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace ExpoPortal.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with the antiforgery token of the layout's form, so no other site can sign a user out.
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).RequireAuthorization();

        // Re-issues the cookie from the database (new organizer grants), then goes on; used after creating an event.
        app.MapGet("/account/refresh", async (string? returnUrl, HttpContext http) =>
        {
            await RefreshCookieAsync(http);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireAuthorization();

        // Language switch: remembered in a cookie for a year, then back to the page the user was on.
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!WebSetup.SupportedCultures.Any(c => c.Name == culture))
                return Results.Problem($"Unsupported language '{culture}'. Use one of: {string.Join(", ", WebSetup.SupportedCultures.Select(c => c.Name))}.", statusCode: 400);
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            var target = string.IsNullOrEmpty(returnUrl) || !Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) || returnUrl.StartsWith("//")
                ? "/" : returnUrl;
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        return app;
    }

    internal static async Task RefreshCookieAsync(HttpContext http)
    {
        var signIn = http.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user) await signIn.RefreshSignInAsync(user);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && Uri.IsWellFormedUriString(url, UriKind.Relative) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
