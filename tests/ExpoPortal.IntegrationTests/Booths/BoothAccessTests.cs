using System.Net;
using System.Net.Http.Json;
using ExpoPortal.Infrastructure.DemoData;

namespace ExpoPortal.IntegrationTests.Booths;

/// <summary>Every floor-plan page and booth route is for organizers: anonymous → sign-in or 401, exhibitors and buyers → 403.</summary>
public sealed class BoothAccessTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Api = $"/api/events/{AndongDemo.Slug}/booths";
    private const string Page = $"/events/{AndongDemo.Slug}/floor-plan";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", Api },
        { "PUT", $"{Api}/A-01/exhibitor" },
        { "DELETE", $"{Api}/A-01/exhibitor" },
        { "POST", $"{Api}/A-01/swap" },
        { "POST", $"{Api}/auto-assign" },
        { "PUT", $"{Api}/A-01" },
        { "POST", Api },
    };

    public static TheoryData<string> OtherRoles => ["exhibitor@expo.demo", "buyer@expo.demo", "member@expo.demo"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_calls_to_booth_routes_get_401(string method, string path)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.SendAsync(Request(method, path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Exhibitors_and_buyers_get_403_from_booth_routes(string method, string path)
    {
        foreach (var email in new[] { "exhibitor@expo.demo", "buyer@expo.demo" })
        {
            using var client = await fixture.App.SignInAsync(email);

            var response = await client.SendAsync(Request(method, path), Ct);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task Anonymous_users_are_sent_from_the_floor_plan_to_sign_in()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync(Page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Exhibitors_and_participants_cannot_open_the_floor_plan(string email)
    {
        using var client = await fixture.App.SignInAsync(email);

        var response = await client.GetAsync(Page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Organizers_open_the_floor_plan_with_every_booth_drawn()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var html = await client.GetStringAsync(Page, Ct);

        Assert.Contains("data-booth-code=\"A-01\"", html);
        Assert.Equal(256, System.Text.RegularExpressions.Regex.Matches(html, "data-booth-code=").Count);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { exhibitorId = 1, otherCode = "A-02", apply = false }),
    };
}
