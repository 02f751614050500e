using System.Text.RegularExpressions;
using ExpoPortal.Infrastructure.DemoData;

namespace ExpoPortal.IntegrationTests.Security;

/// <summary>Each role sees its own navigation (the server-rendered HTML of the event dashboard).</summary>
public sealed class NavigationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static readonly string[] RoleMenus = ["nav-organizer", "nav-exhibitor", "nav-participant"];

    [Theory]
    [InlineData("organizer@expo.demo", "nav-organizer")]
    [InlineData("exhibitor@expo.demo", "nav-exhibitor")]
    [InlineData("buyer@expo.demo", "nav-participant")]
    [InlineData("member@expo.demo", "nav-participant")]
    public async Task Each_role_sees_its_own_menu_and_no_other(string email, string expectedMenu)
    {
        using var client = await fixture.App.SignInAsync(email);

        var html = await client.GetStringAsync($"/events/{AndongDemo.Slug}", TestContext.Current.CancellationToken);

        Assert.Contains($"data-testid=\"{expectedMenu}\"", html);
        foreach (var other in RoleMenus.Where(m => m != expectedMenu))
            Assert.DoesNotContain($"data-testid=\"{other}\"", html);
        Assert.Contains("data-testid=\"nav-directory\"", html);
    }

    [Fact]
    public async Task Anonymous_visitors_see_no_role_menu()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.All(RoleMenus, menu => Assert.DoesNotContain($"data-testid=\"{menu}\"", html));
        Assert.DoesNotContain("data-testid=\"nav-directory\"", html);
    }

    [Theory]
    [InlineData("/events/" + AndongDemo.Slug, "nav-dashboard")]
    [InlineData("/events/" + AndongDemo.Slug + "/directory", "nav-directory")]
    [InlineData("/events/" + AndongDemo.Slug + "/directory?q=kimchi", "nav-directory")]
    [InlineData("/my/agenda", "nav-agenda")]
    public async Task The_link_of_the_page_shown_is_marked_current_and_no_other(string path, string current)
    {
        using var client = await fixture.App.SignInAsync("buyer@expo.demo");

        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);

        var marked = Regex.Matches(html, "<a [^>]*aria-current=\"page\"[^>]*>").Select(m => m.Value).ToList();
        var link = Assert.Single(marked, a => a.Contains("class=\"mud-nav-link"));
        Assert.Contains($"data-testid=\"{current}\"", link);
    }
}
