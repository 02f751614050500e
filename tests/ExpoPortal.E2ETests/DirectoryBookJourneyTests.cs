using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>A buyer downloads the directory book from the directory page, in Korean.</summary>
public sealed class DirectoryBookJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    [Fact]
    public async Task A_buyer_downloads_the_directory_book_from_the_directory_page()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page, app.ServerAddress);
        await login.OpenAsync($"/events/{AndongDemo.Slug}/directory");
        await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
        await new DashboardPage(page).WaitUntilInteractiveAsync();
        var button = page.Locator("[data-testid=directory-book]");
        await Assertions.Expect(button).ToContainTextAsync("디렉토리북 내려받기");

        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync(), new() { Timeout = 30_000 });

        Assert.Equal($"{AndongDemo.Slug}-directory-book.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 100_000, $"{bytes.Length} bytes");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
    }
}
