using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExpoPortal.Infrastructure.DemoData;

namespace ExpoPortal.IntegrationTests.Exhibitors;

/// <summary>Directory search over HTTP on the demo event: words in both languages, HS prefixes, and typos as a fallback.</summary>
public sealed class DirectorySearchTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_typo_finds_what_the_word_finds_and_a_word_found_as_written_is_not_widened_by_fuzzy_matches()
    {
        using var client = await fixture.App.SignInAsync("buyer@expo.demo");

        var (cosmetics, cosmeticsTotal) = await SearchAsync(client, "q=cosmetics");
        var (typo, typoTotal) = await SearchAsync(client, "q=cosmetcs");
        var (korean, koreanTotal) = await SearchAsync(client, "q=%ED%99%94%EC%9E%A5%ED%92%88"); // 화장품

        Assert.True(cosmeticsTotal > 0 && koreanTotal > 0);
        Assert.True(typoTotal > 0, "the misspelling found nothing");
        Assert.NotEmpty(typo.Intersect(cosmetics));
        // Every company found by the word holds it as written (a substring of its text), none only by resemblance.
        Assert.All(cosmetics, c => Assert.Contains("cosmetic", c.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_HS_prefix_finds_only_companies_with_a_product_under_it()
    {
        using var client = await fixture.App.SignInAsync("buyer@expo.demo");

        var (tea, total) = await SearchAsync(client, "hs=0902&pageSize=100");
        var (chapter, chapterTotal) = await SearchAsync(client, "hs=09&pageSize=100");

        Assert.True(total > 0);
        Assert.True(chapterTotal >= total);
        Assert.All(tea, c => Assert.Contains(c.Codes, code => code.StartsWith("0902")));
        Assert.All(chapter, c => Assert.Contains(c.Codes, code => code.StartsWith("09")));
    }

    private async Task<(List<Found> Items, int Total)> SearchAsync(HttpClient client, string query)
    {
        var page = (await client.GetFromJsonAsync<JsonObject>($"/api/events/{AndongDemo.Slug}/exhibitors?{query}", Ct))!;
        var items = page["items"]!.AsArray().Select(i => new Found(
            (int)i!["id"]!,
            string.Join(" ", new[] { (string?)i["nameKo"], (string?)i["nameEn"], (string?)i["industry"] }
                .Concat(i["products"]!.AsArray().SelectMany(p => new[] { (string?)p!["nameKo"], (string?)p["nameEn"] }))),
            i["products"]!.AsArray().Select(p => (string)p!["hsCode"]!).ToList())).ToList();
        return (items, (int)page["total"]!);
    }

    private sealed record Found(int Id, string Text, List<string> Codes)
    {
        public bool Equals(Found? other) => other?.Id == Id;
        public override int GetHashCode() => Id;
    }
}
