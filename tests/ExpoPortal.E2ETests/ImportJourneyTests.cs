using System.Text;
using ExpoPortal.Application.Common;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>
/// An organizer imports a chapter's participant list in Chromium: two bad rows are both reported and nothing is
/// written; the fixed list imports; the same list again duplicates nothing. In Korean on a phone and in English.
/// </summary>
public sealed class ImportJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private const string Imports = $"/events/{AndongDemo.Slug}/imports";
    private const string Header = "email,name,company,country,kind,chapter,city,languages,interests_hs,import_scale,arrival,departure";

    [Theory]
    [InlineData("ko-KR", 390, "알 수 없는 국가", "알 수 없는 언어")]
    [InlineData("en-US", 1280, "Unknown country", "Unknown language")]
    public async Task Organizer_sees_both_bad_rows_fixes_the_list_imports_it_and_a_second_import_duplicates_nothing(
        string locale, int width, string countryProblem, string languageProblem)
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        var folder = Directory.CreateTempSubdirectory("expo-import-");
        var tag = locale[..2];
        try
        {
            string Row(int i, string country = "US", string languages = "en") =>
                $"e2e{i}-{tag}@chapter.example,Buyer {i},Company {i},{country},buyer,,Los Angeles,{languages},0902,medium,2027-05-18,2027-05-21";
            var bad = Write(folder, "chapter.csv", Header, Row(1), Row(2, country: "Atlantis"), Row(3), Row(4, languages: "en;klingon"));
            var good = Write(folder, "chapter-fixed.csv", Header, Row(1), Row(2), Row(3), Row(4));
            var again = Write(folder, "chapter-again.csv", Header, Row(1), Row(2), Row(3), Row(4));

            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync(Imports);
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await page.WaitForSelectorAsync("[data-testid=imports-page][data-interactive=true]");
            // The menu's links follow the sign-in checks, which can finish after the page itself is interactive.
            await page.Locator("[data-testid=nav-imports]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            Assert.Equal(1, await page.Locator("[data-testid=nav-imports]").CountAsync());

            await ChooseAsync(page, bad);
            await page.WaitForSelectorAsync("[data-testid=import-preview]");
            await page.ClickAsync("[data-testid=import-apply]");
            await page.WaitForSelectorAsync("[data-testid=import-errors]");
            var problems = page.Locator("[data-testid=import-error-row]");
            Assert.Equal(2, await problems.CountAsync());
            Assert.Equal("3", await problems.Nth(0).Locator("td").Nth(0).InnerTextAsync());
            Assert.Contains(countryProblem, await problems.Nth(0).InnerTextAsync());
            Assert.Equal("5", await problems.Nth(1).Locator("td").Nth(0).InnerTextAsync());
            Assert.Contains(languageProblem, await problems.Nth(1).InnerTextAsync());
            Assert.Equal(1, await page.Locator("[data-testid=import-error-report]").CountAsync());
            Assert.Equal(0, await ImportedAsync(app, tag));
            await PageChecks.ScreenshotAsync(page, $"import-errors-{tag}");

            await ChooseAsync(page, good);
            await page.ClickAsync("[data-testid=import-validate]");
            await page.WaitForSelectorAsync("[data-testid=import-result][data-applied=false][data-created='4']");
            Assert.Equal(0, await ImportedAsync(app, tag)); // a check writes nothing
            await page.ClickAsync("[data-testid=import-apply]");
            await page.WaitForSelectorAsync("[data-testid=import-result][data-applied=true][data-created='4'][data-unchanged='0']");
            Assert.Equal(4, await ImportedAsync(app, tag));

            await ChooseAsync(page, again);
            await page.ClickAsync("[data-testid=import-apply]");
            await page.WaitForSelectorAsync("[data-testid=import-result][data-applied=true][data-file='chapter-again.csv'][data-created='0'][data-unchanged='4']");
            Assert.Equal(4, await ImportedAsync(app, tag));
            await PageChecks.ScreenshotAsync(page, $"import-again-{tag}");
            if (width <= 390)
                await PageChecks.AssertNoSidewaysScrollingAsync(page);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, $"FAILED-import-{tag}");
            throw;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Picks the file and waits until the page names it. The file input's script starts just after the circuit's first
    /// render, so a pick made in between is lost: it is made again, three times at most.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string path)
    {
        var name = Path.GetFileName(path);
        for (var attempt = 1; ; attempt++)
        {
            await page.SetInputFilesAsync("input[type=file]", path);
            try
            {
                await page.WaitForSelectorAsync($"[data-testid=import-file-name]:text-is('{name}')", new() { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    private static string Write(DirectoryInfo folder, string name, params string[] lines)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(false));
        return path;
    }

    private static async Task<int> ImportedAsync(ExpoApp app, string tag)
    {
        await using var db = await app.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        return await db.Participants.CountAsync(p => p.Email != null && p.Email.EndsWith($"-{tag}@chapter.example"));
    }
}
