using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>The organizers' floor plan in Chromium: auto-assign the late registrants (English), assign by hand and swap (Korean, phone width).</summary>
public sealed class FloorPlanJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private const string FloorPlan = $"/events/{AndongDemo.Slug}/floor-plan";

    [Fact]
    public async Task Organizer_auto_assigns_the_late_registrants_reviews_the_proposal_applies_it_and_sees_them_on_the_plan()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync(FloorPlan);
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            var plan = new FloorPlanPage(page);
            await plan.WaitUntilLoadedAsync();
            Assert.Equal(256, await page.Locator("svg [data-booth-code]").CountAsync());
            var freeBefore = await plan.Booths("free").CountAsync();
            Assert.Contains($"{AndongDemo.LateRegistrants} exhibitors have no booth yet", await page.InnerTextAsync("[data-testid=without-booth]"));

            await plan.ProposeAsync();
            var proposal = await plan.ProposalAsync();

            Assert.Equal(AndongDemo.LateRegistrants, proposal.Count);
            Assert.Contains("placed", await page.InnerTextAsync("[data-testid=proposal-summary]"));
            foreach (var (booth, _) in proposal) Assert.Equal("free", await plan.StateOfAsync(booth)); // only a proposal so far
            await PageChecks.ScreenshotAsync(page, "floor-plan-proposal-en");

            await plan.ApplyAsync();
            foreach (var (booth, exhibitor) in proposal)
            {
                await plan.WaitForStateAsync(booth, "assigned");
                Assert.Contains(exhibitor, await plan.LabelOfAsync(booth));
            }
            Assert.Equal(freeBefore - AndongDemo.LateRegistrants, await plan.Booths("free").CountAsync());
            Assert.Equal(0, await page.Locator("[data-testid=without-booth]").CountAsync());
            await PageChecks.ScreenshotAsync(page, "floor-plan-applied-en");

            // Edit a booth from its panel: an overlap is refused in words, a valid change is saved.
            var (edited, _) = proposal[0];
            await plan.ClickBoothAsync(edited);
            await page.ClickAsync("[data-testid=edit-booth]");
            await plan.FillAsync("edit-x", "1");
            await plan.FillAsync("edit-y", "1");
            await page.ClickAsync("[data-testid=edit-save]");
            await page.WaitForSelectorAsync(".mud-snackbar:has-text('overlap')");
            await page.ReloadAsync();
            await plan.WaitUntilLoadedAsync();
            await plan.ClickBoothAsync(edited);
            await page.ClickAsync("[data-testid=edit-booth]");
            await plan.FillAsync("edit-tables", "4");
            await page.ClickAsync("[data-testid=edit-save]");
            await page.WaitForSelectorAsync($".mud-snackbar:has-text('Booth {edited} saved')");
            await page.WaitForSelectorAsync("[data-testid=panel-tables]:text-is('4')"); // re-read from the database after saving
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-floor-plan-auto-assign");
            throw;
        }
    }

    [Fact]
    public async Task Organizer_on_a_phone_in_Korean_assigns_a_free_booth_by_clicking_it_and_swaps_two_booths()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync(FloorPlan);
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            var plan = new FloorPlanPage(page);
            await plan.WaitUntilLoadedAsync();
            Assert.Contains("배치도", await page.InnerTextAsync("h1"));
            // The plan fits the phone: no sideways scrolling; axe-core finds no serious or critical violation.
            await PageChecks.AssertNoSidewaysScrollingAsync(page);
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

            var free = await plan.FirstCodeAsync("free");
            await plan.ClickBoothAsync(free);
            await page.WaitForSelectorAsync("[data-testid=assign-list]");
            var name = await plan.AssignFirstListedAsync();
            await plan.WaitForStateAsync(free, "assigned");
            Assert.Contains(name, await plan.LabelOfAsync(free));
            Assert.Contains("배정했습니다", await page.InnerTextAsync(".mud-snackbar"));
            await PageChecks.ScreenshotAsync(page, "floor-plan-assigned-ko-390");

            var assigned = page.Locator("svg[data-hall=B] [data-state=assigned]");
            var (a, b) = ((await assigned.Nth(0).GetAttributeAsync("data-booth-code"))!, (await assigned.Nth(1).GetAttributeAsync("data-booth-code"))!);
            var (labelA, labelB) = (await plan.LabelOfAsync(a), await plan.LabelOfAsync(b));
            await plan.ClickBoothAsync(a);
            await plan.StartSwapAsync();
            await page.WaitForSelectorAsync("[data-testid=swap-hint]");
            await plan.ClickBoothAsync(b);
            await page.WaitForFunctionAsync(
                "([a, expected]) => document.querySelector(`svg [data-booth-code='${a}']`).getAttribute('aria-label') === expected",
                new object[] { a, labelB.Replace(b, a) }, new PageWaitForFunctionOptions { Timeout = 15_000 });

            Assert.Equal(labelA.Replace(a, b), await plan.LabelOfAsync(b));
            await PageChecks.ScreenshotAsync(page, "floor-plan-swapped-ko-390");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-floor-plan-assign-swap");
            throw;
        }
    }
}
