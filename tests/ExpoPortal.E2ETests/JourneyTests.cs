using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

public sealed class JourneyTests(PostgresServer postgres, BrowserFixture browser)
{

    [Fact]
    public async Task Organizer_signs_in_switches_to_Korean_and_sees_the_event_figures()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}");
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);

            var dashboard = new DashboardPage(page);
            await dashboard.WaitUntilInteractiveAsync();
            Assert.Equal("Korea Business EXPO Andong 2027", await dashboard.EventNameAsync());

            await dashboard.SwitchLanguageAsync("ko");

            Assert.Equal("2027 대한민국 비즈니스 엑스포 안동", await dashboard.EventNameAsync());
            Assert.Equal("256", await dashboard.FigureAsync("fig-booths"));
            Assert.Equal("250", await dashboard.FigureAsync("fig-exhibitors"));
            Assert.Equal("1,000", await dashboard.FigureAsync("fig-participants"));
            Assert.Contains("부스", await dashboard.CardTextAsync("fig-booths"));
            Assert.Contains("해외 회원 무역인 800명", await dashboard.CardTextAsync("fig-participants"));
            Assert.Contains("경상북도", await dashboard.CardTextAsync("by-region"));
            Assert.Contains("사무국", await page.InnerTextAsync("[data-testid=nav]"));
            await PageChecks.ScreenshotAsync(page, "organizer-dashboard-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-organizer-dashboard");
            throw;
        }
    }

    [Fact]
    public async Task Directory_search_finds_companies_by_product_in_Korean()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/directory");
            await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            await page.WaitForSelectorAsync("[data-testid=directory-grid] tbody tr");

            await page.FillAsync("input[data-testid=directory-search], [data-testid=directory-search] input", "소주");
            var expected = AndongDemo.Generate().Exhibitors.Count(x => x.Products.Any(p => p.Name.Ko.Contains("소주")));
            // Wait until the grid shows only matching companies (the search is debounced and runs in the database).
            await page.WaitForFunctionAsync("""
                () => {
                    const rows = [...document.querySelectorAll('[data-testid=directory-grid] tbody tr')].filter(r => r.querySelector('td'));
                    return rows.length > 0 && rows.every(r => r.innerText.includes('소주'));
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 15_000 });

            Assert.True(expected > 0);
            Assert.Contains("안동소주", await page.InnerTextAsync("[data-testid=directory-grid] tbody"));
            // The pager speaks Korean too (MudBlazor's texts come from the portal's resources).
            Assert.Contains($"1-{Math.Min(expected, 25)} / 전체 {expected}", await page.InnerTextAsync("[data-testid=directory-pager]"));
            await PageChecks.ScreenshotAsync(page, "buyer-directory-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-directory");
            throw;
        }
    }

    [Fact]
    public async Task Exhibitor_switches_to_Korean_on_the_sign_in_page_and_opens_its_own_listing()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync();
            await page.ClickAsync("[data-testid=lang-ko]"); // a plain link on the static sign-in page
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko"); // no string eval: the CSP forbids it
            Assert.Contains("로그인", await page.InnerTextAsync("h1"));
            await login.SignInAsync("exhibitor@expo.demo", ExpoApp.DemoPassword);

            // Sign-in returns to the (static) landing page, whose menu already shows the exhibitor's pages.
            await page.ClickAsync("[data-testid=nav-listing]");
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            await page.WaitForSelectorAsync("input[data-testid=listing-name-ko]");

            var own = AndongDemo.Generate().Exhibitors.First(x => x.ProvinceCode == "KR-47");
            Assert.Equal(own.Name.Ko, await page.Locator("input[data-testid=listing-name-ko]").InputValueAsync());
            Assert.Equal(own.Booth!.Code, (await page.InnerTextAsync("[data-testid=listing-booth]")).Trim());
            Assert.Equal(0, await page.Locator("[data-testid=nav-organizer]").CountAsync());
            await PageChecks.ScreenshotAsync(page, "exhibitor-listing-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-exhibitor-listing");
            throw;
        }
    }

    [Fact]
    public async Task After_the_organizers_publish_the_matching_a_buyer_sees_its_agenda_in_Korean()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        var matching = app.Services.GetRequiredService<MatchmakingService>();
        var events = app.Services.GetRequiredService<EventService>();
        var organizer = TestActors.Secretariat;
        var ct = TestContext.Current.CancellationToken;
        var eventId = (await events.FindAsync(AndongDemo.Slug, ct))!.Id;
        var runId = (await matching.QueueRunAsync(organizer, eventId, timeLimitSeconds: 3, ct: ct)).Value;
        // A stuck run fails the test after two minutes instead of hanging CI.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        while ((await matching.GetRunAsync(runId, deadline.Token))!.Status is MatchingRunStatus.Queued or MatchingRunStatus.Running)
            await Task.Delay(200, deadline.Token);
        Assert.True((await matching.PublishAsync(organizer, eventId, runId, ct: ct)).Succeeded);

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync("/my/agenda");
            await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            await page.WaitForSelectorAsync("[data-testid=agenda-item]");

            var rows = await page.Locator("[data-testid=agenda-item]").AllInnerTextsAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Contains("확정", row)); // scheduled
            Assert.Contains("2027", await page.Locator("h2").First.InnerTextAsync()); // the first day's date, in Seoul time
            await PageChecks.ScreenshotAsync(page, "buyer-agenda-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-buyer-agenda");
            throw;
        }
    }
}
