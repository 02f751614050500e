using System.Net;
using System.Text.RegularExpressions;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Security;

/// <summary>Sign-in lockout, rate limits, the security stamp check and the response headers, over HTTP.</summary>
public sealed partial class HardeningTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        using var client = app.CreateBrowserlessClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await ExpoApp.SubmitLoginAsync(client, "buyer@expo.demo", $"wrong-{attempt}");
            Assert.Contains("data-testid=\"login-error\"", await wrong.Content.ReadAsStringAsync(Ct));
            Assert.False(await IsLockedOutAsync(app, "buyer@expo.demo"), $"locked after only {attempt} failures");
        }
        await ExpoApp.SubmitLoginAsync(client, "buyer@expo.demo", "wrong-5");
        Assert.True(await IsLockedOutAsync(app, "buyer@expo.demo"));

        var right = await ExpoApp.SubmitLoginAsync(client, "buyer@expo.demo", ExpoApp.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not the redirect of a sign-in
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("expo.auth")));
        // Another account is untouched.
        using var other = await app.SignInAsync("member@expo.demo");
    }

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_with_Retry_After()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(),
            settings: new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "3" });
        using var client = app.CreateBrowserlessClient();

        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ExpoApp.SubmitLoginAsync(client, "member@expo.demo", "wrong")).StatusCode);
        var refused = await ExpoApp.SubmitLoginAsync(client, "member@expo.demo", ExpoApp.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString()) is > 0 and <= 60);
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Behind_a_trusted_proxy_the_sign_in_limit_counts_each_client_and_otherwise_X_Forwarded_For_is_ignored(bool proxyTrusted)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "2" };
        if (proxyTrusted) settings["ForwardedHeaders:KnownProxies"] = "127.0.0.1"; // the proxy runs beside the portal
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true, settings: settings);
        HttpClient Through(string forwardedFor)
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = app.ServerAddress };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return client;
        }

        using var first = Through("203.0.113.5");
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ExpoApp.SubmitLoginAsync(first, "member@expo.demo", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ExpoApp.SubmitLoginAsync(first, "member@expo.demo", "wrong")).StatusCode);
        // The same client putting an address of its choice in front of the one the proxy added is still the same client.
        using var spoofing = Through("198.51.100.1, 203.0.113.5");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ExpoApp.SubmitLoginAsync(spoofing, "member@expo.demo", "wrong")).StatusCode);

        using var other = Through("203.0.113.6");
        var otherClient = await ExpoApp.SubmitLoginAsync(other, "member@expo.demo", "wrong");

        // Trusted: another person at the venue signs in. Not trusted: the header is the client's own word, and ignored.
        if (proxyTrusted) Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient.StatusCode);
        else Assert.Equal(HttpStatusCode.TooManyRequests, otherClient.StatusCode);
    }

    [Fact]
    public async Task A_locked_account_stops_working_on_its_next_request_once_the_stamp_is_checked()
    {
        await using var root = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        // Checking the stamp on every request instead of every minute, so the test does not wait a minute.
        await using var app = root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.PostConfigure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login", Ct);
        await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = ExpoApp.AntiforgeryTokenIn(page),
            ["Input.Email"] = "buyer@expo.demo", ["Input.Password"] = ExpoApp.DemoPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my/agenda.ics", Ct)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var buyer = (await users.FindByEmailAsync("buyer@expo.demo"))!;
            await users.SetLockoutEndDateAsync(buyer, DateTimeOffset.MaxValue); // how an organizer disables an account
            await users.UpdateSecurityStampAsync(buyer);
        }

        var after = await client.GetAsync("/my/agenda.ics", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>();
        Assert.Equal(TimeSpan.Zero, options.Value.ValidationInterval);
        var configured = root.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>();
        Assert.Equal(TimeSpan.FromMinutes(1), configured.Value.ValidationInterval);
    }

    [Fact]
    public async Task Pages_and_API_answers_carry_a_strict_content_security_policy_and_the_other_headers()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        using var client = app.CreateBrowserlessClient();

        var page = await client.GetAsync("/account/login", Ct);
        var api = await client.GetAsync($"/api/events/{AndongDemo.Slug}/figures", Ct);

        foreach (var response in new[] { page, api })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'(;|$)", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
        // The inline import map carries this response's nonce, and only it: no other inline script.
        var html = await page.Content.ReadAsStringAsync(Ct);
        var nonce = Nonce().Match(page.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        // The attribute is HTML-encoded (a '+' of the base64 nonce is written &#x2B;); the browser reads it decoded.
        Assert.All(inline, m => Assert.Contains($"nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(m.Value)));
        var again = await client.GetAsync("/account/login", Ct);
        Assert.NotEqual(nonce, Nonce().Match(again.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);
    }

    private static async Task<bool> IsLockedOutAsync(ExpoApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    // Script elements without a src attribute, i.e. inline code.
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
