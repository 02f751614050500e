using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Security;

/// <summary>The audit log: every meeting change with who, what and the state before and after, in the change's transaction.</summary>
public sealed class AuditLogTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_booking_a_move_and_a_cancellation_are_logged_with_before_and_after_and_a_refused_booking_is_not()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
        var buyer = await db.Users.Where(u => u.Email == "buyer@expo.demo").Select(u => u.ParticipantId!.Value).SingleAsync(Ct);
        var booking = app.Services.GetRequiredService<MeetingBooking>();
        var asBuyer = new Actor("buyer-user", false, null, buyer, "Buyer");

        // Two free slots at one exhibitor, for the booking and the move.
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == eventId && x.BoothId != null).OrderBy(x => x.Id).Select(x => x.Id).Take(30).ToListAsync(Ct);
        MeetingView? booked = null;
        var free = new List<int>();
        foreach (var x in exhibitors)
        {
            free = (await booking.SlotsAsync(asBuyer, eventId, x, Ct)).Value.Where(s => s.State == SlotState.Free).Select(s => s.SlotId).ToList();
            if (free.Count < 2) continue;
            var result = await booking.BookAsync(asBuyer, eventId, new BookMeetingRequest(buyer, x, free[0]), Ct);
            if (result.Succeeded) { booked = result.Value; break; }
        }
        Assert.NotNull(booked);
        var refused = await booking.BookAsync(asBuyer, eventId, new BookMeetingRequest(buyer, booked.ExhibitorId, free[1]), Ct);
        Assert.Equal("already_meeting", refused.Error?.Code);
        Assert.True((await booking.MoveAsync(TestActors.Secretariat, eventId, booked.Id, new MoveMeetingRequest(free[1]), Ct)).Succeeded);
        Assert.True((await booking.CancelAsync(TestActors.Secretariat, eventId, booked.Id, Ct)).Succeeded);

        var log = await app.Services.GetRequiredService<AuditLogQuery>()
            .PageAsync(TestActors.Secretariat, eventId, new AuditFilter(Action: "meeting", Text: $"meeting:{booked.Id}"), new PageRequest(0, 50), Ct);
        var entries = log.Value.Items.OrderBy(e => e.Id).ToList();

        Assert.Equal([AuditActions.MeetingBooked, AuditActions.MeetingMoved, AuditActions.MeetingCancelled], entries.Select(e => e.Action));
        Assert.Equal(("buyer-user", "Buyer"), (entries[0].ActorUserId, entries[0].ActorName));
        Assert.Null(entries[0].Before);
        Assert.Equal(free[0], Json(entries[1].Before).GetProperty("timeSlotId").GetInt32());
        Assert.Equal(free[1], Json(entries[1].After).GetProperty("timeSlotId").GetInt32());
        Assert.Equal("Cancelled", Json(entries[2].After).GetProperty("status").GetString());
        // The refused booking left no entry: one "booked" for the pair, not two.
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EventId == eventId && a.Action == AuditActions.MeetingBooked && a.ActorUserId == "buyer-user", Ct));

        // Organizers of the event read it over HTTP; a participant does not.
        using var organizer = await app.SignInAsync("organizer@expo.demo");
        var page = await organizer.GetFromJsonAsync<JsonElement>($"/api/events/{AndongDemo.Slug}/audit?action=meeting.moved", Ct);
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        using var member = await app.SignInAsync("member@expo.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/events/{AndongDemo.Slug}/audit", Ct)).StatusCode);
    }

    private static JsonElement Json(string? json) => JsonDocument.Parse(json!).RootElement;
}
