using System.Text.Json;
using System.Text.Json.Serialization;
using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Privacy;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Infrastructure.Privacy;

/// <summary>
/// A person's rights over their data (PIPA art. 35 and 36): everything stored about them as one JSON document, and
/// erasure on request. Lives beside Identity because the account is part of both. Erasure runs in one transaction:
/// the sign-in goes, the participant row is kept but stripped of everything that identifies the person (so its
/// meetings still count in the results), wishes, requests, notifications and consent records go, the person's name
/// leaves the audit log, and the erasure itself is logged.
/// </summary>
public sealed class PersonalData(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly Error NothingToErase = Error.Forbidden("no_personal_data", "Only participants and exhibitor staff can have their data erased here.");
    public static readonly Error ParticipantNotFound = Error.NotFound("participant_not_found", "No such participant in this event.");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Everything stored about the signed-in person, as indented JSON (UTF-8).</summary>
    public async Task<Result<byte[]>> ExportAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null) return Error.NotFound("user_not_found", "Your account no longer exists.");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync(ct);
        var now = clock.GetUtcNow();
        int? eventId = null;
        object? participant = null, exhibitor = null;
        object[] wishes = [], meetings = [], requests = [], notifications = [];
        if (user.ParticipantId is { } pid && await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) is { } p)
        {
            eventId = p.EventId;
            participant = new
            {
                p.Id, p.EventId, p.Email, p.Kind, p.FullName, p.KoreanName, p.Company, p.CountryCode, p.City, p.Chapter, p.Languages,
                p.HsInterests, p.CategoryInterests, p.ImportScale, p.MaxMeetings, p.ArrivesAt, p.DepartsAt, p.Hotel, p.InvitedById,
            };
            wishes = await db.MeetingWishes.AsNoTracking().Where(w => w.ParticipantId == pid)
                .Select(w => (object)new { w.ExhibitorId, Exhibitor = db.Exhibitors.Where(x => x.Id == w.ExhibitorId).Select(x => x.Name.En).FirstOrDefault(), w.WishedBy, w.Level })
                .ToArrayAsync(ct);
            meetings = await db.Meetings.AsNoTracking().Where(m => m.ParticipantId == pid).OrderBy(m => m.TimeSlot.StartsAt)
                .Select(m => (object)new
                {
                    m.Id, m.ExhibitorId, Exhibitor = m.Exhibitor.Name.En, m.TimeSlot.StartsAt, m.TimeSlot.EndsAt, m.TableNumber, m.Status, m.Origin,
                    Interpreter = m.Interpreter != null ? m.Interpreter.FullName : null, m.Outcome,
                })
                .ToArrayAsync(ct);
            requests = await db.MeetingRequests.AsNoTracking().Where(r => r.ParticipantId == pid).OrderBy(r => r.Id)
                .Select(r => (object)new { r.Id, r.ExhibitorId, r.RequestedBy, r.Message, r.PreferredSlotId, r.Status, r.CreatedAt, r.ExpiresAt, r.AnsweredAt, r.MeetingId })
                .ToArrayAsync(ct);
            notifications = await db.Notifications.AsNoTracking().Where(n => n.ParticipantId == pid).OrderBy(n => n.Id)
                .Select(n => (object)new { n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt, n.MailStatus, n.MailedAt })
                .ToArrayAsync(ct);
        }
        else if (user.ExhibitorId is { } xid && await db.Exhibitors.AsNoTracking().FirstOrDefaultAsync(x => x.Id == xid, ct) is { } x)
        {
            eventId = x.EventId;
            exhibitor = new { x.Id, x.EventId, Name = x.Name, Contact = x.Contact.Email == user.Email ? x.Contact : null };
        }
        var consents = await db.ConsentRecords.AsNoTracking()
            .Where(c => user.ParticipantId != null ? c.ParticipantId == user.ParticipantId : c.UserId == user.Id && c.ParticipantId == null)
            .OrderBy(c => c.Id).Select(c => new { c.Purpose, c.Granted, c.PolicyVersion, c.Method, c.At }).ToListAsync(ct);
        var actions = await db.AuditLog.AsNoTracking().Where(a => a.ActorUserId == user.Id).OrderBy(a => a.Id)
            .Select(a => new { a.At, a.Action, a.Subject }).ToListAsync(ct);

        var document = new
        {
            ExportedAt = now,
            PrivacyPolicyVersion = PrivacyPolicy.Version,
            Account = new { user.Id, user.Email, user.UserName, user.DisplayName, user.EmailConfirmed, user.PhoneNumber, Roles = roles },
            Participant = participant,
            Exhibitor = exhibitor,
            Consents = consents,
            Wishes = wishes,
            Meetings = meetings,
            Requests = requests,
            Notifications = notifications,
            ActionsInAuditLog = actions,
        };
        if (eventId is not null)
        {
            db.Audit(actor, eventId, AuditActions.PersonalDataExported, SubjectOf(user.ParticipantId, user.Id), null, new { By = "self" }, now);
            await db.SaveChangesAsync(ct);
        }
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>The signed-in participant or staff member erases their own data and account.</summary>
    public async Task<Result<ErasureReport>> EraseSelfAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null) return Error.NotFound("user_not_found", "Your account no longer exists.");
        if (user.ParticipantId is { } pid) return await EraseParticipantAsync(db, actor, pid, "self", ct);
        if (user.ExhibitorId is { } xid) return await EraseStaffAsync(db, actor, user.Id, xid, "self", ct);
        return NothingToErase;
    }

    /// <summary>An organizer of the event (or an administrator) handles a participant's erasure request.</summary>
    public async Task<Result<ErasureReport>> EraseParticipantAsync(Actor actor, int eventId, int participantId, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return Application.Access.OrganizerGrants.NotOrganizerOfEvent;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Participants.AnyAsync(p => p.Id == participantId && p.EventId == eventId, ct)) return ParticipantNotFound;
        return await EraseParticipantAsync(db, actor, participantId, "organizer", ct);
    }

    /// <summary>
    /// Destruction at the end of the retention period the privacy policy states: the participants and exhibitor staff
    /// sign-ins of every event that ended more than <paramref name="retentionDays"/> days ago are erased as on request
    /// (meetings kept anonymised for the results), each in its own transaction and logged with <c>By = retention</c>.
    /// Erased participants are not taken again, so a sweep that stops half-way is finished by the next one.
    /// </summary>
    public async Task<RetentionReport> DestroyExpiredAsync(int retentionDays, CancellationToken ct = default)
    {
        var cutoff = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-retentionDays);
        List<int> events, participants;
        List<(string UserId, int ExhibitorId)> staff;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            events = await db.Events.Where(e => e.EndDate < cutoff).Select(e => e.Id).ToListAsync(ct);
            participants = await db.Participants.Where(p => events.Contains(p.EventId) && p.FullName != Domain.Participants.Participant.ErasedMarker)
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
            staff = (await db.Users.Where(u => u.ExhibitorId != null && db.Exhibitors.Any(x => x.Id == u.ExhibitorId && events.Contains(x.EventId)))
                .Select(u => new { u.Id, ExhibitorId = u.ExhibitorId!.Value }).ToListAsync(ct)).Select(u => (u.Id, u.ExhibitorId)).ToList();
        }
        foreach (var participantId in participants)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await EraseParticipantAsync(db, null, participantId, "retention", ct);
        }
        foreach (var (userId, exhibitorId) in staff)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await EraseStaffAsync(db, null, userId, exhibitorId, "retention", ct);
        }
        return new RetentionReport(events.Count, participants.Count, staff.Count);
    }

    private async Task<Result<ErasureReport>> EraseParticipantAsync(AppDbContext db, Actor? actor, int participantId, string by, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var participant = await db.Participants.FirstAsync(p => p.Id == participantId, ct);
        var eventId = participant.EventId;
        var users = await db.Users.Where(u => u.ParticipantId == participantId).ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToList();
        var now = clock.GetUtcNow();

        participant.Erase();
        var meetingsKept = await db.Meetings.CountAsync(m => m.ParticipantId == participantId, ct);
        var wishes = await db.MeetingWishes.Where(w => w.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        var requests = await db.MeetingRequests.Where(r => r.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        var notifications = await db.Notifications.Where(n => n.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        var consents = await db.ConsentRecords.Where(c => c.ParticipantId == participantId).ExecuteDeleteAsync(ct);
        await RedactAuditAsync(db, userIds, ct);
        db.Users.RemoveRange(users);
        // Written with the erasure, by id only: the log says that it happened, not who the person was.
        db.Audit(by == "organizer" ? actor : null, eventId, AuditActions.PersonalDataErased, SubjectOf(participantId, null), null,
            new { By = by, MeetingsKept = meetingsKept, Wishes = wishes, Requests = requests, Notifications = notifications, ConsentRecords = consents, Accounts = users.Count }, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ErasureReport(eventId, participantId, users.Count, meetingsKept);
    }

    private async Task<Result<ErasureReport>> EraseStaffAsync(AppDbContext db, Actor? actor, string userId, int exhibitorId, string by, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        var eventId = await db.Exhibitors.Where(x => x.Id == exhibitorId).Select(x => x.EventId).FirstAsync(ct);
        var consents = await db.ConsentRecords.Where(c => c.UserId == userId && c.ParticipantId == null).ExecuteDeleteAsync(ct);
        await db.Exhibitors.Where(x => x.Id == exhibitorId && x.ListingUpdatedBy == user.DisplayName)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ListingUpdatedBy, (string?)null), ct);
        await RedactAuditAsync(db, [userId], ct);
        db.Users.Remove(user);
        db.Audit(null, eventId, AuditActions.PersonalDataErased, SubjectOf(null, userId), null,
            new { By = by, ExhibitorId = exhibitorId, ConsentRecords = consents, Accounts = 1 }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ErasureReport(eventId, null, 1, 0);
    }

    /// <summary>The person's name leaves the entries they made; the entries stay (who did what stays provable by the opaque id).</summary>
    private static Task<int> RedactAuditAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        db.AuditLog.Where(a => a.ActorUserId != null && userIds.Contains(a.ActorUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, (string?)null), ct);

    private static string SubjectOf(int? participantId, string? userId) =>
        participantId is { } p ? $"participant:{p}" : $"user:{userId}";
}

public sealed record ErasureReport(int EventId, int? ParticipantId, int AccountsRemoved, int MeetingsKept);

/// <summary>What one retention sweep destroyed: events past their retention, participants erased, staff sign-ins removed.</summary>
public sealed record RetentionReport(int Events, int Participants, int StaffAccounts);
