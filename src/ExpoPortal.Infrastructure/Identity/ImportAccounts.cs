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

    public async Task<IReadOnlyList<NewAccount>> CreateAsync(IReadOnlyList<AccountRequest> requests, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var made = new List<NewAccount>();
        foreach (var request in requests)
        {
            ct.ThrowIfCancellationRequested();
            var user = new ApplicationUser
            {
                UserName = request.Email,
                Email = request.Email,
                // The invitation goes to this address; following its link proves it.
                EmailConfirmed = true,
                DisplayName = request.DisplayName,
                ParticipantId = request.ParticipantId,
                ExhibitorId = request.ExhibitorId,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                logger.LogWarning("Imported account {Email} not made: {Errors}", request.Email, string.Join("; ", created.Errors.Select(e => e.Description)));
                continue;
            }
            await users.AddToRoleAsync(user, request.Role);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var others = await users.Users.CountAsync(u => u.Id != user.Id
                && (request.ParticipantId != null ? u.ParticipantId == request.ParticipantId : u.ExhibitorId == request.ExhibitorId), ct);
            made.Add(new NewAccount(request.Email, token, request.ParticipantId, request.ExhibitorId, others == 0));
        }
        return made;
    }
}
