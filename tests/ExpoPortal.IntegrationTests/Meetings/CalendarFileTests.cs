using System.Diagnostics;
using System.Text.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>The agenda's .ics read by a second calendar library, ical.js under node (installed by test.sh from npm).</summary>
public sealed class CalendarFileTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static readonly string Checker = Path.Combine(RepositoryRoot(), "tests", "ExpoPortal.IntegrationTests", "Calendar");
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record IcsEvent(string Uid, string Summary, string Location, string Status, int Sequence, string Tzid, DateTimeOffset Start, DateTimeOffset End);

    [Fact]
    public async Task Ical_js_reads_the_agenda_with_Seoul_times_stable_uids_and_a_cancellation_with_a_higher_sequence()
    {
        var (participantId, booked) = await BookTwoAsync();
        using var client = await fixture.App.SignInAsync("member@expo.demo");

        var first = Parse(await client.GetStringAsync("/my/agenda.ics", Ct));
        var cancelled = await fixture.App.Services.GetRequiredService<MeetingBooking>()
            .CancelAsync(new Actor("m", false, null, participantId), booked[1].EventId, booked[1].Id, Ct);
        var second = Parse(await client.GetStringAsync("/my/agenda.ics", Ct));

        Assert.True(cancelled.Succeeded, cancelled.Error?.Code);
        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(e => e.Uid).Order(), second.Select(e => e.Uid).Order());
        foreach (var meeting in booked)
        {
            var e = first.Single(x => x.Uid == $"meeting-{meeting.Id}@{AndongDemo.Slug}.expoportal");
            Assert.Equal("Asia/Seoul", e.Tzid);
            Assert.Equal(meeting.StartsAt, e.Start);
            Assert.Equal(meeting.EndsAt, e.End);
            Assert.Equal("CONFIRMED", e.Status);
        }
        var afterCancel = second.Single(x => x.Uid == $"meeting-{booked[1].Id}@{AndongDemo.Slug}.expoportal");
        Assert.Equal("CANCELLED", afterCancel.Status);
        Assert.True(afterCancel.Sequence > first.Single(x => x.Uid == afterCancel.Uid).Sequence);
    }

    private async Task<(int ParticipantId, MeetingView[] Booked)> BookTwoAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var member = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("member@expo.demo"))!.ParticipantId!.Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expo = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct);
        var languages = await db.Participants.Where(p => p.Id == member).Select(p => p.Languages).SingleAsync(Ct);
        var exhibitors = (await db.Exhibitors.Where(x => x.EventId == expo.Id && x.Booth != null).OrderBy(x => x.Id).Select(x => new { x.Id, x.Languages }).ToListAsync(Ct))
            .Where(x => LanguageRules.Shared(x.Languages, languages)).Skip(30).Take(2).ToList();
        var slots = await db.TimeSlots.Where(s => s.EventId == expo.Id && s.Day == expo.ConsultationDays[1]).OrderBy(s => s.IndexInDay).Skip(2).Take(2).ToListAsync(Ct);
        var booking = fixture.App.Services.GetRequiredService<MeetingBooking>();
        var actor = new Actor("member", false, null, member);
        var booked = new List<MeetingView>();
        for (var i = 0; i < 2; i++)
        {
            var result = await booking.BookAsync(actor, expo.Id, new BookMeetingRequest(member, exhibitors[i].Id, slots[i].Id), Ct);
            Assert.True(result.Succeeded, result.Error?.Code);
            booked.Add(result.Value);
        }
        return (member, [.. booked]);
    }

    private List<IcsEvent> Parse(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"agenda-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, ics);
        try
        {
            if (!Directory.Exists(Path.Combine(Checker, "node_modules", "ical.js")))
                throw new InvalidOperationException($"ical.js is not installed: run `npm ci --prefix {Checker}` (test.sh does).");
            using var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(Checker, "parse-ics.mjs"), file])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Checker,
            })!;
            var output = node.StandardOutput.ReadToEnd();
            var error = node.StandardError.ReadToEnd();
            if (!node.WaitForExit(30_000)) { node.Kill(); throw new TimeoutException("ical.js did not finish within 30 s."); }
            Assert.True(node.ExitCode == 0, $"ical.js refused the file: {error}");
            return JsonSerializer.Deserialize<List<IcsEvent>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExpoPortal.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ExpoPortal.sln not found above the test folder.");
    }
}
