namespace ExpoPortal.Matching.Model;

/// <summary>One meeting: who, where (table 1-based), when, with which interpreter.</summary>
public sealed record Meeting(string Participant, string Exhibitor, string Slot, int Table, string? Interpreter = null);

/// <summary>A solved (or hand-made) schedule and its figures (format <c>expo-match-schedule/1</c>).</summary>
public sealed record MatchSchedule(
    IReadOnlyList<Meeting> Meetings,
    long Score = 0,
    long Bound = 0,
    double Gap = 0,
    double Seconds = 0,
    int IdleGaps = 0,
    int ExhibitorsBelowMinimum = 0,
    int MustMeetMissed = 0)
{
    public const string FormatName = "expo-match-schedule/1";
}
