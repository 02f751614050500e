using ExpoPortal.Application.Common;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Notifications;

/// <summary>When the organizers publish a matching run, every participant and exhibitor with a meeting in it is told how many.</summary>
public sealed class SchedulePublishedNotices(IAppDbContextFactory dbFactory, NotificationCenter notifications) : IMatchingEvents
{
    public async Task PublishedAsync(MatchingPublished published, CancellationToken ct)
    {
        if (published.MeetingIds.Count == 0) return;
        await using var db = await dbFactory.CreateAsync(ct);
        var eventName = await db.Events.AsNoTracking().Where(e => e.Id == published.EventId).Select(e => e.Name).FirstAsync(ct);
        var pairs = await db.Meetings.AsNoTracking().Where(m => published.MeetingIds.Contains(m.Id))
            .Select(m => new { m.ParticipantId, m.ExhibitorId }).ToListAsync(ct);
        var items = new List<(Party, NotificationKind, Domain.Common.LocalizedText, Domain.Common.LocalizedText, string?)>();
        foreach (var group in pairs.GroupBy(p => p.ParticipantId))
        {
            var (title, body) = NotificationTexts.SchedulePublished(eventName, group.Count());
            items.Add((Party.Participant(group.Key), NotificationKind.SchedulePublished, title, body, "my/agenda"));
        }
        foreach (var group in pairs.GroupBy(p => p.ExhibitorId))
        {
            var (title, body) = NotificationTexts.SchedulePublished(eventName, group.Count());
            items.Add((Party.Exhibitor(group.Key), NotificationKind.SchedulePublished, title, body, "my/schedule"));
        }
        await notifications.SendAsync(published.EventId, items, ct);
    }
}
