using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests.Pages;

/// <summary>What every browser journey does with a page besides driving it: keep a screenshot, ask axe-core.</summary>
public static class PageChecks
{
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    /// <summary>axe-core's critical and serious violations on the page as it is now, each with the first elements it names.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "critical" or "serious")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} ({string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")
            .ToList();
    }

    /// <summary>No critical or serious violation (moderate and minor ones are not failures).</summary>
    public static async Task AssertNoSeriousAxeViolationsAsync(IPage page)
    {
        var serious = await SeriousAxeViolationsAsync(page);
        // MudBlazor's buttons fade their colours over 250 ms when they become enabled: axe can catch one midway. A real
        // contrast problem is still there a moment later, so a contrast finding is checked again after the fade.
        if (serious.Count > 0 && serious.All(v => v.StartsWith("color-contrast", StringComparison.Ordinal)))
        {
            await page.WaitForTimeoutAsync(400);
            serious = await SeriousAxeViolationsAsync(page);
        }
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>
    /// The page does not scroll sideways (a wide table may scroll inside its own box); on failure, names the widest
    /// elements that stick out, so the fix is obvious from the message.
    /// </summary>
    public static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var offenders = await SidewaysOffendersAsync(page);
        Assert.True(offenders.Count == 0, $"the page scrolls sideways at {page.ViewportSize?.Width} px: {string.Join("; ", offenders)}");
    }

    /// <summary>Empty when the page fits its width; otherwise the widest elements that stick out.</summary>
    public static async Task<IReadOnlyList<string>> SidewaysOffendersAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const width = window.innerWidth;
              if (document.documentElement.scrollWidth <= width + 1) return [];
              return [...document.querySelectorAll('body *')]
                .map(e => ({ e, right: e.getBoundingClientRect().right }))
                .filter(x => x.right > width + 1)
                .sort((a, b) => b.right - a.right).slice(0, 5)
                .map(x => `${x.e.tagName.toLowerCase()}.${[...x.e.classList].join('.')} right=${Math.round(x.right)}`);
            }
            """);
}
