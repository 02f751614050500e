using ExpoPortal.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using ExpoPortal.Application.Booths;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ExpoPortal.IntegrationTests.Booths.BoothTestData;

namespace ExpoPortal.IntegrationTests.Booths;

/// <summary>Assign, unassign and swap over the API, on a real PostgreSQL; conflicts come back in words, never as a 500.</summary>
public sealed class BoothAssignmentTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static readonly Actor Organizer = TestActors.Secretariat;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_booth_list_gives_code_hall_zone_tables_and_holder_of_every_booth()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var booths = await BoothsAsync(organizer, Ct);

        Assert.Equal(256, booths.Count);
        Assert.Equal(["A", "B", "C"], booths.Select(b => b.Hall).Distinct());
        var a01 = booths.Single(b => b.Code == "A-01");
        Assert.Equal(2, a01.Tables);
        Assert.NotNull(a01.ExhibitorId);
        // The late registrants have no booth until the organizers give them one; some booths wait for them.
        Assert.True(booths.Count(b => b.ExhibitorId is null) >= AndongDemo.LateRegistrants);
    }

    [Fact]
    public async Task Assigning_a_free_booth_to_an_exhibitor_without_one_shows_in_the_list()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var exhibitorId = (await WithoutBoothAsync(fixture.App, Ct))[0];
        var free = (await BoothsAsync(organizer, Ct)).First(b => b.ExhibitorId is null);

        var response = await organizer.PutAsJsonAsync($"{BoothsUrl}/{free.Code}/exhibitor", new { exhibitorId }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(exhibitorId, (await response.Content.ReadFromJsonAsync<BoothSummary>(Ct))!.ExhibitorId);
        Assert.Equal(exhibitorId, (await BoothsAsync(organizer, Ct)).Single(b => b.Code == free.Code).ExhibitorId);
    }

    [Fact]
    public async Task Assigning_a_taken_booth_answers_409_booth_taken()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var exhibitorId = (await WithoutBoothAsync(fixture.App, Ct))[1];

        var response = await organizer.PutAsJsonAsync($"{BoothsUrl}/A-01/exhibitor", new { exhibitorId }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("booth_taken", await CodeOf(response));
    }

    [Fact]
    public async Task Assigning_an_exhibitor_that_already_has_a_booth_answers_409_exhibitor_has_booth()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var booths = await BoothsAsync(organizer, Ct);
        var holder = booths.Single(b => b.Code == "A-01").ExhibitorId!.Value;
        var free = booths.Last(b => b.ExhibitorId is null);

        var response = await organizer.PutAsJsonAsync($"{BoothsUrl}/{free.Code}/exhibitor", new { exhibitorId = holder }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("exhibitor_has_booth", await CodeOf(response));
        Assert.Null((await BoothsAsync(organizer, Ct)).Single(b => b.Code == free.Code).ExhibitorId);
    }

    [Fact]
    public async Task Two_organizers_racing_for_one_free_booth_get_one_booth_and_one_booth_taken()
    {
        var assignment = fixture.App.Services.GetRequiredService<BoothAssignment>();
        var eventId = await EventIdAsync(fixture.App, Ct);
        var without = await WithoutBoothAsync(fixture.App, Ct);
        var free = (await assignment.ListAsync(Organizer, eventId, Ct)).Value.Where(b => b.ExhibitorId is null).Skip(2).First();

        var results = await Task.WhenAll(
            assignment.AssignAsync(Organizer, eventId, free.Code, without[^1], Ct),
            assignment.AssignAsync(Organizer, eventId, free.Code, without[^2], Ct));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal("booth_taken", Assert.Single(results, r => !r.Succeeded).Error!.Code);
    }

    [Fact]
    public async Task Unassigning_frees_the_booth_and_the_exhibitor()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var holder = (await BoothsAsync(organizer, Ct)).Single(b => b.Code == "C-10").ExhibitorId!.Value;

        var response = await organizer.DeleteAsync($"{BoothsUrl}/C-10/exhibitor", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await BoothsAsync(organizer, Ct)).Single(b => b.Code == "C-10").ExhibitorId);
        Assert.Contains(holder, await WithoutBoothAsync(fixture.App, Ct));
    }

    [Fact]
    public async Task Swapping_two_booths_exchanges_their_exhibitors()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var before = await BoothsAsync(organizer, Ct);
        var (b05, b06) = (before.Single(b => b.Code == "B-05").ExhibitorId, before.Single(b => b.Code == "B-06").ExhibitorId);

        var response = await organizer.PostAsJsonAsync($"{BoothsUrl}/B-05/swap", new { otherCode = "B-06" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await BoothsAsync(organizer, Ct);
        Assert.Equal(b06, after.Single(b => b.Code == "B-05").ExhibitorId);
        Assert.Equal(b05, after.Single(b => b.Code == "B-06").ExhibitorId);
    }

    [Fact]
    public async Task Swapping_with_a_free_booth_moves_the_exhibitor()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var before = await BoothsAsync(organizer, Ct);
        var free = before.Where(b => b.ExhibitorId is null).Skip(3).First();
        var holder = before.Single(b => b.Code == "B-20").ExhibitorId;

        var response = await organizer.PostAsJsonAsync($"{BoothsUrl}/B-20/swap", new { otherCode = free.Code }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await BoothsAsync(organizer, Ct);
        Assert.Null(after.Single(b => b.Code == "B-20").ExhibitorId);
        Assert.Equal(holder, after.Single(b => b.Code == free.Code).ExhibitorId);
    }

    [Fact]
    public async Task A_booth_whose_exhibitor_has_meetings_is_not_freed_nor_swapped_to_a_booth_without_their_table()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var booths = await BoothsAsync(organizer, Ct);
        var (corner, single) = (booths.Single(b => b.Code == "A-12"), booths.Single(b => b.Code == "A-11"));
        Assert.Equal((2, 1), (corner.Tables, single.Tables));
        await using (var db = await DbAsync(fixture.App, Ct))
        {
            var expo = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct);
            var slot = await db.TimeSlots.Where(t => t.EventId == expo.Id).OrderBy(t => t.StartsAt).Skip(8).FirstAsync(Ct);
            var participant = await db.Participants.Where(p => p.EventId == expo.Id && p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt)
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            await db.Meetings.AddAsync(new Meeting(expo.Id, participant, corner.ExhibitorId!.Value, slot.Id, 2, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow), Ct);
            await db.SaveChangesAsync(Ct);
        }

        var swap = await organizer.PostAsJsonAsync($"{BoothsUrl}/A-12/swap", new { otherCode = "A-11" }, Ct);
        var free = await organizer.DeleteAsync($"{BoothsUrl}/A-12/exhibitor", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, swap.StatusCode);
        Assert.Equal("tables_in_use", await CodeOf(swap));
        Assert.Equal(HttpStatusCode.Conflict, free.StatusCode);
        Assert.Equal("exhibitor_has_meetings", await CodeOf(free));
        Assert.Equal(corner.ExhibitorId, (await BoothsAsync(organizer, Ct)).Single(b => b.Code == "A-12").ExhibitorId);
    }

    [Fact]
    public async Task Swapping_a_booth_with_itself_is_refused_with_a_reason()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await organizer.PostAsJsonAsync($"{BoothsUrl}/B-30/swap", new { otherCode = "b-30" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("same_booth", await CodeOf(response));
    }

    [Fact]
    public async Task A_booth_or_an_exhibitor_of_another_event_answers_404()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var (otherBooth, otherExhibitor) = await AddOtherEventAsync(fixture.App, Ct);
        var free = (await BoothsAsync(organizer, Ct)).Last(b => b.ExhibitorId is null);
        var ownExhibitor = (await WithoutBoothAsync(fixture.App, Ct))[2];

        var foreignBooth = await organizer.PutAsJsonAsync($"{BoothsUrl}/{otherBooth}/exhibitor", new { exhibitorId = ownExhibitor }, Ct);
        var foreignExhibitor = await organizer.PutAsJsonAsync($"{BoothsUrl}/{free.Code}/exhibitor", new { exhibitorId = otherExhibitor }, Ct);
        var foreignSwap = await organizer.PostAsJsonAsync($"{BoothsUrl}/A-01/swap", new { otherCode = otherBooth }, Ct);
        var unknownEvent = await organizer.GetAsync("/api/events/no-such-event/booths", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreignBooth.StatusCode);
        Assert.Equal("booth_not_found", await CodeOf(foreignBooth));
        Assert.Equal(HttpStatusCode.NotFound, foreignExhibitor.StatusCode);
        Assert.Equal("exhibitor_not_found", await CodeOf(foreignExhibitor));
        Assert.Equal(HttpStatusCode.NotFound, foreignSwap.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownEvent.StatusCode);
    }

    [Fact]
    public async Task The_service_refuses_an_actor_who_is_not_an_organizer()
    {
        var assignment = fixture.App.Services.GetRequiredService<BoothAssignment>();
        var eventId = await EventIdAsync(fixture.App, Ct);
        var exhibitor = new Actor("x", IsOrganizer: false, ExhibitorId: 1, ParticipantId: null);

        var assign = await assignment.AssignAsync(exhibitor, eventId, "A-02", 1, Ct);
        var swap = await assignment.SwapAsync(exhibitor, eventId, "A-02", "A-03", Ct);
        var list = await assignment.FloorPlanAsync(exhibitor, eventId, Ct);

        Assert.All(new Result[] { assign, swap, list }, r => Assert.Equal(ErrorKind.Forbidden, r.Error!.Kind));
    }
}
