using ExpoPortal.Application.Common;
using ExpoPortal.Application.Exhibitors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.Infrastructure.Identity;

/// <summary>The Identity sign-ins of a company's staff behind <see cref="IStaffAccounts"/>; a scope per call, as the services are singletons.</summary>
internal sealed class StaffAccounts(IServiceScopeFactory scopes) : IStaffAccounts
{
    public async Task<IReadOnlyList<StaffMember>> OfExhibitorAsync(int exhibitorId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.Users.AsNoTracking().Where(u => u.ExhibitorId == exhibitorId)
            .OrderByDescending(u => u.IsPrimaryContact).ThenBy(u => u.Email)
            .Select(u => new StaffMember(u.Id, u.Email ?? string.Empty, u.DisplayName, u.IsPrimaryContact, u.PasswordHash != null))
            .ToListAsync(ct);
    }

    public async Task<(string UserId, string Token)?> CreateAsync(int exhibitorId, string email, string displayName, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null) return null;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            // The invitation goes to this address; following its link proves it.
            EmailConfirmed = true,
            DisplayName = displayName,
            ExhibitorId = exhibitorId,
        };
        var created = await users.CreateAsync(user);
        // A unique index on the user name refuses the same address invited twice at once.
        if (!created.Succeeded) return null;
        await users.AddToRoleAsync(user, Roles.Exhibitor);
        return (user.Id, await users.GeneratePasswordResetTokenAsync(user));
    }

    public async Task<bool> DeleteAsync(int exhibitorId, string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.ExhibitorId != exhibitorId || user.IsPrimaryContact) return false;
        var db = scope.ServiceProvider.GetRequiredService<Persistence.AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Meetings.Where(m => m.OwnerUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.OwnerUserId, (string?)null), ct);
        if (!(await users.DeleteAsync(user)).Succeeded) return false;
        await transaction.CommitAsync(ct);
        return true;
    }
}
