using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ExpoPortal.Domain.Meetings;

namespace ExpoPortal.Application.Meetings;

/// <summary>
/// A participant's agenda as an iCalendar file (RFC 5545). Each meeting keeps one UID for life, so downloading the
/// file again updates the calendar instead of duplicating; SEQUENCE rises when a meeting moves or is cancelled.
/// Times carry the event's TZID with its VTIMEZONE. There is no ORGANIZER: it would make calendars send replies.
/// </summary>
public static class AgendaCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(Agenda agenda, string language)
    {
        var calendar = new Calendar { ProductId = "-//ExpoPortal//Agenda//EN", Method = "PUBLISH" };
        var zone = TimeZoneInfo.FindSystemTimeZoneById(agenda.TimeZoneId);
        var earliest = agenda.Items.Count > 0 ? agenda.Items.Min(i => i.StartsAt).UtcDateTime.AddDays(-1) : DateTime.UtcNow;
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(agenda.TimeZoneId, earliest, includeHistoricalData: false));

        foreach (var item in agenda.Items)
        {
            var place = string.Join(", ", new[] { item.Hall?.In(language), item.BoothCode is { } b ? Booth(language, b) : null, Table(language, item.TableNumber) }
                .Where(p => !string.IsNullOrEmpty(p)));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"meeting-{item.MeetingId}@{agenda.EventSlug}.expoportal",
                Summary = language == "ko" ? $"수출상담: {item.Exhibitor.In(language)}" : $"Export consultation: {item.Exhibitor.In(language)}",
                Description = item.Interpreter is { } interpreter ? (language == "ko" ? $"통역: {interpreter}" : $"Interpreter: {interpreter}") : null,
                Location = place,
                DtStart = Local(item.StartsAt, zone, agenda.TimeZoneId),
                DtEnd = Local(item.EndsAt, zone, agenda.TimeZoneId),
                DtStamp = new CalDateTime(item.UpdatedAt.UtcDateTime, "UTC", hasTime: true),
                Sequence = item.Sequence,
                Status = item.Status.HoldsSlot() ? "CONFIRMED" : "CANCELLED",
            });
        }
        return new CalendarSerializer(calendar).SerializeToString()!;
    }

    private static CalDateTime Local(DateTimeOffset utc, TimeZoneInfo zone, string tzId) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(utc, zone).DateTime, DateTimeKind.Unspecified), tzId, hasTime: true);

    private static string Booth(string language, string code) => language == "ko" ? $"부스 {code}" : $"Booth {code}";

    private static string Table(string language, int table) => language == "ko" ? $"{table}번 테이블" : $"Table {table}";
}
