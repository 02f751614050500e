using ExpoPortal.Application.Common;
using ExpoPortal.Application.Desk;
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

/// <summary>The live dashboard in Chromium: a check-in at a booth shows on an organizer's open page without a reload.</summary>
public sealed class LiveDashboardJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_organizer_on_a_phone_sees_a_check_in_and_a_new_booking_arrive_on_the_live_dashboard()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        var eventId = (await app.Services.GetRequiredService<EventService>().FindAsync(AndongDemo.Slug, Ct))!.Id;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var firstSlot = await db.TimeSlots.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).FirstAsync(Ct);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var buyer = (await users.FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value;
        var exhibitor = (await users.FindByEmailAsync("exhibitor@expo.demo"))!.ExhibitorId!.Value;

        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/live");
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await Assertions.Expect(page.Locator("[data-testid=live-updated]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });
            var checkedIn = page.Locator("[data-testid=live-checked-in-value]");
            var scheduled = page.Locator("[data-testid=live-scheduled-value]");
            var (checkedInBefore, scheduledBefore) = (Number(await checkedIn.InnerTextAsync()), Number(await scheduled.InnerTextAsync()));

            var booked = await app.Services.GetRequiredService<MeetingBooking>().BookAsync(TestActors.Secretariat, eventId,
                new BookMeetingRequest(buyer, exhibitor, firstSlot.Id), Ct);
            Assert.True(booked.Succeeded, booked.Error?.Code);
            await Assertions.Expect(scheduled).ToHaveTextAsync((scheduledBefore + 1).ToString("N0"), new() { Timeout = 5_000 });

            // The booth checks the buyer in as its slot begins (the clock of the booth's service says so).
            var atTheBooth = new CheckIns(app.Services.GetRequiredService<IAppDbContextFactory>(), new FixedClock(firstSlot.StartsAt.AddMinutes(2)),
                app.Services.GetRequiredService<ICheckInTokens>(), app.Services.GetRequiredService<ISlotChanges>());
            Assert.True((await atTheBooth.MarkAsync(new Actor("booth", false, exhibitor, null), eventId, booked.Value.Id, DeskMark.CheckedIn, Ct)).Succeeded);
            await Assertions.Expect(checkedIn).ToHaveTextAsync((checkedInBefore + 1).ToString("N0"), new() { Timeout = 5_000 });
            await Assertions.Expect(scheduled).ToHaveTextAsync(scheduledBefore.ToString("N0"));

            await Assertions.Expect(page.Locator("[data-testid=live-chart-slots]")).ToBeVisibleAsync();
            await PageChecks.AssertNoSidewaysScrollingAsync(page);
            await PageChecks.ScreenshotAsync(page, "live-dashboard-phone-en");
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "live-dashboard-failed");
            throw;
        }
    }

    private static int Number(string text) => int.Parse(text.Trim().Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
}
