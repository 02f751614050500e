using ExpoPortal.Matching.Scoring;

namespace ExpoPortal.Matching;

/// <summary>Engine settings. The same instance, options and seed always give the same schedule.</summary>
public sealed record MatchOptions
{
    /// <summary>Wall-clock budget; the polishing stops early when it runs out.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);
    public int Seed { get; init; } = 1;
    /// <summary>Passes of local moves over the meetings that still have idle gaps (fewer for very large events, see MatchingEngine).</summary>
    public int PolishPasses { get; init; } = 40;
    public ScoringWeights Scoring { get; init; } = ScoringWeights.Default;

    /// <summary>
    /// Buyer-side fairness floor: every participant with a candidate gets at least one meeting where the tables
    /// allow, before popular pairs get more (ranked after must-meets and exhibitor minimums). Off, the engine
    /// maximises the plain score.
    /// </summary>
    public bool EveryParticipantMeets { get; init; } = true;
}

/// <summary>Where a run is; reported to an <see cref="IProgress{T}"/>.</summary>
public sealed record MatchProgress(string Stage, double Fraction);
