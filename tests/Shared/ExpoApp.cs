using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.Tests.Shared;

/// <summary>The real portal (Program) on a given PostgreSQL database, in memory or on a real port for a browser.</summary>
public sealed partial class ExpoApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = ExpoPortal.Infrastructure.DemoData.AndongDemo.DemoPassword;
    private readonly string _connectionString;
    private readonly bool _loadDemo;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="settings">Extra configuration, e.g. an in-process SMTP server's <c>Smtp:Host</c> and <c>Smtp:Port</c>.</param>
    /// <param name="testServices">Test-only services added after the app's own (e.g. an EF interceptor that widens a race).</param>
    public ExpoApp(string connectionString, bool loadDemo = false, bool realPort = false, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? testServices = null)
    {
        _testServices = testServices;
        _connectionString = connectionString;
        _loadDemo = loadDemo;
        _settings = settings ?? new Dictionary<string, string?>();
        if (realPort)
        {
            UseKestrel(0);
            StartServer();
        }
    }

    public string ConnectionString => _connectionString;

    /// <summary>The address Kestrel listens on (for browser tests).</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Expo", _connectionString);
        builder.UseSetting("Demo:LoadOnEmptyDatabase", _loadDemo ? "true" : "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Mails of tests never land in the machine's pickup folder.
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "expo-test-mail", Guid.NewGuid().ToString("N")));
        // Test suites sign in hundreds of times from one address; the rate-limit tests set their own low limits.
        // Likewise the per-person booking throttle: the concurrency tests book far faster than a person clicks.
        foreach (var limit in (string[])["SignInsPerMinute", "UploadsPerMinute", "DownloadsPerMinute", "BookingsPerUserPerMinute"])
            builder.UseSetting($"RateLimits:{limit}", "100000");
        // The retention sweep erases the demo's past edition a minute after start; tests run it when they mean to.
        builder.UseSetting("Privacy:RetentionSweepHours", "0");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
        if (_testServices is not null) builder.ConfigureServices(_testServices);
    }

    /// <summary>Closes this app's idle database connections now rather than when the pool prunes them.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await using var connection = new Npgsql.NpgsqlConnection(ExpoPortal.Infrastructure.DependencyInjection.WithPortalDefaults(_connectionString));
        Npgsql.NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form (with its antiforgery token) and returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoPassword)
    {
        var client = CreateBrowserlessClient();
        var response = await SubmitLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryTokenIn(page);
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the first form in a page's HTML.</summary>
    public static string AntiforgeryTokenIn(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
