using ExpoPortal.Application.Common;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Meetings;

public sealed class RecommendationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_buyer_is_recommended_the_exhibitors_the_engine_scores_highest_with_reasons_in_both_languages_and_its_must_meet_among_them()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var buyer = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("buyer@expo.demo"))!.ParticipantId!.Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var eventId = (await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug, Ct)).Id;
        var mustMeet = await db.MeetingWishes.Where(w => w.ParticipantId == buyer && w.WishedBy == WishedBy.Participant && w.Level == WishLevel.MustMeet)
            .Select(w => w.ExhibitorId).ToListAsync(Ct);
        var recommendations = fixture.App.Services.GetRequiredService<Recommendations>();

        var forBuyer = await recommendations.ForParticipantAsync(new Actor("b", false, null, buyer), eventId, 6, Ct);
        var forExhibitor = await recommendations.ForParticipantAsync(new Actor("x", false, 1, null), eventId, 6, Ct);

        Assert.Equal(6, forBuyer.Count);
        Assert.Equal(forBuyer.Select(r => r.Score).OrderDescending(), forBuyer.Select(r => r.Score));
        Assert.All(forBuyer, r => Assert.Contains(r.Reasons, reason => reason.Korean.Length > 0 && reason.English.Length > 0));
        Assert.NotEmpty(mustMeet);
        Assert.Contains(forBuyer, r => mustMeet.Contains(r.ExhibitorId)); // a must-meet wish weighs most
        Assert.Empty(forExhibitor);
    }
}
