using System.Net;
using ExpoPortal.Infrastructure.DemoData;

namespace ExpoPortal.IntegrationTests.Localization;

public sealed class LanguageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Switching_to_Korean_is_remembered_and_returns_to_the_page()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var english = await client.GetStringAsync("/account/login", Ct);
        var redirect = await client.GetAsync("/culture/ko?returnUrl=%2Faccount%2Flogin", Ct);
        var korean = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login", Ct));

        Assert.Contains("E-mail", english);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/account/login", redirect.Headers.Location!.OriginalString);
        Assert.Contains("이메일", korean);
        Assert.Contains("lang=\"ko\"", korean);
    }

    [Fact]
    public async Task The_dashboard_shows_event_names_and_figures_in_Korean()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        await client.GetAsync("/culture/ko", Ct);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/events/{AndongDemo.Slug}", Ct));

        Assert.Contains("2027 대한민국 비즈니스 엑스포 안동", html);
        Assert.Contains("안동국제컨벤션센터", html);
        Assert.Contains("경상북도", html);
    }

    [Theory]
    [InlineData("/culture/fr")]
    public async Task An_unsupported_language_is_refused_with_a_reason(string path)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unsupported language", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example%2F", Ct);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
