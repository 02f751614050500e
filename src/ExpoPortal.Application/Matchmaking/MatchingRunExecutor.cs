using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Matching;
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
    IAppDbContextFactory dbFactory, MatchInstanceBuilder builder, MatchingRunQueue queue, IMatchingRunChanges changes, TimeProvider clock,
    ILogger<MatchingRunExecutor> logger)
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
        var change = new MatchingRunChange(run.EventId, runId);
        changes.Publish(change);

        try
        {
            var instance = await builder.BuildAsync(run.EventId, ct) ?? throw new InvalidOperationException($"Event {run.EventId} is gone.");
            var pinned = await builder.PinnedMeetingsAsync(run.EventId, ct);
            var options = new MatchOptions { TimeLimit = TimeSpan.FromSeconds(run.TimeLimitSeconds), Seed = run.Seed };
            var progress = new Progress<MatchProgress>(p =>
            {
                queue.Report(runId, p);
                changes.Publish(change);
            });
            logger.LogInformation("Matching run {RunId}: {Participants} participants, {Exhibitors} exhibitors, {Pinned} pinned meetings",
                runId, instance.Participants.Count, instance.Exhibitors.Count, pinned.Meetings.Count);

            // The engine is CPU-bound and synchronous: keep it off the request and circuit threads.
            // A re-plan keeps the last run's still-valid proposals where they are; published meetings stay pinned either way.
            var previous = run.Replan ? await builder.ProposedMeetingsAsync(run.EventId, ct) : null;
            var result = await Task.Run(() => MatchingEngine.Solve(instance, options, pinned, previous, progress, ct), ct);
            if (result.RefusedPin is { } refused)
            {
                // A published meeting that breaks a rule fails the run with the reason, rather than being dropped.
                logger.LogWarning("Matching run {RunId} refused a pin: {Reason}", runId, refused.Message);
                await FinishAsync(runId, r => r.Fail(refused.Message, clock.GetUtcNow()));
                return;
            }
            await SaveAsync(runId, result, pinned);
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
            changes.Publish(change); // after the outcome is stored
        }
    }

    private async Task SaveAsync(int runId, MatchResult result, M.MatchSchedule pinned)
    {
        var schedule = result.Schedule;
        var f = result.Figures;
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

        run.Succeed(new MatchingFigures(f.Meetings, f.Score, f.Bound, f.Gap, f.IdleGaps,
            f.ExhibitorsBelowMinimum, f.MustMeetMissed, f.Seconds, f.ParticipantsWithoutMeeting,
            f.BoundUnderPriorities, f.GapUnderPriorities),
            f.PinnedMeetings, now, result.Replan?.Kept, result.Replan?.Moved,
            schedule.Meetings.Select(m => new PlannedMeeting(
                MatchIds.Parse(m.Participant, 'P'), MatchIds.Parse(m.Exhibitor, 'E'), MatchIds.Parse(m.Slot, 'S'), m.Table,
                m.Interpreter is null ? null : MatchIds.Parse(m.Interpreter, 'I'), pinnedKeys.Contains((m.Participant, m.Exhibitor, m.Slot)))).ToList());
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
