using System.Globalization;
using ExpoPortal.Domain.Common;

namespace ExpoPortal.Application.Notifications;

/// <summary>What each notification says, written once in Korean and once in English.</summary>
public static class NotificationTexts
{
    private static readonly CultureInfo Ko = CultureInfo.GetCultureInfo("ko-KR");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A slot's start in the event's time zone, as each language writes it.</summary>
    public static LocalizedText When(DateTimeOffset utc, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return new(local.ToString("M월 d일 (ddd) HH:mm", Ko), local.ToString("ddd d MMM, HH:mm", En));
    }

    public static (LocalizedText Title, LocalizedText Body) Booked(LocalizedText with, LocalizedText when) =>
        (new($"상담 예약: {with.Ko}", $"Meeting booked: {with.En}"),
         new($"{when.Ko}에 {with.Ko}와(과)의 상담이 예약되었습니다.", $"A consultation with {with.En} is booked for {when.En}."));

    public static (LocalizedText Title, LocalizedText Body) Cancelled(LocalizedText with, LocalizedText when) =>
        (new($"상담 취소: {with.Ko}", $"Meeting cancelled: {with.En}"),
         new($"{when.Ko} {with.Ko}와(과)의 상담이 취소되었습니다.", $"The consultation with {with.En} on {when.En} is cancelled."));

    public static (LocalizedText Title, LocalizedText Body) Moved(LocalizedText with, LocalizedText when) =>
        (new($"상담 시간 변경: {with.Ko}", $"Meeting moved: {with.En}"),
         new($"{with.Ko}와(과)의 상담이 {when.Ko}(으)로 변경되었습니다.", $"The consultation with {with.En} now takes place on {when.En}."));

    public static (LocalizedText Title, LocalizedText Body) RequestReceived(LocalizedText from, string message) =>
        (new($"상담 요청: {from.Ko}", $"Meeting request from {from.En}"),
         new(string.IsNullOrWhiteSpace(message) ? $"{from.Ko}에서 상담을 요청했습니다." : $"{from.Ko}: “{message}”",
             string.IsNullOrWhiteSpace(message) ? $"{from.En} asks for a meeting." : $"{from.En}: “{message}”"));

    public static (LocalizedText Title, LocalizedText Body) RequestAccepted(LocalizedText by, LocalizedText when) =>
        (new($"상담 요청 수락: {by.Ko}", $"Request accepted: {by.En}"),
         new($"{by.Ko}에서 상담 요청을 수락했습니다. 상담 시간: {when.Ko}", $"{by.En} accepted your request. Your meeting: {when.En}."));

    public static (LocalizedText Title, LocalizedText Body) RequestDeclined(LocalizedText by) =>
        (new($"상담 요청 거절: {by.Ko}", $"Request declined: {by.En}"),
         new($"{by.Ko}에서 상담 요청을 거절했습니다.", $"{by.En} declined your meeting request."));

    public static (LocalizedText Title, LocalizedText Body) RequestExpired(LocalizedText other) =>
        (new($"상담 요청 만료: {other.Ko}", $"Request expired: {other.En}"),
         new($"{other.Ko}와(과)의 상담 요청이 응답 없이 만료되었습니다.", $"The meeting request with {other.En} expired without an answer."));

    public static (LocalizedText Title, LocalizedText Body) Reminder(LocalizedText with, LocalizedText when, string? place) =>
        (new($"곧 상담: {with.Ko}", $"Coming up: {with.En}"),
         new($"{when.Ko} {with.Ko}와(과)의 상담이 있습니다.{(place is null ? "" : $" 장소: {place}")}",
             $"Your consultation with {with.En} is at {when.En}.{(place is null ? "" : $" Place: {place}")}"));

    public static (LocalizedText Title, LocalizedText Body) SchedulePublished(LocalizedText eventName, int meetings) =>
        (new($"상담 일정 발표: {eventName.Ko}", $"Schedule published: {eventName.En}"),
         new($"주최 측이 상담 일정을 발표했습니다. 예정된 상담 {meetings}건을 확인하세요.", $"The organizers published the consultation schedule: you have {meetings} meetings."));
}
