using ExpoPortal.Application.Privacy;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Privacy;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ExpoPortal.Infrastructure.DemoData;

/// <summary>Saves a generated demo event and creates its sign-ins.</summary>
public sealed class DemoLoader(AppDbContext db, UserManager<ApplicationUser> users)
{
    /// <summary>
    /// A past edition: its event, then its consultations with their outcomes. Change tracking stays off while the
    /// rows are added (a few thousand meetings), and EF sends them in batched multi-row inserts.
    /// </summary>
    public async Task LoadPastAsync(PastEdition past, CancellationToken ct = default)
    {
        await LoadAsync(past.Demo, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var meetings = past.Meetings.Select(m =>
            {
                var meeting = new Meeting(past.Demo.Event.Id, m.Participant.Id, m.Exhibitor.Id, m.Slot.Id, m.Table, m.Origin, m.Slot.StartsAt.AddDays(-7));
                if (m.Held) meeting.MarkHeld(m.Slot.StartsAt.AddMinutes(2)); else meeting.MoveTo(MeetingStatus.NoShow, m.Slot.EndsAt);
                if (m.Outcome is { } outcome) meeting.RecordOutcome(outcome);
                return meeting;
            }).ToList();
            await db.Meetings.AddRangeAsync(meetings, ct);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    public async Task LoadAsync(DemoEvent demo, CancellationToken ct = default)
    {
        db.Events.Add(demo.Event);
        db.Halls.AddRange(demo.Halls);
        db.Booths.AddRange(demo.Booths);
        // Booths first: with them saved, EF inserts the exhibitors in generated order (ids follow the generator),
        // those without a booth included, instead of putting the ones that depend on no new row first.
        await db.SaveChangesAsync(ct);
        db.Exhibitors.AddRange(demo.Exhibitors);
        db.Participants.AddRange(demo.Participants);
        db.Interpreters.AddRange(demo.Interpreters);
        await db.SaveChangesAsync(ct);

        // Wishlists refer to ids, which exist only now.
        db.MeetingWishes.AddRange(demo.Wishes.Select(w =>
            new MeetingWish(demo.Event.Id, w.Participant.Id, w.Exhibitor.Id, w.WishedBy, w.Level)));
        await db.SaveChangesAsync(ct);

        foreach (var demoUser in demo.Users)
        {
            // One secretariat runs several demo editions: its sign-in exists once and is granted each of them.
            if (await users.FindByEmailAsync(demoUser.Email) is { } existing)
            {
                GrantIfOrganizer(existing, demoUser);
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = demoUser.Email,
                Email = demoUser.Email,
                EmailConfirmed = true,
                DisplayName = demoUser.DisplayName,
                ExhibitorId = demoUser.Exhibitor?.Id,
                ParticipantId = demoUser.Participant?.Id,
                IsPrimaryContact = demoUser.Exhibitor is not null && !demoUser.Colleague,
            };
            var created = await users.CreateAsync(user, demoUser.Password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo user {demoUser.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, demoUser.Role);
            GrantIfOrganizer(user, demoUser);
            if (demoUser.Exhibitor is { } company)
                db.ConsentRecords.Add(ConsentRecord.OfExhibitorStaff(demo.Event.Id, company.Id, user.Id, ConsentPurposes.DirectoryBook, true,
                    PrivacyPolicy.Version, ConsentMethods.DemoData, DateTimeOffset.UtcNow));
        }
        // The demo's buyers have answered the consent page already, saying yes to every purpose, so that demos and tests
        // plan, show and print them as before; the privacy tests withdraw consents where they need to.
        var now = DateTimeOffset.UtcNow;
        db.ConsentRecords.AddRange(demo.Participants.SelectMany(p => ConsentPurposes.ForParticipants.Select(purpose =>
            ConsentRecord.OfParticipant(demo.Event.Id, p.Id, null, purpose, true, PrivacyPolicy.Version, ConsentMethods.DemoData, now))));
        await db.SaveChangesAsync(ct);

        void GrantIfOrganizer(ApplicationUser user, DemoUser demoUser)
        {
            if (demoUser.Role == Application.Common.Roles.Organizer)
                db.EventOrganizers.Add(new Domain.Events.EventOrganizer(demo.Event.Id, user.Id, grantedBy: null, DateTimeOffset.UtcNow));
        }
    }
}
