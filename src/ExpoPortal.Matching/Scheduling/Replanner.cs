using ExpoPortal.Matching.Model;
using ExpoPortal.Matching.Scoring;

namespace ExpoPortal.Matching.Scheduling;

/// <summary>What a re-plan changed, measured against the previous schedule.</summary>
public sealed record ReplanResult(MatchResult Result, int Kept, int Removed, int Moved, int Added);

/// <summary>
/// Re-plans after a change (a cancellation, a late arrival, a new exhibitor): every previous meeting
/// that is still valid is pinned where it is; the others are dropped, and the engine fills the freed
/// room. Dropped meetings that come back elsewhere count as moved.
/// </summary>
public static class Replanner
{
    public static ReplanResult Replan(MatchInstance changed, MatchSchedule previous, MatchOptions? options = null,
        IProgress<MatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var problem = new MatchProblem(changed, CandidateSource.Resolve(changed, (options ?? new()).Scoring));
        var probe = new Timetable(problem);
        var stillValid = PinPlacer.PlaceValid(probe, previous.Meetings);
        var result = MatchingEngine.Solve(changed, options, new MatchSchedule(stillValid), progress, cancellation);
        var before = previous.Meetings.Select(m => (m.Participant, m.Exhibitor)).ToHashSet();
        var now = result.Schedule.Meetings.Select(m => (m.Participant, m.Exhibitor)).ToHashSet();
        var dropped = previous.Meetings.Count - stillValid.Count;
        var moved = previous.Meetings.Except(stillValid).Count(m => now.Contains((m.Participant, m.Exhibitor)));
        var added = now.Count(pair => !before.Contains(pair));
        return new ReplanResult(result, stillValid.Count, dropped - moved, moved, added);
    }
}
