using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching;

/// <summary>The outcome of <see cref="MatchingEngine.Solve"/>: the schedule and every figure about it.</summary>
/// <param name="Schedule">The meetings, with the figures the schedule file carries (score, bound, gap, idle gaps...).</param>
/// <param name="Figures">Every figure of the run, including those the schedule file does not carry.</param>
/// <param name="RefusedPin">Set when a pinned meeting breaks a rule: nothing was solved, the schedule is empty.</param>
/// <param name="Replan">What a re-plan changed against the previous schedule; null when none was given.</param>
/// <param name="ReachedTimeLimit">True when the time limit cut the search short: the schedule is valid but
/// may then differ from run to run; with time to spare, the same input and seed give the same schedule.</param>
public sealed record MatchResult(
    MatchSchedule Schedule,
    MatchFigures Figures,
    PinRefusal? RefusedPin = null,
    ReplanFigures? Replan = null,
    bool ReachedTimeLimit = false)
{
    public bool Succeeded => RefusedPin is null;

    internal static MatchResult Refused(PinRefusal refusal) => new(new MatchSchedule([]), MatchFigures.None, refusal);
}

/// <summary>How good a schedule is, on every rule the engine ranks (see docs/matching-format.md).</summary>
/// <param name="Bound">The plain upper bound on the score (time-free b-matching with interpreter pools).</param>
/// <param name="Gap">1 − score/bound.</param>
/// <param name="BoundUnderPriorities">A bound on the score of every schedule that places at least as many
/// must-meets, exhibitor-minimum units and participants' first meetings as this one.</param>
/// <param name="GapUnderPriorities">1 − score/bound under priorities: score lost to schedules as good on the priorities.</param>
/// <param name="MustMeetUnavoidable">Must-meets that no schedule can hold (must-meets minus the largest number any schedule can place).</param>
/// <param name="ExhibitorsBelowMinimum">Exhibitors below the minimum their candidates allow.</param>
/// <param name="ParticipantsWithoutMeeting">Participants of the instance with no meeting at all.</param>
/// <param name="PinnedMeetings">Meetings kept exactly where they were pinned.</param>
/// <param name="Seconds">Wall time of the search, from scoring to the finished schedule.</param>
public sealed record MatchFigures(
    int Meetings,
    long Score,
    long Bound,
    double Gap,
    long BoundUnderPriorities,
    double GapUnderPriorities,
    int IdleGaps,
    int MustMeets,
    int MustMeetMissed,
    int MustMeetUnavoidable,
    int ExhibitorsBelowMinimum,
    int ParticipantsWithoutMeeting,
    int PinnedMeetings,
    double Seconds)
{
    internal static readonly MatchFigures None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>What a re-plan changed, measured against the previous schedule.</summary>
/// <param name="Kept">Previous meetings still valid, kept exactly where they were.</param>
/// <param name="Removed">Previous meetings that no longer hold and did not come back.</param>
/// <param name="Moved">Previous meetings that no longer held where they were and came back elsewhere.</param>
/// <param name="Added">Pairs that meet now and were in neither the previous schedule nor the pins.</param>
public sealed record ReplanFigures(int Kept, int Removed, int Moved, int Added);

/// <summary>A pinned meeting that breaks a rule, with the reason (pins are never dropped silently).</summary>
/// <param name="Position">Index of the meeting in the pinned schedule.</param>
public sealed record PinRefusal(int Position, Meeting Meeting, string Reason)
{
    public string Message => $"pinned meetings[{Position}] ({Meeting.Participant}, {Meeting.Exhibitor}, {Meeting.Slot}): {Reason}";
    public override string ToString() => Message;
}
