using System.Text;
using ExpoPortal.Tests.Shared;
using MimeKit;
using netDumbster.smtp;

namespace ExpoPortal.IntegrationTests;

/// <summary>
/// The portal on a fresh copy of the demo database, sending its mail to an in-process SMTP server. Each test class
/// that reads mail derives its own fixture from this one, so that it has a database and a mailbox of its own.
/// </summary>
public abstract class MailingAppFixture(PostgresServer postgres) : IAsyncLifetime
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(FreePorts.Next());
    public ExpoApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), settings: new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Configuration.Port.ToString(),
        ["Smtp:Security"] = "None",
    });

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Smtp.Stop();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits (15 s at most) for a mail to that address, whose subject starts so when given, and parses it with MimeKit.</summary>
    public async Task<MimeMessage> MailToAsync(string address, string? subjectStart, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var raw in Smtp.ReceivedEmail)
            {
                if (!raw.ToAddresses.Any(a => string.Equals(a?.Address, address, StringComparison.OrdinalIgnoreCase))) continue;
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Data)), ct);
                if (subjectStart is null || message.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true) return message;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"No mail to {address}{(subjectStart is null ? "" : $" starting '{subjectStart}'")} within 15 s.");
    }
}
