using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Io;

/// <summary>Reads an <c>expo-match-schedule/1</c> file. Ids are checked against the instance by the checker, not here.</summary>
public static class ScheduleReader
{
    public static MatchSchedule ReadFile(string path) => Read(FileText.Read(path));

    public static MatchSchedule Read(string json)
    {
        var root = new JsonField(FileText.Parse(json), "$");
        var format = root.Required("format").String();
        if (format != MatchSchedule.FormatName)
            throw root.Child("format").Error($"expected \"{MatchSchedule.FormatName}\", got \"{format}\"");
        var meetings = root.Required("meetings").Items().Select(f => new Meeting(
            f.Required("participant").String(),
            f.Required("exhibitor").String(),
            f.Required("slot").String(),
            f.Required("table").Int(1),
            f.OptionalString("interpreter"))).ToList();
        return new MatchSchedule(meetings,
            Score: root.Has("score") ? root.Child("score").Long() : 0,
            Bound: root.Has("bound") ? root.Child("bound").Long() : 0,
            Gap: root.Has("gap") ? root.Child("gap").Double() : 0,
            Seconds: root.Has("seconds") ? root.Child("seconds").Double() : 0,
            IdleGaps: root.Has("idleGaps") ? root.Child("idleGaps").Int(0) : 0,
            ExhibitorsBelowMinimum: root.Has("exhibitorsBelowMinimum") ? root.Child("exhibitorsBelowMinimum").Int(0) : 0,
            MustMeetMissed: root.Has("mustMeetMissed") ? root.Child("mustMeetMissed").Int(0) : 0);
    }
}
