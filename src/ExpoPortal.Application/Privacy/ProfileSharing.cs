using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Privacy;

/// <summary>
/// What exhibitors see of a buyer. With the buyer's consent to <c>share_profile</c>: name, company, country, languages
/// and interests. Without it, a booked meeting or a request still shows its time, table, status and interpreter, and the
/// buyer as "a buyer": enough to hold the meeting the buyer asked for, nothing that names the person.
/// Organizers (who run the service) and the buyer itself always see the profile.
/// </summary>
public static class ProfileSharing
{
    public static readonly LocalizedText AnonymousBuyer = new("바이어 (비공개)", "A buyer (profile not shared)");

    /// <summary>A test for each participant id: may this viewer see that participant's profile?</summary>
    public static async Task<Func<int, bool>> SharedWithAsync(IAppDbContext db, Actor viewer, int eventId, IEnumerable<int> participantIds, CancellationToken ct)
    {
        if (viewer.ExhibitorId is null || viewer.Organizes(eventId)) return _ => true;
        var ids = participantIds.Distinct().ToList();
        if (ids.Count == 0) return _ => true;
        var shared = (await Consents.ParticipantsGranting(db, ConsentPurposes.ShareProfile).Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
        return shared.Contains;
    }

    /// <summary>The buyer's name as a notification to an exhibitor gives it.</summary>
    public static async Task<LocalizedText> NameForExhibitorsAsync(IAppDbContext db, Participant participant, CancellationToken ct) =>
        NameForExhibitors(participant, await Consents.ParticipantsGranting(db, ConsentPurposes.ShareProfile).AnyAsync(id => id == participant.Id, ct));

    /// <summary>The same, for a caller that has read whether the buyer shares the profile.</summary>
    public static LocalizedText NameForExhibitors(Participant participant, bool sharesProfile) =>
        sharesProfile ? Meetings.MeetingBooking.NameOf(participant) : AnonymousBuyer;
}
