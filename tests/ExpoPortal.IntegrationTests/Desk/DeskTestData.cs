using ExpoPortal.Application.Common;
using ExpoPortal.Application.Desk;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Events;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Desk;

/// <summary>Meetings on the demo event for the desk tests: each test takes its own people by a skip number.</summary>
internal sealed class DeskTestData(ExpoApp app)
{
    public static Actor Organizer => ExpoPortal.Tests.Shared.TestActors.Secretariat;
    public static Actor ExhibitorActor(int exhibitorId) => new($"exhibitor-{exhibitorId}", false, exhibitorId, null);

    public MeetingBooking Booking => app.Services.GetRequiredService<MeetingBooking>();
    public CheckIns CheckIns => app.Services.GetRequiredService<CheckIns>();
    public DeskService Desk => app.Services.GetRequiredService<DeskService>();

    public MeetingBooking BookingAt(DateTimeOffset now) => new(app.Services.GetRequiredService<IAppDbContextFactory>(), new FixedClock(now),
        app.Services.GetRequiredService<ISlotChanges>(), app.Services.GetRequiredService<NotificationCenter>(),
        app.Services.GetRequiredService<BookingSafeguards>());

    public CheckIns CheckInsAt(DateTimeOffset now) => new(app.Services.GetRequiredService<IAppDbContextFactory>(), new FixedClock(now),
        app.Services.GetRequiredService<ICheckInTokens>(), app.Services.GetRequiredService<ISlotChanges>());

    public async Task<int> EventIdAsync(CancellationToken ct)
    {
        await using var db = await DbAsync(ct);
        return await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(ct);
    }

    /// <summary>The slots of the first consultation day, in order.</summary>
    public async Task<List<TimeSlot>> DayOneAsync(CancellationToken ct)
    {
        await using var db = await DbAsync(ct);
        var expo = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, ct);
        return await db.TimeSlots.Where(s => s.EventId == expo.Id && s.Day == expo.ConsultationDays[0]).OrderBy(s => s.IndexInDay).ToListAsync(ct);
    }

    /// <summary>
    /// An exhibitor with a booth and participants present all of day one who share a language with it (so no
    /// interpreter is needed), none of them with a meeting yet.
    /// </summary>
    public async Task<(int Exhibitor, int Tables, List<int> Participants)> BoothWithVisitorsAsync(int skip, CancellationToken ct)
    {
        await using var db = await DbAsync(ct);
        var eventId = await EventIdAsync(ct);
        var day = await DayOneAsync(ct);
        var (start, end) = (day[0].StartsAt, day[^1].EndsAt);
        var busy = await db.Meetings.Select(m => m.ParticipantId).Distinct().ToListAsync(ct);
        var participants = await db.Participants.Where(p => p.EventId == eventId && p.ArrivesAt <= start && p.DepartsAt >= end && !busy.Contains(p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Languages }).ToListAsync(ct);
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == eventId && x.Booth != null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Languages, x.Booth!.MeetingTables }).ToListAsync(ct);
        var booth = exhibitors[(37 + skip * 11) % exhibitors.Count];
        var speakers = participants.Where(p => ExpoPortal.Matching.Model.LanguageRules.Shared(p.Languages, booth.Languages))
            .Skip(skip * 6).Take(6).Select(p => p.Id).ToList();
        return (booth.Id, booth.MeetingTables, speakers);
    }

    public async Task<MeetingView> BookAsync(int eventId, int participant, int exhibitor, int slot, CancellationToken ct)
    {
        var booked = await Booking.BookAsync(Organizer, eventId, new BookMeetingRequest(participant, exhibitor, slot), ct);
        Assert.True(booked.Succeeded, booked.Error?.Code);
        return booked.Value;
    }

    public Task<AppDbContext> DbAsync(CancellationToken ct) =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
}
