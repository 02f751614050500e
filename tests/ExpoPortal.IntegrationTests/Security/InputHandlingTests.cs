using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Security;

/// <summary>
/// User text is text everywhere: classic XSS payloads stored in an exhibitor's listing (through <c>PUT /api/my/listing</c>)
/// and in a participant's profile come back HTML-encoded in every page that shows them, prerendered over HTTP, with no
/// injected tag or attribute; SQL in the directory search finds nothing more than nonsense does.
/// </summary>
public sealed partial class InputHandlingTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Slug = AndongDemo.Slug;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each carries a marker xssN, so an injected element or attribute can be found by it.</summary>
    private static readonly string[] Payloads =
    [
        "<script>alert('xss1')</script>",
        "<img src=x onerror=alert('xss2')>",
        "<svg onload=alert('xss3')>",
        "\"><script>alert('xss4')</script>",
        "'><img src=x onerror=alert('xss5')>",
        "<iframe src=\"javascript:alert('xss6')\"></iframe>",
        "<body onload=alert('xss7')>",
        "<a href=\"javascript:alert('xss8')\">xss8</a>",
        "<div style=\"background:url(javascript:alert('xss9'))\">",
        "<input autofocus onfocus=alert('xss10')>",
        "<details open ontoggle=alert('xss11')>",
        "<video><source onerror=alert('xss12')></video>",
        "<math><mi xlink:href=\"javascript:alert('xss13')\">",
        "<scr<script>ipt>alert('xss14')</scr</script>ipt>",
        "\" onmouseover=\"alert('xss15')",
        "' onfocus='alert(`xss16`)' autofocus '",
        "</textarea><script>alert('xss17')</script>",
        "<object data=\"javascript:alert('xss18')\"></object>",
        "<style>@import 'javascript:alert(\"xss19\")';</style>",
        "<!--<img src=\"--><img src=x onerror=alert('xss20')//\">",
    ];

    [Fact]
    public async Task Script_payloads_in_listings_and_profiles_render_as_text_on_every_page_that_shows_them()
    {
        // The exhibitor stores the payloads in its listing through the API, as any exhibitor could.
        using var exhibitor = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var listing = (await exhibitor.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!;
        var exhibitorId = listing["id"]!.GetValue<int>();
        listing["nameEn"] = Payloads[0];
        listing["nameKo"] = Payloads[1];
        listing["descriptionEn"] = string.Join(" ", Payloads);
        listing["descriptionKo"] = string.Join(" ", Payloads.Reverse());
        listing["cityEn"] = Payloads[2];
        listing["contactName"] = Payloads[3];
        var product = listing["products"]!.AsArray()[0]!.AsObject();
        product["nameEn"] = Payloads[4];
        product["nameKo"] = Payloads[5];
        product["descriptionEn"] = Payloads[6];
        using (var saved = await exhibitor.PutAsJsonAsync("/api/my/listing", listing, Ct))
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));

        // A participant's profile comes from the organizers' imports; its fields take the payloads too.
        var buyerId = await ParticipantOfAsync("buyer@expo.demo");
        await using (var db = await DbAsync())
            await db.Database.ExecuteSqlAsync(
                $"UPDATE participants SET full_name = {Payloads[7]}, korean_name = {Payloads[8]}, company = {Payloads[9]}, city = {Payloads[10]}, chapter = {Payloads[11]} WHERE id = {buyerId}", Ct);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slot = await FreeSlotAsync(organizer, exhibitorId);
        using (var booked = await organizer.PostAsJsonAsync($"/api/events/{Slug}/meetings", new BookMeetingRequest(buyerId, exhibitorId, slot), Ct))
            Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync(Ct));
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");

        // Each page, and which stored payloads it must show (as text).
        (HttpClient Client, string Url, int[] Shown)[] pages =
        [
            (buyer, $"/events/{Slug}/exhibitors/{exhibitorId}", [0, 4, 6]),
            (buyer, $"/events/{Slug}/directory", []),
            (buyer, "/my/agenda", [0]),
            (exhibitor, "/my/schedule", [7, 9]),
            (exhibitor, "/my/listing", []),
            (organizer, $"/events/{Slug}/desk", []),
            (organizer, $"/events/{Slug}/booths", []),
        ];
        foreach (var (client, url, shown) in pages)
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync(Ct);
            AssertNothingInjected(url, html);
            var text = WebUtility.HtmlDecode(html);
            foreach (var i in shown) Assert.True(text.Contains(Payloads[i], StringComparison.Ordinal), $"{url} does not show payload {i + 1} as text.");
        }
    }

    /// <summary>No payload that needs encoding appears raw, and no element or attribute carries a marker.</summary>
    private static void AssertNothingInjected(string url, string html)
    {
        foreach (var payload in Payloads.Where(p => p.IndexOfAny(['<', '>', '"']) >= 0))
            Assert.False(html.Contains(payload, StringComparison.Ordinal), $"{url} has a payload unencoded: {payload}");
        // Encoded text inside a quoted attribute value is harmless: look at each tag without its quoted values.
        foreach (Match tag in Tag().Matches(html))
        {
            var bare = QuotedValue().Replace(tag.Value, "\"\"");
            Assert.False(Injected().IsMatch(bare), $"{url} has injected markup: {tag.Value}");
        }
        var link = ScriptLink().Match(html);
        Assert.False(link.Success, $"{url} has a javascript: link: {link.Value}");
    }

    [GeneratedRegex(@"<[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex QuotedValue();

    /// <summary>A marker outside any attribute value, or an event-handler attribute.</summary>
    [GeneratedRegex(@"xss\d+|\son\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Injected();

    [GeneratedRegex(@"(href|src|data|action|formaction|xlink:href)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLink();

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("' OR '1'='1")]
    [InlineData("%%%%")] // LIKE wildcards are searched for as characters, not as patterns
    [InlineData("____")]
    [InlineData("'; DROP TABLE exhibitors; --")]
    [InlineData("1) UNION SELECT id, name_ko FROM exhibitors --")]
    [InlineData("\\' OR 1=1 /*")]
    public async Task SQL_in_the_directory_search_finds_no_more_than_nonsense_does(string injection)
    {
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        var all = await TotalAsync(buyer, "");
        var nonsense = await TotalAsync(buyer, "qqqzzzxxqqq");

        var injected = await TotalAsync(buyer, injection);

        Assert.True(all > 200, $"the directory lists {all}");
        Assert.Equal(0, nonsense);
        Assert.Equal(nonsense, injected);
        await using var db = await DbAsync();
        Assert.Equal(all, await db.Exhibitors.CountAsync(x => x.Event.Slug == Slug, Ct)); // and nothing was dropped
    }

    private async Task<int> TotalAsync(HttpClient client, string q)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/events/{Slug}/exhibitors?q={Uri.EscapeDataString(q)}&pageSize=5", Ct);
        return page!["total"]!.GetValue<int>();
    }

    private async Task<int> FreeSlotAsync(HttpClient client, int exhibitorId)
    {
        var slots = (await client.GetFromJsonAsync<JsonArray>($"/api/events/{Slug}/exhibitors/{exhibitorId}/slots", Ct))!;
        return slots.First(s => s!["state"]!.GetValue<string>() == "free")!["slotId"]!.GetValue<int>();
    }

    private async Task<int> ParticipantOfAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.ParticipantId!.Value;
    }

    private Task<AppDbContext> DbAsync() => fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
