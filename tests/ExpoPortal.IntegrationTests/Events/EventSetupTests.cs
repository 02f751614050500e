using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Venues;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Events;

/// <summary>
/// Event set-up over HTTP on PostgreSQL: create, edit, validation, slot-grid changes that keep or would orphan meetings,
/// clone as the next edition, booking open and closed. Each test makes its own small event, except the booking ones.
/// </summary>
public sealed class EventSetupTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Incheon, two days, consultations on both, 30-minute slots 10:00–12:00 (4 a day), one hall.</summary>
    private static EventForm Incheon(string slug) => new(
        slug, "2027 대한민국 비즈니스 엑스포 인천", "Korea Business EXPO Incheon 2027", "송도컨벤시아", "Songdo Convensia", "인천", "Incheon",
        new DateOnly(2027, 10, 14), new DateOnly(2027, 10, 15), [new DateOnly(2027, 10, 14), new DateOnly(2027, 10, 15)], "Asia/Seoul",
        30, new TimeOnly(10, 0), new TimeOnly(12, 0), [], "KR-28", 40, [new HallForm("A", "A홀", "Hall A", 20, 10)]);

    private static string NewSlug() => $"incheon-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task An_organizer_creates_an_event_with_its_slot_grid_and_halls_and_reads_it_back()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();

        var created = await organizer.PostAsJsonAsync("/api/events", Incheon(slug), Ct);
        var read = await organizer.GetFromJsonAsync<EventSetupView>($"/api/events/{slug}/settings", Json, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(8, read!.Slots); // 2 days × 4 slots
        Assert.Equal(("Songdo Convensia", "Asia/Seoul", 30), (read.Form.VenueEn, read.Form.TimeZoneId, read.Form.SlotMinutes));
        Assert.Equal(["A"], read.Form.Halls!.Select(h => h.Code));
        Assert.True(read.Booking.Open);
        // Slots are in UTC: 10:00 in Seoul is 01:00Z.
        await using var db = await DbAsync();
        var first = await db.TimeSlots.Where(s => s.Event.Slug == slug).OrderBy(s => s.StartsAt).FirstAsync(Ct);
        Assert.Equal(new DateTimeOffset(2027, 10, 14, 1, 0, 0, TimeSpan.Zero), first.StartsAt);
    }

    [Fact]
    public async Task The_booking_route_knows_an_event_created_after_its_address_was_first_asked_for()
    {
        // The booking route remembers an event's id by its address; an address not found yet must not be remembered.
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();
        var booking = new BookMeetingRequest(1, 1, 1);

        var before = await organizer.PostAsJsonAsync($"/api/events/{slug}/meetings", booking, Ct);
        await CreateAsync(organizer, slug);
        var after = await organizer.PostAsJsonAsync($"/api/events/{slug}/meetings", booking, Ct);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("event_not_found", (await before.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        // Now the event is found, and the booking is refused for what it asks (participant 1 is not part of this new event).
        Assert.Equal("participant_not_found", (await after.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_edit_changes_names_venue_and_halls()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();
        await CreateAsync(organizer, slug);

        var edited = Incheon(slug) with
        {
            NameEn = "Korea Business EXPO Incheon 2027 (autumn)", VenueKo = "인천 송도컨벤시아",
            Halls = [new HallForm("A", "A홀", "Hall A", 24, 12), new HallForm("B", "B홀", "Hall B", 10, 10)],
        };
        var response = await organizer.PutAsJsonAsync($"/api/events/{slug}", edited, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<EventSetupView>(Json, Ct))!;
        Assert.Equal("Korea Business EXPO Incheon 2027 (autumn)", view.Form.NameEn);
        Assert.Equal("인천 송도컨벤시아", view.Form.VenueKo);
        Assert.Equal([("A", 24, 12), ("B", 10, 10)], view.Form.Halls!.Select(h => (h.Code, h.Columns, h.Rows)));
    }

    public static TheoryData<string, string> InvalidForms => new()
    {
        { "name", "event_name_required" }, { "dates", "invalid_dates" }, { "zone", "invalid_time_zone" }, { "windows-zone", "invalid_time_zone" },
        { "no-days", "no_consultation_days" }, { "day-outside", "consultation_day_outside" }, { "slot", "invalid_slot_length" },
        { "hours", "invalid_day_hours" }, { "break", "invalid_break" }, { "hall", "invalid_hall" }, { "slug", "invalid_slug" },
        { "reserved-slug", "invalid_slug" }, { "two-halls", "duplicate_hall" },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task An_invalid_form_is_refused_with_the_field_s_code_and_nothing_is_created(string what, string code)
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();
        var good = Incheon(slug);
        var form = what switch
        {
            "name" => good with { NameEn = " " },
            "dates" => good with { EndDate = good.StartDate.AddDays(-1) },
            "zone" => good with { TimeZoneId = "Mars/Olympus" },
            "windows-zone" => good with { TimeZoneId = "Korea Standard Time" },
            "no-days" => good with { ConsultationDays = [] },
            "day-outside" => good with { ConsultationDays = [good.StartDate.AddDays(5)] },
            "slot" => good with { SlotMinutes = 2 },
            "hours" => good with { DayEnd = new TimeOnly(9, 0) },
            "break" => good with { Breaks = [new BreakForm(new TimeOnly(11, 0), new TimeOnly(10, 30))] },
            "hall" => good with { Halls = [new HallForm("A", "A홀", "Hall A", 0, 10)] },
            "slug" => good with { Slug = "Incheon 2027!" },
            "reserved-slug" => good with { Slug = "new" },
            "two-halls" => good with { Halls = [new HallForm("A", "A홀", "Hall A", 5, 5), new HallForm("a", "A홀", "Hall A", 5, 5)] },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var response = await organizer.PostAsJsonAsync("/api/events", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await CodeOf(response));
        await using var db = await DbAsync();
        Assert.False(await db.Events.AnyAsync(e => e.Slug == slug, Ct));
    }

    [Fact]
    public async Task A_slug_that_exists_is_refused_and_an_edit_cannot_change_it()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();
        await CreateAsync(organizer, slug);

        var again = await organizer.PostAsJsonAsync("/api/events", Incheon(slug), Ct);
        var renamed = await organizer.PutAsJsonAsync($"/api/events/{slug}", Incheon("another-slug"), Ct);

        Assert.Equal((HttpStatusCode.Conflict, "slug_taken"), (again.StatusCode, await CodeOf(again)));
        Assert.Equal((HttpStatusCode.BadRequest, "slug_fixed"), (renamed.StatusCode, await CodeOf(renamed)));
    }

    [Fact]
    public async Task A_grid_change_that_would_orphan_meetings_is_refused_naming_them_and_nothing_changes()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();
        await CreateAsync(organizer, slug);
        var (meetingId, slotId) = await MeetingAtAsync(slug, new DateOnly(2027, 10, 15), new TimeOnly(11, 30));
        var slotsBefore = await SlotIdsAsync(slug);

        // The day now ends at 11:30 and the second day is no longer a consultation day: the 11:30 slot of day two goes.
        var change = Incheon(slug) with { DayEnd = new TimeOnly(11, 30), ConsultationDays = [new DateOnly(2027, 10, 14)], NameEn = "Changed" };
        var response = await organizer.PutAsJsonAsync($"/api/events/{slug}", change, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("grid_orphans_meetings", problem.RootElement.GetProperty("code").GetString());
        var orphan = Assert.Single(problem.RootElement.GetProperty("details").EnumerateArray());
        Assert.Equal(meetingId, orphan.GetProperty("meetingId").GetInt32());
        Assert.Equal("2027-10-15", orphan.GetProperty("day").GetString());
        Assert.Equal("11:30:00", orphan.GetProperty("start").GetString());
        Assert.Equal("Kim Buyer (Buyer Inc.)", orphan.GetProperty("participant").GetProperty("en").GetString());
        Assert.Equal("Setup Test Co.", orphan.GetProperty("exhibitor").GetProperty("en").GetString());

        Assert.Equal(slotsBefore, await SlotIdsAsync(slug));
        var view = await organizer.GetFromJsonAsync<EventSetupView>($"/api/events/{slug}/settings", Json, Ct);
        Assert.Equal(("Korea Business EXPO Incheon 2027", new TimeOnly(12, 0), 2), (view!.Form.NameEn, view.Form.DayEnd, view.Form.ConsultationDays.Count));
        await using var db = await DbAsync();
        Assert.Equal(slotId, (await db.Meetings.SingleAsync(m => m.Id == meetingId, Ct)).TimeSlotId);
    }

    [Fact]
    public async Task A_grid_change_keeps_the_slots_that_stay_with_their_meetings_and_renumbers_them()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();
        await CreateAsync(organizer, slug);
        var (meetingId, slotId) = await MeetingAtAsync(slug, new DateOnly(2027, 10, 14), new TimeOnly(11, 0));
        var (cancelledId, _) = await MeetingAtAsync(slug, new DateOnly(2027, 10, 14), new TimeOnly(10, 30), cancelled: true);

        // The day starts at 09:00 (two new slots before), a break takes 10:30–11:00 (its slot held only a cancelled meeting),
        // and a third day joins: 11:00 is still a 30-minute slot on the 14th, now the fourth of the day.
        var change = Incheon(slug) with
        {
            EndDate = new DateOnly(2027, 10, 16), DayStart = new TimeOnly(9, 0),
            ConsultationDays = [new DateOnly(2027, 10, 14), new DateOnly(2027, 10, 15), new DateOnly(2027, 10, 16)],
            Breaks = [new BreakForm(new TimeOnly(10, 30), new TimeOnly(11, 0))],
        };
        var response = await organizer.PutAsJsonAsync($"/api/events/{slug}", change, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<EventSetupView>(Json, Ct))!;
        Assert.Equal(15, view.Slots); // 3 days × (09:00, 09:30, 10:00, 11:00, 11:30)
        await using var db = await DbAsync();
        var meeting = await db.Meetings.Include(m => m.TimeSlot).SingleAsync(m => m.Id == meetingId, Ct);
        Assert.Equal(slotId, meeting.TimeSlotId);
        Assert.Equal((3, new TimeOnly(11, 0)), (meeting.TimeSlot.IndexInDay, meeting.TimeSlot.LocalStart));
        Assert.False(await db.Meetings.AnyAsync(m => m.Id == cancelledId, Ct));
        var day = await db.TimeSlots.Where(s => s.Event.Slug == slug && s.Day == new DateOnly(2027, 10, 14)).OrderBy(s => s.IndexInDay)
            .Select(s => s.LocalStart).ToListAsync(Ct);
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(9, 30), new TimeOnly(10, 0), new TimeOnly(11, 0), new TimeOnly(11, 30)], day);
    }

    [Fact]
    public async Task A_hall_with_booths_cannot_be_removed_or_shrunk_under_them()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();
        await CreateAsync(organizer, slug);
        await MeetingAtAsync(slug, new DateOnly(2027, 10, 14), new TimeOnly(10, 0)); // adds booth A-01 at (1,1) 2×2

        var removed = await organizer.PutAsJsonAsync($"/api/events/{slug}", Incheon(slug) with { Halls = [new HallForm("B", "B홀", "Hall B", 5, 5)] }, Ct);
        var shrunk = await organizer.PutAsJsonAsync($"/api/events/{slug}", Incheon(slug) with { Halls = [new HallForm("A", "A홀", "Hall A", 2, 2)] }, Ct);

        Assert.Equal((HttpStatusCode.Conflict, "hall_has_booths"), (removed.StatusCode, await CodeOf(removed)));
        Assert.Equal((HttpStatusCode.BadRequest, "hall_too_small"), (shrunk.StatusCode, await CodeOf(shrunk)));
    }

    [Fact]
    public async Task Cloning_the_demo_without_exhibitors_copies_halls_booths_grid_and_rules_with_moved_dates()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var slug = NewSlug();

        var response = await organizer.PostAsJsonAsync($"/api/events/{AndongDemo.Slug}/clone",
            new CloneRequest(slug, "2027 대한민국 비즈니스 엑스포 인천", "Korea Business EXPO Incheon 2027", new DateOnly(2027, 10, 13),
                VenueKo: "송도컨벤시아", VenueEn: "Songdo Convensia", CityKo: "인천", CityEn: "Incheon"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var clone = (await response.Content.ReadFromJsonAsync<CloneResult>(Json, Ct))!;
        await using var db = await DbAsync();
        var source = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct);
        var copy = await db.Events.SingleAsync(e => e.Slug == slug, Ct);
        Assert.Equal((3, 256, 0), (clone.Halls, clone.Booths, clone.Exhibitors));
        Assert.Equal(await db.TimeSlots.CountAsync(s => s.EventId == source.Id, Ct), clone.Slots);
        Assert.Equal((new DateOnly(2027, 10, 13), new DateOnly(2027, 10, 15)), (copy.StartDate, copy.EndDate));
        Assert.Equal([new DateOnly(2027, 10, 13), new DateOnly(2027, 10, 14)], copy.ConsultationDays);
        Assert.Equal((source.SlotGrid.SlotMinutes, source.SlotGrid.DayStart, source.SlotGrid.DayEnd, source.TimeZoneId, source.CancellationCutoffHours),
            (copy.SlotGrid.SlotMinutes, copy.SlotGrid.DayStart, copy.SlotGrid.DayEnd, copy.TimeZoneId, copy.CancellationCutoffHours));
        Assert.Equal(source.SlotGrid.Breaks, copy.SlotGrid.Breaks);
        Assert.Equal("Songdo Convensia", copy.Venue.En);
        var sourceBooths = await db.Booths.Where(b => b.EventId == source.Id).OrderBy(b => b.Code).Select(b => new { b.Code, b.Zone, b.MeetingTables, b.Position.X, b.Position.Y }).ToListAsync(Ct);
        var copyBooths = await db.Booths.Where(b => b.EventId == copy.Id).OrderBy(b => b.Code).Select(b => new { b.Code, b.Zone, b.MeetingTables, b.Position.X, b.Position.Y }).ToListAsync(Ct);
        Assert.Equal(sourceBooths, copyBooths);
        Assert.False(await db.Exhibitors.AnyAsync(x => x.EventId == copy.Id, Ct));
    }

    [Fact]
    public async Task Cloning_with_exhibitors_copies_them_with_products_and_booths_but_no_meetings()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var source = NewSlug();
        await CreateAsync(organizer, source);
        await MeetingAtAsync(source, new DateOnly(2027, 10, 14), new TimeOnly(10, 0));
        var slug = NewSlug();

        var response = await organizer.PostAsJsonAsync($"/api/events/{source}/clone",
            new CloneRequest(slug, "2028 인천", "Incheon 2028", new DateOnly(2028, 10, 12), WithExhibitors: true), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = await DbAsync();
        var copy = await db.Exhibitors.Include(x => x.Products).Include(x => x.Booth).SingleAsync(x => x.Event.Slug == slug, Ct);
        Assert.Equal(("Setup Test Co.", "A-01", "220890"), (copy.Name.En, copy.Booth!.Code, copy.Products.Single().HsCode));
        Assert.Equal(["HACCP"], copy.Certifications);
        var copyId = await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync(Ct);
        Assert.False(await db.Meetings.AnyAsync(m => m.EventId == copyId, Ct));
        Assert.Equal(8, await db.TimeSlots.CountAsync(s => s.Event.Slug == slug, Ct));
    }

    [Fact]
    public async Task Booking_closed_by_an_organizer_refuses_a_buyer_s_booking_with_booking_closed_until_reopened()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        var api = $"/api/events/{AndongDemo.Slug}";
        var request = await BuyerBookingAsync(buyer);

        var closed = await organizer.PutAsJsonAsync($"{api}/booking", new { open = false, cancellationCutoffHours = 12 }, Ct);
        var refused = await buyer.PostAsJsonAsync($"{api}/meetings", request, Ct);
        var reopened = await organizer.PutAsJsonAsync($"{api}/booking", new { open = true, cancellationCutoffHours = 12 }, Ct);
        var booked = await buyer.PostAsJsonAsync($"{api}/meetings", request, Ct);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "booking_closed"), (refused.StatusCode, await CodeOf(refused)));
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        await using var db = await DbAsync();
        Assert.Equal(12, (await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct)).CancellationCutoffHours);
    }

    [Fact]
    public async Task A_cut_off_out_of_range_is_refused()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await organizer.PutAsJsonAsync($"/api/events/{AndongDemo.Slug}/booking", new { open = true, cancellationCutoffHours = 400 }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_cutoff"), (response.StatusCode, await CodeOf(response)));
    }

    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/events" }, { "PUT", $"/api/events/{AndongDemo.Slug}" }, { "GET", $"/api/events/{AndongDemo.Slug}/settings" },
        { "POST", $"/api/events/{AndongDemo.Slug}/clone" }, { "PUT", $"/api/events/{AndongDemo.Slug}/booking" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Set_up_routes_are_for_organizers_only(string method, string path)
    {
        using var anonymous = fixture.App.CreateBrowserlessClient();
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        using var exhibitor = await fixture.App.SignInAsync("exhibitor@expo.demo");

        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { open = false, cancellationCutoffHours = 1 }) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.SendAsync(Request(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exhibitor.SendAsync(Request(), Ct)).StatusCode);
        await using var db = await DbAsync();
        Assert.True((await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct)).BookingOpen);
    }

    [Theory]
    [InlineData("/events/new")]
    [InlineData($"/events/{AndongDemo.Slug}/settings")]
    public async Task The_set_up_pages_send_anonymous_users_to_sign_in_and_others_to_access_denied(string path)
    {
        using var anonymous = fixture.App.CreateBrowserlessClient();
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        using var exhibitor = await fixture.App.SignInAsync("exhibitor@expo.demo");
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var toSignIn = await anonymous.GetAsync(path, Ct);
        Assert.StartsWith("/account/login", toSignIn.Headers.Location!.PathAndQuery);
        foreach (var client in new[] { buyer, exhibitor })
        {
            var denied = await client.GetAsync(path, Ct);
            Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery);
        }
        var page = await organizer.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"event-save\"", await page.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_service_refuses_a_non_organizer_even_without_HTTP()
    {
        var setup = fixture.App.Services.GetRequiredService<EventSetup>();
        var buyer = new Application.Common.Actor("u", false, null, 1);

        var created = await setup.CreateAsync(buyer, Incheon(NewSlug()), Ct);
        var closed = await setup.SetBookingAsync(buyer, 1, new BookingRules(false, 1), Ct);

        Assert.Equal("not_organizer", created.Error?.Code);
        Assert.Equal("not_organizer", closed.Error?.Code);
    }

    [Fact]
    public async Task The_set_up_routes_are_in_the_OpenAPI_document()
    {
        using var client = fixture.App.CreateBrowserlessClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Ct);

        foreach (var id in new[] { "CreateEvent", "UpdateEvent", "CloneEvent", "SetEventBooking" })
            Assert.Contains($"\"operationId\": \"{id}\"", document);
    }

    // ---- helpers ----

    private async Task CreateAsync(HttpClient organizer, string slug)
    {
        var response = await organizer.PostAsJsonAsync("/api/events", Incheon(slug), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// A meeting in the event's slot at that day and time: booth A-01, exhibitor "Setup Test Co." and participant
    /// "Kim Buyer" are added the first time.
    /// </summary>
    private async Task<(int MeetingId, int SlotId)> MeetingAtAsync(string slug, DateOnly day, TimeOnly start, bool cancelled = false)
    {
        await using var db = await DbAsync();
        var expo = await db.Events.SingleAsync(e => e.Slug == slug, Ct);
        var slot = await db.TimeSlots.SingleAsync(s => s.EventId == expo.Id && s.Day == day && s.LocalStart == start, Ct);
        var exhibitor = await db.Exhibitors.FirstOrDefaultAsync(x => x.EventId == expo.Id, Ct);
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.EventId == expo.Id, Ct);
        if (exhibitor is null)
        {
            var hall = await db.Halls.SingleAsync(h => h.EventId == expo.Id && h.Code == "A", Ct);
            var booth = new Booth(hall, "A-01", 9, new FloorPosition(1, 1, 2, 2), 2, nameof(Industry.ProcessedFood));
            exhibitor = new Exhibitor(expo, new LocalizedText("셋업테스트", "Setup Test Co."), new LocalizedText("소주", "Soju"), "KR", "KR-28",
                new LocalizedText("인천", "Incheon"), Industry.ProcessedFood, CompanySize.Small, new ContactPerson("김", "setup@test.example", null));
            exhibitor.AddProduct(new Product(new LocalizedText("소주", "Soju"), new LocalizedText("", "Distilled"), HsCode.Parse("220890")));
            exhibitor.SetCertifications(["HACCP"]);
            exhibitor.AssignBooth(booth);
            participant = new Participant(expo, ParticipantKind.ForeignBuyer, "Kim Buyer", "Buyer Inc.", "US", "LA",
                new DateTimeOffset(2027, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 10, 30, 0, 0, 0, TimeSpan.Zero));
            db.AddRange(booth, exhibitor, participant);
            await db.SaveChangesAsync(Ct);
        }
        var table = await db.Meetings.CountAsync(m => m.TimeSlotId == slot.Id, Ct) + 1;
        var meeting = new Meeting(expo.Id, participant!.Id, exhibitor.Id, slot.Id, table, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow);
        if (cancelled) meeting.MoveTo(MeetingStatus.Cancelled, DateTimeOffset.UtcNow);
        await db.Meetings.AddAsync(meeting, Ct);
        await db.SaveChangesAsync(Ct);
        return (meeting.Id, slot.Id);
    }

    /// <summary>A booking the buyer may make: a free slot of an exhibitor that shares a language with it.</summary>
    private async Task<BookMeetingRequest> BuyerBookingAsync(HttpClient buyer)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("buyer@expo.demo");
        var buyerId = user!.ParticipantId!.Value;
        await using var db = await DbAsync();
        var languages = await db.Participants.Where(p => p.Id == buyerId).Select(p => p.Languages).SingleAsync(Ct);
        var exhibitors = await db.Exhibitors.Where(x => x.Event.Slug == AndongDemo.Slug && x.Booth != null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Languages }).ToListAsync(Ct);
        var exhibitorId = exhibitors.Where(x => ExpoPortal.Matching.Model.LanguageRules.Shared(x.Languages, languages)).Skip(7).First().Id;
        var slots = await buyer.GetFromJsonAsync<List<JsonElement>>($"/api/events/{AndongDemo.Slug}/exhibitors/{exhibitorId}/slots", Ct);
        var slotId = slots!.First(s => s.GetProperty("state").GetString() == "free").GetProperty("slotId").GetInt32();
        return new BookMeetingRequest(buyerId, exhibitorId, slotId);
    }

    private async Task<List<int>> SlotIdsAsync(string slug)
    {
        await using var db = await DbAsync();
        return await db.TimeSlots.Where(s => s.Event.Slug == slug).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(Ct);
    }

    private async Task<AppDbContext> DbAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
