using Microsoft.AspNetCore.Identity;

namespace ExpoPortal.Infrastructure.Identity;

/// <summary>A sign-in of the portal. Exhibitor users are tied to one company, participant users to one buyer profile.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public int? ExhibitorId { get; set; }
    public int? ParticipantId { get; set; }

    /// <summary>The company's primary contact: the one sign-in that invites and removes colleagues (exhibitor users only).</summary>
    public bool IsPrimaryContact { get; set; }
}
