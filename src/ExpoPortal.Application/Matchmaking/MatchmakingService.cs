using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using M = ExpoPortal.Matching.Model;

namespace ExpoPortal.Application.Matchmaking;

public sealed record MatchingRunView(
    int Id, int EventId, MatchingRunStatus Status, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    int TimeLimitSeconds, int Seed, bool Replan, MatchingFigures? Figures, int PinnedMeetings, int? KeptMeetings, int? MovedMeetings,
    string? Error, string? Stage, double? Fraction, DateTimeOffset? PublishedAt = null)
{
    public bool IsActive => Status is MatchingRunStatus.Queued or MatchingRunStatus.Running;

    /// <summary>The run's state as the matching page shows it: queued, running, finished, failed, cancelled or published.</summary>
    public string State => PublishedAt is not null ? "published" : Status switch
    {
        MatchingRunStatus.Queued => "queued",
        MatchingRunStatus.Running => "running",
        MatchingRunStatus.Succeeded => "finished",
        MatchingRunStatus.Failed => "failed",
        _ => "cancelled",
    };
}

/// <summary>What a publish did: meetings now scheduled, and those of an older run that no longer fitted and were left out.</summary>
public sealed record PublishOutcome(int Published, int Skipped);

/// <summary>
/// What organizers do with the matching engine: export an event as an instance file, queue a run (solved in the
/// background, see <see cref="MatchingRunWorker"/>), follow and cancel it, and publish its proposed meetings.
/// </summary>
public sealed class MatchmakingService(
    IAppDbContextFactory dbFactory, MatchInstanceBuilder builder, MatchingRunQueue queue, IMatchingRunChanges changes, IMatchingEvents matchingEvents,
    TimeProvider clock, ILogger<MatchmakingService> logger)
{
    public static readonly Error AlreadyRunning = Error.Conflict("matching_running", "A matching run for this event is already queued or running.");
    internal static readonly Error OrganizersOnly = Error.Forbidden("organizers_only", "Only organizers run the matching.");
    public const string OlderThanPublished = "run_older_than_published";

    public Task<M.MatchInstance?> ExportAsync(int eventId, CancellationToken ct = default) => builder.BuildAsync(eventId, ct);

    /// <param name="replan">Keep the still-valid proposals of the last run where they are and plan only around them.</param>
    public async Task<Result<int>> QueueRunAsync(Actor actor, int eventId, int timeLimitSeconds = 10, int seed = 1, bool replan = false,
        CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        if (timeLimitSeconds is < 1 or > 3600) return Error.Validation("bad_time_limit", "The time limit is 1 to 3600 seconds.");
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return Error.NotFound("event_not_found", $"No event {eventId}.");

        var run = new MatchingRun(eventId, actor.UserId, timeLimitSeconds, seed, clock.GetUtcNow(), replan);
        db.MatchingRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConstraintViolationException ex) when (ex.ConstraintName == Constraints.OneActiveMatchingRun)
        {
            return AlreadyRunning;
        }
        queue.Wake(); // the other instances' workers are woken by the change below
        changes.Publish(new MatchingRunChange(eventId, run.Id));
        return run.Id;
    }

    /// <summary>A run of another event is not found either: routes act only on the event they name.</summary>
    public static Error RunNotFound(int runId) => Error.NotFound("run_not_found", $"No matching run {runId} in this event.");

    public async Task<Result> CancelAsync(Actor actor, int eventId, int runId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.MatchingRuns.AnyAsync(r => r.Id == runId && r.EventId == eventId, ct)) return RunNotFound(runId);
        // A run solving here stops through its token (the executor records the cancel). Anything else, queued or solving
        // on another instance, is cancelled in the database; that instance's heartbeat notices within a second.
        if (queue.Cancel(runId)) return Result.Success();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.MatchingRuns
            .Where(r => r.Id == runId && (r.Status == MatchingRunStatus.Queued || r.Status == MatchingRunStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, MatchingRunStatus.Cancelled).SetProperty(r => r.FinishedAt, now), ct);
        if (cancelled == 0) return Error.Conflict("run_finished", "The run is already over.");
        db.Audit(actor, eventId, AuditActions.MatchingCancelled, $"run:{runId}", null, null, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new MatchingRunChange(eventId, runId));
        return Result.Success();
    }

    public async Task<MatchingRunView?> GetRunAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var run = await Views(db.MatchingRuns.Where(r => r.Id == runId)).FirstOrDefaultAsync(ct);
        return run is null ? null : WithProgress(run);
    }

    public async Task<IReadOnlyList<MatchingRunView>> ListRunsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var runs = await Views(db.MatchingRuns.Where(r => r.EventId == eventId).OrderByDescending(r => r.Id)).ToListAsync(ct);
        return runs.Select(WithProgress).ToList();
    }

    /// <summary>
    /// Publishes a run: its proposals become scheduled meetings that both sides see in their agendas, and
    /// <see cref="IMatchingEvents.PublishedAsync"/> is told after the commit. The run whose proposals are on the
    /// table publishes exactly those. An earlier run (its proposals were replaced by a later one) is published from
    /// its stored schedule: the later run's unpublished proposals are withdrawn, and its meetings that no longer fit
    /// (a slot, table or interpreter taken since, a pair meeting already) are left out and counted.
    /// </summary>
    /// <param name="overNewerPublish">Publishing a run older than the last published one is refused
    /// (<see cref="OlderThanPublished"/>) unless this is set: the organizer confirmed it.</param>
    public async Task<Result<PublishOutcome>> PublishAsync(Actor actor, int eventId, int runId, bool overNewerPublish = false, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = await db.MatchingRuns.FirstOrDefaultAsync(r => r.Id == runId && r.EventId == eventId, ct);
        if (run is null) return RunNotFound(runId);
        if (run.Status != MatchingRunStatus.Succeeded) return Error.Conflict("run_not_succeeded", "Only a finished, successful run can be published.");
        if (run.PublishedAt is not null) return Error.Conflict("run_already_published", "This run is already published.");
        var lastPublished = await db.MatchingRuns.Where(r => r.EventId == run.EventId && r.PublishedAt != null)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (lastPublished > runId && !overNewerPublish)
            return Error.Conflict(OlderThanPublished, $"Run {runId} is older than run {lastPublished}, which is already published.") with
            {
                Details = new { lastPublishedRunId = lastPublished },
            };

        var now = clock.GetUtcNow();
        var proposals = await db.Meetings.Where(m => m.MatchingRunId == runId && m.Status == MeetingStatus.Proposed).ToListAsync(ct);
        var skipped = 0;
        var replaced = await db.MatchingRuns.AnyAsync(r => r.EventId == run.EventId && r.Id > runId && r.Status == MatchingRunStatus.Succeeded, ct);
        if (replaced && run.Schedule is { } schedule)
        {
            // An earlier run: its proposals were replaced. Withdraw the later run's unpublished ones, then place this
            // run's meetings again wherever they still fit beside everything that holds a slot now.
            await db.Meetings.Where(m => m.EventId == run.EventId && m.Status == MeetingStatus.Proposed).ExecuteDeleteAsync(ct);
            var held = await db.Meetings.AsNoTracking().Where(m => m.EventId == run.EventId && MeetingStatuses.HoldingSlot.Contains(m.Status))
                .Select(m => new { m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber, m.InterpreterId }).ToListAsync(ct);
            var people = held.Select(m => (m.ParticipantId, m.TimeSlotId)).ToHashSet();
            var tables = held.Select(m => (m.ExhibitorId, m.TimeSlotId, m.TableNumber)).ToHashSet();
            var interpreters = held.Where(m => m.InterpreterId != null).Select(m => (m.InterpreterId!.Value, m.TimeSlotId)).ToHashSet();
            var pairs = held.Select(m => (m.ParticipantId, m.ExhibitorId)).ToHashSet();
            // A slot-grid change since the run (event set-up) may have dropped some of its slots.
            var slots = (await db.TimeSlots.Where(s => s.EventId == run.EventId).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
            foreach (var m in schedule.Where(m => !m.Pinned))
            {
                if (!slots.Contains(m.TimeSlotId) || pairs.Contains((m.ParticipantId, m.ExhibitorId)) || !people.Add((m.ParticipantId, m.TimeSlotId))
                    || !tables.Add((m.ExhibitorId, m.TimeSlotId, m.TableNumber))
                    || (m.InterpreterId is { } i && !interpreters.Add((i, m.TimeSlotId))))
                {
                    skipped++;
                    continue;
                }
                pairs.Add((m.ParticipantId, m.ExhibitorId));
                var meeting = Meeting.Proposed(run.EventId, m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber, m.InterpreterId, runId, now);
                await db.Meetings.AddAsync(meeting, ct);
                proposals.Add(meeting);
            }
        }
        foreach (var meeting in proposals) meeting.MoveTo(MeetingStatus.Scheduled, now);
        run.Publish(now);
        db.Audit(actor, eventId, AuditActions.MatchingPublished, $"run:{runId}", null,
            new { meetings = proposals.Count, skipped, overNewerPublish }, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConstraintViolationException)
        {
            // A booking took one of the places between our read and our write: nothing was published.
            return Error.Conflict("publish_conflict", "A meeting was booked into one of the run's places meanwhile; publish again.");
        }
        await transaction.CommitAsync(ct);
        await PlannerStatistics.RefreshAsync(db, logger, typeof(Meeting));

        changes.Publish(new MatchingRunChange(run.EventId, runId));
        try
        {
            await matchingEvents.PublishedAsync(new MatchingPublished(run.EventId, runId, proposals.Select(m => m.Id).ToList(), now), ct);
        }
        catch (Exception ex)
        {
            // The meetings are published; a failed announcement is retried by whoever implements the seam, not undone here.
            logger.LogError(ex, "Announcing the publish of matching run {RunId} failed", runId);
        }
        return new PublishOutcome(proposals.Count, skipped);
    }

    /// <summary>The run without its (large) schedule.</summary>
    private static IQueryable<MatchingRunView> Views(IQueryable<MatchingRun> runs) => runs.AsNoTracking().Select(r => new MatchingRunView(
        r.Id, r.EventId, r.Status, r.QueuedAt, r.StartedAt, r.FinishedAt, r.TimeLimitSeconds, r.Seed, r.Replan, r.Figures, r.PinnedMeetings,
        r.KeptMeetings, r.MovedMeetings, r.Error,
        r.Status == MatchingRunStatus.Running ? EF.Property<string?>(r, "Stage") : null,
        r.Status == MatchingRunStatus.Running ? EF.Property<double?>(r, "Fraction") : null, r.PublishedAt));

    /// <summary>The progress of a run solving here is read from memory; one solving on another instance, from its last heartbeat.</summary>
    private MatchingRunView WithProgress(MatchingRunView r) =>
        r.IsActive && queue.ProgressOf(r.Id) is { } progress ? r with { Stage = progress.Stage, Fraction = progress.Fraction } : r;
}
