using ExpoPortal.Application.Access;
using ExpoPortal.Application.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.Infrastructure.Identity;

/// <summary>The Identity accounts behind <see cref="IPortalUsers"/>; a scope per call, as the application services are singletons.</summary>
internal sealed class PortalUsers(IServiceScopeFactory scopes) : IPortalUsers
{
    public async Task<PortalUser?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        return new PortalUser(user.Id, user.Email ?? email, user.DisplayName, roles.Contains(Roles.Organizer) || roles.Contains(Roles.Administrator));
    }

    public async Task<IReadOnlyList<PortalUser>> FindByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.AppDbContext>();
        var found = await users.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        var organizers = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                where ids.Contains(ur.UserId) && (r.Name == Roles.Organizer || r.Name == Roles.Administrator)
                                select ur.UserId).ToListAsync(ct);
        return found.Select(u => new PortalUser(u.Id, u.Email ?? string.Empty, u.DisplayName, organizers.Contains(u.Id))).ToList();
    }
}
