using System.Net;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Security;

/// <summary>Who may open what: anonymous users reach only the public pages, and each role only its own.</summary>
public sealed class AccessTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Event = $"/events/{AndongDemo.Slug}";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> PrivatePages =>
    [
        Event, $"{Event}/directory", $"{Event}/booths", $"{Event}/matching", "/my/listing", "/my/agenda",
    ];

    public static TheoryData<string> PublicPages => ["/", "/account/login", "/alive", "/health", "/account/access-denied"];

    [Theory]
    [MemberData(nameof(PrivatePages))]
    public async Task Anonymous_users_are_sent_to_sign_in(string path)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_pages_open_without_sign_in(string path)
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_API_calls_get_401_not_a_redirect()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await client.GetAsync($"/api{Event}/figures", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var response = await Tests.Shared.ExpoApp.SubmitLoginAsync(client, "organizer@expo.demo", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("exhibitor@expo.demo", $"{Event}/booths")]
    [InlineData("buyer@expo.demo", $"{Event}/booths")]
    [InlineData("exhibitor@expo.demo", $"{Event}/matching")]
    [InlineData("buyer@expo.demo", $"{Event}/matching")]
    [InlineData("buyer@expo.demo", "/my/listing")]
    [InlineData("exhibitor@expo.demo", "/my/agenda")]
    public async Task Signed_in_users_cannot_open_pages_of_another_role(string email, string path)
    {
        using var client = await fixture.App.SignInAsync(email);

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_a_page_that_says_so()
    {
        using var client = await fixture.App.SignInAsync("buyer@expo.demo");

        var response = await client.GetAsync("/no-such-page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(body.Contains("Page not found"), body.Length > 300 ? body[..300] : body);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var page = await client.GetStringAsync(Event, Ct);
        var token = Tests.Shared.ExpoApp.AntiforgeryTokenIn(page);

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        var afterwards = await client.GetAsync(Event, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/account/login", afterwards.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Event, Ct)).StatusCode);
    }

    [Fact]
    public async Task Organizer_figures_API_is_for_organizers_only()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        using var exhibitor = await fixture.App.SignInAsync("exhibitor@expo.demo");

        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync($"/api{Event}/figures", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exhibitor.GetAsync($"/api{Event}/figures", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_buyer_sees_only_its_own_agenda()
    {
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        var own = await buyer.GetStringAsync("/my/agenda", Ct);
        Assert.Contains("data-testid=\"agenda-empty\"", own);

        var ownId = await ParticipantIdOfAsync("buyer@expo.demo");
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync($"/api{Event}/participants/{ownId}/agenda", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync($"/api{Event}/participants/{ownId + 1}/agenda", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_exhibitor_sees_its_own_listing()
    {
        using var exhibitor = await fixture.App.SignInAsync("exhibitor@expo.demo");

        var page = await exhibitor.GetStringAsync("/my/listing", Ct);

        var demo = AndongDemo.Generate();
        var own = demo.Exhibitors.First(x => x.ProvinceCode == "KR-47");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(own.Name.En), page);
        Assert.Contains(own.Booth!.Code, page);
    }

    private async Task<int> ParticipantIdOfAsync(string email)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return user!.ParticipantId!.Value;
    }
}
