using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>PostgreSQL itself refuses double bookings, and the app turns that into "slot taken", not a 500.</summary>
public sealed class DoubleBookingTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string MeetingsUrl = $"/api/events/{AndongDemo.Slug}/meetings";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_database_refuses_a_second_meeting_at_the_same_table_and_slot()
    {
        var (eventId, slotId, exhibitorId, participants) = await PickAsync(exhibitorIndex: 10, participantCount: 2);
        await InsertAsync(new Meeting(eventId, participants[0], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<ConstraintViolationException>(() =>
            InsertAsync(new Meeting(eventId, participants[1], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow)));

        Assert.Equal(Constraints.MeetingTableSlot, refused.ConstraintName);
    }

    [Fact]
    public async Task The_database_refuses_one_participant_in_two_meetings_in_one_slot()
    {
        var (eventId, slotId, firstExhibitor, participants) = await PickAsync(exhibitorIndex: 20, participantCount: 1);
        var (_, _, secondExhibitor, _) = await PickAsync(exhibitorIndex: 21, participantCount: 1);
        await InsertAsync(new Meeting(eventId, participants[0], firstExhibitor, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<ConstraintViolationException>(() =>
            InsertAsync(new Meeting(eventId, participants[0], secondExhibitor, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow)));

        Assert.Equal(Constraints.MeetingParticipantSlot, refused.ConstraintName);
    }

    [Fact]
    public async Task A_cancelled_meeting_frees_its_table()
    {
        var (eventId, slotId, exhibitorId, participants) = await PickAsync(exhibitorIndex: 30, participantCount: 2);
        var first = new Meeting(eventId, participants[0], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow);
        await InsertAsync(first);
        await using (var db = await CreateDbAsync())
        {
            var stored = await db.Meetings.SingleAsync(m => m.Id == first.Id, Ct);
            stored.MoveTo(MeetingStatus.Cancelled, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        await InsertAsync(new Meeting(eventId, participants[1], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Booking_a_taken_slot_over_HTTP_answers_409_slot_taken()
    {
        var (_, slotId, exhibitorId, participants) = await PickAsync(exhibitorIndex: 40, participantCount: 2, singleTable: true);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var first = await organizer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[0], exhibitorId, slotId), Ct);
        var second = await organizer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[1], exhibitorId, slotId, TableNumber: 1), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("slot_taken", await CodeOf(second));
    }

    [Fact]
    public async Task Booking_a_participant_who_is_busy_answers_409_participant_busy()
    {
        var (_, slotId, firstExhibitor, participants) = await PickAsync(exhibitorIndex: 50, participantCount: 1);
        var (_, _, secondExhibitor, _) = await PickAsync(exhibitorIndex: 51, participantCount: 1);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var first = await organizer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[0], firstExhibitor, slotId), Ct);
        var second = await organizer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[0], secondExhibitor, slotId), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("participant_busy", await CodeOf(second));
    }

    [Fact]
    public async Task A_participant_cannot_book_for_another_participant()
    {
        var (_, slotId, exhibitorId, participants) = await PickAsync(exhibitorIndex: 60, participantCount: 3);
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");

        var response = await buyer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[2], exhibitorId, slotId), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("not_your_meeting", await CodeOf(response));
    }

    [Fact]
    public async Task A_malformed_booking_is_refused_with_a_reason()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var unknownSlot = await organizer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(1, 1, 999_999), Ct);
        var notJson = await organizer.PostAsync(MeetingsUrl, new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknownSlot.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    /// <summary>Each test works on its own exhibitor and participants, so tests sharing the database do not collide.</summary>
    private async Task<(int EventId, int SlotId, int ExhibitorId, int[] Participants)> PickAsync(int exhibitorIndex, int participantCount, bool singleTable = false)
    {
        await using var db = await CreateDbAsync();
        var expo = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct);
        var exhibitors = db.Exhibitors.Where(x => x.Booth != null);
        if (singleTable) exhibitors = exhibitors.Where(x => x.Booth!.MeetingTables == 1);
        var exhibitor = await exhibitors.OrderBy(x => x.Id).Skip(exhibitorIndex).FirstAsync(Ct);
        // A slot in the middle of day one, when every participant is at the expo.
        var slot = await db.TimeSlots.Where(s => s.EventId == expo.Id && s.Day == expo.ConsultationDays[0]).OrderBy(s => s.IndexInDay).Skip(6).FirstAsync(Ct);
        var participants = await db.Participants.Where(p => p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt)
            .OrderBy(p => p.Id).Skip(exhibitorIndex * 3 + 10).Take(participantCount).Select(p => p.Id).ToArrayAsync(Ct);
        return (expo.Id, slot.Id, exhibitor.Id, participants);
    }

    private async Task InsertAsync(Meeting meeting)
    {
        await using var db = await CreateDbAsync();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
    }

    private Task<AppDbContext> CreateDbAsync() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
