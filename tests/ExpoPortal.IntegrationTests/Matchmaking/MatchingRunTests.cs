using ExpoPortal.Application.Common;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Scoring;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using M = ExpoPortal.Matching.Model;

namespace ExpoPortal.IntegrationTests.Matchmaking;

/// <summary>The matching engine inside the product: from the event in PostgreSQL to proposed meetings and back.</summary>
public sealed class MatchingRunTests(PostgresServer postgres)
{
    private static readonly Actor Organizer = TestActors.Secretariat;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_exported_instance_describes_the_whole_event_and_survives_the_file_format()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);

        var instance = (await app.Services.GetRequiredService<MatchmakingService>().ExportAsync(eventId, Ct))!;
        var reread = InstanceReader.Read(InstanceWriter.Write(instance));

        Assert.Equal(26, instance.Slots.Count);
        Assert.Equal(250 - ExpoPortal.Infrastructure.DemoData.AndongDemo.LateRegistrants, instance.Exhibitors.Count); // exhibitors with a booth
        Assert.Equal(1000, instance.Participants.Count);
        Assert.Equal(30, instance.Interpreters.Count);
        Assert.Contains(instance.Participants, p => p.Available is { Count: < 26 }); // late arrivals and early departures
        Assert.Contains(instance.Participants, p => p.Profile!.Wishlist.MustMeet.Count > 0);
        Assert.Equal(instance.Exhibitors.Select(x => x.Id), reread.Exhibitors.Select(x => x.Id));
        Assert.Equal(instance.Participants.Sum(p => p.MaxMeetings), reread.Participants.Sum(p => p.MaxMeetings));
        Assert.Equal(new DateTimeOffset(2027, 5, 19, 9, 30, 0, TimeSpan.FromHours(9)), instance.Slots[0].Start);
    }

    [Fact]
    public async Task A_run_proposes_meetings_that_pass_the_checker_keeps_published_ones_and_can_be_published()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var published = await PublishOneMeetingByHandAsync(app, eventId);

        // The engine's own amount of work ends the run, not the clock: the gap asserted below holds on any machine.
        var runId = (await service.QueueRunAsync(Organizer, eventId, MatchingRuns.NeverBinding, ct: Ct)).Value;
        var run = await MatchingRuns.SucceededAsync(service, runId);

        Assert.Equal(MatchingRunStatus.Succeeded, run.Status);
        Assert.NotNull(run.Figures);
        Assert.Equal(1, run.PinnedMeetings);
        Assert.InRange(run.Figures!.Gap, 0, 0.10);
        // The bound under priorities is stored too: never above the plain bound, never below the score.
        Assert.InRange(run.Figures.BoundUnderPriorities!.Value, run.Figures.Score, run.Figures.Bound);
        Assert.InRange(run.Figures.GapUnderPriorities!.Value, 0, run.Figures.Gap);
        Assert.Equal(0, run.Figures.ParticipantsWithoutMeeting); // every demo participant has someone to meet
        Assert.Equal(0, run.Figures.ExhibitorsBelowMinimum);
        await using var db = await DbAsync(app);
        var proposals = await db.Meetings.Where(m => m.MatchingRunId == runId).ToListAsync(Ct);
        Assert.Equal(run.Figures.Meetings - 1, proposals.Count);
        Assert.All(proposals, m => Assert.Equal(MeetingStatus.Proposed, m.Status));
        var kept = await db.Meetings.SingleAsync(m => m.Id == published.Id, Ct);
        Assert.Equal((published.TimeSlotId, published.TableNumber, MeetingStatus.Scheduled), (kept.TimeSlotId, kept.TableNumber, kept.Status));

        // The stored schedule, read back from PostgreSQL, passes the engine's independent checker.
        var instance = (await service.ExportAsync(eventId, Ct))!;
        var stored = await db.Meetings.Where(m => m.EventId == eventId && m.Status != MeetingStatus.Cancelled).Select(m => new M.Meeting(
            MatchIds.Participant(m.ParticipantId), MatchIds.Exhibitor(m.ExhibitorId), MatchIds.Slot(m.TimeSlotId), m.TableNumber,
            m.InterpreterId == null ? null : MatchIds.Interpreter(m.InterpreterId.Value))).ToListAsync(Ct);
        var report = ScheduleChecker.Check(instance, CandidateSource.Resolve(instance), new M.MatchSchedule(stored));
        Assert.True(report.Violations.Count == 0, string.Join("\n", report.Violations.Take(10)));

        var events = app.Services.GetRequiredService<ExpoPortal.Application.Events.EventService>();
        var beforePublishing = (await events.GetFiguresAsync(AndongDemo.Slug, Ct))!;
        Assert.Equal((1, proposals.Count), (beforePublishing.ActiveMeetings, beforePublishing.ProposedMeetings));

        var publishedCount = await service.PublishAsync(Organizer, eventId, runId, ct: Ct);
        Assert.Equal(proposals.Count, publishedCount.Value.Published);
        Assert.Equal(0, await db.Meetings.CountAsync(m => m.EventId == eventId && m.Status == MeetingStatus.Proposed, Ct));
        var afterPublishing = (await events.GetFiguresAsync(AndongDemo.Slug, Ct))!;
        Assert.Equal((1 + proposals.Count, 0), (afterPublishing.ActiveMeetings, afterPublishing.ProposedMeetings));
    }

    [Fact]
    public async Task A_second_run_replaces_the_proposals_of_the_first()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();

        await using var db = await DbAsync(app);
        var first = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, ct: Ct)).Value);
        // The first run's proposals exist before the second run, so their absence afterwards is the replacement.
        Assert.Equal(first.Figures!.Meetings, await db.Meetings.CountAsync(m => m.MatchingRunId == first.Id, Ct));
        Assert.True(first.Figures.Meetings > 0);
        var second = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, seed: 2, ct: Ct)).Value);

        Assert.Equal(0, await db.Meetings.CountAsync(m => m.MatchingRunId == first.Id, Ct));
        Assert.Equal(second.Figures!.Meetings, await db.Meetings.CountAsync(m => m.MatchingRunId == second.Id, Ct));
    }

    [Fact]
    public async Task A_replan_after_a_cancellation_keeps_the_other_proposals_where_they_are()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var first = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, ct: Ct)).Value);

        // A buyer cancels the trip: its proposed meetings are cancelled.
        await using var db = await DbAsync(app);
        var buyer = await db.Meetings.Where(m => m.MatchingRunId == first.Id).GroupBy(m => m.ParticipantId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(Ct);
        var cancelled = await db.Meetings.Where(m => m.ParticipantId == buyer && m.MatchingRunId == first.Id).ToListAsync(Ct);
        foreach (var m in cancelled) m.MoveTo(MeetingStatus.Cancelled, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
        var before = await db.Meetings.Where(m => m.MatchingRunId == first.Id && m.Status == MeetingStatus.Proposed)
            .Select(m => new { m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber }).ToListAsync(Ct);

        var replan = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, replan: true, ct: Ct)).Value);

        Assert.Equal(MatchingRunStatus.Succeeded, replan.Status);
        Assert.True(replan.Replan);
        Assert.InRange(replan.MovedMeetings!.Value, 0, 9);
        Assert.Equal(before.Count, replan.KeptMeetings);
        var after = (await db.Meetings.Where(m => m.MatchingRunId == replan.Id)
            .Select(m => new { m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber }).ToListAsync(Ct)).ToHashSet();
        Assert.All(before, m => Assert.Contains(m, after));
        Assert.DoesNotContain(after, m => m.ParticipantId == buyer && cancelled.Any(c => c.TimeSlotId == m.TimeSlotId && c.ExhibitorId == m.ExhibitorId));
    }

    [Fact]
    public async Task Only_one_run_per_event_at_a_time_and_only_organizers_start_one()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();

        var buyer = await service.QueueRunAsync(new Actor("buyer", false, null, 1), eventId, ct: Ct);
        var first = await service.QueueRunAsync(Organizer, eventId, timeLimitSeconds: 5, ct: Ct);
        var second = await service.QueueRunAsync(Organizer, eventId, ct: Ct);
        var cancelled = await service.CancelAsync(Organizer, eventId, first.Value, Ct);
        var run = await MatchingRuns.FinishedAsync(service, first.Value);

        Assert.Equal("organizers_only", buyer.Error!.Code);
        Assert.Equal("matching_running", second.Error!.Code);
        Assert.True(cancelled.Succeeded);
        Assert.True(run.Status == MatchingRunStatus.Cancelled, $"{run.Status}: {run.Error}");
        Assert.True((await service.QueueRunAsync(Organizer, eventId, 1, ct: Ct)).Succeeded); // the event is free again
    }


    private async Task<Meeting> PublishOneMeetingByHandAsync(ExpoApp app, int eventId)
    {
        await using var db = await DbAsync(app);
        var exhibitor = await db.Exhibitors.Where(x => x.Booth != null).OrderBy(x => x.Id).FirstAsync(Ct);
        var slot = await db.TimeSlots.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).Skip(3).FirstAsync(Ct);
        var participant = await db.Participants.Where(p => p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt).OrderBy(p => p.Id).FirstAsync(Ct);
        var meeting = new Meeting(eventId, participant.Id, exhibitor.Id, slot.Id, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UtcNow);
        await db.Meetings.AddAsync(meeting, Ct);
        await db.SaveChangesAsync(Ct);
        return meeting;
    }

    private async Task<int> EventIdAsync(ExpoApp app)
    {
        await using var db = await DbAsync(app);
        return await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
    }

    private Task<AppDbContext> DbAsync(ExpoApp app) =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
