using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Notifications;
using ExpoPortal.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ExpoPortal.Infrastructure.Mail;

/// <summary>
/// Where mails go. With <c>Smtp:Host</c> set they are sent through that server (MailKit); without it (the demo,
/// development) each mail is written as an .eml file to a pickup folder and sent nowhere.
/// </summary>
public sealed record MailSettings(string? SmtpHost, int SmtpPort, string? SmtpUser, string? SmtpPassword, string Security, string From,
    string PickupDirectory, string BaseUrl)
{
    public static MailSettings Read(IConfiguration c, string defaultPickup) => new(
        c["Smtp:Host"] is { Length: > 0 } host ? host : null,
        c.GetValue("Smtp:Port", 25),
        c["Smtp:User"], c["Smtp:Password"],
        c["Smtp:Security"] ?? "Auto",
        c["Smtp:From"] ?? "ExpoPortal <noreply@expoportal.local>",
        c["Mail:PickupDirectory"] is { Length: > 0 } pickup ? pickup : defaultPickup,
        (c["Portal:BaseUrl"] ?? "http://127.0.0.1:5080").TrimEnd('/'));
}

/// <summary>
/// The outbox worker: notifications whose mail is pending are claimed (FOR UPDATE SKIP LOCKED, so two portal
/// instances never send one mail twice), written in the recipient's language to every sign-in of that participant
/// or exhibiting company, and marked sent; a failure is retried a few times, then given up.
/// </summary>
public sealed class MailSender(IDbContextFactory<AppDbContext> dbFactory, MailOutboxSignal signal, MailSettings settings, TimeProvider clock,
    ILogger<MailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation(settings.SmtpHost is null
            ? "Mails are written to {Pickup} (no Smtp:Host configured)" : "Mails are sent through {Host}", settings.SmtpHost ?? settings.PickupDirectory);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending mails failed; trying again shortly");
            }
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends up to 20 pending mails; returns how many notifications it handled.</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Notifications
            .FromSql($"SELECT * FROM notifications WHERE mail_status = 'Pending' ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        // The sign-ins of the whole batch in one query: in the minute booking opens every booking leaves a notification.
        var userIds = batch.Where(n => n.RecipientUserId != null).Select(n => n.RecipientUserId!).ToList();
        var participantIds = batch.Where(n => n.RecipientUserId == null && n.ParticipantId != null).Select(n => n.ParticipantId!.Value).ToList();
        var exhibitorIds = batch.Where(n => n.RecipientUserId == null && n.ParticipantId == null && n.ExhibitorId != null).Select(n => n.ExhibitorId!.Value).ToList();
        var users = batch.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => u.Email != null && (userIds.Contains(u.Id) || (u.ParticipantId != null && participantIds.Contains(u.ParticipantId.Value))
                || (u.ExhibitorId != null && exhibitorIds.Contains(u.ExhibitorId.Value))))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.ParticipantId, u.ExhibitorId }).ToListAsync(ct);
        foreach (var notification in batch)
        {
            var to = users.Where(u => notification.RecipientUserId != null ? u.Id == notification.RecipientUserId
                : notification.ParticipantId != null ? u.ParticipantId == notification.ParticipantId : u.ExhibitorId == notification.ExhibitorId).ToList();
            if (to.Count == 0)
            {
                notification.MailSkipped();
                continue;
            }
            try
            {
                var message = Compose(notification, to.Select(u => new MailboxAddress(u.DisplayName ?? u.Email, u.Email!)));
                await DeliverAsync(message, ct);
                notification.MailSent(clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Mail of notification {Id} failed (attempt {Attempt})", notification.Id, notification.MailAttempts + 1);
                notification.MailFailed();
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch.Count;
    }

    private MimeMessage Compose(Notification n, IEnumerable<MailboxAddress> to)
    {
        var language = n.MailLanguage;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.AddRange(to);
        message.Subject = n.Title.In(language);
        message.Headers.Add("Content-Language", language);
        var link = n.Link is null ? null : $"{settings.BaseUrl}/{n.Link}";
        var open = language == "ko" ? "포털에서 보기" : "Open in the portal";
        var footer = language == "ko" ? "이 메일은 엑스포포털에서 자동으로 보냈습니다." : "This mail was sent automatically by ExpoPortal.";
        message.Body = new BodyBuilder
        {
            TextBody = $"{n.Body.In(language)}\n\n{(link is null ? "" : $"{open}: {link}\n\n")}{footer}\n",
            HtmlBody = $"<p>{System.Net.WebUtility.HtmlEncode(n.Body.In(language))}</p>"
                + (link is null ? "" : $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">{open}</a></p>")
                + $"<p style=\"color:#666\">{footer}</p>",
        }.ToMessageBody();
        return message;
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        if (settings.SmtpHost is null)
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, ct);
            return;
        }
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(settings.SmtpUser)) await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
