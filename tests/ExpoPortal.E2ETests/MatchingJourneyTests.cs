using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>The organizers' matching page in Chromium, on the demo event.</summary>
public sealed class MatchingJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Organizer_starts_a_run_watches_it_finish_reviews_and_publishes_it_and_the_buyer_sees_the_meetings()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/matching");
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            await page.WaitForSelectorAsync("[data-testid=matching-empty]"); // no runs yet

            var matching = new MatchingPage(page);
            await matching.RecordStatesAsync();
            await matching.StartAsync(timeLimitSeconds: 3);
            await matching.WaitForStateAsync("finished"); // a stuck run fails here after two minutes

            // Pushed, not polled: the page went through the run's states on its own.
            var states = await matching.RecordedStatesAsync();
            Assert.Contains("running", states);
            Assert.Equal("finished", states[^1]);
            var meetings = await matching.FigureAsync("fig-meetings");
            Assert.True(meetings > 1000, $"only {meetings} meetings");
            Assert.Equal(0, await matching.FigureAsync("fig-without"));

            // The review: the busiest exhibitor's meetings with their reasons, then the heat map of tables in use.
            await page.WaitForSelectorAsync("[data-testid=review-meeting]");
            var reasons = await page.Locator("[data-testid=review-meeting] [data-testid=review-reasons]").First.InnerTextAsync();
            Assert.False(string.IsNullOrWhiteSpace(reasons));
            await page.GetByRole(AriaRole.Tab, new() { Name = "By slot" }).ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=heat-cell]");
            await page.Locator("[data-testid=heat-cell]").First.ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=review-meetings]");
            await PageChecks.ScreenshotAsync(page, "organizer-matching-review");
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

            await matching.PublishAsync();
            await matching.WaitForStateAsync("published", 30_000);
            await page.WaitForSelectorAsync("[data-testid=matching-published]");

            // Usable on a phone: the page does not spill sideways (wide tables scroll inside their own box).
            await page.SetViewportSizeAsync(390, 844);
            await PageChecks.ScreenshotAsync(page, "organizer-matching-phone");
            await PageChecks.AssertNoSidewaysScrollingAsync(page);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-organizer-matching");
            throw;
        }

        // The buyer's agenda shows its published meetings.
        var expected = await BuyerMeetingsAsync(app);
        Assert.True(expected > 0, "the demo buyer got no meeting");
        await using var buyerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 } });
        var buyerPage = await buyerContext.NewPageAsync();
        try
        {
            var login = new LoginPage(buyerPage, app.ServerAddress);
            await login.OpenAsync("/my/agenda");
            await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(buyerPage).WaitUntilInteractiveAsync();
            await buyerPage.WaitForSelectorAsync("[data-testid=agenda-item]", new PageWaitForSelectorOptions { Timeout = 30_000 });

            Assert.Equal(expected, await buyerPage.Locator("[data-testid=agenda-item]").CountAsync());
            await PageChecks.ScreenshotAsync(buyerPage, "buyer-agenda-after-matching");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(buyerPage, "FAILED-buyer-agenda-after-matching");
            throw;
        }
    }

    [Fact]
    public async Task Organizer_blocks_a_pair_from_the_review_re_runs_and_compares_the_two_runs()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/matching");
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            var matching = new MatchingPage(page);
            await matching.StartAsync(timeLimitSeconds: 2);
            await matching.WaitForStateAsync("finished");
            var firstRun = int.Parse(await page.GetAttributeAsync("[data-testid=matching-run]", "data-run-id") ?? "0");

            var row = page.Locator("[data-testid=review-meeting]").First;
            var participant = int.Parse(await row.GetAttributeAsync("data-participant") ?? "0");
            var exhibitor = int.Parse(await row.GetAttributeAsync("data-exhibitor") ?? "0");
            await row.Locator("[data-testid=review-block]").ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=matching-decided]");
            await page.WaitForSelectorAsync($"[data-testid=review-meeting][data-participant='{participant}'][data-exhibitor='{exhibitor}'] [data-testid=review-block][aria-pressed=true]");

            await page.ClickAsync("[data-testid=matching-rerun]");
            await page.WaitForSelectorAsync($"[data-testid=matching-run]:not([data-run-id='{firstRun}'])[data-state=finished]", new() { Timeout = 120_000 });
            var secondRun = int.Parse(await page.GetAttributeAsync("[data-testid=matching-run]", "data-run-id") ?? "0");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Compare" }).ClickAsync();
            await page.ClickAsync("[data-testid=compare-run]");
            var compared = await page.InnerTextAsync("[data-testid=compare-result]");
            Assert.Contains($"#{firstRun}", compared);
            Assert.Contains($"#{secondRun}", compared);
            Assert.Contains("meetings are the same", await page.InnerTextAsync("[data-testid=compare-same]"));
            await PageChecks.ScreenshotAsync(page, "organizer-matching-compare");

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
            var schedule = await db.MatchingRuns.Where(r => r.Id == secondRun).Select(r => r.Schedule).SingleAsync(Ct);
            Assert.NotNull(schedule);
            Assert.DoesNotContain(schedule, m => m.ParticipantId == participant && m.ExhibitorId == exhibitor);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-organizer-matching-compare");
            throw;
        }
    }

    [Fact]
    public async Task A_failed_run_shows_its_error_in_Korean()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
            var run = new MatchingRun(eventId, "organizer", 3, 1, DateTimeOffset.UtcNow);
            run.Start(DateTimeOffset.UtcNow);
            run.Fail("pinned meetings[0] (P1, E1, S1): the participant is not available", DateTimeOffset.UtcNow);
            db.MatchingRuns.Add(run);
            await db.SaveChangesAsync(Ct);
        }
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/matching");
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();

            await page.WaitForSelectorAsync("[data-testid=matching-run][data-state=failed]");
            var error = await page.InnerTextAsync("[data-testid=matching-error]");
            Assert.Contains("실행이 실패했습니다", error);
            Assert.Contains("the participant is not available", error);
            Assert.Equal(0, await page.Locator("[data-testid=matching-publish]").CountAsync());
            await PageChecks.ScreenshotAsync(page, "organizer-matching-failed-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-organizer-matching-failed");
            throw;
        }
    }

    private static async Task<int> BuyerMeetingsAsync(ExpoApp app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var buyerId = (await users.FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Meetings.CountAsync(m => m.ParticipantId == buyerId && m.Status == MeetingStatus.Scheduled, Ct);
    }
}
