using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using M = ExpoPortal.Matching.Model;

namespace ExpoPortal.Application.Matchmaking;

/// <summary>
/// Turns an event in the database into the engine's <c>expo-match/1</c> instance: the slot grid, exhibitors with
/// a booth (tables, limits, hall, products, target markets), participants (availability from their stay),
/// interpreters (their days) and both sides' wishlists; pairs that declined or cancelled are blocked.
/// Meetings already holding a slot become pins.
/// </summary>
public sealed class MatchInstanceBuilder(IAppDbContextFactory dbFactory)
{
    public async Task<M.MatchInstance?> BuildAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(expo.TimeZoneId);

        var slots = await db.TimeSlots.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ToListAsync(ct);
        var exhibitors = await db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId && x.Booth != null)
            .Include(x => x.Booth!).ThenInclude(b => b.Hall).Include(x => x.Products).OrderBy(x => x.Id).ToListAsync(ct);
        // Only participants who consented to matching are planned (PIPA art. 15). One who did not but holds a meeting
        // (booked it itself) enters as a bare placeholder: no profile, no wishes, room for exactly the meetings it has,
        // so that its pinned meetings keep their tables and the engine adds none.
        var consenting = Privacy.Consents.ParticipantsGranting(db, Domain.Privacy.ConsentPurposes.Matching);
        var participants = await db.Participants.AsNoTracking().Where(p => p.EventId == eventId && consenting.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        var placeholders = await db.Meetings.AsNoTracking()
            .Where(m => m.EventId == eventId && MeetingStatuses.HoldingSlot.Contains(m.Status) && m.Status != MeetingStatus.Proposed && !consenting.Contains(m.ParticipantId))
            .GroupBy(m => m.ParticipantId)
            .Select(g => new { ParticipantId = g.Key, Meetings = g.Count(), Languages = g.Select(m => m.Participant.Languages).First() })
            .OrderBy(x => x.ParticipantId).ToListAsync(ct);
        var planned = participants.Select(p => p.Id).ToHashSet();
        var interpreters = await db.Interpreters.AsNoTracking().Where(i => i.EventId == eventId).OrderBy(i => i.Id).ToListAsync(ct);
        // Only exhibitors with a booth take part; wishes and refusals naming one without (a late registrant, a freed
        // booth) would make the instance name an unknown exhibitor.
        var inInstance = exhibitors.Select(x => x.Id).ToHashSet();
        var wishes = (await db.MeetingWishes.AsNoTracking().Where(w => w.EventId == eventId).ToListAsync(ct))
            .Where(w => inInstance.Contains(w.ExhibitorId) && planned.Contains(w.ParticipantId)).ToList();
        // A pair that declined or cancelled a meeting is not proposed again; the organizer can still book it by hand.
        // (A pair that met again after all keeps its meeting, pinned.)
        var refused = await db.Meetings.AsNoTracking()
            .Where(m => m.EventId == eventId && MeetingStatuses.Inactive.Contains(m.Status))
            .Where(m => !db.Meetings.Any(o => o.ParticipantId == m.ParticipantId && o.ExhibitorId == m.ExhibitorId
                                               && MeetingStatuses.HoldingSlot.Contains(o.Status)))
            .Select(m => new { m.ParticipantId, m.ExhibitorId }).Distinct().ToListAsync(ct);
        refused = refused.Where(r => inInstance.Contains(r.ExhibitorId) && planned.Contains(r.ParticipantId)).ToList();

        var slotIds = slots.Select(s => MatchIds.Slot(s.Id)).ToList();
        // An organizer's lock from the matching review counts as the participant's must-meet; an organizer's block
        // excludes the pair like a refusal. Both override what the two sides said about the pair.
        var organizer = wishes.Where(w => w.WishedBy == WishedBy.Organizer).ToList();
        var blockedByOrganizer = organizer.Where(w => w.Level == WishLevel.NotInterested).Select(w => (w.ParticipantId, w.ExhibitorId)).ToHashSet();
        var decided = organizer.Select(w => (w.ParticipantId, w.ExhibitorId)).ToHashSet();
        var sides = wishes.Where(w => w.WishedBy != WishedBy.Organizer && !decided.Contains((w.ParticipantId, w.ExhibitorId))).ToList();
        var byExhibitor = sides.Where(w => w.WishedBy == WishedBy.Exhibitor).ToLookup(w => w.ExhibitorId);
        var byParticipant = sides.Where(w => w.WishedBy == WishedBy.Participant)
            .Concat(organizer.Where(w => w.Level == WishLevel.MustMeet)).ToLookup(w => w.ParticipantId);
        refused = refused.Where(r => !decided.Contains((r.ParticipantId, r.ExhibitorId))).ToList();

        return new M.MatchInstance(
            Slots: slots.Select(s => new M.Slot(
                MatchIds.Slot(s.Id), s.Day.ToString("yyyy-MM-dd"), TimeZoneInfo.ConvertTime(s.StartsAt, zone),
                (int)(s.EndsAt - s.StartsAt).TotalMinutes)).ToList(),
            Exhibitors: exhibitors.Select(x => new M.Exhibitor(
                MatchIds.Exhibitor(x.Id), x.Booth!.MeetingTables, x.MinMeetings, x.MaxMeetings, x.Languages,
                Available: null, Hall: x.Booth.Hall.Code,
                Profile: new M.ExhibitorProfile(
                    x.Products.Select(p => new M.Product(p.HsCode, p.Name.En)).ToList(),
                    x.TargetMarkets, x.Industry.ToString(), SizeOf(x.Size),
                    Wishlist(byExhibitor[x.Id], w => MatchIds.Participant(w.ParticipantId))))).ToList(),
            Participants: participants.Select(p => new M.Participant(
                MatchIds.Participant(p.Id), p.MaxMeetings, p.Languages,
                Available: AvailableOrAll(slots.Where(p.IsAvailableIn).Select(s => MatchIds.Slot(s.Id)).ToList(), slotIds),
                Profile: new M.ParticipantProfile(
                    p.CountryCode, p.HsInterests.Select(h => new M.Product(h)).ToList(),
                    p.CategoryInterests.Count > 0 ? p.CategoryInterests[0].ToString() : null, ScaleOf(p.ImportScale),
                    Wishlist(byParticipant[p.Id], w => MatchIds.Exhibitor(w.ExhibitorId)))))
                .Concat(placeholders.Select(h => new M.Participant(MatchIds.Participant(h.ParticipantId), h.Meetings, h.Languages))).ToList(),
            Interpreters: interpreters.Select(i => new M.Interpreter(
                MatchIds.Interpreter(i.Id), i.Languages,
                AvailableOrAll(slots.Where(i.IsAvailableIn).Select(s => MatchIds.Slot(s.Id)).ToList(), slotIds))).ToList(),
            Blocked: refused.Select(r => (r.ParticipantId, r.ExhibitorId)).Concat(blockedByOrganizer)
                .Select(r => new M.BlockedPair(MatchIds.Participant(r.ParticipantId), MatchIds.Exhibitor(r.ExhibitorId))).ToList());
    }

    /// <summary>Meetings that already hold a slot (requested, accepted, published...) are kept where they are.</summary>
    public Task<M.MatchSchedule> PinnedMeetingsAsync(int eventId, CancellationToken ct = default) =>
        MeetingsAsync(eventId, proposed: false, ct);

    /// <summary>The proposals of the last run, not yet published: what a re-plan tries to keep.</summary>
    public Task<M.MatchSchedule> ProposedMeetingsAsync(int eventId, CancellationToken ct = default) =>
        MeetingsAsync(eventId, proposed: true, ct);

    private async Task<M.MatchSchedule> MeetingsAsync(int eventId, bool proposed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.EventId == eventId && MeetingStatuses.HoldingSlot.Contains(m.Status))
            .Where(m => proposed ? m.Status == MeetingStatus.Proposed : m.Status != MeetingStatus.Proposed)
            .OrderBy(m => m.Id)
            .Select(m => new { m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber, m.InterpreterId })
            .ToListAsync(ct);
        return new M.MatchSchedule(held.Select(m => new M.Meeting(
            MatchIds.Participant(m.ParticipantId), MatchIds.Exhibitor(m.ExhibitorId), MatchIds.Slot(m.TimeSlotId), m.TableNumber,
            m.InterpreterId is { } i ? MatchIds.Interpreter(i) : null)).ToList());
    }

    private static IReadOnlyList<string>? AvailableOrAll(List<string> available, List<string> all) =>
        available.Count == all.Count ? null : available;

    private static M.Wishlist Wishlist(IEnumerable<MeetingWish> wishes, Func<MeetingWish, string> otherSide)
    {
        var list = wishes.ToList();
        return new M.Wishlist(
            list.Where(w => w.Level == WishLevel.MustMeet).Select(otherSide).ToList(),
            list.Where(w => w.Level == WishLevel.WouldLike).Select(otherSide).ToList(),
            list.Where(w => w.Level == WishLevel.NotInterested).Select(otherSide).ToList());
    }

    private static M.CompanySize SizeOf(CompanySize size) => size switch
    {
        CompanySize.Micro or CompanySize.Small => M.CompanySize.Small,
        CompanySize.Medium => M.CompanySize.Medium,
        _ => M.CompanySize.Large,
    };

    private static M.CompanySize ScaleOf(ImportScale scale) => scale switch
    {
        ImportScale.Under100K or ImportScale.From100KTo1M => M.CompanySize.Small,
        ImportScale.From1MTo10M => M.CompanySize.Medium,
        _ => M.CompanySize.Large,
    };
}
