using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Desk;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Interpreters;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Desk;

/// <summary>The desk's interpreter pool on the demo event: who is busy when, who could take over, and reassigning under the rules.</summary>
public sealed class InterpreterPoolTests(PostgresServer postgres)
{
    private const string Api = $"/api/events/{AndongDemo.Slug}";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pool_shows_each_interpreters_day_and_a_meeting_moves_only_to_one_who_is_there_bridges_both_sides_and_is_free()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var data = new DeskTestData(app);
        var eventId = await data.EventIdAsync(Ct);
        var day = await data.DayOneAsync(Ct);
        var (firstBooth, _, firstVisitors) = await data.BoothWithVisitorsAsync(skip: 0, Ct);
        var (secondBooth, _, secondVisitors) = await data.BoothWithVisitorsAsync(skip: 1, Ct);
        int first, second, third, korean;
        // Two pairs that share no language (Korean-only booths, Mongolian-only buyers), and a Mongolian pool of three:
        // first and second here every day, third only from day two; korean is a demo interpreter without Mongolian.
        await using (var db = await data.DbAsync(Ct))
        {
            foreach (var x in await db.Exhibitors.Where(x => x.Id == firstBooth || x.Id == secondBooth).ToListAsync(Ct))
                x.DescribeMarkets(x.ExportMarkets, x.TargetMarkets, ["ko"]);
            foreach (var p in await db.Participants.Where(p => p.Id == firstVisitors[0] || p.Id == secondVisitors[0]).ToListAsync(Ct))
                p.Describe(p.KoreanName, p.Chapter, ["mn"], p.ImportScale, p.Hotel);
            db.Interpreters.RemoveRange(db.Interpreters.Where(i => i.Languages.Contains("mn")));
            var expo = await db.Events.SingleAsync(e => e.Id == eventId, Ct);
            Interpreter[] mongolian =
            [
                new(expo, "Bat-Erdene Dorj", ["ko", "mn"], expo.ConsultationDays),
                new(expo, "Oyunaa Ganbold", ["ko", "mn"], expo.ConsultationDays),
                new(expo, "Tsetseg Bold", ["ko", "mn"], expo.ConsultationDays.Skip(1)),
            ];
            db.Interpreters.AddRange(mongolian);
            await db.SaveChangesAsync(Ct);
            (first, second, third) = (mongolian[0].Id, mongolian[1].Id, mongolian[2].Id);
            korean = await db.Interpreters.Where(i => i.EventId == eventId && !i.Languages.Contains("mn")).Select(i => i.Id).FirstAsync(Ct);
        }
        var slot = day[4].Id;
        var meeting = await data.BookAsync(eventId, firstVisitors[0], firstBooth, slot, Ct);
        var other = await data.BookAsync(eventId, secondVisitors[0], secondBooth, slot, Ct);
        Assert.Equal([first, second], new[] { meeting.InterpreterId!.Value, other.InterpreterId!.Value }.Order());

        var pool = app.Services.GetRequiredService<InterpreterPool>();
        var organizer = DeskTestData.Organizer;
        var today = (await pool.DayAsync(organizer, eventId, day[0].Day, Ct)).Value;
        Assert.Equal(day.Select(s => s.Id), today.Slots.Select(s => s.Id));
        Assert.Contains(today.Meetings, m => m.MeetingId == meeting.Id && m.InterpreterId == meeting.InterpreterId);
        Assert.Equal((true, 1), Row(today, meeting.InterpreterId!.Value));
        Assert.Equal((false, 0), Row(today, third));
        // Nobody else bridges the pair in that slot on day one: the one in the other meeting is busy, the third is not here.
        Assert.Empty((await pool.CandidatesAsync(organizer, eventId, meeting.Id, Ct)).Value);

        var booking = app.Services.GetRequiredService<MeetingBooking>();
        async Task<string?> ReassignAsync(int meetingId, int interpreter) =>
            (await booking.ReassignInterpreterAsync(organizer, eventId, meetingId, new ReassignInterpreterRequest(interpreter), Ct)).Error?.Code;
        Assert.Equal("interpreter_busy", await ReassignAsync(meeting.Id, other.InterpreterId.Value));
        Assert.Equal("interpreter_not_present", await ReassignAsync(meeting.Id, third));
        Assert.Equal("interpreter_cannot_bridge", await ReassignAsync(meeting.Id, korean));
        Assert.Equal("organizers_only", (await booking.ReassignInterpreterAsync(DeskTestData.ExhibitorActor(firstBooth), eventId, meeting.Id,
            new ReassignInterpreterRequest(first), Ct)).Error?.Code);

        // The other meeting is cancelled: its interpreter is free, is offered, and takes over over HTTP.
        Assert.True((await booking.CancelAsync(organizer, eventId, other.Id, Ct)).Succeeded);
        var freed = other.InterpreterId.Value;
        Assert.Equal([freed], (await pool.CandidatesAsync(organizer, eventId, meeting.Id, Ct)).Value.Select(c => c.Id));
        using var http = await app.SignInAsync("organizer@expo.demo");
        var moved = await http.PutAsJsonAsync($"{Api}/meetings/{meeting.Id}/interpreter", new { interpreterId = freed }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(freed, (await moved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("interpreterId").GetInt32());
        var busyAgain = await http.PutAsJsonAsync($"{Api}/meetings/{meeting.Id}/interpreter", new { interpreterId = korean }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, busyAgain.StatusCode);
        Assert.Contains("interpreter_cannot_bridge", await busyAgain.Content.ReadAsStringAsync(Ct));

        await using (var db = await data.DbAsync(Ct))
        {
            Assert.Equal(freed, await db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.InterpreterId).SingleAsync(Ct));
            var entry = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.InterpreterReassigned, Ct);
            Assert.Equal(AuditTrail.MeetingSubject(meeting.Id), entry.Subject);
            Assert.Equal(meeting.InterpreterId, JsonDocument.Parse(entry.Before!).RootElement.GetProperty("interpreterId").GetInt32());
            Assert.Equal(freed, JsonDocument.Parse(entry.After!).RootElement.GetProperty("interpreterId").GetInt32());
        }
        var json = await http.GetFromJsonAsync<JsonElement>($"{Api}/interpreters?day={day[0].Day:yyyy-MM-dd}", Ct);
        Assert.Contains(json.GetProperty("meetings").EnumerateArray(), m => m.GetProperty("meetingId").GetInt32() == meeting.Id
            && m.GetProperty("interpreterId").GetInt32() == freed);
    }

    private static (bool Present, int Meetings) Row(InterpreterPoolDay day, int interpreterId) =>
        day.Interpreters.Where(i => i.Id == interpreterId).Select(i => (i.PresentThatDay, i.MeetingsThatDay)).Single();
}
