using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Matching.Io;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Matchmaking;

public sealed class MatchingEndpointTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Base = $"/api/events/{AndongDemo.Slug}/matching";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_organizer_starts_a_run_over_HTTP_follows_it_and_publishes_it()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var started = await organizer.PostAsJsonAsync($"{Base}/runs", new { timeLimitSeconds = 2, seed = 3 }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;

        JsonElement run;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(250, Ct);
            run = await organizer.GetFromJsonAsync<JsonElement>(location, Ct);
        }
        while (run.GetProperty("status").GetString() is "Queued" or "Running" && DateTime.UtcNow < deadline);

        Assert.Equal("Succeeded", run.GetProperty("status").GetString());
        var meetings = run.GetProperty("figures").GetProperty("meetings").GetInt32();
        Assert.True(meetings > 1000, $"only {meetings} meetings");

        // The buyer sees nothing of the proposals until they are published.
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        var buyerId = await BuyerIdAsync();
        var agendaUrl = $"/api/events/{AndongDemo.Slug}/participants/{buyerId}/agenda";
        var proposedToBuyer = (await organizer.GetFromJsonAsync<JsonElement>(agendaUrl, Ct)).GetArrayLength();
        Assert.True(proposedToBuyer > 0, "the demo buyer got no proposal");
        Assert.Equal(0, (await buyer.GetFromJsonAsync<JsonElement>(agendaUrl, Ct)).GetArrayLength());

        var published = await organizer.PostAsync($"{location}/publish", null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(meetings, await published.Content.ReadFromJsonAsync<int>(Ct));
        var agenda = await buyer.GetFromJsonAsync<JsonElement>(agendaUrl, Ct);
        Assert.Equal(proposedToBuyer, agenda.GetArrayLength());
        Assert.All(agenda.EnumerateArray(), m => Assert.Equal("Scheduled", m.GetProperty("status").GetString()));
    }

    private async Task<int> BuyerIdAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ExpoPortal.Infrastructure.Identity.ApplicationUser>>();
        return (await users.FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value;
    }

    [Fact]
    public async Task The_instance_export_is_a_valid_expo_match_file()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var json = await organizer.GetStringAsync($"{Base}/instance", Ct);

        Assert.Equal(250 - AndongDemo.LateRegistrants, InstanceReader.Read(json).Exhibitors.Count); // exhibitors with a booth
    }

    [Theory]
    [InlineData("exhibitor@expo.demo")]
    [InlineData("buyer@expo.demo")]
    public async Task Only_organizers_reach_the_matching_endpoints(string email)
    {
        using var client = await fixture.App.SignInAsync(email);

        var post = await client.PostAsJsonAsync($"{Base}/runs", new { }, Ct);
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{post.StatusCode}: {await post.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Base}/instance", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Base}/compare?first=1&second=2", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PutAsJsonAsync($"{Base}/pairs", new { participantId = 1, exhibitorId = 1, decision = "block" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Base}/runs/1/publish?overNewer=true", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_calls_to_the_matching_routes_get_401()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"{Base}/compare?first=1&second=2", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PutAsJsonAsync($"{Base}/pairs", new { participantId = 1, exhibitorId = 1, decision = "lock" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"{Base}/runs", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_organizer_locks_and_clears_a_pair_over_HTTP_and_bad_input_is_refused()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var buyerId = await BuyerIdAsync();
        var exhibitors = await organizer.GetFromJsonAsync<JsonElement>($"/api/events/{AndongDemo.Slug}/exhibitors?pageSize=1", Ct);
        var exhibitorId = exhibitors.GetProperty("items")[0].GetProperty("id").GetInt32();

        var locked = await organizer.PutAsJsonAsync($"{Base}/pairs", new { participantId = buyerId, exhibitorId, decision = "lock" }, Ct);
        var cleared = await organizer.PutAsJsonAsync($"{Base}/pairs", new { participantId = buyerId, exhibitorId, decision = (string?)null }, Ct);
        var bad = await organizer.PutAsJsonAsync($"{Base}/pairs", new { participantId = buyerId, exhibitorId, decision = "maybe" }, Ct);
        var unknown = await organizer.PutAsJsonAsync($"{Base}/pairs", new { participantId = buyerId, exhibitorId = 999_999, decision = "block" }, Ct);
        var noRuns = await organizer.GetAsync($"{Base}/compare?first=999998&second=999999", Ct);

        Assert.Equal(HttpStatusCode.NoContent, locked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("bad_decision", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noRuns.StatusCode);
    }

    [Fact]
    public async Task A_bad_time_limit_is_refused_with_a_reason()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await organizer.PostAsJsonAsync($"{Base}/runs", new { timeLimitSeconds = 0 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bad_time_limit", await response.Content.ReadAsStringAsync(Ct));
    }
}
