using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Application.Meetings;
using ExpoPortal.E2ETests.Pages;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Model;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpoPortal.E2ETests;

/// <summary>The buyer's side in Chromium: find, book live, see it on the agenda, take the calendar file; and the listing editor.</summary>
public sealed class BookingJourneyTests(PostgresServer postgres, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_buyer_on_a_phone_books_a_slot_that_turns_taken_live_for_a_second_buyer_and_lands_on_its_agenda()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        var (eventId, buyerId, memberId) = await IdsAsync(app);
        var exhibitorId = await CosmeticsExhibitorBothCanMeetAsync(app, eventId, buyerId, memberId);

        // The buyer on a phone, in English; the member on a desktop, in Korean.
        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await using var desktop = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 1300, Height = 900 } });
        var buyer = await phone.NewPageAsync();
        var member = await desktop.NewPageAsync();
        try
        {
            var login = new LoginPage(buyer, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/directory");
            await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(buyer).WaitUntilInteractiveAsync();
            await buyer.FillAsync("input[data-testid=directory-search]", "cosmetics");
            var link = buyer.Locator($"[data-testid=exhibitor-link][href$='/exhibitors/{exhibitorId}']");
            await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            // The filters are native selects: another industry hides the cosmetics company, its own shows it again.
            await buyer.SelectOptionAsync("[data-testid=directory-industry]", "Machinery");
            await Assertions.Expect(link).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await buyer.SelectOptionAsync("[data-testid=directory-industry]", "Cosmetics");
            await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            await PageChecks.ScreenshotAsync(buyer, "buyer-directory-phone-en");
            await link.ClickAsync();
            await buyer.WaitForSelectorAsync("[data-testid=booking-grid][data-live=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });

            var memberLogin = new LoginPage(member, app.ServerAddress);
            await memberLogin.OpenAsync($"/events/{AndongDemo.Slug}/exhibitors/{exhibitorId}");
            await memberLogin.SignInAsync("member@expo.demo", ExpoApp.DemoPassword);
            await member.WaitForSelectorAsync("[data-testid=booking-grid][data-live=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });

            // A slot free for both; every other table of the booth is taken first, so one booking takes the slot.
            var slotId = await FirstSlotFreeForBothAsync(buyer, member);
            await FillOtherTablesAsync(app, eventId, exhibitorId, slotId, except: [buyerId, memberId]);
            var buyerSlot = buyer.Locator($"[data-testid=slot][data-slot-id='{slotId}']");
            var memberSlot = member.Locator($"[data-testid=slot][data-slot-id='{slotId}']");
            await Assertions.Expect(buyerSlot).ToHaveAttributeAsync("data-state", "free");

            await buyerSlot.ClickAsync();
            await buyer.ClickAsync("[data-testid=book-confirm]");

            await Assertions.Expect(buyerSlot).ToHaveAttributeAsync("data-state", "mine", new() { Timeout = 5_000 });
            // The member's page was not reloaded: the change arrives over its own circuit.
            await Assertions.Expect(memberSlot).ToHaveAttributeAsync("data-state", "taken", new() { Timeout = 2_000 });
            await PageChecks.ScreenshotAsync(buyer, "buyer-booked-phone-en");
            await PageChecks.ScreenshotAsync(member, "member-sees-taken-ko");

            await buyer.GotoAsync(new Uri(app.ServerAddress, "/my/agenda").ToString());
            var item = buyer.Locator("[data-testid=agenda-item]");
            await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            var profile = await app.Services.GetRequiredService<ExhibitorDirectory>().ProfileAsync(eventId, exhibitorId, Ct);
            Assert.Contains(profile!.Name.En, await item.InnerTextAsync());

            var download = await buyer.RunAndWaitForDownloadAsync(() => buyer.ClickAsync("[data-testid=ics-download]"));
            var ics = await File.ReadAllTextAsync(await download.PathAsync(), Ct);
            Assert.Contains("BEGIN:VEVENT", ics);
            Assert.Contains("TZID:Asia/Seoul", ics);
            // iCalendar folds long lines and escapes commas in text.
            Assert.Contains(profile.Name.En, ics.Replace("\r\n ", "").Replace("\\,", ","));
            await PageChecks.ScreenshotAsync(buyer, "buyer-agenda-phone-en");
        }
        catch
        {
            await PageChecks.ScreenshotAsync(buyer, "FAILED-booking-buyer");
            await PageChecks.ScreenshotAsync(member, "FAILED-booking-member");
            throw;
        }
    }

    [Fact]
    public async Task An_exhibitor_edits_a_product_in_Korean_and_a_buyer_finds_the_new_text_in_the_directory()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 1300, Height = 1000 } });
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page, app.ServerAddress);
            await login.OpenAsync("/my/listing");
            await login.SignInAsync("exhibitor@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(page).WaitUntilInteractiveAsync();
            var productName = page.Locator("[data-testid=listing-product] input[data-testid=product-name-ko]").First;
            await productName.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

            await productName.FillAsync("안동 유기농 흑마늘 진액");
            // The HS field finds a chapter by words and the codes in use by digits; picking one fills the field.
            var hs = page.Locator("[data-testid=listing-product] input[data-testid=product-hs]").First;
            var code = await hs.InputValueAsync();
            await hs.FillAsync("화장품");
            await Assertions.Expect(page.Locator("[data-testid=hs-suggestion][data-code='33']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await hs.FillAsync(code[..4]);
            await page.Locator($"[data-testid=hs-suggestion][data-code='{code}']").ClickAsync(new() { Timeout = 10_000 });
            await Assertions.Expect(hs).ToHaveValueAsync(code);
            // A photo is stored as soon as it is chosen; the file is a PNG named .jpg, which the portal reads by content.
            await page.Locator("[data-testid=listing-product]").First.Locator("input[type=file]")
                .SetInputFilesAsync(new FilePayload { Name = "black-garlic.jpg", MimeType = "image/jpeg", Buffer = Picture(600, 400) });
            await Assertions.Expect(page.Locator("[data-testid=listing-product]").First.Locator("[data-testid=listing-product-photo]"))
                .ToBeVisibleAsync(new() { Timeout = 15_000 });
            await page.ClickAsync("[data-testid=listing-save]");
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "디렉터리에" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await PageChecks.ScreenshotAsync(page, "exhibitor-listing-saved-ko");

            var directory = app.Services.GetRequiredService<ExhibitorDirectory>();
            var eventId = (await app.Services.GetRequiredService<EventService>().FindAsync(AndongDemo.Slug, Ct))!.Id;
            var found = await directory.SearchAsync(eventId, new DirectoryQuery("흑마늘 진액"), new PageRequest(0, 10), Ct);
            Assert.Contains(found.Items, x => x.Products.Any(p => p.Name.Ko == "안동 유기농 흑마늘 진액"));

            // A buyer's browser finds it through the directory page too.
            await using var buyerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR" });
            var buyer = await buyerContext.NewPageAsync();
            var buyerLogin = new LoginPage(buyer, app.ServerAddress);
            await buyerLogin.OpenAsync($"/events/{AndongDemo.Slug}/directory");
            await buyerLogin.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(buyer).WaitUntilInteractiveAsync();
            await buyer.FillAsync("input[data-testid=directory-search]", "흑마늘 진액");
            await Assertions.Expect(buyer.Locator("[data-testid=directory-grid] tbody")).ToContainTextAsync("안동 유기농 흑마늘 진액", new() { Timeout = 15_000 });
            // ... and on the exhibitor's page, with the photo as the portal stored it.
            await buyer.Locator("[data-testid=exhibitor-link]").First.ClickAsync();
            var photo = buyer.Locator("img[data-testid=product-photo]").First;
            await Assertions.Expect(photo).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 600, new() { Timeout = 15_000 });
        }
        catch
        {
            await PageChecks.ScreenshotAsync(page, "FAILED-listing-edit");
            throw;
        }
    }

    [Fact]
    public async Task Two_staff_save_the_same_listing_and_the_second_gets_the_conflict_with_its_text_kept()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true);
        await using var first = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1300, Height = 1000 } });
        await using var second = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1300, Height = 1000 } });
        var a = await first.NewPageAsync();
        var b = await second.NewPageAsync();
        try
        {
            // The company's primary contact and a colleague of its team, each with a sign-in of their own.
            foreach (var (page, email) in new[] { (a, "exhibitor@expo.demo"), (b, "colleague@expo.demo") })
            {
                var login = new LoginPage(page, app.ServerAddress);
                await login.OpenAsync("/my/listing");
                await login.SignInAsync(email, ExpoApp.DemoPassword);
                await new DashboardPage(page).WaitUntilInteractiveAsync();
                await page.Locator("textarea[data-testid=listing-description-en]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            }

            await a.Locator("textarea[data-testid=listing-description-en]").FillAsync("Saved first by staff A.");
            await a.ClickAsync("[data-testid=listing-save]");
            await Assertions.Expect(a.Locator(".mud-snackbar")).ToContainTextAsync("Saved", new() { Timeout = 10_000 });

            await b.Locator("textarea[data-testid=listing-description-en]").FillAsync("Typed by staff B, not lost.");
            await b.ClickAsync("[data-testid=listing-save]");

            await Assertions.Expect(b.Locator("[data-testid=listing-conflict]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            Assert.Contains("Saved first by staff A.", await b.InnerTextAsync("[data-testid=listing-conflict]"));
            Assert.Equal("Typed by staff B, not lost.", await b.Locator("textarea[data-testid=listing-description-en]").InputValueAsync());
            await PageChecks.ScreenshotAsync(b, "listing-conflict-en");

            await b.ClickAsync("[data-testid=listing-overwrite]");
            await Assertions.Expect(b.Locator("[data-testid=listing-conflict]")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("exhibitor@expo.demo");
            var saved = await db.Exhibitors.AsNoTracking().SingleAsync(x => x.Id == user!.ExhibitorId, Ct);
            Assert.Equal("Typed by staff B, not lost.", saved.Description.En);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(a, "FAILED-conflict-a");
            await PageChecks.ScreenshotAsync(b, "FAILED-conflict-b");
            throw;
        }
    }

    [Fact]
    public async Task An_exhibitor_accepts_a_buyers_request_and_the_buyer_sees_the_notification_and_gets_the_mail_in_English()
    {
        using var smtp = netDumbster.smtp.SimpleSmtpServer.Start(FreePorts.Next());
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(), realPort: true, settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Configuration.Port.ToString(), ["Smtp:Security"] = "None",
        });
        int exhibitorId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var buyerId = (await users.FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value;
            exhibitorId = (await users.FindByEmailAsync("exhibitor@expo.demo"))!.ExhibitorId!.Value;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The demo buyer reads no Korean; the booth speaks Korean and English.
            var p = await db.Participants.SingleAsync(x => x.Id == buyerId, Ct);
            p.Describe(p.KoreanName, p.Chapter, ["en"], p.ImportScale, p.Hotel);
            var x = await db.Exhibitors.SingleAsync(e => e.Id == exhibitorId, Ct);
            x.DescribeMarkets(x.ExportMarkets, x.TargetMarkets, ["ko", "en"]);
            await db.SaveChangesAsync(Ct);
        }
        await using var buyerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        await using var staffContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new() { Width = 1300, Height = 900 } });
        var buyer = await buyerContext.NewPageAsync();
        var staff = await staffContext.NewPageAsync();
        try
        {
            var login = new LoginPage(buyer, app.ServerAddress);
            await login.OpenAsync($"/events/{AndongDemo.Slug}/exhibitors/{exhibitorId}");
            await login.SignInAsync("buyer@expo.demo", ExpoApp.DemoPassword);
            await buyer.WaitForSelectorAsync("[data-testid=booking-grid][data-live=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });
            await buyer.FillAsync("textarea[data-testid=request-message]", "We import skincare to Vietnam.");
            await Assertions.Expect(buyer.Locator(".native-field-counter")).ToHaveTextAsync("30 / 500");
            var preferred = buyer.Locator("[data-testid=request-preferred] option").Nth(1);
            var preferredSlot = await preferred.GetAttributeAsync("value");
            await buyer.SelectOptionAsync("[data-testid=request-preferred]", preferredSlot!);
            await buyer.ClickAsync("[data-testid=request-send]");
            await Assertions.Expect(buyer.Locator(".mud-snackbar")).ToContainTextAsync("Request sent", new() { Timeout = 10_000 });

            var staffLogin = new LoginPage(staff, app.ServerAddress);
            await staffLogin.OpenAsync("/my/schedule");
            await staffLogin.SignInAsync("exhibitor@expo.demo", ExpoApp.DemoPassword);
            await new DashboardPage(staff).WaitUntilInteractiveAsync();
            var request = staff.Locator("[data-testid=request][data-status=pending]");
            await Assertions.Expect(request).ToContainTextAsync("We import skincare to Vietnam.", new() { Timeout = 15_000 });
            // The slot chosen in the buyer's native select is the one the request carries.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var sent = await db.MeetingRequests.SingleAsync(r => r.ExhibitorId == exhibitorId && r.Message == "We import skincare to Vietnam.", Ct);
                Assert.Equal(int.Parse(preferredSlot!), sent.PreferredSlotId);
            }
            await request.Locator("[data-testid=request-accept]").ClickAsync();
            await Assertions.Expect(staff.Locator("[data-testid=request][data-status=accepted]")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            await Assertions.Expect(staff.Locator("[data-testid=schedule-item]")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            // Whoever accepts takes the meeting; the owner select lists the team and hands it to a colleague.
            await Assertions.Expect(staff.Locator("[data-testid=meeting-unowned]")).ToHaveCountAsync(0);
            await staff.Locator("[data-testid=meeting-owner]").First.ClickAsync();
            await staff.Locator(".mud-popover-open .mud-list-item", new() { HasText = "김하늘" }).ClickAsync();
            await Assertions.Expect(staff.Locator(".mud-snackbar", new() { HasText = "담당자를 저장했습니다" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Assertions.Expect(staff.Locator("[data-testid=meeting-owner]").First).ToContainTextAsync("김하늘");
            await PageChecks.ScreenshotAsync(staff, "exhibitor-accepted-request-ko");

            // The buyer's bell rings without a reload, and the mail arrives in English.
            await Assertions.Expect(buyer.Locator("[data-testid=notification-bell]")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = 5_000 });
            // The live update came from the exhibitor's Korean page, yet the buyer's page still reads English.
            await Assertions.Expect(buyer.Locator("[data-testid=booking-grid]")).ToContainTextAsync("yours", new() { Timeout = 5_000 });
            Assert.DoesNotContain("예약 가능", await buyer.InnerTextAsync("[data-testid=booking-grid]"));
            await PageChecks.ScreenshotAsync(buyer, "buyer-notification-phone-en");
            await buyer.GotoAsync(new Uri(app.ServerAddress, "/my/requests").ToString());
            await Assertions.Expect(buyer.Locator("[data-testid=request][data-status=accepted]")).ToContainTextAsync("Accepted", new() { Timeout = 15_000 });
            var mail = await MailToAsync(smtp, "buyer@expo.demo");
            Assert.StartsWith("Request accepted", mail.Subject);
            Assert.Contains("accepted your request", mail.TextBody);
        }
        catch
        {
            await PageChecks.ScreenshotAsync(buyer, "FAILED-request-buyer");
            await PageChecks.ScreenshotAsync(staff, "FAILED-request-staff");
            throw;
        }
    }

    private static async Task<MimeKit.MimeMessage> MailToAsync(netDumbster.smtp.SimpleSmtpServer smtp, string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var raw = smtp.ReceivedEmail.FirstOrDefault(m => m.ToAddresses.Any(a => string.Equals(a?.Address, address, StringComparison.OrdinalIgnoreCase)));
            if (raw is not null) return await MimeKit.MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw.Data)), Ct);
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"No mail to {address} within 15 s.");
    }

    private static async Task<(int EventId, int Buyer, int Member)> IdsAsync(ExpoApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var eventId = (await app.Services.GetRequiredService<EventService>().FindAsync(AndongDemo.Slug, Ct))!.Id;
        return (eventId, (await users.FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value, (await users.FindByEmailAsync("member@expo.demo"))!.ParticipantId!.Value);
    }

    /// <summary>The first cosmetics exhibitor on the directory's first page with whom both buyers share a language.</summary>
    private static async Task<int> CosmeticsExhibitorBothCanMeetAsync(ExpoApp app, int eventId, int buyerId, int memberId)
    {
        var page = await app.Services.GetRequiredService<ExhibitorDirectory>().SearchAsync(eventId, new DirectoryQuery("cosmetics"), new PageRequest(0, 25), Ct);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var languages = await db.Participants.Where(p => p.Id == buyerId || p.Id == memberId).Select(p => p.Languages).ToListAsync(Ct);
        return page.Items.First(x => x.BoothCode is not null && languages.All(l => LanguageRules.Shared(l, x.Languages))).Id;
    }

    private static async Task<int> FirstSlotFreeForBothAsync(IPage a, IPage b)
    {
        var freeForA = await a.Locator("[data-testid=slot][data-state=free]").EvaluateAllAsync<int[]>("els => els.map(e => +e.dataset.slotId)");
        var freeForB = await b.Locator("[data-testid=slot][data-state=free]").EvaluateAllAsync<int[]>("els => els.map(e => +e.dataset.slotId)");
        return freeForA.Intersect(freeForB).First();
    }

    /// <summary>Books every table but one of the booth in that slot for other participants, through the organizers' service.</summary>
    private static async Task FillOtherTablesAsync(ExpoApp app, int eventId, int exhibitorId, int slotId, int[] except)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var exhibitor = await db.Exhibitors.Include(x => x.Booth).SingleAsync(x => x.Id == exhibitorId, Ct);
        var slot = await db.TimeSlots.SingleAsync(s => s.Id == slotId, Ct);
        var others = (await db.Participants.Where(p => p.EventId == eventId && !except.Contains(p.Id) && p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt)
                .OrderBy(p => p.Id).ToListAsync(Ct))
            .Where(p => LanguageRules.Shared(p.Languages, exhibitor.Languages)).ToList();
        var booking = app.Services.GetRequiredService<MeetingBooking>();
        var organizer = TestActors.Secretariat;
        for (var i = 0; i < exhibitor.Booth!.MeetingTables - 1; i++)
            Assert.True((await booking.BookAsync(organizer, eventId, new BookMeetingRequest(others[i].Id, exhibitorId, slotId), Ct)).Succeeded);
    }

    private static byte[] Picture(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap)) canvas.Clear(new SkiaSharp.SKColor(40, 30, 20));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }
}
