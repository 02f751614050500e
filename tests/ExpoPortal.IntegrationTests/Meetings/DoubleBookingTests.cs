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
        var (eventId, slotId, exhibitorId, participants) = await PickAsync(lane: 0, participantCount: 2);
        await InsertAsync(new Meeting(eventId, participants[0], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<ConstraintViolationException>(() =>
            InsertAsync(new Meeting(eventId, participants[1], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow)));

        Assert.Equal(Constraints.MeetingTableSlot, refused.ConstraintName);
    }

    [Fact]
    public async Task The_database_refuses_one_participant_in_two_meetings_in_one_slot()
    {
        var (eventId, slotId, firstExhibitor, participants) = await PickAsync(lane: 1, participantCount: 1);
        var secondExhibitor = await SecondExhibitorOfLaneAsync(lane: 1);
        await InsertAsync(new Meeting(eventId, participants[0], firstExhibitor, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<ConstraintViolationException>(() =>
            InsertAsync(new Meeting(eventId, participants[0], secondExhibitor, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow)));

        Assert.Equal(Constraints.MeetingParticipantSlot, refused.ConstraintName);
    }

    [Fact]
    public async Task A_cancelled_meeting_frees_its_table()
    {
        var (eventId, slotId, exhibitorId, participants) = await PickAsync(lane: 2, participantCount: 2);
        var first = new Meeting(eventId, participants[0], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow);
        await InsertAsync(first);
        await Assert.ThrowsAsync<ConstraintViolationException>(() =>
            InsertAsync(new Meeting(eventId, participants[1], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow)));
        await using (var db = await CreateDbAsync())
        {
            var stored = await db.Meetings.SingleAsync(m => m.Id == first.Id, Ct);
            stored.MoveTo(MeetingStatus.Cancelled, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var second = new Meeting(eventId, participants[1], exhibitorId, slotId, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow);
        await InsertAsync(second);

        await using var check = await CreateDbAsync();
        var atTable = await check.Meetings.Where(m => m.ExhibitorId == exhibitorId && m.TimeSlotId == slotId && m.TableNumber == 1)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Status }).ToListAsync(Ct);
        Assert.Equal([(first.Id, MeetingStatus.Cancelled), (second.Id, MeetingStatus.Scheduled)], atTable.Select(m => (m.Id, m.Status)));
    }

    [Fact]
    public async Task Booking_a_taken_slot_over_HTTP_answers_409_slot_taken()
    {
        var (_, slotId, exhibitorId, participants) = await PickAsync(lane: 3, participantCount: 2, singleTable: true);
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
        var (_, slotId, firstExhibitor, participants) = await PickAsync(lane: 4, participantCount: 1);
        var secondExhibitor = await SecondExhibitorOfLaneAsync(lane: 4);
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
        var (_, slotId, exhibitorId, participants) = await PickAsync(lane: 5, participantCount: 1);
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");

        var response = await buyer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[0], exhibitorId, slotId), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("not_your_meeting", await CodeOf(response));
        await using var db = await CreateDbAsync();
        Assert.False(await db.Meetings.AnyAsync(m => m.ParticipantId == participants[0], Ct));
    }

    [Fact]
    public async Task A_malformed_booking_is_refused_with_a_reason()
    {
        var (_, _, exhibitorId, participants) = await PickAsync(lane: 6, participantCount: 1);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var unknownSlot = await organizer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[0], exhibitorId, 999_999), Ct);
        var notJson = await organizer.PostAsync(MeetingsUrl, new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknownSlot.StatusCode);
        Assert.Equal("slot_not_found", await CodeOf(unknownSlot));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    /// <summary>
    /// Each test takes its own lane: two exhibitors of the event (indexes 2·lane and 2·lane+1 among those with a booth, or
    /// for <paramref name="singleTable"/> the first one-table booth from index 100 on, which no other lane reaches) and
    /// three participants of the event of its own, so tests sharing the database never collide.
    /// </summary>
    private async Task<(int EventId, int SlotId, int ExhibitorId, int[] Participants)> PickAsync(int lane, int participantCount, bool singleTable = false)
    {
        Assert.InRange(participantCount, 1, 3);
        await using var db = await CreateDbAsync();
        var expo = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct);
        var withBooth = db.Exhibitors.Where(x => x.EventId == expo.Id && x.Booth != null).OrderBy(x => x.Id);
        var exhibitor = singleTable
            ? await withBooth.Skip(100).Where(x => x.Booth!.MeetingTables == 1).FirstAsync(Ct)
            : await withBooth.Skip(2 * lane).FirstAsync(Ct);
        // A slot in the middle of day one, when every participant is at the expo.
        var slot = await db.TimeSlots.Where(s => s.EventId == expo.Id && s.Day == expo.ConsultationDays[0]).OrderBy(s => s.IndexInDay).Skip(6).FirstAsync(Ct);
        var participants = await db.Participants.Where(p => p.EventId == expo.Id && p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt)
            .OrderBy(p => p.Id).Skip(lane * 3 + 10).Take(participantCount).Select(p => p.Id).ToArrayAsync(Ct);
        return (expo.Id, slot.Id, exhibitor.Id, participants);
    }

    private async Task<int> SecondExhibitorOfLaneAsync(int lane)
    {
        await using var db = await CreateDbAsync();
        return await db.Exhibitors.Where(x => x.Event.Slug == AndongDemo.Slug && x.Booth != null).OrderBy(x => x.Id).Skip(2 * lane + 1).Select(x => x.Id).FirstAsync(Ct);
    }

    private async Task InsertAsync(Meeting meeting)
    {
        await using var db = await CreateDbAsync();
        await db.Meetings.AddAsync(meeting, Ct);
        await db.SaveChangesAsync(Ct);
    }

    private Task<AppDbContext> CreateDbAsync() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
