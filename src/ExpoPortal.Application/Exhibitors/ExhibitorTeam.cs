using System.Net.Mail;
using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Exhibitors;

/// <param name="HasSignedIn">Whether the person has set a password (an invited colleague who has not is still pending).</param>
public sealed record StaffMember(string UserId, string Email, string DisplayName, bool IsPrimaryContact, bool HasSignedIn);

public sealed record TeamInvite(string Email, string DisplayName);

/// <summary>The sign-ins of a company's staff, behind a seam so that the Application project needs no Identity store.</summary>
public interface IStaffAccounts
{
    Task<IReadOnlyList<StaffMember>> OfExhibitorAsync(int exhibitorId, CancellationToken ct);

    /// <summary>A colleague's sign-in without a password, and the one-time token of its set-password link; null when the address is taken.</summary>
    Task<(string UserId, string Token)?> CreateAsync(int exhibitorId, string email, string displayName, CancellationToken ct);

    /// <summary>Deletes the sign-in if it is a non-primary staff member of that company.</summary>
    Task<bool> DeleteAsync(int exhibitorId, string userId, CancellationToken ct);
}

/// <summary>
/// A company's team: the primary contact invites colleagues by e-mail and removes them; every member works the
/// booth's schedule, and each meeting has one member who owns it. The event's organizers may do all of this too.
/// </summary>
public sealed class ExhibitorTeam(IAppDbContextFactory dbFactory, IStaffAccounts accounts, NotificationCenter notifications, Meetings.ISlotChanges slotChanges, TimeProvider clock)
{
    public const int MaxStaff = 10;
    public static readonly Error PrimaryContactOnly = Error.Forbidden("primary_contact_only", "Only the company's primary contact invites and removes colleagues.");
    public static readonly Error TeamFull = Error.Validation("team_full", $"A company has at most {MaxStaff} staff sign-ins.");
    public static readonly Error EmailInUse = Error.Conflict("email_in_use", "That e-mail address already has a sign-in of the portal.");
    public static readonly Error CannotRemovePrimary = Error.Validation("cannot_remove_primary", "The primary contact cannot be removed from the team.");
    public static readonly Error NotAColleague = Error.Validation("not_a_colleague", "The owner of a meeting must be a staff member of the exhibitor.");
    public static Error NoSuchMember(string userId) => Error.NotFound("staff_not_found", $"No staff member {userId} in this team.");

    public async Task<Result<IReadOnlyList<StaffMember>>> ListAsync(Actor actor, int exhibitorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await ExhibitorListing.ActsForAsync(db, actor, exhibitorId, ct)) return ExhibitorListing.NotYours;
        return Result<IReadOnlyList<StaffMember>>.Success(await accounts.OfExhibitorAsync(exhibitorId, ct));
    }

    /// <summary>Makes the colleague's sign-in and mails the invitation to that address alone (its link sets the password).</summary>
    public async Task<Result<StaffMember>> InviteAsync(Actor actor, int exhibitorId, TeamInvite invite, CancellationToken ct = default)
    {
        var email = invite.Email?.Trim() ?? string.Empty;
        var name = invite.DisplayName?.Trim() ?? string.Empty;
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
            return Error.Validation("invalid_email", $"'{invite.Email}' is not an e-mail address.");
        if (name.Length is 0 or > 200) return Error.Validation("staff_name_required", "The colleague's name is required (at most 200 characters).");

        await using var db = await dbFactory.CreateAsync(ct);
        var company = await db.Exhibitors.AsNoTracking().Where(x => x.Id == exhibitorId)
            .Select(x => new { x.EventId, x.Name, EventName = x.Event.Name }).FirstOrDefaultAsync(ct);
        if (company is null || !await ExhibitorListing.ActsForAsync(db, actor, exhibitorId, ct)) return ExhibitorListing.NotYours;
        var staff = await accounts.OfExhibitorAsync(exhibitorId, ct);
        if (!MayManage(actor, company.EventId, staff)) return PrimaryContactOnly;
        if (staff.Count >= MaxStaff) return TeamFull;

        if (await accounts.CreateAsync(exhibitorId, email, name, ct) is not { } made) return EmailInUse;
        db.Audit(actor, company.EventId, AuditActions.TeamInvited, $"exhibitor:{exhibitorId}", null, new { email }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await notifications.SendPersonalAsync(company.EventId, Party.Exhibitor(exhibitorId), made.UserId, NotificationKind.AccountInvitation,
            new LocalizedText($"{company.Name.Ko} 팀에 초대되었습니다", $"You are invited to the team of {company.Name.En}"),
            new LocalizedText(
                $"{actor.Name ?? "동료"}님이 {company.EventName.Ko} 포털의 {company.Name.Ko} 팀에 {email} 주소로 초대했습니다. 아래 링크에서 비밀번호를 정하고 로그인하세요.",
                $"{actor.Name ?? "A colleague"} invited {email} to the team of {company.Name.En} on the {company.EventName.En} portal. Set your password with the link below, then sign in."),
            $"account/set-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(made.Token)}", ct);
        return new StaffMember(made.UserId, email, name, false, false);
    }

    public async Task<Result> RemoveAsync(Actor actor, int exhibitorId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var eventId = await db.Exhibitors.Where(x => x.Id == exhibitorId).Select(x => (int?)x.EventId).FirstOrDefaultAsync(ct);
        if (eventId is null || !await ExhibitorListing.ActsForAsync(db, actor, exhibitorId, ct)) return ExhibitorListing.NotYours;
        var staff = await accounts.OfExhibitorAsync(exhibitorId, ct);
        if (!MayManage(actor, eventId.Value, staff)) return PrimaryContactOnly;
        var member = staff.FirstOrDefault(s => s.UserId == userId);
        if (member is null) return NoSuchMember(userId);
        if (member.IsPrimaryContact) return CannotRemovePrimary;
        // Its meetings keep their place and lose their owner, so they show as unowned.
        if (!await accounts.DeleteAsync(exhibitorId, userId, ct)) return NoSuchMember(userId);
        db.Audit(actor, eventId, AuditActions.TeamRemoved, $"exhibitor:{exhibitorId}", new { member.Email }, null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>Gives a meeting to one of the exhibitor's staff (null: no one). Any member of the team, or an organizer, may.</summary>
    public async Task<Result> AssignOwnerAsync(Actor actor, int eventId, int meetingId, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        if (meeting is null || !(actor.Organizes(eventId) || actor.ExhibitorId == meeting.ExhibitorId))
            return Error.NotFound("meeting_not_found", $"Meeting {meetingId} is not at your booth.");
        if (!string.IsNullOrEmpty(userId) && (await accounts.OfExhibitorAsync(meeting.ExhibitorId, ct)).All(s => s.UserId != userId))
            return NotAColleague;
        var before = meeting.OwnerUserId;
        meeting.AssignOwner(userId, clock.GetUtcNow());
        db.Audit(actor, eventId, AuditActions.MeetingOwnerChanged, AuditTrail.MeetingSubject(meetingId), new { owner = before }, new { owner = meeting.OwnerUserId }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        // The colleagues' open schedules show the new owner.
        slotChanges.Publish(new Meetings.SlotChange(eventId, meeting.ExhibitorId, meeting.ParticipantId, meeting.TimeSlotId));
        return Result.Success();
    }

    private static bool MayManage(Actor actor, int eventId, IReadOnlyList<StaffMember> staff) =>
        actor.Organizes(eventId) || staff.Any(s => s.UserId == actor.UserId && s.IsPrimaryContact);
}
