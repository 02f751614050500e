using System.IO.Compression;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Results;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>The results report in Chromium: an organizer opens last year's edition from this year's, in English and Korean, and takes the workbook.</summary>
public sealed class ResultsJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private const string PastEdition = "andong-2025";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_organizer_opens_the_results_of_Andong_2025_in_English_and_Korean_and_downloads_the_workbook()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        var past = (await app.Services.GetRequiredService<EventService>().FindAsync(PastEdition, Ct))!;
        var report = (await app.Services.GetRequiredService<ResultsReport>().ForEventAsync(TestActors.Secretariat, past.Id, Ct)).Value;
        Assert.InRange(report.Totals.Consultations, 1_800, 2_200); // the demo's past edition lands near the published 2,010

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1300, Height = 900 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/results");
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            var dashboard = new DashboardPage(page);
            await dashboard.WaitUntilInteractiveAsync();
            await page.ClickAsync($"[data-testid=results-other-event][href$='events/{PastEdition}/results']");

            var consultations = page.Locator("[data-testid=res-consultations-value]");
            await Assertions.Expect(consultations).ToHaveTextAsync(report.Totals.Consultations.ToString("N0", new System.Globalization.CultureInfo("en-US")), new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-testid=results-event]")).ToHaveTextAsync(report.EventName.En);
            foreach (var chart in (string[])["chart-region", "chart-industry", "chart-country"])
                await Assertions.Expect(page.Locator($"[data-testid={chart}] svg").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=table-country]")).ToContainTextAsync("Vietnam");
            await PageChecks.ScreenshotAsync(page, "results-2025-en");

            await dashboard.SwitchLanguageAsync("ko");
            await Assertions.Expect(page.Locator("[data-testid=results-event]")).ToHaveTextAsync(report.EventName.Ko);
            await Assertions.Expect(consultations).ToHaveTextAsync(report.Totals.Consultations.ToString("N0", new System.Globalization.CultureInfo("ko-KR")));
            await Assertions.Expect(page.Locator("[data-testid=table-country]")).ToContainTextAsync("베트남");
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=results-xlsx]"));
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            using var workbook = ZipFile.OpenRead(await download.PathAsync());
            Assert.NotNull(workbook.GetEntry("xl/workbook.xml"));
            Assert.True(workbook.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/sheet")) >= 5, "a summary sheet and four breakdowns");
            using var strings = new StreamReader(workbook.GetEntry("xl/sharedStrings.xml")!.Open());
            Assert.Contains("베트남", await strings.ReadToEndAsync(Ct)); // headers and names in the reader's language

            // On a phone (the page loaded at that width, as a phone loads it) the report reads without sideways scrolling.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(new Uri(app.ServerAddress, $"/events/{PastEdition}/results").ToString());
            await dashboard.WaitUntilInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=table-exhibitor]")).ToBeVisibleAsync();
            await PageChecks.AssertNoSidewaysScrollingAsync(page);
            await PageChecks.ScreenshotAsync(page, "results-2025-phone-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "results-journey-failed");
            throw;
        }
    }
}
