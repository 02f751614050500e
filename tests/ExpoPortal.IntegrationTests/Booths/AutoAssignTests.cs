using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Booths;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using static ExpoPortal.IntegrationTests.Booths.BoothTestData;

namespace ExpoPortal.IntegrationTests.Booths;

/// <summary>The auto-assign proposes without writing, applies exactly its proposal in one go, and refuses a stale one.</summary>
public sealed class AutoAssignTests(PostgresServer postgres)
{
    private const string AutoAssignUrl = $"{BoothsUrl}/auto-assign";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_proposal_places_every_late_registrant_on_a_free_booth_and_writes_nothing()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        using var organizer = await app.SignInAsync("organizer@expo.demo");
        var before = await BoothsAsync(organizer, Ct);
        var free = before.Where(b => b.ExhibitorId is null).Select(b => b.Code).ToHashSet();
        var late = await WithoutBoothAsync(app, Ct);

        var response = await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = false, hostRegion = "together" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposal = (await response.Content.ReadFromJsonAsync<AutoAssignResult>(Json, Ct))!;
        Assert.False(proposal.Applied);
        Assert.Equal(late.Order(), proposal.Proposal.Select(p => p.ExhibitorId).Order());
        Assert.Empty(proposal.Unplaced);
        Assert.All(proposal.Proposal, p => Assert.Contains(p.BoothCode, free));
        Assert.Equal(proposal.Proposal.Count, proposal.Proposal.Select(p => p.BoothCode).Distinct().Count());
        Assert.All(proposal.Proposal, p => Assert.NotEmpty(p.Reasons));
        Assert.False(string.IsNullOrEmpty(proposal.Token));
        Assert.Equal(before, await BoothsAsync(organizer, Ct)); // nothing written
    }

    [Fact]
    public async Task Applying_the_proposal_gives_exactly_those_booths_in_one_go()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        using var organizer = await app.SignInAsync("organizer@expo.demo");
        var proposal = (await (await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = false, hostRegion = "spread" }, Ct))
            .Content.ReadFromJsonAsync<AutoAssignResult>(Json, Ct))!;

        var response = await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = true, token = proposal.Token }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var applied = (await response.Content.ReadFromJsonAsync<AutoAssignResult>(Json, Ct))!;
        Assert.True(applied.Applied);
        Assert.Equal(proposal.Proposal.Select(p => (p.ExhibitorId, p.BoothCode)), applied.Proposal.Select(p => (p.ExhibitorId, p.BoothCode)));
        var after = await BoothsAsync(organizer, Ct);
        Assert.All(proposal.Proposal, p => Assert.Equal(p.ExhibitorId, after.Single(b => b.Code == p.BoothCode).ExhibitorId));
        Assert.Empty(await WithoutBoothAsync(app, Ct));
        // A second apply of the same token is stale now: the booths it was made on have changed.
        var again = await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = true, token = proposal.Token }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Applying_a_stale_proposal_answers_409_assignment_changed_naming_the_booth_and_writes_nothing()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        using var organizer = await app.SignInAsync("organizer@expo.demo");
        var proposal = (await (await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = false }, Ct))
            .Content.ReadFromJsonAsync<AutoAssignResult>(Json, Ct))!;
        // Meanwhile another organizer gives the first proposed booth to the exhibitor proposed for it.
        var first = proposal.Proposal[0];
        Assert.Equal(HttpStatusCode.OK, (await organizer.PutAsJsonAsync($"{BoothsUrl}/{first.BoothCode}/exhibitor", new { exhibitorId = first.ExhibitorId }, Ct)).StatusCode);
        var before = await BoothsAsync(organizer, Ct);

        var response = await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = true, token = proposal.Token }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("assignment_changed", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal([first.BoothCode], problem.RootElement.GetProperty("details").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, await BoothsAsync(organizer, Ct));
    }

    [Fact]
    public async Task A_forged_token_or_an_unknown_host_region_option_is_refused_with_a_reason()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        using var organizer = await app.SignInAsync("organizer@expo.demo");

        var forged = await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = true, token = "not-a-token" }, Ct);
        var sideways = await organizer.PostAsJsonAsync(AutoAssignUrl, new { apply = false, hostRegion = "sideways" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("invalid_token", await CodeOf(forged));
        Assert.Equal(HttpStatusCode.BadRequest, sideways.StatusCode);
        Assert.Equal("invalid_host_region", await CodeOf(sideways));
    }
}
