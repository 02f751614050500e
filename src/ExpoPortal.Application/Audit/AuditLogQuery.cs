using ExpoPortal.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Audit;

public sealed record AuditRow(long Id, DateTimeOffset At, string? ActorUserId, string? ActorName, string Action, string Subject, string? Before, string? After);

/// <param name="Action">An action or its prefix: <c>meeting</c> finds every meeting change.</param>
/// <param name="Text">Part of the actor's name or of the subject (<c>meeting:412</c>, <c>booth:A-01</c>).</param>
/// <param name="Person">Part of the name of who acted.</param>
public sealed record AuditFilter(string? Action = null, string? Text = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Person = null);

/// <summary>The event's audit log for its organizers, newest first.</summary>
public sealed class AuditLogQuery(IAppDbContextFactory dbFactory)
{
    public async Task<Result<PagedResult<AuditRow>>> PageAsync(Actor actor, int eventId, AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return Access.OrganizerGrants.NotOrganizerOfEvent;
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = db.AuditLog.AsNoTracking().Where(a => a.EventId == eventId);
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim().ToLowerInvariant();
            rows = rows.Where(a => a.Action == action || a.Action.StartsWith(action + "."));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            rows = rows.Where(a => EF.Functions.ILike(a.Subject, "%" + text + "%") || (a.ActorName != null && EF.Functions.ILike(a.ActorName, "%" + text + "%")));
        }
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = "%" + filter.Person.Trim() + "%";
            rows = rows.Where(a => a.ActorName != null && EF.Functions.ILike(a.ActorName, person));
        }
        if (filter.From is { } from) rows = rows.Where(a => a.At >= from);
        if (filter.To is { } to) rows = rows.Where(a => a.At < to);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.Id).Skip(page.Skip).Take(page.Take)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorUserId, a.ActorName, a.Action, a.Subject, a.Before, a.After))
            .ToListAsync(ct);
        return new PagedResult<AuditRow>(items, total);
    }
}
