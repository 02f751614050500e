using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Scoring;

/// <summary>The candidate pairs of an instance: the explicit list if given, else scored from the profiles.</summary>
public static class CandidateSource
{
    public static IReadOnlyList<CandidatePair> Resolve(MatchInstance instance, ScoringWeights? weights = null)
    {
        if (instance.Pairs is not null)
        {
            var blocked = (instance.Blocked ?? []).Select(b => (b.Participant, b.Exhibitor)).ToHashSet();
            return blocked.Count == 0 ? instance.Pairs : instance.Pairs.Where(p => !blocked.Contains((p.Participant, p.Exhibitor))).ToList();
        }
        return new ProfileScorer(weights ?? ScoringWeights.Default).Score(instance).Select(s => s.Pair).ToList();
    }
}
