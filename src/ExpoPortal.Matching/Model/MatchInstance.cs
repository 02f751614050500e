namespace ExpoPortal.Matching.Model;

/// <summary>One bookable time slot of the event grid (format <c>expo-match/1</c>).</summary>
public sealed record Slot(string Id, string Day, DateTimeOffset Start, int Minutes, string? Hall = null);

/// <summary>An exhibitor's booth: <see cref="Tables"/> meetings can run in parallel in one slot.</summary>
public sealed record Exhibitor(
    string Id,
    int Tables,
    int MinMeetings,
    int MaxMeetings,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string>? Available = null,
    string? Hall = null,
    ExhibitorProfile? Profile = null);

/// <summary>A visiting buyer. <see cref="Available"/> null means every slot.</summary>
public sealed record Participant(
    string Id,
    int MaxMeetings,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string>? Available = null,
    ParticipantProfile? Profile = null);

public sealed record Interpreter(string Id, IReadOnlyList<string> Languages, IReadOnlyList<string>? Available = null);

/// <summary>An explicitly allowed meeting with its fixed score.</summary>
public sealed record CandidatePair(string Participant, string Exhibitor, int Score, bool MustMeet = false);

/// <summary>
/// A whole matching problem. Either <see cref="Pairs"/> is given (only those pairs may meet, with exactly
/// those scores) or the pairs are derived from the profiles by <c>Scoring.ProfileScorer</c>.
/// </summary>
public sealed record MatchInstance(
    IReadOnlyList<Slot> Slots,
    IReadOnlyList<Exhibitor> Exhibitors,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<Interpreter> Interpreters,
    IReadOnlyList<CandidatePair>? Pairs = null,
    IReadOnlyList<BlockedPair>? Blocked = null)
{
    public const string FormatName = "expo-match/1";
}

/// <summary>A pair the organizer forbids (conflict of interest, competitor...).</summary>
public sealed record BlockedPair(string Participant, string Exhibitor);
