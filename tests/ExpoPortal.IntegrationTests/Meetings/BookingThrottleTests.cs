using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>The portal with a low per-person booking limit (3 a minute), on its own copy of the demo database.</summary>
public sealed class LowBookingLimitApp(PostgresServer postgres) : IAsyncLifetime
{
    public const int Limit = 3;
    public ExpoApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = new ExpoApp(await postgres.CreateDemoDatabaseAsync(),
        settings: new Dictionary<string, string?> { ["RateLimits:BookingsPerUserPerMinute"] = Limit.ToString() });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Booking actions (book, cancel, request) are throttled per person inside the service, so that circuit events are
/// throttled too; over HTTP a refusal is 429 <c>too_many_bookings</c> with Retry-After. Organizers are not throttled.
/// </summary>
public sealed class BookingThrottleTests(LowBookingLimitApp fixture) : IClassFixture<LowBookingLimitApp>
{
    private const string MeetingsUrl = $"/api/events/{AndongDemo.Slug}/meetings";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_participant_booking_faster_than_the_limit_is_refused_with_429_and_Retry_After()
    {
        var (participant, exhibitors, slots) = await PlacesAsync("buyer@expo.demo");
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < LowBookingLimitApp.Limit; i++)
            allowed.Add((await buyer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participant, exhibitors[i], slots[i]), Ct)).StatusCode);
        using var refused = await buyer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participant, exhibitors[3], slots[3]), Ct);
        var outcome = await BookingCrowd.OutcomeAsync(refused);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("too_many_bookings", outcome.Code);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        await using var db = await DbAsync();
        Assert.Equal(0, await db.Meetings.CountAsync(m => m.ParticipantId == participant && m.ExhibitorId == exhibitors[3], Ct));
    }

    [Fact]
    public async Task An_organizer_booking_for_many_people_is_not_throttled()
    {
        var (_, exhibitors, slots) = await PlacesAsync("member@expo.demo");
        var participants = await ParticipantsAsync(skip: 100, count: 3 * LowBookingLimitApp.Limit);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < participants.Count; i++)
            statuses.Add((await organizer.PostAsJsonAsync(MeetingsUrl, new BookMeetingRequest(participants[i], exhibitors[i % exhibitors.Count], slots[i / exhibitors.Count]), Ct)).StatusCode);

        Assert.True(statuses.Count > LowBookingLimitApp.Limit);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(statuses, s => (int)s >= 500);
    }

    [Fact]
    public async Task Cancels_and_requests_count_against_the_same_limit_in_the_service_that_pages_call()
    {
        // An exhibitor's staff acting from its pages (Blazor circuit events, which never pass the HTTP middleware).
        var exhibitorUser = await UserAsync("exhibitor2@expo.demo");
        var actor = new Actor(exhibitorUser.Id, IsOrganizer: false, exhibitorUser.ExhibitorId, null);
        var eventId = await EventIdAsync();
        var participants = await ParticipantsAsync(skip: 300, count: 4);
        var requests = fixture.App.Services.GetRequiredService<MeetingRequests>();
        var booking = fixture.App.Services.GetRequiredService<MeetingBooking>();

        var sent = new List<Result>();
        for (var i = 0; i < LowBookingLimitApp.Limit; i++)
            sent.Add(await requests.SendAsync(actor, eventId, new SendRequest(null, participants[i], null, null), Ct));
        var cancel = await booking.CancelAsync(actor, eventId, meetingId: 1, Ct);

        Assert.All(sent, r => Assert.NotEqual("too_many_bookings", r.Error?.Code));
        Assert.Equal("too_many_bookings", cancel.Error?.Code);
        Assert.Equal(ErrorKind.TooManyRequests, cancel.Error!.Kind);
        Assert.NotNull(cancel.Error.RetryAfter);
    }

    [Fact]
    public void The_refusal_has_a_text_in_Korean_and_English()
    {
        static string? Text(string file) => XDocument.Load(Path.Combine(RepoRoot(), "src/ExpoPortal.Web/Localization", file))
            .Root!.Elements("data").FirstOrDefault(d => (string?)d.Attribute("name") == "Error.too_many_bookings")?.Element("value")?.Value;

        Assert.Contains("wait", Text("UiText.resx"));
        Assert.Contains("잠시 후", Text("UiText.ko.resx"));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExpoPortal.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("No repository root above the test binaries.");
    }

    /// <summary>Four exhibitors who share a language with the participant, and four slots of day one.</summary>
    private async Task<(int Participant, List<int> Exhibitors, List<int> Slots)> PlacesAsync(string email)
    {
        var participant = (await UserAsync(email)).ParticipantId!.Value;
        await using var db = await DbAsync();
        var eventId = await EventIdAsync();
        var languages = await db.Participants.Where(p => p.Id == participant).Select(p => p.Languages).SingleAsync(Ct);
        var exhibitors = (await db.Exhibitors.Where(x => x.EventId == eventId && x.Booth != null).OrderBy(x => x.Id).Skip(email.Length * 7)
                .Select(x => new { x.Id, x.Languages }).ToListAsync(Ct))
            .Where(x => x.Languages.Intersect(languages).Any()).Take(4).Select(x => x.Id).ToList();
        var day = await db.Events.Where(e => e.Id == eventId).Select(e => e.ConsultationDays).SingleAsync(Ct);
        var slots = await db.TimeSlots.Where(s => s.EventId == eventId && s.Day == day[0]).OrderBy(s => s.StartsAt).Skip(2).Take(4).Select(s => s.Id).ToListAsync(Ct);
        return (participant, exhibitors, slots);
    }

    private async Task<List<int>> ParticipantsAsync(int skip, int count)
    {
        var eventId = await EventIdAsync();
        await using var db = await DbAsync();
        var expo = await db.Events.SingleAsync(e => e.Id == eventId, Ct);
        var lastSlot = await db.TimeSlots.Where(s => s.EventId == eventId).MaxAsync(s => s.EndsAt, Ct);
        var firstSlot = await db.TimeSlots.Where(s => s.EventId == eventId).MinAsync(s => s.StartsAt, Ct);
        return await db.Participants.Where(p => p.EventId == expo.Id && p.ArrivesAt <= firstSlot && p.DepartsAt >= lastSlot)
            .OrderBy(p => p.Id).Skip(skip).Take(count).Select(p => p.Id).ToListAsync(Ct);
    }

    private async Task<int> EventIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
    }

    private async Task<ApplicationUser> UserAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private Task<AppDbContext> DbAsync() => fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
