using Microsoft.Playwright;

namespace ExpoPortal.E2ETests.Pages;

/// <summary>The organizers' floor plan: booths are SVG groups with data-booth-code and data-state.</summary>
public sealed class FloorPlanPage(IPage page)
{
    /// <summary>The circuit re-renders the page after it connects; wait for the plan itself.</summary>
    public async Task WaitUntilLoadedAsync()
    {
        await new DashboardPage(page).WaitUntilInteractiveAsync();
        await page.WaitForSelectorAsync("svg [data-booth-code]", new PageWaitForSelectorOptions { Timeout = 30_000 });
    }

    public ILocator Booth(string code) => page.Locator($"svg [data-booth-code='{code}']");

    public ILocator Booths(string state) => page.Locator($"svg [data-state={state}]");

    public async Task<string> StateOfAsync(string code) => (await Booth(code).GetAttributeAsync("data-state"))!;

    public async Task<string> LabelOfAsync(string code) => (await Booth(code).GetAttributeAsync("aria-label"))!;

    public async Task<string> FirstCodeAsync(string state) => (await Booths(state).First.GetAttributeAsync("data-booth-code"))!;

    public Task ClickBoothAsync(string code) => Booth(code).ClickAsync();

    /// <summary>Waits until the circuit has re-rendered the booth in the given state.</summary>
    public Task WaitForStateAsync(string code, string state) =>
        page.WaitForSelectorAsync($"svg [data-booth-code='{code}'][data-state={state}]", new PageWaitForSelectorOptions { Timeout = 15_000 });

    public async Task<IReadOnlyList<(string Booth, string Exhibitor)>> ProposalAsync()
    {
        await page.WaitForSelectorAsync("[data-testid=proposal-row]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        var rows = page.Locator("[data-testid=proposal-row]");
        var result = new List<(string, string)>();
        for (var i = 0; i < await rows.CountAsync(); i++)
            result.Add(((await rows.Nth(i).GetAttributeAsync("data-booth-code"))!, (await rows.Nth(i).Locator("td").First.InnerTextAsync()).Split(" · ")[0].Trim()));
        return result;
    }

    public Task ProposeAsync() => page.ClickAsync("[data-testid=auto-propose]");

    public Task ApplyAsync() => page.ClickAsync("[data-testid=auto-apply]");

    /// <summary>Assigns the first exhibitor of the panel's list to the booth open in the panel; returns its name.</summary>
    public async Task<string> AssignFirstListedAsync()
    {
        var item = page.Locator("[data-testid=assign-list] .mud-list-item").First;
        var name = (await item.InnerTextAsync()).Split('·')[0].Trim();
        await item.ClickAsync();
        return name;
    }

    /// <summary>Types into a MudBlazor field of the panel's booth form and leaves it, so the value is bound.</summary>
    public async Task FillAsync(string testId, string value)
    {
        var input = page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    public Task StartSwapAsync() => page.ClickAsync("[data-testid=swap-start]");
}
