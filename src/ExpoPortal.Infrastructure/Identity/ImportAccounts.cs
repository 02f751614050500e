using ExpoPortal.Application.DataExchange;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Infrastructure.Identity;

/// <summary>
/// Sign-ins for imported people, made as the demo's are (Identity user, role, company or participant id). They have
/// no password: the invitation carries a password-reset token, which <c>/account/set-password</c> redeems.
/// </summary>
internal sealed class ImportAccounts(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, ILogger<ImportAccounts> logger) : IImportAccounts
{
    public async Task<IReadOnlyDictionary<string, AccountOwner>> FindAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        if (emails.Count == 0) return new Dictionary<string, AccountOwner>();
        var normalized = emails.Select(e => e.ToUpperInvariant()).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail))
            .Select(u => new { u.Email, u.ParticipantId, u.ExhibitorId }).ToListAsync(ct);
        return users.Where(u => u.Email is not null)
            .GroupBy(u => u.Email!.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => new AccountOwner(g.Key, g.First().ParticipantId, g.First().ExhibitorId));
    }

    /// <summary>
    /// All the sign-ins of one import in one save. Not one <c>UserManager.CreateAsync</c> per person: its checks and
    /// commits took 14 ms a person (1,000 participants: 14 s; bench/PortalTasksBench). The same checks are made here for
    /// the whole list at once: the name's characters, and no sign-in with that e-mail already.
    /// </summary>
    public async Task<IReadOnlyList<NewAccount>> CreateAsync(IReadOnlyList<AccountRequest> requests, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var allowed = users.Options.User.AllowedUserNameCharacters;
        var normalized = requests.Select(r => users.NormalizeEmail(r.Email)).Distinct().ToList();
        var taken = (await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!) || normalized.Contains(u.NormalizedUserName!))
            .Select(u => new { u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(ct))
            .SelectMany(u => new[] { u.NormalizedEmail, u.NormalizedUserName }).OfType<string>().ToHashSet();
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.NormalizedName!, r => r.Id, ct);

        var participantIds = requests.Where(r => r.ParticipantId != null).Select(r => r.ParticipantId!.Value).ToList();
        var exhibitorIds = requests.Where(r => r.ExhibitorId != null).Select(r => r.ExhibitorId!.Value).ToList();
        // Owners that already have a sign-in: their mails reach someone already, so a new sign-in is not the only one.
        var reached = (await db.Users.AsNoTracking()
                .Where(u => (u.ParticipantId != null && participantIds.Contains(u.ParticipantId.Value)) || (u.ExhibitorId != null && exhibitorIds.Contains(u.ExhibitorId.Value)))
                .Select(u => new { u.ParticipantId, u.ExhibitorId }).ToListAsync(ct))
            .Select(u => (u.ParticipantId, u.ExhibitorId)).ToHashSet();

        var made = new List<NewAccount>();
        foreach (var request in requests)
        {
            ct.ThrowIfCancellationRequested();
            var key = users.NormalizeEmail(request.Email);
            var roleId = roles.GetValueOrDefault(users.NormalizeName(request.Role)); // null: no such role (refused below)
            var problem = !taken.Add(key) ? "an account with this e-mail exists"
                : !string.IsNullOrEmpty(allowed) && request.Email.Any(c => !allowed.Contains(c)) ? "the e-mail has characters a user name cannot"
                : roleId is null ? $"no role {request.Role}"
                : null;
            if (problem is not null)
            {
                logger.LogWarning("Imported account {Email} not made: {Problem}", request.Email, problem);
                continue;
            }
            var onlySignIn = reached.Add((request.ParticipantId, request.ExhibitorId));
            var user = new ApplicationUser
            {
                UserName = request.Email,
                NormalizedUserName = users.NormalizeName(request.Email),
                Email = request.Email,
                NormalizedEmail = key,
                // The invitation goes to this address; following its link proves it.
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = users.Options.Lockout.AllowedForNewUsers,
                DisplayName = request.DisplayName,
                ParticipantId = request.ParticipantId,
                ExhibitorId = request.ExhibitorId,
                // A company's first sign-in is its primary contact, who invites the colleagues.
                IsPrimaryContact = request.ExhibitorId != null && onlySignIn,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId! });
            // The reset token is made from the user's id and security stamp alone: no database read.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            made.Add(new NewAccount(request.Email, token, request.ParticipantId, request.ExhibitorId, onlySignIn));
        }
        await db.SaveChangesAsync(ct);
        return made;
    }
}
