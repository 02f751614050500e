using Microsoft.Playwright;

namespace ExpoPortal.E2ETests.Pages;

/// <summary>The organizers' matching page: start a run, follow it live, review and publish it.</summary>
public sealed class MatchingPage(IPage page)
{
    private const string Run = "[data-testid=matching-run]";

    /// <summary>Records every state the run on screen shows, from now on, so a test can tell it was pushed through them.</summary>
    public Task RecordStatesAsync() => page.EvaluateAsync("""
        () => {
            window.__matchingStates = [];
            const note = () => {
                const run = document.querySelector('[data-testid=matching-run]');
                const state = run && run.getAttribute('data-state');
                if (state && window.__matchingStates[window.__matchingStates.length - 1] !== state) window.__matchingStates.push(state);
            };
            new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
            note();
        }
        """);

    public Task<string[]> RecordedStatesAsync() => page.EvaluateAsync<string[]>("() => window.__matchingStates");

    public async Task StartAsync(int timeLimitSeconds)
    {
        var limit = page.Locator("input[data-testid=matching-time-limit], [data-testid=matching-time-limit] input").First;
        await limit.FillAsync(timeLimitSeconds.ToString());
        await limit.PressAsync("Tab");
        await page.ClickAsync("[data-testid=matching-start]");
    }

    /// <summary>Waits, with a deadline, until the run on screen shows the state; nobody reloads the page.</summary>
    public Task WaitForStateAsync(string state, int timeoutMs = 120_000) =>
        page.WaitForSelectorAsync($"{Run}[data-state={state}]", new PageWaitForSelectorOptions { Timeout = timeoutMs });

    public async Task<int> FigureAsync(string testId) =>
        int.Parse((await page.InnerTextAsync($"[data-testid={testId}-value]")).Replace(",", "").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public async Task PublishAsync()
    {
        await page.ClickAsync("[data-testid=matching-publish]");
        await page.ClickAsync("[data-testid=confirm]");
    }
}
