using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Access;

/// <summary>A sign-in as the grants see it.</summary>
public sealed record PortalUser(string Id, string Email, string DisplayName, bool IsOrganizer);

/// <summary>The accounts, as far as the application needs them (Identity lives in Infrastructure).</summary>
public interface IPortalUsers
{
    Task<PortalUser?> FindByEmailAsync(string email, CancellationToken ct);
    Task<IReadOnlyList<PortalUser>> FindByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);
}

public sealed record OrganizerGrant(string UserId, string Email, string DisplayName, DateTimeOffset GrantedAt);

/// <summary>
/// Who organizes which event. Portal administrators grant and withdraw; an organizer of the event may see who else
/// organizes it. A grant reaches the organizer's cookie within a minute (the security stamp check re-issues it).
/// </summary>
public sealed class OrganizerGrants(IAppDbContextFactory dbFactory, IPortalUsers users, TimeProvider clock)
{
    public static readonly Error NotOrganizerOfEvent = Error.Forbidden("not_organizer_of_event", "You are not an organizer of this event.");
    public static readonly Error AdministratorsOnly = Error.Forbidden("administrators_only", "Only portal administrators grant organizer rights.");
    public static readonly Error NotAnOrganizer = Error.Validation("not_an_organizer", "That account has no organizer role.");
    public static Error NoSuchUser(string email) => Error.NotFound("user_not_found", $"No account with the e-mail '{email}'.");

    public async Task<Result<IReadOnlyList<OrganizerGrant>>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return NotOrganizerOfEvent;
        await using var db = await dbFactory.CreateAsync(ct);
        var grants = await db.EventOrganizers.AsNoTracking().Where(g => g.EventId == eventId).ToListAsync(ct);
        var people = (await users.FindByIdsAsync(grants.Select(g => g.UserId).ToList(), ct)).ToDictionary(u => u.Id);
        return grants.Where(g => people.ContainsKey(g.UserId))
            .Select(g => new OrganizerGrant(g.UserId, people[g.UserId].Email, people[g.UserId].DisplayName, g.GrantedAt))
            .OrderBy(g => g.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Grants the event to an organizer account; granting twice changes nothing.</summary>
    public async Task<Result<OrganizerGrant>> GrantAsync(Actor actor, int eventId, string email, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator) return AdministratorsOnly;
        if (await users.FindByEmailAsync(email.Trim(), ct) is not { } user) return NoSuchUser(email);
        if (!user.IsOrganizer) return NotAnOrganizer;
        await using var db = await dbFactory.CreateAsync(ct);
        var existing = await db.EventOrganizers.AsNoTracking().FirstOrDefaultAsync(g => g.EventId == eventId && g.UserId == user.Id, ct);
        if (existing is not null) return new OrganizerGrant(user.Id, user.Email, user.DisplayName, existing.GrantedAt);
        var now = clock.GetUtcNow();
        db.EventOrganizers.Add(new EventOrganizer(eventId, user.Id, actor.UserId, now));
        db.Audit(actor, eventId, AuditActions.OrganizerGranted, $"user:{user.Id}", null, new { user.Email }, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConstraintViolationException)
        {
            // The same grant made at the same moment: it exists, which is what was asked.
        }
        return new OrganizerGrant(user.Id, user.Email, user.DisplayName, now);
    }

    public async Task<Result> RevokeAsync(Actor actor, int eventId, string userId, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator) return AdministratorsOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await db.EventOrganizers.FirstOrDefaultAsync(g => g.EventId == eventId && g.UserId == userId, ct);
        if (grant is null) return Result.Success();
        db.EventOrganizers.Remove(grant);
        db.Audit(actor, eventId, AuditActions.OrganizerRevoked, $"user:{userId}", new { grant.GrantedAt }, null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }
}
