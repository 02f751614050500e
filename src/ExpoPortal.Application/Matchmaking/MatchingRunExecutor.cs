using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Matching.Bound;
using ExpoPortal.Matching.Scheduling;
using ExpoPortal.Matching.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using M = ExpoPortal.Matching.Model;

namespace ExpoPortal.Application.Matchmaking;

/// <summary>
/// Solves one queued run: builds the instance from the database, pins the meetings that already hold slots,
/// runs the engine on a worker thread, then replaces the event's earlier proposals with the new ones in one
/// transaction, so a failure or a cancellation leaves the previous proposals untouched.
/// </summary>
public sealed class MatchingRunExecutor(
    IAppDbContextFactory dbFactory, MatchInstanceBuilder builder, MatchingRunQueue queue, TimeProvider clock, ILogger<MatchingRunExecutor> logger)
{
    public async Task ExecuteAsync(int runId, CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping, queue.TokenOf(runId));
        var ct = cancel.Token;
        MatchingRun? run;
        await using (var db = await dbFactory.CreateAsync(CancellationToken.None))
        {
            run = await db.MatchingRuns.FirstOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
            if (run is null || run.Status != MatchingRunStatus.Queued) return; // cancelled before it started
            run.Start(clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }

        try
        {
            var instance = await builder.BuildAsync(run.EventId, ct) ?? throw new InvalidOperationException($"Event {run.EventId} is gone.");
            var pinned = await builder.PinnedMeetingsAsync(run.EventId, ct);
            var options = new MatchOptions { TimeLimit = TimeSpan.FromSeconds(run.TimeLimitSeconds), Seed = run.Seed };
            var progress = new Progress<MatchProgress>(p => queue.Report(runId, p));
            logger.LogInformation("Matching run {RunId}: {Participants} participants, {Exhibitors} exhibitors, {Pinned} pinned meetings",
                runId, instance.Participants.Count, instance.Exhibitors.Count, pinned.Meetings.Count);

            // The engine is CPU-bound and synchronous: keep it off the request and circuit threads.
            var (result, kept, moved) = await Task.Run(async () =>
            {
                if (!run.Replan)
                    return (MatchingEngine.Solve(instance, options, pinned.Meetings.Count > 0 ? pinned : null, progress, ct), (int?)null, (int?)null);
                // Published meetings must stay valid as they are; proposals may give way to a change.
                PinPlacer.Place(new Timetable(new MatchProblem(instance, CandidateSource.Resolve(instance, options.Scoring))), pinned);
                var proposals = await builder.ProposedMeetingsAsync(run.EventId, ct);
                var replan = Replanner.Replan(instance, new M.MatchSchedule([.. pinned.Meetings, .. proposals.Meetings]), options, progress, ct);
                return (replan.Result, replan.Kept - pinned.Meetings.Count, replan.Moved);
            }, ct);
            var underPriorities = ScoreBound.UnderPriorities(result.Problem, ScoreBound.Priorities.Of(result.Timetable), result.Schedule.Bound);
            await SaveAsync(runId, result.Schedule, underPriorities, instance.Participants.Count, pinned, result.UnplacedPins, kept, moved);
            logger.LogInformation("Matching run {RunId} done: {Meetings} meetings, gap {Gap:P2}, {IdleGaps} idle gaps",
                runId, result.Schedule.Meetings.Count, result.Schedule.Gap, result.Schedule.IdleGaps);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(runId, r => r.Cancel(clock.GetUtcNow()));
            logger.LogInformation("Matching run {RunId} cancelled", runId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Matching run {RunId} failed", runId);
            await FinishAsync(runId, r => r.Fail(ex.Message, clock.GetUtcNow()));
        }
        finally
        {
            queue.Forget(runId);
        }
    }

    private async Task SaveAsync(int runId, M.MatchSchedule schedule, long boundUnderPriorities, int participants, M.MatchSchedule pinned, int unplacedPins, int? kept, int? moved)
    {
        var now = clock.GetUtcNow();
        var pinnedKeys = pinned.Meetings.Select(m => (m.Participant, m.Exhibitor, m.Slot)).ToHashSet();
        await using var db = await dbFactory.CreateAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var run = await db.MatchingRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);

        // A newer run replaces every proposal that was never published.
        await db.Meetings.Where(m => m.EventId == run.EventId && m.Status == MeetingStatus.Proposed).ExecuteDeleteAsync(CancellationToken.None);
        foreach (var m in schedule.Meetings.Where(m => !pinnedKeys.Contains((m.Participant, m.Exhibitor, m.Slot))))
        {
            db.Meetings.Add(Meeting.Proposed(run.EventId,
                MatchIds.Parse(m.Participant, 'P'), MatchIds.Parse(m.Exhibitor, 'E'), MatchIds.Parse(m.Slot, 'S'), m.Table,
                m.Interpreter is null ? null : MatchIds.Parse(m.Interpreter, 'I'), runId, now));
        }

        var withMeetings = schedule.Meetings.Select(m => m.Participant).Distinct().Count();
        run.Succeed(new MatchingFigures(schedule.Meetings.Count, schedule.Score, schedule.Bound, schedule.Gap, schedule.IdleGaps,
            schedule.ExhibitorsBelowMinimum, schedule.MustMeetMissed, schedule.Seconds, participants - withMeetings,
            boundUnderPriorities, ScoreBound.Gap(schedule.Score, boundUnderPriorities)),
            pinned.Meetings.Count - unplacedPins, now, kept, moved);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task FinishAsync(int runId, Action<MatchingRun> finish)
    {
        await using var db = await dbFactory.CreateAsync(CancellationToken.None);
        var run = await db.MatchingRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
        if (!run.IsActive) return;
        finish(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
