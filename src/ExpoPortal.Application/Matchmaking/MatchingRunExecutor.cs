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
/// With several instances on one database, a run is claimed by exactly one of them (<see cref="ClaimNextAsync"/>);
/// while it solves, its instance writes a heartbeat with the progress every second (so the other instances' pages show
/// it, and a run whose instance died is failed by another after <see cref="AbandonedAfter"/>) and notices there a cancel
/// made on another instance.
/// </summary>
public sealed class MatchingRunExecutor(
    IAppDbContextFactory dbFactory, MatchInstanceBuilder builder, MatchingRunQueue queue, IMatchingRunChanges changes, TimeProvider clock,
    PortalInstance portal, ILogger<MatchingRunExecutor> logger)
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(20);
    private int _claimed;

    /// <summary>How many runs this instance has claimed since it started (the two-instance tests count them).</summary>
    public int RunsClaimed => Volatile.Read(ref _claimed);

    /// <summary>
    /// Takes the oldest queued run for this instance, or none. One UPDATE whose row lock decides: of two instances
    /// claiming at once, the second skips the locked row (SKIP LOCKED) or finds it no longer queued.
    /// </summary>
    public async Task<int?> ClaimNextAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<int>($"""
            UPDATE matching_runs SET status = 'Running', started_at = {now}, runner = {portal.Id}, heartbeat_at = now(), stage = NULL, fraction = NULL
            WHERE id = (SELECT id FROM matching_runs WHERE status = 'Queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) AND status = 'Queued'
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (claimed.Count == 0) return null;
        Interlocked.Increment(ref _claimed);
        return claimed[0];
    }

    /// <summary>Runs whose instance stopped beating (it died, or lost the database for good) will never finish: say so, and free the event.</summary>
    public async Task FailAbandonedRunsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var seconds = (int)AbandonedAfter.TotalSeconds;
        var failed = await db.Database.SqlQuery<AbandonedRun>($"""
            UPDATE matching_runs SET status = 'Failed', finished_at = {now}, error = 'Interrupted: the portal stopped while the run was in progress.'
            WHERE status = 'Running' AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => {(double)seconds}))
            RETURNING id AS run_id, event_id
            """).ToListAsync(ct);
        foreach (var run in failed)
        {
            logger.LogWarning("Matching run {RunId} was abandoned by its instance and is marked failed", run.RunId);
            changes.Publish(new MatchingRunChange(run.EventId, run.RunId));
        }
    }

    private sealed class AbandonedRun
    {
        public int RunId { get; init; }
        public int EventId { get; init; }
    }

    /// <summary>Solves a run this instance has claimed.</summary>
    public async Task ExecuteAsync(int runId, CancellationToken stopping)
    {
        var cancelSwitch = queue.Solving(runId);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancelSwitch.Token);
        var ct = cancel.Token;
        MatchingRun? run;
        await using (var db = await dbFactory.CreateAsync(CancellationToken.None))
            run = await db.MatchingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
        if (run is null || run.Status != MatchingRunStatus.Running)
        {
            queue.Forget(runId);
            return; // cancelled between the claim and here
        }
        var change = new MatchingRunChange(run.EventId, runId);
        changes.Publish(change);

        using var beating = new CancellationTokenSource();
        var pulse = new SemaphoreSlim(0);
        var heartbeat = BeatAsync(runId, change, cancelSwitch, pulse, beating.Token);
        try
        {
            var matchInstance = await builder.BuildAsync(run.EventId, ct) ?? throw new InvalidOperationException($"Event {run.EventId} is gone.");
            var pinned = await builder.PinnedMeetingsAsync(run.EventId, ct);
            var options = new MatchOptions { TimeLimit = TimeSpan.FromSeconds(run.TimeLimitSeconds), Seed = run.Seed };
            // Reported on the engine's thread; the heartbeat stores it and then tells the pages of every instance.
            var progress = new InlineProgress(p =>
            {
                queue.Report(runId, p);
                if (pulse.CurrentCount == 0) pulse.Release();
            });
            logger.LogInformation("Matching run {RunId}: {Participants} participants, {Exhibitors} exhibitors, {Pinned} pinned meetings",
                runId, matchInstance.Participants.Count, matchInstance.Exhibitors.Count, pinned.Meetings.Count);

            // The engine is CPU-bound and synchronous: keep it off the request and circuit threads.
            // A re-plan keeps the last run's still-valid proposals where they are; published meetings stay pinned either way.
            var previous = run.Replan ? await builder.ProposedMeetingsAsync(run.EventId, ct) : null;
            var result = await Task.Run(() => MatchingEngine.Solve(matchInstance, options, pinned, previous, progress, ct), ct);
            if (result.RefusedPin is { } refused)
            {
                // A published meeting that breaks a rule fails the run with the reason, rather than being dropped.
                logger.LogWarning("Matching run {RunId} refused a pin: {Reason}", runId, refused.Message);
                await FinishAsync(runId, r => r.Fail(refused.Message, clock.GetUtcNow()));
                return;
            }
            if (await SaveAsync(runId, result, pinned))
                logger.LogInformation("Matching run {RunId} done: {Meetings} meetings, gap {Gap:P2}, {IdleGaps} idle gaps",
                    runId, result.Schedule.Meetings.Count, result.Schedule.Gap, result.Schedule.IdleGaps);
            else
                logger.LogInformation("Matching run {RunId} was cancelled while it finished; its proposals were not written", runId);
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
            await beating.CancelAsync();
            await heartbeat;
            queue.Forget(runId);
            changes.Publish(change); // after the outcome is stored
        }
    }

    /// <summary>
    /// Every second, or at once when the engine reports progress: stores the heartbeat and the progress, then tells
    /// the pages. Finding the run no longer running means someone cancelled it (perhaps on another instance): stop it.
    /// </summary>
    private async Task BeatAsync(int runId, MatchingRunChange change, CancellationTokenSource cancelSwitch, SemaphoreSlim pulse, CancellationToken stop)
    {
        MatchProgress? told = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await pulse.WaitAsync(HeartbeatInterval, stop);
                var progress = queue.ProgressOf(runId);
                var stage = progress?.Stage;
                var fraction = progress?.Fraction;
                await using var db = await dbFactory.CreateAsync(stop);
                var running = await db.Database.ExecuteSqlAsync(
                    $"UPDATE matching_runs SET heartbeat_at = now(), stage = {stage}, fraction = {fraction} WHERE id = {runId} AND status = 'Running'", stop);
                if (running == 0)
                {
                    if (!cancelSwitch.IsCancellationRequested) await cancelSwitch.CancelAsync();
                    return;
                }
                if (progress != told)
                {
                    told = progress;
                    changes.Publish(change);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable for a moment: the engine goes on; its save reports a lasting failure.
                logger.LogWarning(ex, "Heartbeat of matching run {RunId} failed", runId);
            }
        }
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class InlineProgress(Action<MatchProgress> report) : IProgress<MatchProgress>
    {
        public void Report(MatchProgress value) => report(value);
    }

    /// <returns>False when the run was cancelled meanwhile (nothing written).</returns>
    private async Task<bool> SaveAsync(int runId, MatchResult result, M.MatchSchedule pinned)
    {
        var schedule = result.Schedule;
        var f = result.Figures;
        var now = clock.GetUtcNow();
        var pinnedKeys = pinned.Meetings.Select(m => (m.Participant, m.Exhibitor, m.Slot)).ToHashSet();
        await using var db = await dbFactory.CreateAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // The row lock orders this save against a cancel from any instance: whichever comes second sees the other's outcome.
        var run = await db.MatchingRuns.FromSql($"SELECT * FROM matching_runs WHERE id = {runId} FOR UPDATE").SingleAsync(CancellationToken.None);
        if (run.Status != MatchingRunStatus.Running) return false;

        // A newer run replaces every proposal that was never published.
        await db.Meetings.Where(m => m.EventId == run.EventId && m.Status == MeetingStatus.Proposed).ExecuteDeleteAsync(CancellationToken.None);
        foreach (var m in schedule.Meetings.Where(m => !pinnedKeys.Contains((m.Participant, m.Exhibitor, m.Slot))))
        {
            await db.Meetings.AddAsync(Meeting.Proposed(run.EventId,
                MatchIds.Parse(m.Participant, 'P'), MatchIds.Parse(m.Exhibitor, 'E'), MatchIds.Parse(m.Slot, 'S'), m.Table,
                m.Interpreter is null ? null : MatchIds.Parse(m.Interpreter, 'I'), runId, now), CancellationToken.None);
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
        await PlannerStatistics.RefreshAsync(db, logger, typeof(Meeting));
        return true;
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
