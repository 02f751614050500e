using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Io;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Matchmaking;

public sealed class InstanceBuilderTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exhibitor_whose_booth_was_freed_is_left_out_with_the_wishes_that_name_it()
    {
        int eventId, exhibitorId;
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            var expo = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct);
            eventId = expo.Id;
            // An exhibitor that buyers wished for, freed from its booth by the organizers.
            exhibitorId = await db.MeetingWishes.Where(w => w.EventId == eventId && w.WishedBy == WishedBy.Participant)
                .Select(w => w.ExhibitorId).OrderBy(id => id).FirstAsync(Ct);
            var exhibitor = await db.Exhibitors.SingleAsync(x => x.Id == exhibitorId, Ct);
            exhibitor.ReleaseBooth();
            await db.SaveChangesAsync(Ct);
        }

        var instance = await fixture.App.Services.GetRequiredService<MatchmakingService>().ExportAsync(eventId, Ct);
        // The file reads back: no wish names an exhibitor that is not in it.
        var read = InstanceReader.Read(InstanceWriter.Write(instance!));

        Assert.DoesNotContain(read.Exhibitors, x => x.Id == MatchIds.Exhibitor(exhibitorId));
        Assert.DoesNotContain(read.Participants, p => p.Profile?.Wishlist.MustMeet.Concat(p.Profile.Wishlist.WouldLike).Contains(MatchIds.Exhibitor(exhibitorId)) == true);
    }
}
