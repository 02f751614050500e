using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using M = ExpoPortal.Matching.Model;

namespace ExpoPortal.Application.Matchmaking;

public sealed record MatchingRunView(
    int Id, int EventId, MatchingRunStatus Status, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    int TimeLimitSeconds, int Seed, bool Replan, MatchingFigures? Figures, int PinnedMeetings, int? KeptMeetings, int? MovedMeetings,
    string? Error, string? Stage, double? Fraction);

/// <summary>
/// What organizers do with the matching engine: export an event as an instance file, queue a run (solved in the
/// background, see <see cref="MatchingRunWorker"/>), follow and cancel it, and publish its proposed meetings.
/// </summary>
public sealed class MatchmakingService(IAppDbContextFactory dbFactory, MatchInstanceBuilder builder, MatchingRunQueue queue, TimeProvider clock)
{
    public static readonly Error AlreadyRunning = Error.Conflict("matching_running", "A matching run for this event is already queued or running.");
    private static readonly Error OrganizersOnly = Error.Forbidden("organizers_only", "Only organizers run the matching.");

    public Task<M.MatchInstance?> ExportAsync(int eventId, CancellationToken ct = default) => builder.BuildAsync(eventId, ct);

    /// <param name="replan">Keep the still-valid proposals of the last run where they are and plan only around them.</param>
    public async Task<Result<int>> QueueRunAsync(Actor actor, int eventId, int timeLimitSeconds = 10, int seed = 1, bool replan = false,
        CancellationToken ct = default)
    {
        if (!actor.IsOrganizer) return OrganizersOnly;
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
        queue.Enqueue(run.Id);
        return run.Id;
    }

    public async Task<Result> CancelAsync(Actor actor, int runId, CancellationToken ct = default)
    {
        if (!actor.IsOrganizer) return OrganizersOnly;
        if (queue.Cancel(runId)) return Result.Success();
        await using var db = await dbFactory.CreateAsync(ct);
        var run = await db.MatchingRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return Error.NotFound("run_not_found", $"No matching run {runId}.");
        if (!run.IsActive) return Error.Conflict("run_finished", "The run is already over.");
        run.Cancel(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<MatchingRunView?> GetRunAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var run = await db.MatchingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        return run is null ? null : View(run);
    }

    public async Task<IReadOnlyList<MatchingRunView>> ListRunsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var runs = await db.MatchingRuns.AsNoTracking().Where(r => r.EventId == eventId).OrderByDescending(r => r.Id).ToListAsync(ct);
        return runs.Select(View).ToList();
    }

    /// <summary>Publishes a run's proposals: they become scheduled meetings that both sides see in their agendas.</summary>
    public async Task<Result<int>> PublishAsync(Actor actor, int runId, CancellationToken ct = default)
    {
        if (!actor.IsOrganizer) return OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var run = await db.MatchingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return Error.NotFound("run_not_found", $"No matching run {runId}.");
        if (run.Status != MatchingRunStatus.Succeeded) return Error.Conflict("run_not_succeeded", "Only a finished, successful run can be published.");
        var now = clock.GetUtcNow();
        var proposals = await db.Meetings.Where(m => m.MatchingRunId == runId && m.Status == MeetingStatus.Proposed).ToListAsync(ct);
        foreach (var meeting in proposals) meeting.MoveTo(MeetingStatus.Scheduled, now);
        await db.SaveChangesAsync(ct);
        return proposals.Count;
    }

    private MatchingRunView View(MatchingRun r)
    {
        var progress = r.IsActive ? queue.ProgressOf(r.Id) : null;
        return new MatchingRunView(r.Id, r.EventId, r.Status, r.QueuedAt, r.StartedAt, r.FinishedAt, r.TimeLimitSeconds, r.Seed,
            r.Replan, r.Figures, r.PinnedMeetings, r.KeptMeetings, r.MovedMeetings, r.Error, progress?.Stage, progress?.Fraction);
    }
}
