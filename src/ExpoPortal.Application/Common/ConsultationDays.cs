namespace ExpoPortal.Application.Common;

public static class ConsultationDays
{
    /// <summary>The consultation day running now in the event's time zone, else the next one, else the last (default with none).</summary>
    public static DateOnly Current(IReadOnlyList<DateOnly> days, string timeZoneId, DateTimeOffset now)
    {
        if (days.Count == 0) return default;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);
        return days.FirstOrDefault(d => d >= today, days[^1]);
    }
}
