using System.Globalization;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ExpoPortal.Infrastructure.Identity;

/// <summary>Claim types the portal adds to a signed-in user.</summary>
public static class PortalClaims
{
    public const string ExhibitorId = "expo:exhibitor_id";
    public const string ParticipantId = "expo:participant_id";
    public const string DisplayName = "expo:display_name";

    /// <summary>One claim per event the organizer was granted (its id).</summary>
    public const string OrganizesEvent = "expo:organizes";

    /// <summary>The privacy policy version whose consent questions this participant or staff member has answered.</summary>
    public const string ConsentAnswered = "expo:consent_answered";
}

/// <summary>Puts the user's company or buyer profile into the cookie, so pages know whose data they may show without a query.</summary>
/// The organizer's event grants too: the cookie is re-issued from here every minute (security stamp check), so a new
/// or withdrawn grant takes effect within a minute.
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, Persistence.AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.ExhibitorId is { } exhibitorId) identity.AddClaim(new Claim(PortalClaims.ExhibitorId, exhibitorId.ToString()));
        if (user.ParticipantId is { } participantId) identity.AddClaim(new Claim(PortalClaims.ParticipantId, participantId.ToString()));
        var granted = await db.EventOrganizers.AsNoTracking().Where(g => g.UserId == user.Id).Select(g => g.EventId).ToListAsync();
        foreach (var eventId in granted) identity.AddClaim(new Claim(PortalClaims.OrganizesEvent, eventId.ToString(CultureInfo.InvariantCulture)));
        if (await Application.Privacy.Consents.HasAnsweredAsync(db, user.Id, user.ParticipantId, user.ExhibitorId))
            identity.AddClaim(new Claim(PortalClaims.ConsentAnswered, Application.Privacy.PrivacyPolicy.Version));
        return identity;
    }
}
