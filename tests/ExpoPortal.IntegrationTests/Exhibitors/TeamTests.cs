using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ExpoPortal.IntegrationTests.Exhibitors;

/// <summary>The portal with an in-process SMTP server, for the team's invitation mails.</summary>
public sealed class TeamFixture(PostgresServer postgres) : MailingAppFixture(postgres);

/// <summary>
/// An exhibitor's team over HTTP on the demo event: the primary contact (exhibitor@) invites a colleague, whose
/// invitation mail reaches that address alone and whose link makes a working sign-in of the same company; only the
/// primary contact manages the team; every meeting has an owner of the team, and a colleague who leaves leaves its
/// meetings unowned, not cancelled.
/// </summary>
public sealed class TeamTests(TeamFixture fixture) : IClassFixture<TeamFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_primary_contact_invites_a_colleague_who_gets_the_mail_alone_and_signs_in_to_the_same_company()
    {
        using var primary = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var companyId = (await primary.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!["id"]!.GetValue<int>();

        using var invited = await primary.PostAsJsonAsync("/api/my/team", new TeamInvite("export.staff@dongbang.example", "이수민 / Sumin Lee"), Ct);

        Assert.True(invited.StatusCode == HttpStatusCode.Created, await invited.Content.ReadAsStringAsync(Ct));
        var mail = await MailToAsync("export.staff@dongbang.example");
        Assert.Single(mail.To.Mailboxes); // not the company's other sign-ins: the link sets this person's password
        Assert.Contains("팀에 초대되었습니다", mail.Subject); // a Korean company reads Korean
        var link = LinkIn(mail.TextBody ?? mail.HtmlBody ?? string.Empty);
        Assert.DoesNotContain(await BellAsync(companyId), n => n.Kind == NotificationKind.AccountInvitation);

        // The colleague follows the link, sets a password and works the same company's listing and schedule.
        using var anonymous = fixture.App.CreateBrowserlessClient();
        var page = await anonymous.GetStringAsync(link, Ct);
        using var set = await anonymous.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "set-password",
            ["__RequestVerificationToken"] = ExpoApp.AntiforgeryTokenIn(page),
            ["Input.Password"] = "Colleague-2027!",
            ["Input.Confirm"] = "Colleague-2027!",
        }), Ct);
        Assert.Contains("set-password-done", await set.Content.ReadAsStringAsync(Ct));
        using var colleague = await fixture.App.SignInAsync("export.staff@dongbang.example", "Colleague-2027!");
        Assert.Equal(companyId, (await colleague.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!["id"]!.GetValue<int>());
        // A new sign-in is asked for its consent before the pages (as every exhibitor's staff is).
        using (var schedule = await colleague.GetAsync("/my/schedule", Ct))
            Assert.Contains("/account/consent", schedule.Headers.Location?.ToString() ?? $"{(int)schedule.StatusCode}");

        var team = (await colleague.GetFromJsonAsync<JsonArray>("/api/my/team", Ct))!;
        var me = team.Single(m => m!["email"]!.GetValue<string>() == "export.staff@dongbang.example")!;
        Assert.True(me["hasSignedIn"]!.GetValue<bool>());
        Assert.False(me["isPrimaryContact"]!.GetValue<bool>());
        Assert.True(team[0]!["isPrimaryContact"]!.GetValue<bool>());
        Assert.Equal("exhibitor@expo.demo", team[0]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_primary_contact_manages_the_team_and_bad_invitations_are_refused_with_their_reason()
    {
        using var primary = await fixture.App.SignInAsync("exhibitor@expo.demo");
        using var colleague = await fixture.App.SignInAsync("colleague@expo.demo");
        using var otherCompany = await fixture.App.SignInAsync("exhibitor2@expo.demo");
        var team = (await primary.GetFromJsonAsync<JsonArray>("/api/my/team", Ct))!;
        var colleagueId = team.Single(m => m!["email"]!.GetValue<string>() == "colleague@expo.demo")!["userId"]!.GetValue<string>();
        var primaryId = team.Single(m => m!["isPrimaryContact"]!.GetValue<bool>())!["userId"]!.GetValue<string>();

        await AssertRefusedAsync(await colleague.PostAsJsonAsync("/api/my/team", new TeamInvite("someone@dongbang.example", "Someone"), Ct), HttpStatusCode.Forbidden, "primary_contact_only");
        await AssertRefusedAsync(await colleague.DeleteAsync($"/api/my/team/{primaryId}", Ct), HttpStatusCode.Forbidden, "primary_contact_only");
        await AssertRefusedAsync(await otherCompany.DeleteAsync($"/api/my/team/{colleagueId}", Ct), HttpStatusCode.NotFound, "staff_not_found");
        await AssertRefusedAsync(await primary.DeleteAsync($"/api/my/team/{primaryId}", Ct), HttpStatusCode.BadRequest, "cannot_remove_primary");
        await AssertRefusedAsync(await primary.PostAsJsonAsync("/api/my/team", new TeamInvite("buyer@expo.demo", "A buyer"), Ct), HttpStatusCode.Conflict, "email_in_use");
        await AssertRefusedAsync(await primary.PostAsJsonAsync("/api/my/team", new TeamInvite("not an address", "X"), Ct), HttpStatusCode.BadRequest, "invalid_email");
        await AssertRefusedAsync(await primary.PostAsJsonAsync("/api/my/team", new TeamInvite("nameless@dongbang.example", " "), Ct), HttpStatusCode.BadRequest, "staff_name_required");

        // Nothing of the refused invitations was made.
        var after = (await primary.GetFromJsonAsync<JsonArray>("/api/my/team", Ct))!.Select(m => m!["email"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("someone@dongbang.example", after);
        Assert.DoesNotContain("nameless@dongbang.example", after);
        Assert.Contains("colleague@expo.demo", after);
    }

    [Fact]
    public async Task A_meeting_is_given_to_a_member_of_the_team_and_is_flagged_unowned_when_that_colleague_leaves()
    {
        using var primary = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var companyId = (await primary.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!["id"]!.GetValue<int>();
        // A colleague of its own, so that removing it leaves the demo's colleague to the other tests.
        using (var invited = await primary.PostAsJsonAsync("/api/my/team", new TeamInvite("owner.test@dongbang.example", "Owner Test"), Ct))
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var team = (await primary.GetFromJsonAsync<JsonArray>("/api/my/team", Ct))!;
        var ownerId = team.Single(m => m!["email"]!.GetValue<string>() == "owner.test@dongbang.example")!["userId"]!.GetValue<string>();
        var meetingId = await BookMeetingAtAsync(companyId);
        using var otherCompany = await fixture.App.SignInAsync("exhibitor2@expo.demo");
        var strangerId = (await otherCompany.GetFromJsonAsync<JsonArray>("/api/my/team", Ct))![0]!["userId"]!.GetValue<string>();
        var ownerUrl = $"/api/events/{AndongDemo.Slug}/meetings/{meetingId}/owner";

        Assert.Contains("data-testid=\"meeting-unowned\"", await primary.GetStringAsync("/my/schedule", Ct));
        using (var set = await primary.PutAsJsonAsync(ownerUrl, new { userId = ownerId }, Ct)) Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(ownerId, (await ScheduleAsync(companyId)).Single(m => m.MeetingId == meetingId).OwnerUserId);
        await AssertRefusedAsync(await primary.PutAsJsonAsync(ownerUrl, new { userId = strangerId }, Ct), HttpStatusCode.BadRequest, "not_a_colleague");
        await AssertRefusedAsync(await otherCompany.PutAsJsonAsync(ownerUrl, new { userId = strangerId }, Ct), HttpStatusCode.NotFound, "meeting_not_found");
        Assert.Equal(ownerId, (await ScheduleAsync(companyId)).Single(m => m.MeetingId == meetingId).OwnerUserId);

        using (var removed = await primary.DeleteAsync($"/api/my/team/{ownerId}", Ct)) Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        var meeting = (await ScheduleAsync(companyId)).Single(m => m.MeetingId == meetingId);
        Assert.Null(meeting.OwnerUserId);
        Assert.True(meeting.Status.HoldsSlot());
        Assert.Contains("data-testid=\"meeting-unowned\"", await primary.GetStringAsync("/my/schedule", Ct));
        await using var db = await DbAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "meeting.owner" && a.Subject == $"meeting:{meetingId}", Ct));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "team.removed" && a.Subject == $"exhibitor:{companyId}", Ct));
        Assert.False(await db.Users.AnyAsync(u => u.Email == "owner.test@dongbang.example", Ct));
    }

    private async Task<int> BookMeetingAtAsync(int exhibitorId)
    {
        await using var db = await DbAsync();
        var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
        var booking = fixture.App.Services.GetRequiredService<MeetingBooking>();
        var busy = await db.Meetings.Where(m => m.ExhibitorId == exhibitorId).Select(m => m.ParticipantId).ToListAsync(Ct);
        var buyers = await db.Participants.Where(p => p.EventId == eventId && !busy.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id).Take(60).ToListAsync(Ct);
        foreach (var buyer in buyers)
        {
            var slots = await booking.SlotsAsync(new Actor("t", false, null, buyer), eventId, exhibitorId, Ct);
            foreach (var slot in slots.Value.Where(s => s.State == SlotState.Free).Take(2))
            {
                var booked = await booking.BookAsync(TestActors.Secretariat, eventId, new BookMeetingRequest(buyer, exhibitorId, slot.SlotId), Ct);
                if (booked.Succeeded) return booked.Value.Id;
            }
        }
        throw new InvalidOperationException("No buyer of the demo could book this exhibitor.");
    }

    private async Task<IReadOnlyList<BoothMeeting>> ScheduleAsync(int exhibitorId) =>
        (await fixture.App.Services.GetRequiredService<MeetingBooking>().BoothScheduleAsync(new Actor("t", false, exhibitorId, null), exhibitorId, Ct)).Value.Meetings;

    private async Task<IReadOnlyList<NotificationView>> BellAsync(int exhibitorId) =>
        await fixture.App.Services.GetRequiredService<NotificationCenter>().LatestAsync(new Actor("t", false, exhibitorId, null), 100, Ct);

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            Assert.True(response.StatusCode == status, $"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]!.GetValue<string>());
        }
    }

    private Task<MimeMessage> MailToAsync(string address) => fixture.MailToAsync(address, subjectStart: null, Ct);

    /// <summary>The set-password link of the mail, as a path of the portal.</summary>
    private static string LinkIn(string body)
    {
        var at = body.IndexOf("account/set-password?", StringComparison.Ordinal);
        Assert.True(at >= 0, "the mail holds the set-password link");
        var end = body.IndexOfAny([' ', '\r', '\n', '"', '<'], at);
        return "/" + System.Net.WebUtility.HtmlDecode(body[at..(end < 0 ? body.Length : end)]);
    }

    private async Task<AppDbContext> DbAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
