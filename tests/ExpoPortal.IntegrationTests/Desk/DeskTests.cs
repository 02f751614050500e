using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Desk;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using ExpoPortal.Infrastructure.DemoData;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.IntegrationTests.Desk;

/// <summary>The organizers' desk on the day: moves, cancellations and walk-ins under the booking rules, over HTTP and through the services.</summary>
public sealed class DeskTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Api = $"/api/events/{AndongDemo.Slug}";
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private DeskTestData Data => new(fixture.App);

    [Fact]
    public async Task An_organizer_moves_a_meeting_and_both_sides_are_told_with_the_new_time()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 0, Ct);
        var meeting = await Data.BookAsync(eventId, visitors[0], exhibitor, day[3].Id, Ct);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var moved = await organizer.PostAsJsonAsync($"{Api}/meetings/{meeting.Id}/move", new MoveMeetingRequest(day[7].Id), Ct);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await using var db = await Data.DbAsync(Ct);
        var stored = await db.Meetings.SingleAsync(m => m.Id == meeting.Id, Ct);
        Assert.Equal(day[7].Id, stored.TimeSlotId);
        Assert.Equal(1, stored.Sequence);
        var told = await db.Notifications.Where(n => n.Kind == NotificationKind.MeetingMoved && n.EventId == eventId
            && (n.ParticipantId == visitors[0] || n.ExhibitorId == exhibitor)).ToListAsync(Ct);
        Assert.Equal(2, told.Count);
        var newTime = Application.Notifications.NotificationTexts.When(day[7].StartsAt, "Asia/Seoul");
        Assert.All(told, n => Assert.Contains(newTime.En, n.Body.En));
    }

    [Fact]
    public async Task A_move_into_a_slot_whose_tables_are_all_taken_is_refused_with_slot_taken()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, tables, visitors) = await Data.BoothWithVisitorsAsync(skip: 1, Ct);
        Assert.True(visitors.Count > tables, "enough visitors to fill the booth");
        var meeting = await Data.BookAsync(eventId, visitors[0], exhibitor, day[2].Id, Ct);
        for (var t = 1; t <= tables; t++) await Data.BookAsync(eventId, visitors[t], exhibitor, day[5].Id, Ct);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var refused = await organizer.PostAsJsonAsync($"{Api}/meetings/{meeting.Id}/move", new MoveMeetingRequest(day[5].Id), Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("slot_taken", await CodeOf(refused));
        await using var db = await Data.DbAsync(Ct);
        Assert.Equal(day[2].Id, (await db.Meetings.SingleAsync(m => m.Id == meeting.Id, Ct)).TimeSlotId);
    }

    [Fact]
    public async Task A_move_to_where_the_participant_already_meets_someone_is_refused_with_participant_busy()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 2, Ct);
        var (otherExhibitor, _, _) = await Data.BoothWithVisitorsAsync(skip: 3, Ct);
        var meeting = await Data.BookAsync(eventId, visitors[0], exhibitor, day[2].Id, Ct);
        var elsewhere = await Data.Booking.BookAsync(DeskTestData.Organizer, eventId, new BookMeetingRequest(visitors[0], otherExhibitor, day[6].Id), Ct);
        Assert.True(elsewhere.Succeeded, elsewhere.Error?.Code);

        var refused = await Data.Booking.MoveAsync(DeskTestData.Organizer, eventId, meeting.Id, new MoveMeetingRequest(day[6].Id), Ct);

        Assert.Equal("participant_busy", refused.Error?.Code);
    }

    [Fact]
    public async Task A_meeting_of_another_event_cannot_be_moved_through_this_event_and_is_404()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 4, Ct);
        var meeting = await Data.BookAsync(eventId, visitors[0], exhibitor, day[1].Id, Ct);
        const string otherSlug = "desk-test-other-expo";
        await using (var db = await Data.DbAsync(Ct))
        {
            var day0 = new DateOnly(2027, 9, 1);
            db.Events.Add(new Event(otherSlug, new LocalizedText("다른 엑스포", "Other expo"), new LocalizedText("홀", "Hall"), new LocalizedText("서울", "Seoul"),
                day0, day0, [day0], new SlotGrid(30, new TimeOnly(10, 0), new TimeOnly(12, 0), []), "Asia/Seoul", "KR-11", 0));
            await db.SaveChangesAsync(Ct);
            // The secretariat organizes both events, so the refusal below is the route's event check, not a missing right.
            var organizerId = await db.Set<Infrastructure.Identity.ApplicationUser>().Where(u => u.Email == "organizer@expo.demo").Select(u => u.Id).SingleAsync(Ct);
            var other = await db.Events.Where(e => e.Slug == otherSlug).Select(e => e.Id).SingleAsync(Ct);
            db.EventOrganizers.Add(new EventOrganizer(other, organizerId, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(Ct);
        }
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var viaOther = await organizer.PostAsJsonAsync($"/api/events/{otherSlug}/meetings/{meeting.Id}/move", new MoveMeetingRequest(day[8].Id), Ct);
        var intoOtherSlot = await organizer.PostAsJsonAsync($"{Api}/meetings/{meeting.Id}/move", new MoveMeetingRequest(await OtherEventSlotAsync(otherSlug)), Ct);

        Assert.Equal(HttpStatusCode.NotFound, viaOther.StatusCode);
        Assert.Equal("meeting_not_found", await CodeOf(viaOther));
        Assert.Equal(HttpStatusCode.NotFound, intoOtherSlot.StatusCode);
        Assert.Equal("slot_not_found", await CodeOf(intoOtherSlot));
    }

    [Fact]
    public async Task Only_organizers_move_meetings()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 5, Ct);
        var meeting = await Data.BookAsync(eventId, visitors[0], exhibitor, day[1].Id, Ct);
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");

        var refused = await buyer.PostAsJsonAsync($"{Api}/meetings/{meeting.Id}/move", new MoveMeetingRequest(day[9].Id), Ct);
        var byService = await Data.Booking.MoveAsync(DeskTestData.ExhibitorActor(exhibitor), eventId, meeting.Id, new MoveMeetingRequest(day[9].Id), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("organizers_only", byService.Error?.Code);
    }

    [Fact]
    public async Task A_walk_in_is_registered_held_in_the_running_slot_and_refused_where_the_booth_is_full()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, tables, visitors) = await Data.BoothWithVisitorsAsync(skip: 6, Ct);
        var duringSlot = day[4].StartsAt.AddMinutes(10);
        var booking = Data.BookingAt(duringSlot);

        var walkIns = new List<Application.Common.Result<MeetingView>>();
        for (var i = 0; i <= tables; i++)
            walkIns.Add(await booking.WalkInAsync(DeskTestData.Organizer, eventId, new WalkInRequest(visitors[i], exhibitor), Ct));

        Assert.All(walkIns.Take(tables), w => Assert.True(w.Succeeded, w.Error?.Code));
        Assert.All(walkIns.Take(tables), w => Assert.Equal(day[4].Id, w.Value.TimeSlotId));
        Assert.All(walkIns.Take(tables), w => Assert.Equal((MeetingStatus.Held, MeetingOrigin.WalkIn), (w.Value.Status, w.Value.Origin)));
        Assert.Equal("slot_taken", walkIns[^1].Error?.Code);
    }

    [Fact]
    public async Task A_walk_in_needs_a_running_slot_or_one_named_and_over_http_is_counted_as_walk_in()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 7, Ct);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        // The demo runs before the event: no slot is running now, and a slot that has not begun cannot be held yet.
        var none = await organizer.PostAsJsonAsync($"{Api}/meetings/walk-in", new WalkInRequest(visitors[0], exhibitor), Ct);
        var notStarted = await organizer.PostAsJsonAsync($"{Api}/meetings/walk-in", new WalkInRequest(visitors[0], exhibitor, day[3].Id), Ct);
        var planned = await organizer.PostAsJsonAsync($"{Api}/meetings/walk-in", new WalkInRequest(visitors[0], exhibitor, day[3].Id, Held: false), Ct);

        Assert.Equal("no_current_slot", await CodeOf(none));
        Assert.Equal("slot_not_started", await CodeOf(notStarted));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        using var view = JsonDocument.Parse(await planned.Content.ReadAsStringAsync(Ct));
        Assert.Equal("WalkIn", view.RootElement.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task The_desk_finds_people_in_korean_and_english_and_lists_their_meetings()
    {
        var eventId = await Data.EventIdAsync(Ct);
        var day = await Data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await Data.BoothWithVisitorsAsync(skip: 8, Ct);
        var meeting = await Data.BookAsync(eventId, visitors[0], exhibitor, day[0].Id, Ct);
        await using var db = await Data.DbAsync(Ct);
        var company = await db.Exhibitors.AsNoTracking().Where(x => x.Id == exhibitor).Select(x => x.Name).SingleAsync(Ct);
        var visitor = await db.Participants.Where(p => p.Id == visitors[0]).Select(p => p.FullName).SingleAsync(Ct);

        var byKorean = await Data.Desk.SearchAsync(DeskTestData.Organizer, eventId, company.Ko, Ct);
        var byEnglish = await Data.Desk.SearchAsync(DeskTestData.Organizer, eventId, company.En.ToUpperInvariant(), Ct);
        var byVisitor = await Data.Desk.SearchAsync(DeskTestData.Organizer, eventId, visitor, Ct);
        var agenda = await Data.Desk.MeetingsOfAsync(DeskTestData.Organizer, eventId, PersonKind.Participant, visitors[0], Ct);
        var refused = await Data.Desk.SearchAsync(DeskTestData.ExhibitorActor(exhibitor), eventId, company.Ko, Ct);

        Assert.Contains(byKorean.Value, p => p.Kind == PersonKind.Exhibitor && p.Id == exhibitor);
        Assert.Contains(byEnglish.Value, p => p.Kind == PersonKind.Exhibitor && p.Id == exhibitor);
        Assert.Contains(byVisitor.Value, p => p.Kind == PersonKind.Participant && p.Id == visitors[0]);
        Assert.Contains(agenda.Value, m => m.MeetingId == meeting.Id && m.ExhibitorId == exhibitor);
        Assert.Equal("organizers_only", refused.Error?.Code);
    }

    private async Task<int> OtherEventSlotAsync(string slug)
    {
        await using var db = await Data.DbAsync(Ct);
        return await db.TimeSlots.Where(s => s.Event.Slug == slug).Select(s => s.Id).FirstAsync(Ct);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
