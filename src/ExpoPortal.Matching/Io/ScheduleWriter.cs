using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Io;

public static class ScheduleWriter
{
    public static void WriteFile(string path, MatchSchedule schedule) => File.WriteAllText(path, Write(schedule));

    public static string Write(MatchSchedule schedule) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("format", MatchSchedule.FormatName);
        w.WriteNumber("score", schedule.Score);
        w.WriteNumber("bound", schedule.Bound);
        w.WriteNumber("gap", Math.Round(schedule.Gap, 6));
        w.WriteNumber("seconds", Math.Round(schedule.Seconds, 3));
        w.WriteNumber("idleGaps", schedule.IdleGaps);
        w.WriteNumber("exhibitorsBelowMinimum", schedule.ExhibitorsBelowMinimum);
        w.WriteNumber("mustMeetMissed", schedule.MustMeetMissed);
        w.WriteStartArray("meetings");
        foreach (var m in schedule.Meetings)
        {
            w.WriteStartObject();
            w.WriteString("participant", m.Participant);
            w.WriteString("exhibitor", m.Exhibitor);
            w.WriteString("slot", m.Slot);
            w.WriteNumber("table", m.Table);
            if (m.Interpreter is null) w.WriteNull("interpreter"); else w.WriteString("interpreter", m.Interpreter);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
