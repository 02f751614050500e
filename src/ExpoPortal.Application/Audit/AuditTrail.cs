using System.Text.Json;
using System.Text.Json.Serialization;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Audit;
using ExpoPortal.Domain.Meetings;

namespace ExpoPortal.Application.Audit;

/// <summary>
/// Adds audit entries to the caller's unit of work, so that they commit or roll back with the change they describe.
/// Call it before the SaveChanges that writes the change.
/// </summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="actor">Null for the portal itself (an expired request, a worker).</param>
    public static void Audit(this IAppDbContext db, Actor? actor, int? eventId, string action, string subject, object? before, object? after, DateTimeOffset now) =>
        db.AuditLog.Add(new AuditEntry(eventId, actor?.UserId, actor?.Name, action, subject, ToJson(before), ToJson(after), now));

    /// <summary>A meeting's state as the log keeps it.</summary>
    public static object StateOf(Meeting m) => new
    {
        m.Status, m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber, m.InterpreterId, m.Origin, m.Sequence,
    };

    public static string MeetingSubject(int meetingId) => $"meeting:{meetingId}";

    private static string? ToJson(object? state) => state is null ? null : JsonSerializer.Serialize(state, Json);
}

/// <summary>The stable action names of the audit log.</summary>
public static class AuditActions
{
    public const string MeetingBooked = "meeting.booked";
    public const string MeetingCancelled = "meeting.cancelled";
    public const string MeetingMoved = "meeting.moved";
    public const string MeetingStatusChanged = "meeting.status";
    public const string MeetingOutcome = "meeting.outcome";
    public const string InterpreterReassigned = "meeting.interpreter";
    public const string MeetingOwnerChanged = "meeting.owner";
    public const string TeamInvited = "team.invited";
    public const string TeamRemoved = "team.removed";
    public const string EventChanged = "event.changed";
    public const string BookingRulesChanged = "event.booking_rules";
    public const string ImportApplied = "import.applied";
    public const string BoothAssigned = "booth.assigned";
    public const string BoothUnassigned = "booth.unassigned";
    public const string BoothsSwapped = "booth.swapped";
    public const string BoothAdded = "booth.added";
    public const string BoothChanged = "booth.changed";
    public const string AutoAssignApplied = "booth.auto_assign_applied";
    public const string MatchingQueued = "matching.queued";
    public const string MatchingCancelled = "matching.cancelled";
    public const string MatchingPublished = "matching.published";
    public const string PairDecided = "matching.pair_decided";
    public const string OrganizerGranted = "organizer.granted";
    public const string OrganizerRevoked = "organizer.revoked";
    public const string ConsentGranted = "privacy.consent_granted";
    public const string ConsentWithdrawn = "privacy.consent_withdrawn";
    public const string PersonalDataExported = "privacy.exported";
    public const string PersonalDataErased = "privacy.erased";

    /// <summary>Every action, for the audit page's filter: read from the constants above, so a new one cannot be left out.</summary>
    public static readonly IReadOnlyList<string> All = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
