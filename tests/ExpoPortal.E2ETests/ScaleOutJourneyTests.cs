using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Meetings;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Live;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Model;
using ExpoPortal.Proxy;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>
/// Two portal instances behind the sticky proxy of docker-compose's <c>scale</c> profile (the same YARP host, run
/// here without Docker), in Chromium: each browser stays on one backend for its whole circuit, new browsers are spread
/// over both, and a booking made through one instance's API turns the slot <c>taken</c> on a page served by the other
/// within 2 s (PostgreSQL LISTEN/NOTIFY between them).
/// </summary>
public sealed class ScaleOutJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Behind_the_sticky_proxy_a_booking_on_one_instance_turns_the_slot_taken_on_a_page_of_the_other_within_2_s()
    {
        var database = await postgres.CreateDemoDatabaseAsync();
        await using var first = new ExpoApp(database, realPort: true);
        await using var second = new ExpoApp(database, realPort: true);
        await Task.WhenAll(
            first.Services.GetRequiredService<PostgresLiveBackplane>().Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct),
            second.Services.GetRequiredService<PostgresLiveBackplane>().Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        var backends = new Dictionary<string, ExpoApp> { ["portal-1"] = first, ["portal-2"] = second };
        await using var proxy = ProxyHost.Build([], new Dictionary<string, string?>
        {
            ["Proxy:Backends"] = $"{first.ServerAddress.ToString().TrimEnd('/')},{second.ServerAddress.ToString().TrimEnd('/')}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        proxy.Urls.Add("http://127.0.0.1:0");
        await proxy.StartAsync(Ct);
        var proxyAddress = new Uri(proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var (eventId, buyerId) = await IdsAsync(first);
        var exhibitorId = await ExhibitorTheBuyerCanMeetAsync(first, eventId, buyerId);

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var servedBy = new ConcurrentQueue<(string Url, string Backend)>();
        context.Response += (_, response) =>
        {
            if (response.Headers.TryGetValue(ProxyHost.BackendHeader.ToLowerInvariant(), out var backend)) servedBy.Enqueue((response.Url, backend));
        };
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, proxyAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/exhibitors/{exhibitorId}");
            await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await page.WaitForSelectorAsync("[data-testid=booking-grid][data-live=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });

            // Affinity: every response this browser had, its circuit's negotiation included, came from one backend.
            var pageBackend = Assert.Single(servedBy.Select(x => x.Backend).Distinct());
            Assert.Contains(servedBy, x => x.Url.Contains("_blazor/negotiate", StringComparison.Ordinal));
            var pageInstance = backends[pageBackend];
            var otherInstance = backends.Single(b => b.Key != pageBackend).Value;

            // A slot free for the buyer, every table of the booth but one taken, then the last one booked through the
            // other instance's own HTTP API (not through the proxy).
            var slotId = int.Parse((await page.Locator("[data-testid=slot][data-state=free]").First.GetAttributeAsync("data-slot-id"))!);
            var others = await OthersWhoCanMeetAsync(first, eventId, exhibitorId, slotId, buyerId);
            var booking = otherInstance.Services.GetRequiredService<MeetingBooking>();
            for (var i = 0; i < others.Tables - 1; i++)
                Assert.True((await booking.BookAsync(TestActors.Secretariat, eventId, new BookMeetingRequest(others.People[i], exhibitorId, slotId), Ct)).Succeeded);
            var slot = page.Locator($"[data-testid=slot][data-slot-id='{slotId}']");
            await Assertions.Expect(slot).ToHaveAttributeAsync("data-state", "free");

            using var api = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = otherInstance.ServerAddress };
            Assert.Equal(HttpStatusCode.Redirect, (await ExpoApp.SubmitLoginAsync(api, "organizer@expo.demo", ExpoApp.DemoPassword)).StatusCode);
            using var booked = await api.PostAsJsonAsync($"/api/events/{AndongDemo.Slug}/meetings",
                new { participantId = others.People[others.Tables - 1], exhibitorId, timeSlotId = slotId }, Ct);
            Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync(Ct));

            await Assertions.Expect(slot).ToHaveAttributeAsync("data-state", "taken", new() { Timeout = 2_000 });
            await PageChecks.ScreenshotAsync(page, "scale-out-taken-on-other-instance-en");
            Assert.NotSame(pageInstance, otherInstance);

            // A second browser (no affinity cookie yet) is sent to the other backend and gets a working circuit there.
            await using var secondContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR" });
            var secondServedBy = new ConcurrentQueue<string>();
            secondContext.Response += (_, response) =>
            {
                if (response.Headers.TryGetValue(ProxyHost.BackendHeader.ToLowerInvariant(), out var backend)) secondServedBy.Enqueue(backend);
            };
            var secondPage = await secondContext.NewPageAsync();
            var secondLogin = new LoginPage(secondPage, proxyAddress);
            await secondLogin.OpenAsync($"/events/{AndongDemo.Slug}/exhibitors/{exhibitorId}");
            await secondLogin.SignInAsync("member@expo.demo", ExpoApp.DemoPassword);
            await secondPage.WaitForSelectorAsync("[data-testid=booking-grid][data-live=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });
            await Assertions.Expect(secondPage.Locator($"[data-testid=slot][data-slot-id='{slotId}']")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(taken|mine)$"));
            Assert.Equal(backends.Single(b => b.Key != pageBackend).Key, Assert.Single(secondServedBy.Distinct()));
            Assert.Equal(2, proxy.Services.GetRequiredService<ProxyTraffic>().Responses.Count);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-scale-out");
            throw;
        }
        finally
        {
            await proxy.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<(int EventId, int Buyer)> IdsAsync(ExpoApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser>>();
        var eventId = (await app.Services.GetRequiredService<EventService>().FindAsync(AndongDemo.Slug, Ct))!.Id;
        return (eventId, (await users.FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value);
    }

    private static async Task<int> ExhibitorTheBuyerCanMeetAsync(ExpoApp app, int eventId, int buyerId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var languages = await db.Participants.Where(p => p.Id == buyerId).Select(p => p.Languages).SingleAsync(Ct);
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == eventId && x.Booth != null).OrderBy(x => x.Id).Take(50).ToListAsync(Ct);
        return exhibitors.First(x => LanguageRules.Shared(languages, x.Languages)).Id;
    }

    private static async Task<(int Tables, List<int> People)> OthersWhoCanMeetAsync(ExpoApp app, int eventId, int exhibitorId, int slotId, int except)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var exhibitor = await db.Exhibitors.Include(x => x.Booth).SingleAsync(x => x.Id == exhibitorId, Ct);
        var slot = await db.TimeSlots.SingleAsync(s => s.Id == slotId, Ct);
        var busy = await db.Meetings.Where(m => m.TimeSlotId == slotId).Select(m => m.ParticipantId).ToListAsync(Ct);
        var people = (await db.Participants.Where(p => p.EventId == eventId && p.Id != except && p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt)
                .OrderBy(p => p.Id).ToListAsync(Ct))
            .Where(p => !busy.Contains(p.Id) && LanguageRules.Shared(p.Languages, exhibitor.Languages)).Select(p => p.Id).ToList();
        return (exhibitor.Booth!.MeetingTables, people);
    }
}
