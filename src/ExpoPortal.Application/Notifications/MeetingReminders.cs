using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Notifications;

/// <summary>Reminds both sides of each scheduled meeting shortly before it starts, once.</summary>
public sealed class MeetingReminders(IAppDbContextFactory dbFactory, TimeProvider clock, NotificationCenter notifications)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromMinutes(60);

    /// <summary>Sends the reminders now due. Returns how many meetings were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var until = now + Ahead;
        var due = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Scheduled && m.ReminderSentAt == null && m.TimeSlot.StartsAt > now && m.TimeSlot.StartsAt <= until)
            .OrderBy(m => m.Id).Take(500)
            .Select(m => new
            {
                m.Id, m.EventId, m.ParticipantId, m.ExhibitorId, m.TimeSlot.StartsAt, m.Exhibitor.Name, m.TimeSlot.Event.TimeZoneId,
                Booth = m.Exhibitor.Booth != null ? m.Exhibitor.Booth.Code : null,
            })
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var m in due)
        {
            // Claimed by one update, so two portal instances never remind the same meeting twice.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Meetings.Where(x => x.Id == m.Id && x.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), ct);
            if (claimed == 0) continue;
            var participant = await db.Participants.AsNoTracking().FirstAsync(p => p.Id == m.ParticipantId, ct);
            var when = NotificationTexts.When(m.StartsAt, m.TimeZoneId);
            var (pt, pb) = NotificationTexts.Reminder(m.Name, when, m.Booth);
            await notifications.AddAsync(db, m.EventId, Party.Participant(m.ParticipantId), NotificationKind.MeetingReminder, pt, pb, "my/agenda", ct);
            var (xt, xb) = NotificationTexts.Reminder(await Privacy.ProfileSharing.NameForExhibitorsAsync(db, participant, ct), when, m.Booth);
            await notifications.AddAsync(db, m.EventId, Party.Exhibitor(m.ExhibitorId), NotificationKind.MeetingReminder, xt, xb, "my/schedule", ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            notifications.Committed(Party.Participant(m.ParticipantId), Party.Exhibitor(m.ExhibitorId));
            reminded++;
        }
        return reminded;
    }
}

/// <summary>Once a minute: expires unanswered requests and sends meeting reminders (Notifications:ScheduleSeconds).</summary>
public sealed class NotificationScheduler(MeetingRequests requests, MeetingReminders reminders, IConfiguration configuration, ILogger<NotificationScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Notifications:ScheduleSeconds", 60)));
        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                await requests.ExpireDueAsync(stoppingToken);
                await reminders.SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be restarting; the next tick tries again.
                logger.LogWarning(ex, "Expiring requests or sending reminders failed; trying again in {Every}", every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
