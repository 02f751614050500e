using Microsoft.Playwright;

namespace ExpoPortal.E2ETests.Pages;

public sealed class DashboardPage(IPage page)
{
    /// <summary>Prerendered HTML arrives before the circuit connects; clicks before that are lost.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });

    public async Task SwitchLanguageAsync(string culture)
    {
        await WaitUntilInteractiveAsync();
        await page.ClickAsync($"[data-testid=lang-{culture}]");
        // An attribute assertion, not WaitForFunction with an expression string: the CSP forbids string eval.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture, new() { Timeout = 30_000 });
        await WaitUntilInteractiveAsync();
    }

    public Task<string> EventNameAsync() => page.InnerTextAsync("[data-testid=event-name]");

    public async Task<string> FigureAsync(string testId) => (await page.InnerTextAsync($"[data-testid={testId}-value]")).Trim();

    public Task<string> CardTextAsync(string testId) => page.InnerTextAsync($"[data-testid={testId}]");
}
