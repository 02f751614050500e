using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Web.Components;
using ExpoPortal.Web.Endpoints;
using ExpoPortal.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Serilog;

namespace ExpoPortal.Web;

public static class WebSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("ko")];

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        // MudBlazor's CSS and JS are static web assets; this maps them when running from bin/ outside Development too.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Snackbars appear and go without a fade: a half-transparent message is unreadable for a moment (and axe-core
        // rightly reports its contrast), and people who prefer reduced motion get none.
        builder.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        builder.Services.AddTransient<MudBlazor.MudLocalizer, Localization.PortalMudLocalizer>();
        builder.Services.AddLocalization();
        // Korean text goes out as UTF-8, not as numeric character references three times its size.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Endpoints.ApiProblem.SetRetryAfter);
        // Statuses and kinds read as words in the API ("Succeeded", "Scheduled"), not as numbers.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "expo.auth";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            // API callers get status codes, not a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // A removed role, a disabled or locked account stops working within a minute, on cookies and open pages.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidatingIdentityStateProvider.Interval);
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        builder.Services.AddPortalAuthorization();
        builder.Services.AddPortalRateLimits(builder.Configuration);
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseTrustedProxies(app.Configuration); // first: everything after sees the client's address, not the proxy's
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        // The host's own logger: without it the middleware falls back to the static bootstrap logger, which the test hosts
        // keep unfrozen (preserveStaticLogger), so every request took its lock and ignored the configured sinks and levels.
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseDatabaseUnavailable();
        // A friendly page for pages people browse to; API callers keep their status code and problem details.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRouting(); // after the status pages, so a re-executed request is routed to /not-found

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
        });

        app.UseAuthentication();
        app.UseConsentGate(); // participants and staff answer the consent questions before anything else
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication: upload and download limits count per signed-in user
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapOpenApi().AllowAnonymous(); // /openapi/v1.json
        app.MapMeetingEndpoints();
        app.MapDeskEndpoints();
        app.MapResultsEndpoints();
        app.MapExhibitorEndpoints();
        app.MapMatchingEndpoints();
        app.MapBoothEndpoints();
        app.MapAccessEndpoints();
        app.MapEventSetupEndpoints();
        app.MapDirectoryBookEndpoints();
        app.MapDataExchangeEndpoints();
        app.MapPrivacyEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
