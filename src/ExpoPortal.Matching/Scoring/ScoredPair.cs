using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Scoring;

/// <summary>A reason for a score, in Korean and English ("같은 HS 0902 녹차 / same HS 0902 green tea").</summary>
public sealed record ScoreReason(string Korean, string English)
{
    public override string ToString() => $"{Korean} / {English}";
}

/// <summary>A candidate pair with the reasons behind its score.</summary>
public sealed record ScoredPair(CandidatePair Pair, IReadOnlyList<ScoreReason> Reasons);
