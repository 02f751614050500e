using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Meetings;

/// <summary>A participant's must-meet / would-like / not-interested marks, which feed the organizers' matching runs.</summary>
public sealed class Wishlist(IAppDbContextFactory dbFactory)
{
    public async Task<WishLevel?> LevelAsync(Actor actor, int eventId, int exhibitorId, CancellationToken ct = default)
    {
        if (actor.ParticipantId is not { } participantId) return null;
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.MeetingWishes.AsNoTracking()
            .Where(w => w.EventId == eventId && w.ParticipantId == participantId && w.ExhibitorId == exhibitorId && w.WishedBy == WishedBy.Participant)
            .Select(w => (WishLevel?)w.Level).FirstOrDefaultAsync(ct);
    }

    /// <summary>Sets the caller's mark on an exhibitor; null removes it.</summary>
    public async Task<Result<WishLevel?>> SetAsync(Actor actor, int eventId, int exhibitorId, WishLevel? level, CancellationToken ct = default)
    {
        if (actor.ParticipantId is not { } participantId) return Error.Forbidden("not_a_participant", "Only participants keep a wishlist.");
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Exhibitors.AnyAsync(x => x.Id == exhibitorId && x.EventId == eventId, ct))
            return Error.NotFound("exhibitor_not_found", $"Exhibitor {exhibitorId} is not part of this event.");
        if (!await db.Participants.AnyAsync(p => p.Id == participantId && p.EventId == eventId, ct))
            return Error.NotFound("participant_not_found", "You take no part in this event.");
        var wish = await db.MeetingWishes.FirstOrDefaultAsync(w => w.ParticipantId == participantId && w.ExhibitorId == exhibitorId && w.WishedBy == WishedBy.Participant, ct);
        if (level is null)
        {
            if (wish is not null) db.MeetingWishes.Remove(wish);
        }
        else if (wish is null)
        {
            db.MeetingWishes.Add(new MeetingWish(eventId, participantId, exhibitorId, WishedBy.Participant, level.Value));
        }
        else
        {
            wish.Change(level.Value);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConstraintViolationException)
        {
            // Two clicks raced to create the same mark: the other one is in; set the level once more.
            return await SetAsync(actor, eventId, exhibitorId, level, ct);
        }
        return level;
    }
}
