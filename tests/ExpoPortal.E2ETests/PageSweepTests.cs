using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>
/// Every page of every role, opened in Chromium in Korean on a desktop and in English at a phone's width: the page
/// runs under the Content-Security-Policy without a single violation, has no serious or critical axe-core finding,
/// and shows no error page.
/// </summary>
public sealed class PageSweepTests(PostgresServer postgres, BrowserFixture browser)
{
    private const string Event = $"/events/{AndongDemo.Slug}";

    /// <summary>The pages of each role. A new page belongs here.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PagesOf = new Dictionary<string, string[]>
    {
        [""] = ["/", "/account/login", "/privacy"],
        ["organizer@expo.demo"] = [Event, $"{Event}/directory", $"{Event}/booths", $"{Event}/floor-plan", $"{Event}/matching",
            $"{Event}/desk", $"{Event}/desk/check-in", $"{Event}/desk/interpreters", $"{Event}/live", $"{Event}/imports", $"{Event}/settings", "/events/new", "/events/andong-2025/results", $"{Event}/audit", "/account"],
        ["exhibitor@expo.demo"] = ["/my/listing", "/my/schedule", "/my/team", $"{Event}/directory", "/account", "/account/consent"],
        ["buyer@expo.demo"] = ["/my/agenda", "/my/requests", $"{Event}/directory", "EXHIBITOR_PAGE", "/account", "/account/consent"],
    };

    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in PagesOf.Keys)
            foreach (var language in (string[])["ko", "en"])
                data.Add(role, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Every_page_runs_under_the_CSP_with_no_serious_accessibility_violation(string email, string language)
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        var phone = language == "en";
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = language == "ko" ? "ko-KR" : "en-US",
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 900 },
            IsMobile = phone,
        });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        var findings = new List<string>();
        try
        {
            if (email.Length > 0)
            {
                var login = new LoginPage(page, app.ServerAddress);
                await login.OpenAsync("/");
                await login.SignInAsync(email, ExpoApp.DemoPassword);
                await page.WaitForURLAsync(url => !url.Contains("/account/login"), new() { Timeout = 15_000 });
            }
            foreach (var path in PagesOf[email])
            {
                var target = path == "EXHIBITOR_PAGE" ? await FirstExhibitorPageAsync(page, app) : path;
                var response = await page.GotoAsync(new Uri(app.ServerAddress, target).ToString());
                Assert.True(response is { Ok: true }, $"{target}: {response?.Status}");
                Assert.False(page.Url.Contains("/account/access-denied"), $"{target} denied to {email}");
                if (email.Length > 0)
                    await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 30_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 15_000 });
                Assert.Equal(language, await page.EvaluateAsync<string>("document.documentElement.lang"));
                findings.AddRange((await PageChecks.SeriousAxeViolationsAsync(page)).Select(v => $"{target} [{language}] {v}"));
                // At a phone's width the page itself never scrolls sideways (wide tables scroll inside their own box).
                if (phone) findings.AddRange((await PageChecks.SidewaysOffendersAsync(page)).Take(2).Select(o => $"{target} [390 px] sticks out: {o}"));
            }
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, $"FAILED-sweep-{email}-{language}");
            throw;
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // The canary: an injected inline script is blocked and reported, so the check above can fail.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }");
        await Assertions.Expect(page.Locator("body")).ToBeVisibleAsync();
        for (var i = 0; i < 50 && violations.Count == 0; i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Contains(violations, v => v.Contains("script-src"));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private static async Task<string> FirstExhibitorPageAsync(IPage page, ExpoApp app)
    {
        await page.GotoAsync(new Uri(app.ServerAddress, $"{Event}/directory").ToString());
        var link = page.Locator("[data-testid=exhibitor-link]").First;
        await link.WaitForAsync(new() { Timeout = 15_000 });
        return new Uri(await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("no exhibitor link"), UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } abs
            ? abs.PathAndQuery
            : "/" + (await link.GetAttributeAsync("href"))!.TrimStart('/');
    }
}
