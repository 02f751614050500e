using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Desk;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Desk;

/// <summary>Check-in by the QR token, held and no-show, and the exhibitor's outcome form.</summary>
public sealed class CheckInTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Api = $"/api/events/{AndongDemo.Slug}";
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private DeskTestData Data => new(fixture.App);

    [Fact]
    public async Task The_booth_checks_a_visitor_in_by_the_token_once_and_nobody_else_can()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var exhibitor = await ExhibitorOfAsync("exhibitor@expo.demo");
        var visitor = await VisitorOfAsync(exhibitor, skip: 0);
        var meeting = await Data.BookAsync(eventId, visitor, exhibitor, day[2].Id, Ct);
        var token = Data.CheckIns.TokenFor(meeting.Id);
        using var booth = await fixture.App.SignInAsync("exhibitor@expo.demo");
        using var otherBooth = await fixture.App.SignInAsync("exhibitor2@expo.demo");

        var stranger = await otherBooth.PostAsync($"/api/check-in/{token}", null, Ct);
        var first = await booth.PostAsync($"/api/check-in/{token}", null, Ct);
        var again = await booth.PostAsync($"/api/check-in/{token}", null, Ct);
        var forged = await booth.PostAsync($"/api/check-in/{token[..^4]}AAAA", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("CheckedIn", await StatusOf(again));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await using var db = await Data.DbAsync(Ct);
        var stored = await db.Meetings.SingleAsync(m => m.Id == meeting.Id, Ct);
        Assert.Equal(MeetingStatus.CheckedIn, stored.Status);
        Assert.NotNull(stored.CheckedInAt);
    }

    [Fact]
    public async Task Held_and_no_show_wait_for_the_slot_then_the_outcome_is_recorded_with_its_values()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 9, Ct);
        var held = await Data.BookAsync(eventId, visitors[0], exhibitor, day[1].Id, Ct);
        var missed = await Data.BookAsync(eventId, visitors[1], exhibitor, day[2].Id, Ct);
        var during = Data.CheckInsAt(day[2].StartsAt.AddMinutes(5));

        var early = await Data.CheckIns.MarkAsync(DeskTestData.Organizer, eventId, held.Id, DeskMark.Held, Ct);
        var noOutcomeYet = await Data.CheckIns.RecordOutcomeAsync(DeskTestData.ExhibitorActor(exhibitor), held.Id, new OutcomeForm(1000, 5000, false, null, null), Ct);
        var markedHeld = await during.MarkAsync(DeskTestData.ExhibitorActor(exhibitor), eventId, held.Id, DeskMark.Held, Ct);
        var markedNoShow = await during.MarkAsync(DeskTestData.Organizer, eventId, missed.Id, DeskMark.NoShow, Ct);
        var heldAfterNoShow = await during.MarkAsync(DeskTestData.Organizer, eventId, missed.Id, DeskMark.Held, Ct);
        var negative = await Data.CheckIns.RecordOutcomeAsync(DeskTestData.ExhibitorActor(exhibitor), held.Id, new OutcomeForm(-1, null, false, null, null), Ct);
        var outcome = await Data.CheckIns.RecordOutcomeAsync(DeskTestData.ExhibitorActor(exhibitor), held.Id,
            new OutcomeForm(12_000m, 150_000m, true, 80_000m, "Sample order for Q3"), Ct);

        Assert.Equal("slot_not_started", early.Error?.Code);
        Assert.Equal("meeting_not_held", noOutcomeYet.Error?.Code);
        Assert.Equal(MeetingStatus.Held, markedHeld.Value.Status);
        Assert.Equal(MeetingStatus.NoShow, markedNoShow.Value.Status);
        Assert.Equal("meeting_not_markable", heldAfterNoShow.Error?.Code);
        Assert.Equal("invalid_outcome", negative.Error?.Code);
        Assert.True(outcome.Succeeded, outcome.Error?.Code);
        await using var db = await Data.DbAsync(Ct);
        var stored = (await db.Meetings.SingleAsync(m => m.Id == held.Id, Ct)).Outcome!;
        Assert.Equal((12_000m, 150_000m, true, 80_000m, "Sample order for Q3"),
            (stored.ConsultationValueUsd, stored.EstimatedValueUsd, stored.MouSigned, stored.MouValueUsd, stored.Notes));
    }

    [Fact]
    public async Task The_check_in_list_of_a_hall_and_slot_shows_who_is_expected_and_other_booths_cannot_mark_it()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 10, Ct);
        var meeting = await Data.BookAsync(eventId, visitors[0], exhibitor, day[6].Id, Ct);
        await using var db = await Data.DbAsync(Ct);
        var hall = await db.Exhibitors.Where(x => x.Id == exhibitor).Select(x => x.Booth!.HallId).SingleAsync(Ct);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        using var otherBooth = await fixture.App.SignInAsync("exhibitor2@expo.demo");

        var list = await Data.Desk.CheckInListAsync(DeskTestData.Organizer, eventId, hall, day[6].Id, Ct);
        var byStranger = await otherBooth.PostAsJsonAsync($"{Api}/meetings/{meeting.Id}/status", new { status = "checkedIn" }, Ct);
        var byOrganizer = await organizer.PostAsJsonAsync($"{Api}/meetings/{meeting.Id}/status", new { status = "checkedIn" }, Ct);
        var outcomeTooEarly = await organizer.PutAsJsonAsync($"/api/events/{AndongDemo.Slug}/meetings/{meeting.Id}/outcome",
            new OutcomeForm(1, 1, false, null, null), Ct);

        Assert.Contains(list.Value, m => m.MeetingId == meeting.Id && m.Status == MeetingStatus.Scheduled);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOrganizer.StatusCode);
        // A checked-in meeting took place: the outcome is accepted and the meeting becomes held.
        Assert.Equal(HttpStatusCode.NoContent, outcomeTooEarly.StatusCode);
    }

    private async Task<int> ExhibitorOfAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.ExhibitorId!.Value;
    }

    private async Task<int> VisitorOfAsync(int exhibitor, int skip)
    {
        await using var db = await Data.DbAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var languages = await db.Exhibitors.Where(x => x.Id == exhibitor).Select(x => x.Languages).SingleAsync(Ct);
        var busy = await db.Meetings.Select(m => m.ParticipantId).Distinct().ToListAsync(Ct);
        var (start, end) = (day[0].StartsAt, day[^1].EndsAt);
        var people = await db.Participants.Where(p => p.Event.Slug == AndongDemo.Slug && p.ArrivesAt <= start && p.DepartsAt >= end && !busy.Contains(p.Id))
            .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Languages }).ToListAsync(Ct);
        return people.Where(p => ExpoPortal.Matching.Model.LanguageRules.Shared(p.Languages, languages)).Skip(skip).First().Id;
    }

    private static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("status").GetString();
    }
}
