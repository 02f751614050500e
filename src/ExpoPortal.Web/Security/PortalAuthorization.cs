using System.Security.Claims;
using ExpoPortal.Application.Common;
using ExpoPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ExpoPortal.Web.Security;

/// <summary>
/// Who may use what. Every page and endpoint names one of these policies or [AllowAnonymous];
/// anything that forgets falls back to "signed in".
/// </summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    public const string Organizer = "Organizer";
    public const string Exhibitor = "Exhibitor";
    public const string Participant = "Participant";
    public const string SignedIn = "SignedIn";

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, EventOrganizerHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            // An organizer, and where the route names an event, an organizer of that event; the services check it again.
            .AddPolicy(Organizer, p => p.RequireRole(Roles.Organizer, Roles.Administrator).AddRequirements(new EventOrganizerRequirement()))
            .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Exhibitor, p => p.RequireRole(Roles.Exhibitor).RequireClaim(PortalClaims.ExhibitorId))
            .AddPolicy(Participant, p => p.RequireRole(Roles.Participant).RequireClaim(PortalClaims.ParticipantId));
        return services;
    }

    /// <summary>The signed-in user as the application layer sees it.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        user.IsInRole(Roles.Organizer) || user.IsInRole(Roles.Administrator),
        int.TryParse(user.FindFirstValue(PortalClaims.ExhibitorId), out var exhibitorId) ? exhibitorId : null,
        int.TryParse(user.FindFirstValue(PortalClaims.ParticipantId), out var participantId) ? participantId : null,
        user.DisplayName())
    {
        IsAdministrator = user.IsInRole(Roles.Administrator),
        OrganizedEventIds = user.FindAll(PortalClaims.OrganizesEvent)
            .Select(c => int.TryParse(c.Value, out var id) ? id : 0).Where(id => id > 0).ToHashSet(),
    };

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? string.Empty;
}
