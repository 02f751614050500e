using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
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

/// <summary>The day's desk in Chromium: an organizer moves a meeting, and both sides' open pages show the new time without a reload.</summary>
public sealed class DeskJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_organizer_moves_a_meeting_from_the_desk_and_the_buyer_and_the_booth_see_the_new_time_live()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        var (eventId, buyerId, buyerName, exhibitorId) = await IdsAsync(app);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var slots = await db.TimeSlots.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ToListAsync(Ct);
        var (from, to) = (slots[3], slots[7]);
        var booked = await app.Services.GetRequiredService<MeetingBooking>().BookAsync(TestActors.Secretariat, eventId,
            new BookMeetingRequest(buyerId, exhibitorId, from.Id), Ct);
        Assert.True(booked.Succeeded, booked.Error?.Code);
        var meetingId = booked.Value.Id;
        var oldTime = TimeZoneInfo.ConvertTime(from.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).ToString("HH:mm");
        var newTime = TimeZoneInfo.ConvertTime(to.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).ToString("HH:mm");

        // The buyer on a phone in English, the booth and the desk on desktops in Korean.
        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await using var booth = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 1300, Height = 900 } });
        await using var desk = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 1300, Height = 900 } });
        var buyer = await phone.NewPageAsync();
        var exhibitor = await booth.NewPageAsync();
        var organizer = await desk.NewPageAsync();
        try
        {
            await SignInAsync(buyer, app, "/my/agenda", "buyer@expo.demo");
            var agendaItem = buyer.Locator($"[data-testid=agenda-item][data-meeting-id='{meetingId}']");
            await Assertions.Expect(agendaItem).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.Contains(oldTime, await agendaItem.InnerTextAsync());
            await SignInAsync(exhibitor, app, "/my/schedule", "exhibitor@expo.demo");
            var scheduleItem = exhibitor.Locator($"[data-testid=schedule-item][data-meeting-id='{meetingId}']");
            await Assertions.Expect(scheduleItem).ToBeVisibleAsync(new() { Timeout = 15_000 });

            await SignInAsync(organizer, app, $"/events/{AndongDemo.Slug}/desk", "organizer@expo.demo");
            await organizer.FillAsync("input[data-testid=desk-search]", buyerName);
            await organizer.ClickAsync($"[data-testid=desk-person][data-kind=participant][data-id='{buyerId}']");
            var row = organizer.Locator($"[data-testid=desk-meeting][data-meeting-id='{meetingId}']");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-slot-id", from.Id.ToString(), new() { Timeout = 15_000 });
            await row.Locator("[data-testid=desk-move]").ClickAsync();
            await organizer.ClickAsync("[data-testid=desk-move-form] .mud-select");
            // The select names each slot by its local date and time, as the desk's reader writes them.
            var label = TimeZoneInfo.ConvertTime(to.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).ToString("g", new System.Globalization.CultureInfo("ko-KR"));
            await organizer.Locator(".mud-popover-open .mud-list-item").GetByText(label, new() { Exact = true }).ClickAsync();
            await organizer.ClickAsync("[data-testid=desk-move-confirm]");

            await Assertions.Expect(row).ToHaveAttributeAsync("data-slot-id", to.Id.ToString(), new() { Timeout = 10_000 });
            // Neither side reloaded: the move arrives over their own circuits.
            await Assertions.Expect(agendaItem).ToContainTextAsync(newTime, new() { Timeout = 3_000 });
            await Assertions.Expect(scheduleItem).ToContainTextAsync(newTime, new() { Timeout = 3_000 });
            await PageChecks.ScreenshotAsync(organizer, "desk-moved-ko");
            await PageChecks.ScreenshotAsync(buyer, "buyer-sees-move-phone-en");
            await PageChecks.AssertNoSeriousAxeViolationsAsync(organizer);

            // The interpreter pool on the buyer's phone width: the grid scrolls inside its box, the page does not.
            await organizer.SetViewportSizeAsync(390, 844);
            await organizer.GotoAsync(new Uri(app.ServerAddress, $"/events/{AndongDemo.Slug}/desk/interpreters").ToString());
            await Assertions.Expect(organizer.Locator("[data-testid=pool-interpreter]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await PageChecks.AssertNoSidewaysScrollingAsync(organizer);
            await PageChecks.ScreenshotAsync(organizer, "interpreter-pool-phone-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(organizer, "desk-journey-failed");
            throw;
        }
    }

    private static async Task SignInAsync(IPage page, ExpoApp app, string path, string email)
    {
        var login = new LoginPage(page, app.ServerAddress);
        await login.OpenAsync(path);
        await login.SignInAsync(email, ExpoApp.DemoPassword);
        await new DashboardPage(page).WaitUntilInteractiveAsync();
    }

    private static async Task<(int EventId, int Buyer, string BuyerName, int Exhibitor)> IdsAsync(ExpoApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var eventId = (await app.Services.GetRequiredService<EventService>().FindAsync(AndongDemo.Slug, Ct))!.Id;
        var buyer = (await users.FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value;
        var exhibitor = (await users.FindByEmailAsync("exhibitor@expo.demo"))!.ExhibitorId!.Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var name = await db.Participants.Where(p => p.Id == buyer).Select(p => p.FullName).SingleAsync(Ct);
        return (eventId, buyer, name, exhibitor);
    }
}
