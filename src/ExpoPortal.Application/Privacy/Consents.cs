using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Privacy;

/// <summary>The privacy policy's version: a new version asks everyone again.</summary>
public static class PrivacyPolicy
{
    public const string Version = "2026-12-01";
}

/// <summary>The current answer to one purpose: null <see cref="Granted"/> when never asked.</summary>
public sealed record ConsentAnswer(string Purpose, bool? Granted, DateTimeOffset? At, string? PolicyVersion, string? Method);

/// <summary>Whose consents these are and what they answered.</summary>
/// <param name="Answered">Every purpose this person is asked has an answer under the current policy version.</param>
public sealed record ConsentState(int EventId, int? ParticipantId, int? ExhibitorId, IReadOnlyList<ConsentAnswer> Purposes, bool Answered)
{
    public bool Grants(string purpose) => Purposes.Any(p => p.Purpose == purpose && p.Granted == true);
}

/// <summary>
/// Consents per purpose (PIPA art. 22: each asked separately, the optional ones refusable). Asked of participants
/// (matching, sharing their profile with exhibitors) and exhibitor staff (the directory book). Answers are appended,
/// never updated; the latest one per purpose counts. Each change is written to the audit log in the same transaction.
/// </summary>
public sealed class Consents(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly Error NotAsked = Error.Forbidden("no_consent_asked", "Only participants and exhibitor staff are asked for consent.");
    public static Error UnknownPurpose(string purpose) => Error.Validation("unknown_purpose", $"'{purpose}' is not a purpose this person is asked about.");

    public async Task<Result<ConsentState>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await StateAsync(db, actor, ct) is { } state ? state : NotAsked;
    }

    /// <summary>
    /// Records the person's answers; purposes not in <paramref name="answers"/> are left as they are, except that on the
    /// first answer (or a new policy version) every purpose asked must be answered: unanswered ones count as refused.
    /// </summary>
    public async Task<Result<ConsentState>> RecordAsync(Actor actor, IReadOnlyDictionary<string, bool> answers, string method, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (await StateAsync(db, actor, ct) is not { } state) return NotAsked;
        var asked = state.Purposes.Select(p => p.Purpose).ToHashSet();
        if (answers.Keys.FirstOrDefault(k => !asked.Contains(k)) is { } unknown) return UnknownPurpose(unknown);
        var now = clock.GetUtcNow();
        foreach (var current in state.Purposes)
        {
            var granted = answers.TryGetValue(current.Purpose, out var given) ? given : state.Answered ? current.Granted ?? false : false;
            // Unchanged under the current version: nothing to record.
            if (current.Granted == granted && current.PolicyVersion == PrivacyPolicy.Version) continue;
            db.ConsentRecords.Add(state.ParticipantId is { } participantId
                ? ConsentRecord.OfParticipant(state.EventId, participantId, actor.UserId, current.Purpose, granted, PrivacyPolicy.Version, method, now)
                : ConsentRecord.OfExhibitorStaff(state.EventId, state.ExhibitorId!.Value, actor.UserId, current.Purpose, granted, PrivacyPolicy.Version, method, now));
            db.Audit(actor, state.EventId, granted ? AuditActions.ConsentGranted : AuditActions.ConsentWithdrawn, SubjectOf(state, actor),
                current.Granted is null ? null : new { current.Purpose, current.Granted, current.PolicyVersion },
                new { current.Purpose, Granted = granted, PolicyVersion = PrivacyPolicy.Version, Method = method }, now);
        }
        await db.SaveChangesAsync(ct);
        return (await StateAsync(db, actor, ct))!;
    }

    /// <summary>Whether this sign-in has answered every purpose it is asked under the current policy (read at sign-in for the cookie).</summary>
    public static async Task<bool> HasAnsweredAsync(IAppDbContext db, string userId, int? participantId, int? exhibitorId, CancellationToken ct = default)
    {
        if (participantId is { } p)
            return await db.ConsentRecords.Where(c => c.ParticipantId == p && c.PolicyVersion == PrivacyPolicy.Version)
                .Select(c => c.Purpose).Distinct().CountAsync(ct) >= ConsentPurposes.ForParticipants.Count;
        if (exhibitorId is not null)
            return await db.ConsentRecords.Where(c => c.UserId == userId && c.ParticipantId == null && c.PolicyVersion == PrivacyPolicy.Version)
                .Select(c => c.Purpose).Distinct().CountAsync(ct) >= ConsentPurposes.ForExhibitorStaff.Count;
        return true;
    }

    /// <summary>The participants whose latest answer to <paramref name="purpose"/> is yes. Never asked means no.</summary>
    public static IQueryable<int> ParticipantsGranting(IAppDbContext db, string purpose) =>
        db.ConsentRecords
            .Where(c => c.ParticipantId != null && c.Purpose == purpose && c.Granted)
            .Where(c => !db.ConsentRecords.Any(later => later.ParticipantId == c.ParticipantId && later.Purpose == purpose && later.Id > c.Id))
            .Select(c => c.ParticipantId!.Value);

    /// <summary>Exhibitors one of whose staff currently consents to <paramref name="purpose"/> (the directory book's contact person).</summary>
    public static IQueryable<int> ExhibitorsWhoseStaffGrant(IAppDbContext db, string purpose) =>
        db.ConsentRecords
            .Where(c => c.ExhibitorId != null && c.ParticipantId == null && c.Purpose == purpose && c.Granted)
            .Where(c => !db.ConsentRecords.Any(later => later.UserId == c.UserId && later.ParticipantId == null && later.Purpose == purpose && later.Id > c.Id))
            .Select(c => c.ExhibitorId!.Value);

    private async Task<ConsentState?> StateAsync(IAppDbContext db, Actor actor, CancellationToken ct)
    {
        int eventId;
        IReadOnlyList<string> asked;
        List<ConsentRecord> records;
        if (actor.ParticipantId is { } participantId)
        {
            var e = await db.Participants.Where(p => p.Id == participantId).Select(p => (int?)p.EventId).FirstOrDefaultAsync(ct);
            if (e is null) return null;
            (eventId, asked) = (e.Value, ConsentPurposes.ForParticipants);
            records = await db.ConsentRecords.AsNoTracking().Where(c => c.ParticipantId == participantId).OrderBy(c => c.Id).ToListAsync(ct);
        }
        else if (actor.ExhibitorId is { } exhibitorId)
        {
            var e = await db.Exhibitors.Where(x => x.Id == exhibitorId).Select(x => (int?)x.EventId).FirstOrDefaultAsync(ct);
            if (e is null) return null;
            (eventId, asked) = (e.Value, ConsentPurposes.ForExhibitorStaff);
            records = await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == actor.UserId && c.ParticipantId == null).OrderBy(c => c.Id).ToListAsync(ct);
        }
        else return null;

        var answers = asked.Select(purpose => records.LastOrDefault(r => r.Purpose == purpose) is { } last
            ? new ConsentAnswer(purpose, last.Granted, last.At, last.PolicyVersion, last.Method)
            : new ConsentAnswer(purpose, null, null, null, null)).ToList();
        return new ConsentState(eventId, actor.ParticipantId, actor.ParticipantId is null ? actor.ExhibitorId : null, answers,
            answers.All(a => a.PolicyVersion == PrivacyPolicy.Version));
    }

    internal static string SubjectOf(ConsentState state, Actor actor) =>
        state.ParticipantId is { } p ? $"participant:{p}" : $"user:{actor.UserId}";
}
