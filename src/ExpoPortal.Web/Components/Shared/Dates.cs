using System.Globalization;

namespace ExpoPortal.Web.Components.Shared;

/// <summary>Dates and times as the current language writes them (2027년 5월 19일 / 19 May 2027).</summary>
public static class Dates
{
    public static string Day(DateOnly day) => day.ToString("D", CultureInfo.CurrentCulture);

    public static string Range(DateOnly start, DateOnly end) => start == end ? Day(start) : $"{Day(start)} – {Day(end)}";

    /// <summary>The clock time (09:30) of a UTC instant in the event's own time zone, for grids and agendas by day.</summary>
    public static string Clock(DateTimeOffset utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).ToString("HH:mm");

    /// <summary>A UTC instant shown in the event's own time zone, the one printed on badges and agendas.</summary>
    public static string LocalTime(DateTimeOffset utc, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return local.ToString("g", CultureInfo.CurrentCulture);
    }
}
