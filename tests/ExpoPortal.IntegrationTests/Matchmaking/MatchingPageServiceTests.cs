using System.Collections.Concurrent;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Matchmaking;

/// <summary>What the organizers' matching page relies on, on a real PostgreSQL: pushed progress, review, compare, publish, lock and block.</summary>
public sealed class MatchingPageServiceTests(PostgresServer postgres)
{
    private static readonly Actor Organizer = TestActors.Secretariat;
    private static readonly Actor Buyer = new("buyer", IsOrganizer: false, null, 1);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_pushes_its_changes_to_subscribers_from_queued_to_finished()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var seen = new ConcurrentQueue<string>();
        var finished = new TaskCompletionSource<MatchingRunView>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<IMatchingRunChanges>().Subscribe(eventId, async change =>
        {
            try
            {
                var run = (await service.GetRunAsync(change.RunId))!;
                seen.Enqueue(run.State);
                if (!run.IsActive) finished.TrySetResult(run);
            }
            catch (Exception ex)
            {
                finished.TrySetException(ex); // a failing read fails the test with its reason, not a time-out
            }
        });

        var runId = (await service.QueueRunAsync(Organizer, eventId, timeLimitSeconds: 2, ct: Ct)).Value;
        var done = await finished.Task.WaitAsync(TimeSpan.FromMinutes(2), Ct); // a stuck run fails the test

        Assert.Equal(runId, done.Id);
        Assert.Equal("finished", done.State);
        Assert.Contains("running", seen); // progress was pushed while it solved
        Assert.True(seen.Count >= 3, string.Join(", ", seen));
    }

    [Fact]
    public async Task Publishing_an_older_run_over_a_newer_publish_needs_confirmation_and_places_only_what_still_fits()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var older = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, seed: 1, ct: Ct)).Value);
        var newer = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, seed: 2, ct: Ct)).Value);
        Assert.Equal((MatchingRunStatus.Succeeded, MatchingRunStatus.Succeeded), (older.Status, newer.Status));

        var buyerRefused = await service.PublishAsync(Buyer, eventId, newer.Id, ct: Ct);
        var publishedNewer = await service.PublishAsync(Organizer, eventId, newer.Id, ct: Ct);
        var again = await service.PublishAsync(Organizer, eventId, newer.Id, ct: Ct);
        var refused = await service.PublishAsync(Organizer, eventId, older.Id, ct: Ct);

        Assert.Equal("organizers_only", buyerRefused.Error!.Code);
        Assert.Equal(newer.Figures!.Meetings, publishedNewer.Value.Published);
        Assert.Equal("run_already_published", again.Error!.Code);
        Assert.Equal(MatchmakingService.OlderThanPublished, refused.Error!.Code);
        Assert.Equal("published", (await service.GetRunAsync(newer.Id, Ct))!.State);
        Assert.Equal("finished", (await service.GetRunAsync(older.Id, Ct))!.State);

        // Confirmed: the older run's meetings go in wherever they still fit beside the newer, published ones.
        var confirmed = await service.PublishAsync(Organizer, eventId, older.Id, overNewerPublish: true, ct: Ct);

        Assert.True(confirmed.Succeeded, confirmed.Error?.Message);
        Assert.Equal(older.Figures!.Meetings, confirmed.Value.Published + confirmed.Value.Skipped);
        Assert.True(confirmed.Value.Skipped > 0, "two different plans of one event should collide somewhere");
        Assert.Equal("published", (await service.GetRunAsync(older.Id, Ct))!.State);
        await using var db = await DbAsync(app);
        Assert.Equal(newer.Figures.Meetings, await db.Meetings.CountAsync(m => m.MatchingRunId == newer.Id && m.Status == MeetingStatus.Scheduled, Ct));
        Assert.Equal(confirmed.Value.Published, await db.Meetings.CountAsync(m => m.MatchingRunId == older.Id && m.Status == MeetingStatus.Scheduled, Ct));
        Assert.Equal(0, await db.Meetings.CountAsync(m => m.EventId == eventId && m.Status == MeetingStatus.Proposed, Ct));
        // Nobody is in two places at once, and no pair meets twice.
        var active = await db.Meetings.Where(m => m.EventId == eventId && m.Status == MeetingStatus.Scheduled)
            .Select(m => new { m.ParticipantId, m.ExhibitorId, m.TimeSlotId }).ToListAsync(Ct);
        Assert.Equal(active.Count, active.Select(m => (m.ParticipantId, m.TimeSlotId)).Distinct().Count());
        Assert.Equal(active.Count, active.Select(m => (m.ParticipantId, m.ExhibitorId)).Distinct().Count());
    }

    [Fact]
    public async Task A_review_gives_each_meeting_its_reasons_in_both_languages_and_the_heat_map_counts_every_meeting()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var reviews = app.Services.GetRequiredService<MatchingReview>();
        var first = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, ct: Ct)).Value);
        var second = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, seed: 5, ct: Ct)).Value);

        Assert.Equal("organizers_only", (await reviews.ReviewAsync(Buyer, eventId, first.Id, Ct)).Error!.Code);
        var review = (await reviews.ReviewAsync(Organizer, eventId, first.Id, Ct)).Value;

        Assert.Equal(first.Figures!.Meetings, review.Meetings.Count);
        var meeting = review.Meetings[0];
        var reasons = review.ReasonsFor(meeting.ParticipantId, meeting.ExhibitorId);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Korean) || string.IsNullOrWhiteSpace(r.English)));
        Assert.Equal(review.Meetings.Count, review.Slots.Sum(s => review.Halls.Sum(h => review.TablesInUse(s.Id, h.Code))));
        Assert.Equal(review.Meetings.Count(m => m.InterpreterId != null), review.InterpreterLoads().Sum(l => l.Meetings));
        Assert.All(review.Halls, h => Assert.All(review.Slots, s => Assert.InRange(review.TablesInUse(s.Id, h.Code), 0, h.Tables)));

        var comparison = (await reviews.CompareAsync(Organizer, eventId, first.Id, second.Id, Ct)).Value;
        Assert.Equal(first.Figures.Meetings, comparison.Same + comparison.OnlyFirst);
        Assert.Equal(second.Figures!.Meetings, comparison.Same + comparison.OnlySecond);
        var self = (await reviews.CompareAsync(Organizer, eventId, first.Id, first.Id, Ct)).Value;
        Assert.Equal((first.Figures.Meetings, 0, 0), (self.Same, self.OnlyFirst, self.OnlySecond));
    }

    [Fact]
    public async Task After_a_lock_and_a_block_the_next_run_plans_the_locked_pair_and_never_the_blocked_one()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var eventId = await EventIdAsync(app);
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var reviews = app.Services.GetRequiredService<MatchingReview>();
        var first = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, ct: Ct)).Value);
        var review = (await reviews.ReviewAsync(Organizer, eventId, first.Id, Ct)).Value;

        var blocked = review.Meetings.First(m => !m.Pinned);
        // Lock a pair the first run did not plan: a participant with room left and an exhibitor it does not meet,
        // with a language in common and room below its maximum, so that nothing but the lock decides it. (The engine
        // fills the demo event nearly to its limits, so room for one more meeting on each side is what is asked.)
        await using var db = await DbAsync(app);
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == eventId && x.Booth != null).ToListAsync(Ct);
        var participants = await db.Participants.Where(p => p.EventId == eventId).ToDictionaryAsync(p => p.Id, Ct);
        var perExhibitor = review.Meetings.GroupBy(m => m.ExhibitorId).ToDictionary(g => g.Key, g => g.Count());
        var locked = review.Meetings.GroupBy(m => m.ParticipantId)
            .Where(g => g.Count() < participants[g.Key].MaxMeetings)
            .SelectMany(g => exhibitors
                .Where(x => g.All(m => m.ExhibitorId != x.Id) && perExhibitor.GetValueOrDefault(x.Id) < x.MaxMeetings
                            && x.Languages.Intersect(participants[g.Key].Languages).Any())
                .Select(x => (ParticipantId: g.Key, ExhibitorId: x.Id)))
            .First();

        Assert.Equal("organizers_only", (await reviews.DecideAsync(Buyer, eventId, locked.ParticipantId, locked.ExhibitorId, PairDecision.Lock, Ct)).Error!.Code);
        Assert.True((await reviews.DecideAsync(Organizer, eventId, blocked.ParticipantId, blocked.ExhibitorId, PairDecision.Block, Ct)).Succeeded);
        Assert.True((await reviews.DecideAsync(Organizer, eventId, locked.ParticipantId, locked.ExhibitorId, PairDecision.Lock, Ct)).Succeeded);
        var decisions = await reviews.DecisionsAsync(eventId, Ct);
        Assert.Equal(PairDecision.Block, decisions[(blocked.ParticipantId, blocked.ExhibitorId)]);
        Assert.Equal(PairDecision.Lock, decisions[(locked.ParticipantId, locked.ExhibitorId)]);

        var second = await MatchingRuns.SucceededAsync(service, (await service.QueueRunAsync(Organizer, eventId, 2, ct: Ct)).Value);
        var next = (await reviews.ReviewAsync(Organizer, eventId, second.Id, Ct)).Value;

        Assert.DoesNotContain(next.Meetings, m => (m.ParticipantId, m.ExhibitorId) == (blocked.ParticipantId, blocked.ExhibitorId));
        Assert.Contains(next.Meetings, m => (m.ParticipantId, m.ExhibitorId) == locked);
        Assert.Contains(next.ReasonsFor(locked.ParticipantId, locked.ExhibitorId), r => r.English == "must meet");

        // Clearing the decision removes the organizers' line; the two sides' own wishes are untouched.
        Assert.True((await reviews.DecideAsync(Organizer, eventId, blocked.ParticipantId, blocked.ExhibitorId, null, Ct)).Succeeded);
        Assert.False((await reviews.DecisionsAsync(eventId, Ct)).ContainsKey((blocked.ParticipantId, blocked.ExhibitorId)));
    }


    private async Task<int> EventIdAsync(ExpoApp app)
    {
        await using var db = await DbAsync(app);
        return await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
    }

    private Task<AppDbContext> DbAsync(ExpoApp app) =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
