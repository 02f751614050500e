using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Matching.Scoring;
using Microsoft.EntityFrameworkCore;
using M = ExpoPortal.Matching.Model;

namespace ExpoPortal.Application.Matchmaking;

public sealed record ReviewExhibitor(int Id, LocalizedText Name, string? BoothCode, string? HallCode, int Tables, int MinMeetings);
public sealed record ReviewParticipant(int Id, string Name, string? KoreanName, string Company, string CountryCode);
public sealed record ReviewSlot(int Id, DateOnly Day, DateTimeOffset StartsAt);
public sealed record ReviewHall(string Code, LocalizedText Name, int Tables);
public sealed record InterpreterLoad(int InterpreterId, string Name, int Meetings);

/// <summary>An organizer's decision about one pair, from the review: lock it in (must meet) or block it (never).</summary>
public enum PairDecision
{
    Lock,
    Block,
}

/// <summary>
/// A finished run, ready to review: its meetings with the names of both sides, the slot grid and halls for the heat
/// map, interpreter load, the organizers' locks and blocks, and each pair's reasons from the engine's own scorer.
/// </summary>
public sealed class RunReview(
    MatchingRunView run, IReadOnlyList<PlannedMeeting> meetings, IReadOnlyDictionary<int, ReviewExhibitor> exhibitors,
    IReadOnlyDictionary<int, ReviewParticipant> participants, IReadOnlyDictionary<int, string> interpreters,
    IReadOnlyList<ReviewSlot> slots, IReadOnlyList<ReviewHall> halls, IReadOnlyDictionary<(int, int), PairDecision> decisions,
    M.MatchInstance instance)
{
    private readonly ProfileScorer _scorer = new(ScoringWeights.Default);
    private readonly Dictionary<string, M.Participant> _participants = instance.Participants.ToDictionary(p => p.Id);
    private readonly Dictionary<string, M.Exhibitor> _exhibitors = instance.Exhibitors.ToDictionary(x => x.Id);

    public MatchingRunView Run => run;
    public IReadOnlyList<PlannedMeeting> Meetings => meetings;
    public IReadOnlyDictionary<int, ReviewExhibitor> Exhibitors => exhibitors;
    public IReadOnlyDictionary<int, ReviewParticipant> Participants => participants;
    public IReadOnlyDictionary<int, string> Interpreters => interpreters;
    public IReadOnlyList<ReviewSlot> Slots => slots;
    public IReadOnlyList<ReviewHall> Halls => halls;
    public IReadOnlyDictionary<(int ParticipantId, int ExhibitorId), PairDecision> Decisions => decisions;

    public IEnumerable<PlannedMeeting> OfExhibitor(int exhibitorId) => meetings.Where(m => m.ExhibitorId == exhibitorId).OrderBy(m => m.TimeSlotId);
    public IEnumerable<PlannedMeeting> OfParticipant(int participantId) => meetings.Where(m => m.ParticipantId == participantId).OrderBy(m => m.TimeSlotId);

    public IEnumerable<PlannedMeeting> InSlot(int slotId, string hallCode) =>
        meetings.Where(m => m.TimeSlotId == slotId && exhibitors.GetValueOrDefault(m.ExhibitorId)?.HallCode == hallCode)
            .OrderBy(m => m.ExhibitorId).ThenBy(m => m.TableNumber);

    /// <summary>Tables in use in one hall in one slot, for the heat map.</summary>
    public int TablesInUse(int slotId, string hallCode) => InSlot(slotId, hallCode).Count();

    public IReadOnlyList<InterpreterLoad> InterpreterLoads() => meetings.Where(m => m.InterpreterId != null)
        .GroupBy(m => m.InterpreterId!.Value)
        .Select(g => new InterpreterLoad(g.Key, interpreters.GetValueOrDefault(g.Key, $"#{g.Key}"), g.Count()))
        .OrderByDescending(l => l.Meetings).ThenBy(l => l.Name).ToList();

    /// <summary>
    /// Why the engine scores this pair as it does, in Korean and English, from the engine's scorer on the event as it
    /// is now (a wish changed since the run shows its new effect). Empty when the pair is no longer a candidate.
    /// </summary>
    public IReadOnlyList<ScoreReason> ReasonsFor(int participantId, int exhibitorId) =>
        _participants.TryGetValue(MatchIds.Participant(participantId), out var p) && _exhibitors.TryGetValue(MatchIds.Exhibitor(exhibitorId), out var x)
            ? _scorer.ScorePair(p, x, out _)?.Reasons ?? []
            : [];
}

/// <summary>Two runs side by side: their figures and how many meetings the two schedules share.</summary>
/// <param name="Same">Meetings in both, at the same slot and table.</param>
/// <param name="OnlyFirst">Meetings of the first run that the second does not hold where the first did.</param>
/// <param name="PairsOnlyFirst">Pairs that meet in the first run and not at all in the second.</param>
public sealed record RunComparison(MatchingRunView First, MatchingRunView Second, int Same, int OnlyFirst, int OnlySecond,
    int PairsOnlyFirst, int PairsOnlySecond);

/// <summary>The review side of the matching page: read a finished run, compare two, lock or block a pair.</summary>
public sealed class MatchingReview(IAppDbContextFactory dbFactory, MatchInstanceBuilder builder, MatchmakingService matching)
{
    public async Task<Result<RunReview>> ReviewAsync(Actor actor, int eventId, int runId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MatchmakingService.OrganizersOnly;
        var view = await matching.GetRunAsync(runId, ct);
        if (view is null || view.EventId != eventId) return Error.NotFound("run_not_found", $"No matching run {runId}.");
        if (view.Status != MatchingRunStatus.Succeeded) return Error.Conflict("run_not_succeeded", "Only a finished run can be reviewed.");
        var meetings = await ScheduleAsync(runId, ct);

        await using var db = await dbFactory.CreateAsync(ct);
        var exhibitors = await db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId)
            .Select(x => new ReviewExhibitor(x.Id, x.Name, x.Booth == null ? null : x.Booth.Code, x.Booth == null ? null : x.Booth.Hall.Code,
                x.Booth == null ? 0 : x.Booth.MeetingTables, x.MinMeetings))
            .ToDictionaryAsync(x => x.Id, ct);
        var participants = await db.Participants.AsNoTracking().Where(p => p.EventId == eventId)
            .Select(p => new ReviewParticipant(p.Id, p.FullName, p.KoreanName, p.Company, p.CountryCode))
            .ToDictionaryAsync(p => p.Id, ct);
        var interpreters = await db.Interpreters.AsNoTracking().Where(i => i.EventId == eventId).ToDictionaryAsync(i => i.Id, i => i.FullName, ct);
        var slots = await db.TimeSlots.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt)
            .Select(s => new ReviewSlot(s.Id, s.Day, s.StartsAt)).ToListAsync(ct);
        var halls = (await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code).ToListAsync(ct))
            .Select(h => new ReviewHall(h.Code, h.Name, exhibitors.Values.Where(x => x.HallCode == h.Code).Sum(x => x.Tables)))
            .Where(h => h.Tables > 0).ToList();
        var decisions = await DecisionsAsync(db, eventId, ct);
        var instance = await builder.BuildAsync(eventId, ct) ?? throw new InvalidOperationException($"Event {eventId} is gone.");
        return new RunReview(view, meetings, exhibitors, participants, interpreters, slots, halls, decisions, instance);
    }

    public async Task<Result<RunComparison>> CompareAsync(Actor actor, int eventId, int firstRunId, int secondRunId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MatchmakingService.OrganizersOnly;
        var first = await matching.GetRunAsync(firstRunId, ct);
        var second = await matching.GetRunAsync(secondRunId, ct);
        if (first is null || second is null || first.EventId != eventId || second.EventId != eventId)
            return Error.NotFound("run_not_found", "No such matching run for this event.");
        if (first.Status != MatchingRunStatus.Succeeded || second.Status != MatchingRunStatus.Succeeded)
            return Error.Conflict("run_not_succeeded", "Only finished runs can be compared.");
        var a = (await ScheduleAsync(firstRunId, ct)).Select(m => (m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber)).ToHashSet();
        var b = (await ScheduleAsync(secondRunId, ct)).Select(m => (m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber)).ToHashSet();
        var pairsA = a.Select(m => (m.ParticipantId, m.ExhibitorId)).ToHashSet();
        var pairsB = b.Select(m => (m.ParticipantId, m.ExhibitorId)).ToHashSet();
        var same = a.Count(b.Contains);
        return new RunComparison(first, second, same, a.Count - same, b.Count - same, pairsA.Count(p => !pairsB.Contains(p)), pairsB.Count(p => !pairsA.Contains(p)));
    }

    /// <summary>
    /// Locks a pair in (the next run treats it as a must-meet) or blocks it (the next run never proposes it), or
    /// clears the organizers' decision (null). Stored as the organizers' line of the wishlist; takes effect at the next run.
    /// </summary>
    public async Task<Result> DecideAsync(Actor actor, int eventId, int participantId, int exhibitorId, PairDecision? decision, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return MatchmakingService.OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Participants.AnyAsync(p => p.Id == participantId && p.EventId == eventId, ct)
            || !await db.Exhibitors.AnyAsync(x => x.Id == exhibitorId && x.EventId == eventId, ct))
            return Error.NotFound("pair_not_found", "No such participant or exhibitor in this event.");
        var wish = await db.MeetingWishes.FirstOrDefaultAsync(
            w => w.ParticipantId == participantId && w.ExhibitorId == exhibitorId && w.WishedBy == WishedBy.Organizer, ct);
        var level = decision switch { PairDecision.Lock => WishLevel.MustMeet, PairDecision.Block => WishLevel.NotInterested, _ => (WishLevel?)null };
        if (level is null)
        {
            if (wish is not null) db.MeetingWishes.Remove(wish);
        }
        else if (wish is null) db.MeetingWishes.Add(new MeetingWish(eventId, participantId, exhibitorId, WishedBy.Organizer, level.Value));
        else wish.Change(level.Value);
        db.Audit(actor, eventId, AuditActions.PairDecided, $"pair:{participantId}-{exhibitorId}", null, new { decision = decision?.ToString() }, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<IReadOnlyDictionary<(int ParticipantId, int ExhibitorId), PairDecision>> DecisionsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await DecisionsAsync(db, eventId, ct);
    }

    private static async Task<IReadOnlyDictionary<(int, int), PairDecision>> DecisionsAsync(IAppDbContext db, int eventId, CancellationToken ct) =>
        (await db.MeetingWishes.AsNoTracking().Where(w => w.EventId == eventId && w.WishedBy == WishedBy.Organizer).ToListAsync(ct))
        .ToDictionary(w => (w.ParticipantId, w.ExhibitorId), w => w.Level == WishLevel.MustMeet ? PairDecision.Lock : PairDecision.Block);

    /// <summary>The run's stored schedule; for runs stored before schedules were kept, the meetings that carry its id.</summary>
    private async Task<IReadOnlyList<PlannedMeeting>> ScheduleAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var stored = await db.MatchingRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.Schedule).FirstOrDefaultAsync(ct);
        if (stored is not null) return stored;
        return await db.Meetings.AsNoTracking().Where(m => m.MatchingRunId == runId && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .Select(m => new PlannedMeeting(m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber, m.InterpreterId, false)).ToListAsync(ct);
    }
}
