using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Booths;
using ExpoPortal.Application.Common;
using Microsoft.Extensions.DependencyInjection;
using static ExpoPortal.IntegrationTests.Booths.BoothTestData;

namespace ExpoPortal.IntegrationTests.Booths;

/// <summary>
/// Adding, moving and resizing booths: inside the hall, no overlap, 1 to 20 tables. Hall A of the demo is 28 × 22 cells;
/// its booths fill x 1–24 and y 1–20, so columns 26–27 are free.
/// </summary>
public sealed class BoothEditingTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_booth_in_free_floor_space_is_added_and_listed()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await organizer.PostAsJsonAsync(BoothsUrl, new NewBooth("A-97", "A", 26, 1, 2, 2, 2, "AgriFood"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await BoothsAsync(organizer, Ct)).Single(b => b.Code == "A-97");
        Assert.Equal(("A", "AgriFood", 2, (int?)null), (added.Hall, added.Zone, added.Tables, added.ExhibitorId));
    }

    [Fact]
    public async Task Moving_and_resizing_a_booth_keeps_its_exhibitor()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var holder = (await BoothsAsync(organizer, Ct)).Single(b => b.Code == "A-96").ExhibitorId;

        var response = await organizer.PutAsJsonAsync($"{BoothsUrl}/A-96", new BoothShape(26, 5, 2, 4, 3, "ProcessedFood"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = (await BoothsAsync(organizer, Ct)).Single(b => b.Code == "A-96");
        Assert.Equal((3, "ProcessedFood", holder), (moved.Tables, moved.Zone, moved.ExhibitorId));
    }

    [Fact]
    public async Task A_booth_moved_onto_another_is_refused_naming_the_other()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await organizer.PutAsJsonAsync($"{BoothsUrl}/A-02", new BoothShape(1, 1, 2, 2, 1, "AgriFood"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("booth_overlap", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(["A-01"], problem.RootElement.GetProperty("details").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData(27, 12, 2, 2, 1, "booth_outside_hall")] // x 27 + width 2 > 28 columns
    [InlineData(-1, 12, 2, 2, 1, "booth_outside_hall")]
    [InlineData(26, 12, 0, 2, 1, "booth_outside_hall")]
    [InlineData(26, 12, 2, 2, 0, "invalid_tables")]
    [InlineData(26, 12, 2, 2, 21, "invalid_tables")]
    public async Task An_invalid_booth_shape_is_refused_with_a_reason(int x, int y, int width, int height, int tables, string code)
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var moved = await organizer.PutAsJsonAsync($"{BoothsUrl}/A-95", new BoothShape(x, y, width, height, tables, "AgriFood"), Ct);
        var added = await organizer.PostAsJsonAsync(BoothsUrl, new NewBooth("A-99", "A", x, y, width, height, tables, "AgriFood"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(code, await CodeOf(moved));
        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Equal(code, await CodeOf(added));
    }

    [Fact]
    public async Task A_booth_code_that_exists_or_a_hall_of_another_event_is_refused()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        await AddOtherEventAsync(fixture.App, Ct);

        var duplicate = await organizer.PostAsJsonAsync(BoothsUrl, new NewBooth("a-01", "A", 26, 16, 2, 2, 1, "AgriFood"), Ct);
        var otherHall = await organizer.PostAsJsonAsync(BoothsUrl, new NewBooth("Z-02", "Z", 5, 5, 2, 2, 1, "Electronics"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("booth_code_taken", await CodeOf(duplicate));
        Assert.Equal(HttpStatusCode.NotFound, otherHall.StatusCode);
        Assert.Equal("hall_not_found", await CodeOf(otherHall));
    }

    [Fact]
    public async Task The_editing_service_refuses_an_actor_who_is_not_an_organizer()
    {
        var editing = fixture.App.Services.GetRequiredService<BoothEditing>();
        var buyer = new Actor("b", IsOrganizer: false, null, ParticipantId: 1);
        var eventId = await EventIdAsync(fixture.App, Ct);

        var result = await editing.UpdateAsync(buyer, eventId, "A-01", new BoothShape(1, 1, 2, 2, 1, "AgriFood"), Ct);

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }
}
