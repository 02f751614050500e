using System.Collections.Concurrent;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Domain.Common;
using ExpoPortal.Matching.Scoring;
using Microsoft.EntityFrameworkCore;
using M = ExpoPortal.Matching.Model;

namespace ExpoPortal.Application.Exhibitors;

public sealed record Recommendation(int ExhibitorId, LocalizedText Name, string? BoothCode, long Score, IReadOnlyList<ScoreReason> Reasons);

/// <summary>
/// "Recommended for you": the exhibitors that the matching engine's own scorer ranks highest for a participant, with
/// its reasons in both languages. The event's profiles are read once and kept for a short while, since a buyer
/// opens the directory often and the scorer needs the whole event's wishlists.
/// </summary>
public sealed class Recommendations(IAppDbContextFactory dbFactory, MatchInstanceBuilder builder, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(2);
    private readonly ProfileScorer _scorer = new(ScoringWeights.Default);
    private readonly ConcurrentDictionary<int, (DateTimeOffset At, M.MatchInstance Instance)> _instances = new();

    public async Task<IReadOnlyList<Recommendation>> ForParticipantAsync(Actor actor, int eventId, int take = 6, CancellationToken ct = default)
    {
        if (actor.ParticipantId is not { } participantId) return [];
        var instance = await InstanceAsync(eventId, ct);
        if (instance?.Participants.FirstOrDefault(p => p.Id == MatchIds.Participant(participantId)) is not { } participant) return [];

        var ranked = instance.Exhibitors
            .Select(x => (Exhibitor: x, Scored: _scorer.ScorePair(participant, x, out _)))
            .Where(x => x.Scored is { Pair.Score: > 0 })
            .OrderByDescending(x => x.Scored!.Pair.Score).ThenBy(x => x.Exhibitor.Id, StringComparer.Ordinal)
            .Take(Math.Clamp(take, 1, 20))
            .ToList();
        var ids = ranked.Select(x => MatchIds.Parse(x.Exhibitor.Id, 'E')).ToList();
        await using var db = await dbFactory.CreateAsync(ct);
        var names = await db.Exhibitors.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.Name, Booth = x.Booth != null ? x.Booth.Code : null }).ToDictionaryAsync(x => x.Id, ct);
        return ranked.Select((x, i) => new Recommendation(ids[i], names[ids[i]].Name, names[ids[i]].Booth, x.Scored!.Pair.Score, x.Scored.Reasons)).ToList();
    }

    private async Task<M.MatchInstance?> InstanceAsync(int eventId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_instances.TryGetValue(eventId, out var kept) && now - kept.At < KeepFor) return kept.Instance;
        var instance = await builder.BuildAsync(eventId, ct);
        if (instance is not null) _instances[eventId] = (now, instance);
        return instance;
    }
}
