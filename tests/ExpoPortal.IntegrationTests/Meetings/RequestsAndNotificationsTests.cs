using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Model;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>The portal with an in-process SMTP server: requests, their answers, expiry and reminders, in-app and by mail.</summary>
public sealed class RequestsAndNotificationsFixture(PostgresServer postgres) : MailingAppFixture(postgres);

public sealed class RequestsAndNotificationsTests(RequestsAndNotificationsFixture fixture) : IClassFixture<RequestsAndNotificationsFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accepted_request_books_the_slot_and_tells_the_participant_in_the_app_and_by_mail_in_its_language()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 0);
        var asParticipant = ActorFor(participant);
        var asExhibitor = new Actor("staff", false, exhibitor, null);

        var sent = await Requests.SendAsync(asParticipant, EventId, new SendRequest(exhibitor, null, "We import sheet masks to Vietnam.", slot), Ct);
        var exhibitorUnread = await Notifications.UnreadCountAsync(asExhibitor, Ct);
        var accepted = await Requests.AcceptAsync(asExhibitor, EventId, sent.Value.Id, slot, Ct);

        Assert.True(sent.Succeeded, sent.Error?.Code);
        Assert.Equal(1, exhibitorUnread);
        Assert.True(accepted.Succeeded, accepted.Error?.Code);
        Assert.Equal(RequestStatus.Accepted, accepted.Value.Status);
        await using var db = await DbAsync();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == accepted.Value.MeetingId, Ct);
        Assert.Equal((participant, exhibitor, slot, MeetingStatus.Scheduled), (meeting.ParticipantId, meeting.ExhibitorId, meeting.TimeSlotId, meeting.Status));
        var notice = (await Notifications.LatestAsync(asParticipant, 5, Ct)).First();
        Assert.Equal(NotificationKind.RequestAccepted, notice.Kind);

    }

    [Fact]
    public async Task The_demo_buyer_gets_its_acceptance_mail_in_English_and_a_Korean_exhibitor_its_request_mail_in_Korean()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser>>();
        var buyer = (await users.FindByEmailAsync("buyer@expo.demo"))!;
        var staff = (await users.FindByEmailAsync("exhibitor@expo.demo"))!;
        var slot = await FreeSlotForAsync(buyer.ParticipantId!.Value, staff.ExhibitorId!.Value);
        await using (var db = await DbAsync())
        {
            // The demo buyer reads no Korean: its mails are in English.
            var p = await db.Participants.SingleAsync(x => x.Id == buyer.ParticipantId, Ct);
            p.Describe(p.KoreanName, p.Chapter, ["en"], p.ImportScale, p.Hotel);
            var x = await db.Exhibitors.SingleAsync(e => e.Id == staff.ExhibitorId, Ct);
            x.DescribeMarkets(x.ExportMarkets, x.TargetMarkets, ["ko", "en"]);
            await db.SaveChangesAsync(Ct);
        }

        var sent = await Requests.SendAsync(ActorFor(buyer.ParticipantId.Value), EventId, new SendRequest(staff.ExhibitorId, null, "Hello", null), Ct);
        var requestMail = await MailToAsync("exhibitor@expo.demo", subjectStart: "상담 요청");
        var accepted = await Requests.AcceptAsync(new Actor(staff.Id, false, staff.ExhibitorId, null), EventId, sent.Value.Id, slot, Ct);
        var acceptedMail = await MailToAsync("buyer@expo.demo", subjectStart: "Request accepted");

        Assert.True(accepted.Succeeded, accepted.Error?.Code);
        Assert.Contains("Hello", requestMail.TextBody);
        Assert.Contains("accepted your request", acceptedMail.TextBody);
    }

    [Fact]
    public async Task A_second_open_request_to_the_same_exhibitor_and_one_over_the_cap_are_refused()
    {
        var (participant, exhibitor, _) = await PairAsync(skip: 1);
        var actor = ActorFor(participant);
        var first = await Requests.SendAsync(actor, EventId, new SendRequest(exhibitor, null, null, null), Ct);
        var again = await Requests.SendAsync(actor, EventId, new SendRequest(exhibitor, null, null, null), Ct);
        var others = await OtherExhibitorsAsync(participant, exhibitor, count: 5);
        var results = new List<Result<RequestView>>();
        foreach (var other in others) results.Add(await Requests.SendAsync(actor, EventId, new SendRequest(other, null, null, null), Ct));

        Assert.True(first.Succeeded);
        Assert.Equal("request_pending", again.Error?.Code);
        Assert.All(results.Take(4), r => Assert.True(r.Succeeded, r.Error?.Code)); // five open in all: the event's cap
        Assert.Equal("too_many_requests", results[4].Error?.Code);
    }

    [Fact]
    public async Task Only_the_asked_side_answers_and_a_decline_tells_the_requester()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 2);
        var (_, otherExhibitor, _) = await PairAsync(skip: 3);
        var sent = await Requests.SendAsync(ActorFor(participant), EventId, new SendRequest(exhibitor, null, null, null), Ct);

        var byStranger = await Requests.AcceptAsync(new Actor("other", false, otherExhibitor, null), EventId, sent.Value.Id, slot, Ct);
        var bySelf = await Requests.AcceptAsync(ActorFor(participant), EventId, sent.Value.Id, slot, Ct);
        var declined = await Requests.DeclineAsync(new Actor("staff", false, exhibitor, null), EventId, sent.Value.Id, Ct);

        Assert.Equal("request_not_found", byStranger.Error?.Code);
        Assert.Equal("request_not_found", bySelf.Error?.Code);
        Assert.Equal(RequestStatus.Declined, declined.Value.Status);
        Assert.Equal(NotificationKind.RequestDeclined, (await Notifications.LatestAsync(ActorFor(participant), 1, Ct)).Single().Kind);
    }

    [Fact]
    public async Task An_unanswered_request_expires_and_both_sides_are_told()
    {
        var (participant, exhibitor, _) = await PairAsync(skip: 4);
        var sent = await Requests.SendAsync(ActorFor(participant), EventId, new SendRequest(exhibitor, null, null, null), Ct);

        var expired = await RequestsAt(sent.Value.ExpiresAt.AddMinutes(1)).ExpireDueAsync(Ct);

        Assert.True(expired >= 1);
        Assert.Equal(RequestStatus.Expired, (await Requests.MineAsync(ActorFor(participant), Ct)).Single(r => r.Id == sent.Value.Id).Status);
        Assert.Equal(NotificationKind.RequestExpired, (await Notifications.LatestAsync(ActorFor(participant), 1, Ct)).Single().Kind);
        Assert.Equal(NotificationKind.RequestExpired, (await Notifications.LatestAsync(new Actor("staff", false, exhibitor, null), 1, Ct)).Single().Kind);
    }

    [Fact]
    public async Task Both_sides_are_reminded_once_before_a_meeting()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 5);
        var booked = await Booking.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);
        var reminders = RemindersAt(booked.Value.StartsAt.AddMinutes(-30));

        var first = await reminders.SendDueAsync(Ct);
        var second = await reminders.SendDueAsync(Ct);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(NotificationKind.MeetingReminder, (await Notifications.LatestAsync(ActorFor(participant), 1, Ct)).Single().Kind);
        var exhibitorNotices = await Notifications.LatestAsync(new Actor("staff", false, exhibitor, null), 5, Ct);
        Assert.Equal([NotificationKind.MeetingReminder, NotificationKind.MeetingBooked], exhibitorNotices.Take(2).Select(n => n.Kind));
    }

    [Fact]
    public async Task Marking_the_bell_read_clears_the_count_of_that_party_only()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 6);
        await Booking.BookAsync(TestActors.Secretariat, EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);
        var asExhibitor = new Actor("staff", false, exhibitor, null);

        var before = await Notifications.UnreadCountAsync(asExhibitor, Ct);
        await Notifications.MarkAllReadAsync(asExhibitor, Ct);

        Assert.True(before >= 1);
        Assert.Equal(0, await Notifications.UnreadCountAsync(asExhibitor, Ct));
        Assert.True(await Notifications.UnreadCountAsync(ActorFor(participant), Ct) >= 1);
    }

    // ---- helpers ----

    private MeetingRequests Requests => fixture.App.Services.GetRequiredService<MeetingRequests>();
    private MeetingBooking Booking => fixture.App.Services.GetRequiredService<MeetingBooking>();
    private NotificationCenter Notifications => fixture.App.Services.GetRequiredService<NotificationCenter>();

    private MeetingRequests RequestsAt(DateTimeOffset now) => new(
        fixture.App.Services.GetRequiredService<IAppDbContextFactory>(), new FixedClock(now), Booking, Notifications);

    private MeetingReminders RemindersAt(DateTimeOffset now) => new(
        fixture.App.Services.GetRequiredService<IAppDbContextFactory>(), new FixedClock(now), Notifications);

    private static Actor ActorFor(int participantId) => new($"participant-{participantId}", false, null, participantId);

    private int EventId => _eventId ??= LoadEventId();
    private int? _eventId;

    private int LoadEventId()
    {
        using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return db.Events.Single(e => e.Slug == AndongDemo.Slug).Id;
    }

    private Task<MimeMessage> MailToAsync(string address, string subjectStart) => fixture.MailToAsync(address, subjectStart, Ct);

    private async Task<int> FreeSlotForAsync(int participantId, int exhibitorId)
    {
        var slots = await Booking.SlotsAsync(ActorFor(participantId), EventId, exhibitorId, Ct);
        return slots.Value.First(s => s.State == SlotState.Free).SlotId;
    }

    private async Task<List<int>> OtherExhibitorsAsync(int participantId, int except, int count)
    {
        await using var db = await DbAsync();
        return await db.Exhibitors.Where(x => x.EventId == EventId && x.Id != except).OrderByDescending(x => x.Id).Take(count).Select(x => x.Id).ToListAsync(Ct);
    }

    /// <summary>A participant present in a slot of day one and an exhibitor with a booth who share a language; each test its own.</summary>
    private async Task<(int Participant, int Exhibitor, int Slot)> PairAsync(int skip)
    {
        await using var db = await DbAsync();
        var expo = await db.Events.SingleAsync(e => e.Id == EventId, Ct);
        var day = await db.TimeSlots.Where(s => s.EventId == EventId && s.Day == expo.ConsultationDays[0]).OrderBy(s => s.IndexInDay).ToListAsync(Ct);
        var slot = day[(3 + skip) % day.Count];
        var (start, end) = (slot.StartsAt, slot.EndsAt);
        var participants = await db.Participants.Where(p => p.EventId == EventId && p.ArrivesAt <= start && p.DepartsAt >= end)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Languages }).ToListAsync(Ct);
        var participant = participants[(300 + skip * 11) % participants.Count];
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == EventId && x.Booth != null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Languages }).ToListAsync(Ct);
        var sharing = exhibitors.Where(x => LanguageRules.Shared(x.Languages, participant.Languages)).ToList();
        return (participant.Id, sharing[(50 + skip * 5) % sharing.Count].Id, slot.Id);
    }

    private Task<AppDbContext> DbAsync() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
