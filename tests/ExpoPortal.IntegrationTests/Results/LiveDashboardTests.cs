using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Desk;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Results;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.IntegrationTests.Desk;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Results;

/// <summary>The live dashboard on the demo event in PostgreSQL: what it counts, per hall and slot, and that open pages are told.</summary>
public sealed class LiveDashboardTests(PostgresServer postgres)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_days_booked_meetings_are_counted_by_status_hall_slot_industry_and_country_and_pages_are_told_of_changes()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var data = new DeskTestData(app);
        var eventId = await data.EventIdAsync(Ct);
        var day = await data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await data.BoothWithVisitorsAsync(skip: 2, Ct);
        var live = app.Services.GetRequiredService<LiveDashboard>();
        var organizer = DeskTestData.Organizer;
        var before = (await live.DayAsync(organizer, eventId, day[0].Day, null, Ct)).Value;

        var told = new TaskCompletionSource<SlotChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<ISlotChanges>().SubscribeToEvent(eventId, change =>
        {
            told.TrySetResult(change);
            return Task.CompletedTask;
        });
        var meetings = new List<MeetingView>();
        for (var i = 0; i < 4; i++) meetings.Add(await data.BookAsync(eventId, visitors[i], exhibitor, day[i].Id, Ct));
        Assert.Equal(exhibitor, (await told.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ExhibitorId);
        // A cancelled meeting and the later ones' marks: only booked meetings count, each once, by where it is now.
        var cancelled = await data.BookAsync(eventId, visitors[4], exhibitor, day[4].Id, Ct);
        Assert.True((await data.Booking.CancelAsync(organizer, eventId, cancelled.Id, Ct)).Succeeded);
        var checkIns = data.CheckInsAt(day[3].StartsAt.AddMinutes(5));
        Assert.True((await checkIns.MarkAsync(organizer, eventId, meetings[0].Id, DeskMark.Held, Ct)).Succeeded);
        Assert.True((await checkIns.MarkAsync(organizer, eventId, meetings[1].Id, DeskMark.NoShow, Ct)).Succeeded);
        Assert.True((await checkIns.MarkAsync(organizer, eventId, meetings[2].Id, DeskMark.CheckedIn, Ct)).Succeeded);

        var after = (await live.DayAsync(organizer, eventId, day[0].Day, null, Ct)).Value;
        Assert.Equal(day.Select(s => s.Id), after.Slots.Select(s => s.SlotId));
        Assert.Equal(new LiveCounts(before.Totals.Scheduled + 1, before.Totals.CheckedIn + 1, before.Totals.Held + 1, before.Totals.NoShow + 1), after.Totals);
        Assert.Equal(before.Slots[0].Counts.Held + 1, after.Slots[0].Counts.Held);
        Assert.Equal(before.Slots[1].Counts.NoShow + 1, after.Slots[1].Counts.NoShow);
        Assert.Equal(before.Slots[4].Counts, after.Slots[4].Counts); // the cancelled one

        await using var db = await data.DbAsync(Ct);
        var booth = await db.Exhibitors.Where(x => x.Id == exhibitor).Select(x => new { x.Booth!.HallId, x.Industry }).SingleAsync(Ct);
        var hallBefore = before.Halls.Single(h => h.HallId == booth.HallId);
        var hall = after.Halls.Single(h => h.HallId == booth.HallId);
        Assert.Equal(hallBefore.Counts.Total + 4, hall.Counts.Total);
        var tables = await db.Exhibitors.Where(x => x.EventId == eventId && x.Booth != null && x.Booth.HallId == booth.HallId).SumAsync(x => x.Booth!.MeetingTables, Ct);
        Assert.Equal(tables * day.Count, hall.TableSlots);
        Assert.Equal((double)hall.Counts.Total / hall.TableSlots, hall.Utilisation, 6);
        Assert.Equal(Count(before.ByIndustry, booth.Industry.ToString()) + 4, Count(after.ByIndustry, booth.Industry.ToString()));
        // Countries count people: the four visitors had no meeting before, so each adds one to its country.
        var countries = await db.Participants.Where(p => visitors.Take(4).Contains(p.Id)).Select(p => p.CountryCode).ToListAsync(Ct);
        foreach (var country in countries.Distinct())
            Assert.Equal(Count(before.ByCountry, country) + countries.Count(c => c == country), Count(after.ByCountry, country));

        // One hall: its own figures; another hall leaves these meetings out.
        var oneHall = (await live.DayAsync(organizer, eventId, day[0].Day, booth.HallId, Ct)).Value;
        Assert.Equal(hall.Counts, oneHall.Totals);
        var otherHall = after.Halls.First(h => h.HallId != booth.HallId);
        Assert.Equal(otherHall.Counts, (await live.DayAsync(organizer, eventId, day[0].Day, otherHall.HallId, Ct)).Value.Totals);

        Assert.Equal("organizers_only", (await live.DayAsync(DeskTestData.ExhibitorActor(exhibitor), eventId, null, null, Ct)).Error?.Code);
        Assert.Equal("hall_not_found", (await live.DayAsync(organizer, eventId, null, 999_999, Ct)).Error?.Code);
        using var http = await app.SignInAsync("organizer@expo.demo");
        var json = await http.GetFromJsonAsync<JsonElement>($"/api/events/{AndongDemo.Slug}/live?day={day[0].Day:yyyy-MM-dd}&hall={booth.HallId}", Ct);
        Assert.Equal(hall.Counts.Held, json.GetProperty("totals").GetProperty("held").GetInt32());
        Assert.Equal(day.Count, json.GetProperty("slots").GetArrayLength());
    }

    private static int Count(IReadOnlyList<Application.Events.CountItem> items, string key) => items.FirstOrDefault(i => i.Key == key)?.Count ?? 0;
}
