namespace ExpoPortal.Matching.Scoring;

/// <summary>
/// How much each kind of fit adds to a pair's score (integers, so schedules compare exactly).
/// Documented in docs/matching-format.md; change them in configuration, not in code.
/// </summary>
public sealed record ScoringWeights
{
    /// <summary>Same 6-digit HS subheading (the exact product).</summary>
    public int SameHs6 { get; init; } = 40;
    /// <summary>Same 4-digit HS heading.</summary>
    public int SameHs4 { get; init; } = 25;
    /// <summary>Same 2-digit HS chapter.</summary>
    public int SameHs2 { get; init; } = 10;
    /// <summary>The participant's country is one of the exhibitor's target markets.</summary>
    public int TargetMarket { get; init; } = 15;
    /// <summary>The two sides share a language.</summary>
    public int SharedLanguage { get; init; } = 10;
    /// <summary>No shared language: the meeting needs a scarce interpreter (subtracted).</summary>
    public int InterpreterNeeded { get; init; } = 5;
    /// <summary>Both sides put the other on a wishlist (must-meet or would-like).</summary>
    public int MutualInterest { get; init; } = 60;
    /// <summary>Only the participant asked for the exhibitor.</summary>
    public int ParticipantWish { get; init; } = 30;
    /// <summary>Only the exhibitor asked for the participant.</summary>
    public int ExhibitorWish { get; init; } = 25;
    /// <summary>Same industry.</summary>
    public int SameIndustry { get; init; } = 8;
    /// <summary>The buyer's import scale fits the exhibitor's size (a large importer and a small firm fit less well).</summary>
    public int ScaleFit { get; init; } = 7;
    /// <summary>Candidates kept per participant (the best ones; wished pairs are always kept).</summary>
    public int CandidatesPerParticipant { get; init; } = 40;

    public static ScoringWeights Default { get; } = new();
}
