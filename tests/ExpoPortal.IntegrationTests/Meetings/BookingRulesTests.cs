using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Interpreters;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>Every refusal of the booking service, through the service and over HTTP, on the demo event in PostgreSQL.</summary>
public sealed class BookingRulesTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Api = $"/api/events/{AndongDemo.Slug}";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_buyer_books_a_free_slot_for_itself_and_then_sees_it_as_mine()
    {
        var buyerId = await ParticipantOfAsync("buyer@expo.demo");
        var exhibitorId = await ExhibitorSharingALanguageWithAsync(buyerId, skip: 0);
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");

        var before = await SlotsAsync(buyer, exhibitorId);
        var free = before.First(s => s.State == "free");
        var booked = await buyer.PostAsJsonAsync($"{Api}/meetings", new BookMeetingRequest(buyerId, exhibitorId, free.SlotId), Ct);
        var after = await SlotsAsync(buyer, exhibitorId);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal("mine", after.Single(s => s.SlotId == free.SlotId).State);
        Assert.All(before, s => Assert.Contains(s.State, new[] { "free", "taken", "mine", "unavailable" }));
        using var view = JsonDocument.Parse(await booked.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Scheduled", view.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Booking_closed_refuses_participants_but_organizers_still_book()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 1);
        await WithEventAsync(e => e.CloseBooking());
        try
        {
            var refused = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);
            var byOrganizer = await Service.BookAsync(Organizer, EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);

            Assert.Equal("booking_closed", refused.Error?.Code);
            Assert.True(byOrganizer.Succeeded, byOrganizer.Error?.Code);
        }
        finally
        {
            await WithEventAsync(e => e.OpenBooking());
        }
    }

    [Fact]
    public async Task A_participant_at_its_meeting_limit_is_refused_with_limit_reached()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 2);
        var (_, otherExhibitor, otherSlot) = await PairAsync(skip: 3, participantId: participant);
        await using (var db = await DbAsync())
        {
            (await db.Participants.SingleAsync(p => p.Id == participant, Ct)).SetMaxMeetings(1);
            await db.SaveChangesAsync(Ct);
        }

        var first = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);
        var second = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, otherExhibitor, otherSlot), Ct);

        Assert.True(first.Succeeded, first.Error?.Code);
        Assert.Equal("limit_reached", second.Error?.Code);
    }

    [Fact]
    public async Task An_exhibitor_at_its_meeting_limit_is_refused_with_limit_reached()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 4);
        var (otherParticipant, _, _) = await PairAsync(skip: 5);
        await using (var db = await DbAsync())
        {
            (await db.Exhibitors.SingleAsync(x => x.Id == exhibitor, Ct)).SetMeetingLimits(0, 1);
            await db.SaveChangesAsync(Ct);
        }
        var first = await Service.BookAsync(Organizer, EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);
        // Another slot where the booth still has a free table, so that only the limit can refuse.
        var laterSlot = (await Service.SlotsAsync(ActorFor(otherParticipant), EventId, exhibitor, Ct)).Value
            .First(s => s.SlotId != slot && s.State == SlotState.Free).SlotId;
        var second = await Service.BookAsync(Organizer, EventId, new BookMeetingRequest(otherParticipant, exhibitor, laterSlot), Ct);

        Assert.True(first.Succeeded, first.Error?.Code);
        Assert.Equal("limit_reached", second.Error?.Code);
    }

    [Fact]
    public async Task A_pair_without_a_shared_language_gets_an_interpreter_or_no_interpreter_free()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 6);
        var otherSlot = await SlotAsync(index: 9);
        // Make the pair speak nothing in common: Korean only at the booth, Mongolian only at the buyer's side.
        await using (var db = await DbAsync())
        {
            var x = await db.Exhibitors.SingleAsync(e => e.Id == exhibitor, Ct);
            x.DescribeMarkets(x.ExportMarkets, x.TargetMarkets, ["ko"]);
            var p = await db.Participants.SingleAsync(e => e.Id == participant, Ct);
            p.Describe(p.KoreanName, p.Chapter, ["mn"], p.ImportScale, p.Hotel);
            db.Interpreters.RemoveRange(db.Interpreters.Where(i => i.Languages.Contains("mn")));
            await db.SaveChangesAsync(Ct);
        }

        var refused = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);

        await using (var db = await DbAsync())
        {
            var expo = await db.Events.SingleAsync(e => e.Id == EventId, Ct);
            db.Interpreters.Add(new Interpreter(expo, "몽골어 통역사", ["ko", "mn"], expo.ConsultationDays));
            await db.SaveChangesAsync(Ct);
        }
        var booked = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, otherSlot), Ct);

        Assert.Equal("no_interpreter_free", refused.Error?.Code);
        Assert.True(booked.Succeeded, booked.Error?.Code);
        Assert.NotNull(booked.Value.InterpreterId);
    }

    [Fact]
    public async Task A_pair_marked_not_interested_cannot_book()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 7);
        var marked = await fixture.App.Services.GetRequiredService<Wishlist>().SetAsync(ActorFor(participant), EventId, exhibitor, WishLevel.NotInterested, Ct);

        var refused = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);

        Assert.True(marked.Succeeded);
        Assert.Equal("pair_blocked", refused.Error?.Code);
    }

    [Fact]
    public async Task A_booth_with_every_table_taken_answers_slot_taken_over_HTTP()
    {
        var (first, exhibitor, slot) = await PairAsync(skip: 8);
        var tables = await TablesOfAsync(exhibitor);
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        for (var i = 0; i < tables; i++)
        {
            var (participant, _, _) = await PairAsync(skip: 20 + i, exhibitorId: exhibitor);
            var ok = await organizer.PostAsJsonAsync($"{Api}/meetings", new BookMeetingRequest(participant, exhibitor, slot), Ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var refused = await organizer.PostAsJsonAsync($"{Api}/meetings", new BookMeetingRequest(first, exhibitor, slot), Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("slot_taken", await CodeOf(refused));
    }

    [Fact]
    public async Task A_participant_who_is_not_at_the_expo_yet_is_refused_with_participant_unavailable()
    {
        await using var db = await DbAsync();
        var firstSlot = await db.TimeSlots.Where(s => s.EventId == EventId).OrderBy(s => s.StartsAt).FirstAsync(Ct);
        var late = await db.Participants.Where(p => p.EventId == EventId && p.ArrivesAt > firstSlot.StartsAt).OrderBy(p => p.Id).FirstAsync(Ct);
        var exhibitor = await ExhibitorSharingALanguageWithAsync(late.Id, skip: 3);

        var refused = await Service.BookAsync(ActorFor(late.Id), EventId, new BookMeetingRequest(late.Id, exhibitor, firstSlot.Id), Ct);

        Assert.Equal("participant_unavailable", refused.Error?.Code);
    }

    [Fact]
    public async Task The_same_booking_sent_twice_with_one_request_id_is_booked_once()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 9);
        var request = new BookMeetingRequest(participant, exhibitor, slot, ClientRequestId: Guid.NewGuid().ToString("N"));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Service.BookAsync(ActorFor(participant), EventId, request, Ct)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Code));
        Assert.Equal(results[0].Value.Id, results[1].Value.Id);
        await using var db = await DbAsync();
        Assert.Equal(1, await db.Meetings.CountAsync(m => m.ParticipantId == participant && m.ExhibitorId == exhibitor, Ct));
    }

    [Fact]
    public async Task A_participant_cancels_its_own_meeting_and_the_slot_is_free_again_but_not_someone_elses()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 10);
        var (stranger, _, _) = await PairAsync(skip: 11);
        var booked = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);

        var byStranger = await Service.CancelAsync(ActorFor(stranger), EventId, booked.Value.Id, Ct);
        var cancelled = await Service.CancelAsync(ActorFor(participant), EventId, booked.Value.Id, Ct);
        var slots = await Service.SlotsAsync(ActorFor(stranger), EventId, exhibitor, Ct);

        Assert.Equal("meeting_not_found", byStranger.Error?.Code);
        Assert.True(cancelled.Succeeded);
        Assert.Equal(MeetingStatus.Cancelled, cancelled.Value.Status);
        Assert.Equal(SlotState.Free, slots.Value.Single(s => s.SlotId == slot).State);
    }

    [Fact]
    public async Task Cancelling_after_the_cut_off_is_refused_and_a_begun_slot_cannot_be_booked()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 12);
        var booked = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);
        DateTimeOffset startsAt;
        await using (var db = await DbAsync()) startsAt = (await db.TimeSlots.SingleAsync(s => s.Id == slot, Ct)).StartsAt;

        var hourBefore = ServiceAt(startsAt.AddHours(-1));
        var tooLate = await hourBefore.CancelAsync(ActorFor(participant), EventId, booked.Value.Id, Ct);
        var byOrganizer = await hourBefore.CancelAsync(Organizer, EventId, booked.Value.Id, Ct);
        var begun = await ServiceAt(startsAt.AddMinutes(1)).BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);

        Assert.Equal("cancel_cutoff_passed", tooLate.Error?.Code);
        Assert.True(byOrganizer.Succeeded);
        Assert.Equal("slot_past", begun.Error?.Code);
    }

    [Fact]
    public async Task Open_pages_are_told_of_a_booking_at_the_booth_after_it_commits()
    {
        var (participant, exhibitor, slot) = await PairAsync(skip: 13);
        var changes = fixture.App.Services.GetRequiredService<ISlotChanges>();
        var told = new TaskCompletionSource<SlotChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = changes.SubscribeToExhibitor(exhibitor, change => { told.TrySetResult(change); return Task.CompletedTask; });

        var booked = await Service.BookAsync(ActorFor(participant), EventId, new BookMeetingRequest(participant, exhibitor, slot), Ct);
        var change = await told.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.True(booked.Succeeded);
        Assert.Equal((exhibitor, participant, slot), (change.ExhibitorId, change.ParticipantId, change.TimeSlotId));
    }

    [Fact]
    public async Task The_agenda_calendar_is_the_callers_own_with_stable_uids_and_Seoul_times()
    {
        var buyerId = await ParticipantOfAsync("member@expo.demo");
        var exhibitorId = await ExhibitorSharingALanguageWithAsync(buyerId, skip: 5);
        var slot = await SlotAsync(index: 3);
        var booked = await Service.BookAsync(ActorFor(buyerId), EventId, new BookMeetingRequest(buyerId, exhibitorId, slot), Ct);
        using var member = await fixture.App.SignInAsync("member@expo.demo");
        using var anonymous = fixture.App.CreateBrowserlessClient();

        var first = await member.GetStringAsync("/my/agenda.ics", Ct);
        var second = await member.GetStringAsync("/my/agenda.ics", Ct);
        var denied = await anonymous.GetAsync("/my/agenda.ics", Ct);

        Assert.True(booked.Succeeded, booked.Error?.Code);
        Assert.Contains($"UID:meeting-{booked.Value.Id}@{AndongDemo.Slug}.expoportal", first);
        Assert.Equal(Uids(first), Uids(second));
        Assert.Contains("BEGIN:VTIMEZONE", first);
        Assert.Contains("TZID:Asia/Seoul", first);
        var local = TimeZoneInfo.ConvertTime(booked.Value.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        Assert.Contains($"DTSTART;TZID=Asia/Seoul:{local:yyyyMMdd'T'HHmmss}", first);
        Assert.Contains("DTEND;TZID=Asia/Seoul:", first);
        Assert.DoesNotContain("ORGANIZER", first);
        Assert.True(denied.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, denied.StatusCode.ToString());
    }

    [Fact]
    public async Task A_participant_reads_only_its_own_agenda_and_a_slot_grid_of_another_event_is_404()
    {
        var member = await ParticipantOfAsync("member@expo.demo");
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");

        var other = await buyer.GetAsync($"{Api}/participants/{member}/agenda", Ct);
        var noEvent = await buyer.GetAsync("/api/events/no-such-expo/exhibitors/1/slots", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noEvent.StatusCode);
    }

    private static IReadOnlyList<string> Uids(string ics) =>
        ics.Split('\n').Where(l => l.StartsWith("UID:")).Select(l => l.Trim()).Order().ToList();

    // ---- helpers ----

    private sealed record SlotJson(int SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string State);

    private MeetingBooking Service => fixture.App.Services.GetRequiredService<MeetingBooking>();

    private MeetingBooking ServiceAt(DateTimeOffset now) => new(
        fixture.App.Services.GetRequiredService<IAppDbContextFactory>(), new FixedClock(now), fixture.App.Services.GetRequiredService<ISlotChanges>(),
        fixture.App.Services.GetRequiredService<ExpoPortal.Application.Notifications.NotificationCenter>(),
        fixture.App.Services.GetRequiredService<BookingSafeguards>());

    private static Actor Organizer => TestActors.Secretariat;

    private static Actor ActorFor(int participantId) => new($"participant-{participantId}", false, null, participantId);

    private int EventId => _eventId ??= LoadEventId();
    private int? _eventId;

    private int LoadEventId()
    {
        using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return db.Events.Single(e => e.Slug == AndongDemo.Slug).Id;
    }

    private async Task<List<SlotJson>> SlotsAsync(HttpClient client, int exhibitorId) =>
        (await client.GetFromJsonAsync<List<SlotJson>>($"{Api}/exhibitors/{exhibitorId}/slots", Ct))!;

    private async Task<int> ParticipantOfAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user!.ParticipantId!.Value;
    }

    /// <summary>A slot of day one, when every participant who comes for both days is there.</summary>
    private async Task<int> SlotAsync(int index)
    {
        await using var db = await DbAsync();
        var expo = await db.Events.SingleAsync(e => e.Id == EventId, Ct);
        return await db.TimeSlots.Where(s => s.EventId == EventId && s.Day == expo.ConsultationDays[0]).OrderBy(s => s.IndexInDay)
            .Skip(index).Select(s => s.Id).FirstAsync(Ct);
    }

    private async Task<int> TablesOfAsync(int exhibitorId)
    {
        await using var db = await DbAsync();
        return await db.Exhibitors.Where(x => x.Id == exhibitorId).Select(x => x.Booth!.MeetingTables).SingleAsync(Ct);
    }

    private async Task<int> ExhibitorSharingALanguageWithAsync(int participantId, int skip)
    {
        await using var db = await DbAsync();
        var languages = await db.Participants.Where(p => p.Id == participantId).Select(p => p.Languages).SingleAsync(Ct);
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == EventId && x.Booth != null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Languages }).ToListAsync(Ct);
        var sharing = exhibitors.Where(x => ExpoPortal.Matching.Model.LanguageRules.Shared(x.Languages, languages)).ToList();
        return sharing[(200 + skip) % sharing.Count].Id;
    }

    /// <summary>
    /// A participant present all of day one and an exhibitor with a booth who share a language, and a slot: each test
    /// takes its own (by <paramref name="skip"/>), so tests sharing the database do not collide.
    /// </summary>
    private async Task<(int Participant, int Exhibitor, int Slot)> PairAsync(int skip, int? participantId = null, int? exhibitorId = null)
    {
        await using var db = await DbAsync();
        var expo = await db.Events.SingleAsync(e => e.Id == EventId, Ct);
        var day = await db.TimeSlots.Where(s => s.EventId == EventId && s.Day == expo.ConsultationDays[0]).OrderBy(s => s.IndexInDay).ToListAsync(Ct);
        var slot = day[(4 + skip) % day.Count];
        var (slotStart, slotEnd) = (slot.StartsAt, slot.EndsAt);
        var participants = await db.Participants.Where(p => p.EventId == EventId && p.ArrivesAt <= slotStart && p.DepartsAt >= slotEnd)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Languages }).ToListAsync(Ct);
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == EventId && x.Booth != null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Languages }).ToListAsync(Ct);
        if (exhibitorId is { } xid)
        {
            // The participant must share a language with the given booth, or the booking would need an interpreter.
            var booth = exhibitors.Single(x => x.Id == xid);
            var speakers = participants.Where(p => ExpoPortal.Matching.Model.LanguageRules.Shared(p.Languages, booth.Languages)).ToList();
            return (speakers[(500 + skip * 7) % speakers.Count].Id, xid, slot.Id);
        }
        var participant = participantId is { } pid ? participants.Single(p => p.Id == pid) : participants[(500 + skip * 7) % participants.Count];
        var sharing = exhibitors.Where(x => ExpoPortal.Matching.Model.LanguageRules.Shared(x.Languages, participant.Languages)).ToList();
        return (participant.Id, sharing[(100 + skip * 3) % sharing.Count].Id, slot.Id);
    }

    private async Task WithEventAsync(Action<Domain.Events.Event> change)
    {
        await using var db = await DbAsync();
        change(await db.Events.SingleAsync(e => e.Id == EventId, Ct));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    private Task<AppDbContext> DbAsync() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
