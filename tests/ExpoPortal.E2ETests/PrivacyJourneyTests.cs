using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Privacy;
using ExpoPortal.Domain.Privacy;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>The consent page a buyer is sent to on first sign-in, and the organizers' audit page with its filters.</summary>
public sealed class PrivacyJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_buyer_who_has_not_answered_is_sent_to_the_consent_page_answers_each_purpose_and_goes_on_to_the_agenda()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        int buyer;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            buyer = await db.Users.Where(u => u.Email == "buyer@expo.demo").Select(u => u.ParticipantId!.Value).SingleAsync(Ct);
            await db.ConsentRecords.Where(c => c.ParticipantId == buyer).ExecuteDeleteAsync(Ct);
        }
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true,
        });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync("/my/agenda");
            await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await page.WaitForURLAsync(url => url.Contains("/account/consent"), new() { Timeout = 15_000 });
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            await Assertions.Expect(page.Locator("[data-testid=consent-policy-link]")).ToHaveAttributeAsync("href", "/privacy");
            var save = page.Locator("[data-testid=consent-save]");
            await Assertions.Expect(save).ToBeDisabledAsync(); // nothing pre-selected, every purpose to answer
            await page.Locator("[data-testid=consent-matching-yes]").CheckAsync();
            await Assertions.Expect(save).ToBeDisabledAsync();
            await page.Locator("[data-testid=consent-share_profile-no]").CheckAsync();
            await Assertions.Expect(save).ToBeEnabledAsync();
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
            await PageChecks.ScreenshotAsync(page, "consent-page-390-en");
            await save.ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/my/agenda"), new() { Timeout = 15_000 });
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-consent-page");
            throw;
        }

        await using var check = app.Services.CreateAsyncScope();
        var records = await check.ServiceProvider.GetRequiredService<AppDbContext>().ConsentRecords
            .Where(c => c.ParticipantId == buyer).OrderBy(c => c.Purpose).Select(c => new { c.Purpose, c.Granted, c.Method }).ToListAsync(Ct);
        Assert.Equal([("matching", true), ("share_profile", false)], records.Select(r => (r.Purpose, r.Granted)));
        Assert.All(records, r => Assert.Equal(ConsentMethods.ConsentPage, r.Method));
    }

    [Fact]
    public async Task An_organizer_filters_the_audit_log_by_text_action_and_person_on_a_phone_in_Korean()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        int buyer;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == "buyer@expo.demo", Ct);
            buyer = user.ParticipantId!.Value;
            // Entries of two kinds: a booking by the secretariat and a withdrawn consent by the buyer.
            var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
            var booking = app.Services.GetRequiredService<MeetingBooking>();
            var asBuyer = new Actor(user.Id, false, null, buyer, "Demo buyer");
            foreach (var x in await db.Exhibitors.Where(x => x.EventId == eventId && x.BoothId != null).OrderBy(x => x.Id).Select(x => x.Id).Take(20).ToListAsync(Ct))
            {
                var free = (await booking.SlotsAsync(asBuyer, eventId, x, Ct)).Value.FirstOrDefault(s => s.State == SlotState.Free);
                if (free is not null && (await booking.BookAsync(TestActors.Secretariat, eventId, new BookMeetingRequest(buyer, x, free.SlotId), Ct)).Succeeded) break;
            }
            await app.Services.GetRequiredService<Consents>().RecordAsync(asBuyer, new Dictionary<string, bool> { ["share_profile"] = false }, ConsentMethods.AccountPage, Ct);
        }
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ko-KR", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true,
        });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/audit");
            await login.SignInAsync("organizer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            var actions = page.Locator("[data-testid=audit-row-action]");
            await Assertions.Expect(actions.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-action='meeting.booked']").First).ToContainTextAsync("상담 예약");

            // Text: the buyer as subject leaves only its consent change.
            await page.Locator("input[data-testid=audit-search], [data-testid=audit-search] input").FillAsync($"participant:{buyer}");
            await Assertions.Expect(actions).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Assertions.Expect(actions.First).ToHaveAttributeAsync("data-action", "privacy.consent_withdrawn");
            await Assertions.Expect(page.Locator("[data-testid=audit-who]").First).ToHaveTextAsync("Demo buyer");

            // Action: all meeting changes, with the text cleared.
            await page.Locator("input[data-testid=audit-search], [data-testid=audit-search] input").FillAsync("");
            await page.Locator(".mud-select:has([data-testid=audit-action]), .mud-select[data-testid=audit-action]").First.ClickAsync();
            await page.Locator(".mud-popover-open").GetByText("모든 상담 변경", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-action^='privacy.']")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("[data-action='meeting.booked']").First).ToBeVisibleAsync();

            // Person: nobody of that name, the empty state.
            await page.Locator("input[data-testid=audit-person], [data-testid=audit-person] input").FillAsync("nobody-by-this-name");
            await Assertions.Expect(page.Locator("[data-testid=audit-empty]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await PageChecks.AssertNoSidewaysScrollingAsync(page);
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
            await PageChecks.ScreenshotAsync(page, "audit-page-390-ko");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-audit-page");
            throw;
        }
    }
}
