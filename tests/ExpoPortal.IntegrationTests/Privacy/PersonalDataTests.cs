using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Privacy;
using ExpoPortal.Application.Results;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Privacy;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Privacy;

/// <summary>
/// Personal data under PIPA, on the demo database in PostgreSQL: consents per purpose, appended and audited; what a
/// person did not consent to is not planned, shown to exhibitors or printed; export and erasure on request.
/// </summary>
public sealed class PersonalDataTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Buyer = "buyer@expo.demo";

    private sealed record Demo(ExpoApp App, int EventId, int BuyerId, string BuyerUserId, int ExhibitorId, string ExhibitorUserId) : IAsyncDisposable
    {
        public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private async Task<Demo> StartAsync()
    {
        var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
        var buyer = await db.Users.SingleAsync(u => u.Email == Buyer, Ct);
        var staff = await db.Users.SingleAsync(u => u.Email == "exhibitor@expo.demo", Ct);
        return new Demo(app, eventId, buyer.ParticipantId!.Value, buyer.Id, staff.ExhibitorId!.Value, staff.Id);
    }

    private static Actor BuyerActor(Demo d) => new(d.BuyerUserId, false, null, d.BuyerId, "Demo buyer");
    private static Actor StaffActor(Demo d) => new(d.ExhibitorUserId, false, d.ExhibitorId, null, "Demo exhibitor");

    private static async Task<int> BookAsync(Demo d, int exhibitorId)
    {
        var booking = d.Get<MeetingBooking>();
        var free = (await booking.SlotsAsync(BuyerActor(d), d.EventId, exhibitorId, Ct)).Value.Where(s => s.State == SlotState.Free).ToList();
        foreach (var slot in free)
            if (await booking.BookAsync(TestActors.Secretariat, d.EventId, new BookMeetingRequest(d.BuyerId, exhibitorId, slot.SlotId), Ct) is { Succeeded: true } booked)
                return booked.Value.Id;
        throw new InvalidOperationException("no free slot for the demo buyer");
    }

    [Fact]
    public async Task Consents_are_appended_per_purpose_the_latest_counts_unchanged_answers_add_nothing_and_each_change_is_audited()
    {
        await using var d = await StartAsync();
        var consents = d.Get<Consents>();
        var before = (await consents.GetAsync(BuyerActor(d), Ct)).Value;
        Assert.True(before.Answered);
        Assert.Equal(ConsentPurposes.ForParticipants, before.Purposes.Select(p => p.Purpose));

        var first = await consents.RecordAsync(BuyerActor(d), new Dictionary<string, bool> { ["share_profile"] = false }, ConsentMethods.AccountPage, Ct);
        Assert.True(first.Succeeded);
        Assert.False(first.Value.Grants(ConsentPurposes.ShareProfile));
        Assert.True(first.Value.Grants(ConsentPurposes.Matching));
        // The same answer again records nothing; a change back appends a row, never updates one.
        await consents.RecordAsync(BuyerActor(d), new Dictionary<string, bool> { ["share_profile"] = false }, ConsentMethods.AccountPage, Ct);
        var again = await consents.RecordAsync(BuyerActor(d), new Dictionary<string, bool> { ["share_profile"] = true }, ConsentMethods.Api, Ct);
        Assert.True(again.Value.Grants(ConsentPurposes.ShareProfile));
        Assert.Equal("unknown_purpose", (await consents.RecordAsync(BuyerActor(d), new Dictionary<string, bool> { ["directory_book"] = true }, ConsentMethods.Api, Ct)).Error?.Code);
        Assert.Equal("no_consent_asked", (await consents.GetAsync(TestActors.Secretariat, Ct)).Error?.Code);

        await using var scope = d.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var history = await db.ConsentRecords.Where(c => c.ParticipantId == d.BuyerId && c.Purpose == ConsentPurposes.ShareProfile).OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.Equal([true, false, true], history.Select(c => c.Granted));
        Assert.Equal([ConsentMethods.DemoData, ConsentMethods.AccountPage, ConsentMethods.Api], history.Select(c => c.Method));
        Assert.All(history, c => Assert.Equal(PrivacyPolicy.Version, c.PolicyVersion));
        var audit = await db.AuditLog.Where(a => a.Subject == $"participant:{d.BuyerId}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal([AuditActions.ConsentWithdrawn, AuditActions.ConsentGranted], audit);
    }

    [Fact]
    public async Task A_participant_who_has_not_answered_is_sent_to_the_consent_page_until_answering_and_the_policy_is_public()
    {
        await using var d = await StartAsync();
        await using (var scope = d.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.ConsentRecords.Where(c => c.ParticipantId == d.BuyerId).ExecuteDeleteAsync(Ct);
        }
        var client = await d.App.SignInAsync(Buyer);
        var agenda = await client.GetAsync("/my/agenda", Ct);
        Assert.Equal(HttpStatusCode.Redirect, agenda.StatusCode);
        Assert.Equal("/account/consent?returnUrl=%2Fmy%2Fagenda", agenda.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/consent", Ct)).StatusCode);
        // Nothing was consented to meanwhile: the buyer is not planned.
        var instance = await d.Get<MatchInstanceBuilder>().BuildAsync(d.EventId, Ct);
        Assert.DoesNotContain(instance!.Participants, p => p.Id == MatchIds.Participant(d.BuyerId) && p.Profile is not null);

        var answered = await client.PutAsJsonAsync("/api/me/consents", new Dictionary<string, bool> { ["matching"] = true, ["share_profile"] = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my/agenda", Ct)).StatusCode);

        // Staff of an exhibitor answer their own question; organizers are asked nothing and never redirected.
        var organizer = await d.App.SignInAsync("organizer@expo.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await organizer.GetAsync("/api/me/consents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync($"/events/{AndongDemo.Slug}/audit", Ct)).StatusCode);
        var staff = await d.App.SignInAsync("exhibitor@expo.demo");
        var staffConsents = await staff.GetFromJsonAsync<JsonElement>("/api/me/consents", Ct);
        Assert.Equal("directory_book", staffConsents.GetProperty("purposes")[0].GetProperty("purpose").GetString());

        var policy = await d.App.CreateBrowserlessClient().GetStringAsync("/privacy", Ct);
        foreach (var section in (string[])["privacy-purposes", "privacy-items", "privacy-retention", "privacy-thirdparties", "privacy-entrustment", "privacy-rights", "privacy-officer", "privacy-version"])
            Assert.Contains($"data-testid=\"{section}\"", policy);
        var korean = d.App.CreateBrowserlessClient();
        korean.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");
        Assert.Contains("개인정보 보호책임자", await korean.GetStringAsync("/privacy", Ct));
    }

    [Fact]
    public async Task Without_consent_to_matching_a_participant_is_left_out_of_the_instance_and_one_holding_a_meeting_is_a_bare_placeholder()
    {
        await using var d = await StartAsync();
        int other;
        await using (var scope = d.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            other = await db.Participants.Where(p => p.EventId == d.EventId && p.Id != d.BuyerId
                    && !db.Meetings.Any(m => m.ParticipantId == p.Id) && db.MeetingWishes.Any(w => w.ParticipantId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            db.ConsentRecords.Add(ConsentRecord.OfParticipant(d.EventId, other, null, ConsentPurposes.Matching, false, PrivacyPolicy.Version, ConsentMethods.Api, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(Ct);
        }
        var exhibitorC = await AnotherExhibitorAsync(d);
        await BookAsync(d, exhibitorC);
        await d.Get<Consents>().RecordAsync(BuyerActor(d), new Dictionary<string, bool> { ["matching"] = false }, ConsentMethods.AccountPage, Ct);

        var instance = (await d.Get<MatchInstanceBuilder>().BuildAsync(d.EventId, Ct))!;
        Assert.DoesNotContain(instance.Participants, p => p.Id == MatchIds.Participant(other));
        Assert.DoesNotContain(instance.Exhibitors, x => x.Profile!.Wishlist.MustMeet.Concat(x.Profile.Wishlist.WouldLike).Contains(MatchIds.Participant(other)));
        var placeholder = Assert.Single(instance.Participants, p => p.Id == MatchIds.Participant(d.BuyerId));
        Assert.Null(placeholder.Profile);
        await using (var scope = d.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(await db.Meetings.CountAsync(m => m.ParticipantId == d.BuyerId && MeetingStatuses.HoldingSlot.Contains(m.Status) && m.Status != MeetingStatus.Proposed, Ct),
                placeholder.MaxMeetings);
        }
        // Everyone else is still planned.
        Assert.True(instance.Participants.Count(p => p.Profile is not null) >= 990);
    }

    [Fact]
    public async Task Without_consent_to_share_the_profile_exhibitors_see_only_a_buyer_on_their_schedule_and_requests_while_organizers_see_the_name()
    {
        await using var d = await StartAsync();
        var meetingId = await BookAsync(d, d.ExhibitorId);
        var booking = d.Get<MeetingBooking>();
        var shared = (await booking.BoothScheduleAsync(StaffActor(d), d.ExhibitorId, Ct)).Value.Meetings.Single(m => m.MeetingId == meetingId);
        Assert.True(shared.ProfileShared);
        Assert.NotEqual(ProfileSharing.AnonymousBuyer, shared.Visitor);

        await d.Get<Consents>().RecordAsync(BuyerActor(d), new Dictionary<string, bool> { ["share_profile"] = false }, ConsentMethods.AccountPage, Ct);
        var hidden = (await booking.BoothScheduleAsync(StaffActor(d), d.ExhibitorId, Ct)).Value.Meetings.Single(m => m.MeetingId == meetingId);
        Assert.Equal(ProfileSharing.AnonymousBuyer, hidden.Visitor);
        Assert.Equal((string.Empty, 0, 0), (hidden.CountryCode, hidden.Languages.Count, hidden.HsInterests.Count));
        Assert.Equal(shared.StartsAt, hidden.StartsAt); // what the meeting needs stays
        var asOrganizer = (await booking.BoothScheduleAsync(TestActors.Secretariat, d.ExhibitorId, Ct)).Value.Meetings.Single(m => m.MeetingId == meetingId);
        Assert.Equal(shared.Visitor, asOrganizer.Visitor);

        // A request from the buyer reaches the exhibitor as "a buyer", in the list and in the bell.
        var other = await AnotherExhibitorAsync(d, except: d.ExhibitorId);
        var requests = d.Get<MeetingRequests>();
        Assert.True((await requests.SendAsync(BuyerActor(d), d.EventId, new SendRequest(other, null, "Hello", null), Ct)).Succeeded);
        var received = Assert.Single(await requests.MineAsync(new Actor(d.ExhibitorUserId, false, other, null), Ct));
        Assert.Equal(ProfileSharing.AnonymousBuyer, received.Participant);
        Assert.NotEqual(ProfileSharing.AnonymousBuyer, Assert.Single(await requests.MineAsync(BuyerActor(d), Ct), r => r.ExhibitorId == other).Participant);
        await using (var scope = d.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var bell = await db.Notifications.Where(n => n.ExhibitorId == other && n.Kind == Domain.Notifications.NotificationKind.RequestReceived).SingleAsync(Ct);
            var buyerName = await db.Participants.Where(p => p.Id == d.BuyerId).Select(p => p.FullName).SingleAsync(Ct);
            Assert.DoesNotContain(buyerName, bell.Title.En + bell.Body.En + bell.Title.Ko + bell.Body.Ko);
        }
    }

    [Fact]
    public async Task A_booking_tells_the_exhibitor_the_buyers_name_only_while_the_buyer_shares_the_profile()
    {
        await using var d = await StartAsync();
        var withConsent = await AnotherExhibitorAsync(d, except: d.ExhibitorId);
        await BookAsync(d, withConsent);
        await d.Get<Consents>().RecordAsync(BuyerActor(d), new Dictionary<string, bool> { ["share_profile"] = false }, ConsentMethods.AccountPage, Ct);
        var withdrawn = await AnotherExhibitorAsync(d, except: withConsent);
        await BookAsync(d, withdrawn);

        await using var scope = d.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var buyerName = await db.Participants.Where(p => p.Id == d.BuyerId).Select(p => p.FullName).SingleAsync(Ct);
        async Task<string> BellOf(int exhibitorId) => await db.Notifications
            .Where(n => n.ExhibitorId == exhibitorId && n.Kind == Domain.Notifications.NotificationKind.MeetingBooked)
            .Select(n => n.Title.En + " " + n.Body.En).SingleAsync(Ct);
        Assert.Contains(buyerName, await BellOf(withConsent));
        var anonymous = await BellOf(withdrawn);
        Assert.DoesNotContain(buyerName, anonymous);
        Assert.Contains(ProfileSharing.AnonymousBuyer.En, anonymous);
    }

    [Fact]
    public async Task The_directory_book_prints_a_contact_person_only_with_a_staff_members_consent()
    {
        await using var d = await StartAsync();
        var book = d.Get<DirectoryBook>();
        var withConsent = (await book.DataAsync(d.EventId, Ct)).Exhibitors.Single(x => x.Id == d.ExhibitorId);
        Assert.NotEmpty(withConsent.ContactName);
        // A company none of whose staff consented keeps its listing in the book, without the person.
        var noStaff = (await book.DataAsync(d.EventId, Ct)).Exhibitors.Where(x => x.Id != d.ExhibitorId).ToList();
        Assert.Contains(noStaff, x => x.ContactName.Length == 0 && x.ContactEmail.Length == 0 && x.ContactPhone is null && x.Name.En.Length > 0);

        // The company's primary contact withdraws: its colleague's consent still prints the person; once both withdraw, it does not.
        var withdrawn = await d.Get<Consents>().RecordAsync(StaffActor(d), new Dictionary<string, bool> { ["directory_book"] = false }, ConsentMethods.AccountPage, Ct);
        Assert.True(withdrawn.Succeeded);
        Assert.NotEmpty((await book.DataAsync(d.EventId, Ct)).Exhibitors.Single(x => x.Id == d.ExhibitorId).ContactName);
        await using (var scope = d.App.Services.CreateAsyncScope())
        {
            var colleague = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == "colleague@expo.demo", Ct);
            Assert.Equal(d.ExhibitorId, colleague.ExhibitorId);
            var alsoWithdrawn = await d.Get<Consents>().RecordAsync(new Actor(colleague.Id, false, d.ExhibitorId, null, "Colleague"),
                new Dictionary<string, bool> { ["directory_book"] = false }, ConsentMethods.AccountPage, Ct);
            Assert.True(alsoWithdrawn.Succeeded);
        }
        var after = (await book.DataAsync(d.EventId, Ct)).Exhibitors.Single(x => x.Id == d.ExhibitorId);
        Assert.Equal((string.Empty, string.Empty, (string?)null), (after.ContactName, after.ContactEmail, after.ContactPhone));
        Assert.Equal(withConsent.Name, after.Name);
    }

    [Fact]
    public async Task A_person_downloads_their_own_data_and_nobody_elses()
    {
        await using var d = await StartAsync();
        var meetingId = await BookAsync(d, d.ExhibitorId);
        var client = await d.App.SignInAsync(Buyer);
        var response = await client.GetAsync("/api/me/data", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(Buyer, json.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(d.BuyerId, json.GetProperty("participant").GetProperty("id").GetInt32());
        Assert.Contains(json.GetProperty("meetings").EnumerateArray(), m => m.GetProperty("id").GetInt32() == meetingId);
        Assert.Equal(2, json.GetProperty("consents").GetArrayLength());

        await using var scope = d.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var text = json.GetRawText();
        Assert.Equal(await db.MeetingWishes.CountAsync(w => w.ParticipantId == d.BuyerId, Ct), json.GetProperty("wishes").GetArrayLength());
        var others = await db.Participants.Where(p => p.EventId == d.EventId && p.Id != d.BuyerId).Select(p => p.Email).Where(e => e != null).Take(200).ToListAsync(Ct);
        Assert.DoesNotContain(others, e => text.Contains(e!, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("member@expo.demo", text);
        Assert.All(json.GetProperty("meetings").EnumerateArray(), m => Assert.True(
            db.Meetings.Any(x => x.Id == m.GetProperty("id").GetInt32() && x.ParticipantId == d.BuyerId)));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == AuditActions.PersonalDataExported && a.Subject == $"participant:{d.BuyerId}", Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await d.App.CreateBrowserlessClient().GetAsync("/api/me/data", Ct)).StatusCode);
    }

    [Fact]
    public async Task After_erasure_the_person_cannot_sign_in_no_personal_field_remains_and_the_meetings_still_count_in_the_results()
    {
        await using var d = await StartAsync();
        var meetingId = await BookAsync(d, d.ExhibitorId);
        var client = await d.App.SignInAsync(Buyer);
        Assert.True((await client.PutAsJsonAsync("/api/me/consents", new Dictionary<string, bool> { ["share_profile"] = false }, Ct)).IsSuccessStatusCode);
        Assert.True((await d.Get<MeetingRequests>().SendAsync(BuyerActor(d), d.EventId, new SendRequest(await AnotherExhibitorAsync(d, except: d.ExhibitorId), null, "My phone is 010-1234-5678", null), Ct)).Succeeded);

        var erased = await client.DeleteAsync("/api/me", Ct);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await ExpoApp.SubmitLoginAsync(d.App.CreateBrowserlessClient(), Buyer, ExpoApp.DemoPassword)).StatusCode);

        await using var scope = d.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Id == d.BuyerUserId || u.Email == Buyer || u.ParticipantId == d.BuyerId, Ct));
        var row = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == d.BuyerId, Ct);
        Assert.Equal((Participant.ErasedMarker, Participant.ErasedMarker, Participant.ErasedMarker), (row.FullName, row.Company, row.City));
        Assert.Null(row.Email); Assert.Null(row.KoreanName); Assert.Null(row.Chapter); Assert.Null(row.Hotel); Assert.Null(row.InvitedById);
        Assert.Empty(row.Languages); Assert.Empty(row.HsInterests); Assert.Empty(row.CategoryInterests);
        Assert.False(await db.MeetingWishes.AnyAsync(w => w.ParticipantId == d.BuyerId, Ct));
        Assert.False(await db.MeetingRequests.AnyAsync(r => r.ParticipantId == d.BuyerId, Ct));
        Assert.False(await db.Notifications.AnyAsync(n => n.ParticipantId == d.BuyerId, Ct));
        Assert.False(await db.ConsentRecords.AnyAsync(c => c.ParticipantId == d.BuyerId || c.UserId == d.BuyerUserId, Ct));
        Assert.False(await db.AuditLog.AnyAsync(a => a.ActorUserId == d.BuyerUserId && a.ActorName != null, Ct));
        Assert.True(await db.AuditLog.AnyAsync(a => a.ActorUserId == d.BuyerUserId, Ct)); // its consent changes stay, nameless
        // No row anywhere in the portal's tables still carries the buyer's e-mail.
        Assert.Equal(0, await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM (
              SELECT 1 FROM participants WHERE email = {Buyer}
              UNION ALL SELECT 1 FROM "AspNetUsers" WHERE email = {Buyer}
              UNION ALL SELECT 1 FROM audit_log WHERE actor_name ILIKE '%buyer%' AND actor_user_id = {d.BuyerUserId}) x
            """).SingleAsync(Ct));
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, Ct);
        Assert.Equal(d.BuyerId, meeting.ParticipantId);
        var log = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.PersonalDataErased && a.Subject == $"participant:{d.BuyerId}", Ct);
        Assert.Null(log.ActorName);
        Assert.Contains("\"by\": \"self\"", log.After!.Replace("\"by\":\"self\"", "\"by\": \"self\""));
    }

    [Fact]
    public async Task An_organizer_erases_a_participant_on_request_and_the_results_report_counts_its_held_meetings_as_before()
    {
        await using var d = await StartAsync();
        await using var scope = d.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var past = await db.Events.Where(e => e.Slug == AndongPastEdition.Slug).Select(e => e.Id).SingleAsync(Ct);
        var busiest = await db.Meetings.Where(m => m.EventId == past && m.Status == MeetingStatus.Held)
            .GroupBy(m => m.ParticipantId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Ct);
        var results = d.Get<ResultsReport>();
        var before = (await results.ForEventAsync(TestActors.Secretariat, past, Ct)).Value;

        var organizer = await d.App.SignInAsync("organizer@expo.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.DeleteAsync($"/api/events/{AndongDemo.Slug}/participants/{busiest}/personal-data", Ct)).StatusCode);
        var erased = await organizer.DeleteAsync($"/api/events/{AndongPastEdition.Slug}/participants/{busiest}/personal-data", Ct);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.True((await erased.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("meetingsKept").GetInt32() > 0);

        var after = (await results.ForEventAsync(TestActors.Secretariat, past, Ct)).Value;
        Assert.Equal(before.Totals, after.Totals);
        Assert.Equal(before.ByBuyerCountry, after.ByBuyerCountry);
        Assert.Equal(before.Turnout, after.Turnout);
        Assert.Equal(Participant.ErasedMarker, await db.Participants.Where(p => p.Id == busiest).Select(p => p.FullName).SingleAsync(Ct));
        var log = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.PersonalDataErased && a.Subject == $"participant:{busiest}", Ct);
        Assert.NotNull(log.ActorUserId); // the organizer who handled the request
        Assert.Equal(HttpStatusCode.Forbidden, (await (await d.App.SignInAsync("exhibitor@expo.demo"))
            .DeleteAsync($"/api/events/{AndongPastEdition.Slug}/participants/{busiest}/personal-data", Ct)).StatusCode);
    }

    private static async Task<int> AnotherExhibitorAsync(Demo d, int? except = null)
    {
        await using var scope = d.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var booking = d.Get<MeetingBooking>();
        var candidates = await db.Exhibitors.Where(x => x.EventId == d.EventId && x.BoothId != null && x.Id != d.ExhibitorId && x.Id != except)
            .Where(x => !db.Meetings.Any(m => m.ExhibitorId == x.Id && m.ParticipantId == d.BuyerId))
            .Where(x => !db.MeetingWishes.Any(w => w.ExhibitorId == x.Id && w.ParticipantId == d.BuyerId && w.Level == WishLevel.NotInterested))
            .OrderBy(x => x.Id).Select(x => x.Id).Take(30).ToListAsync(Ct);
        foreach (var x in candidates)
            if ((await booking.SlotsAsync(BuyerActor(d), d.EventId, x, Ct)).Value.Any(s => s.State == SlotState.Free)) return x;
        throw new InvalidOperationException("no exhibitor with a free slot");
    }
}
