using ExpoPortal.Application.Common;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Exhibitors;

/// <summary>The listing editor's HS code field: chapters by name in Korean or English, and the codes the demo event already uses.</summary>
public sealed class HsSuggestionTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Words_find_chapters_and_the_events_products_and_digits_find_the_codes_in_use_first()
    {
        var (staff, exhibitorId) = await StaffAsync();
        var listing = fixture.App.Services.GetRequiredService<ExhibitorListing>();

        var cosmetics = await listing.HsSuggestionsAsync(staff, exhibitorId, "화장품", Ct);
        var tea = await listing.HsSuggestionsAsync(staff, exhibitorId, "tea", Ct);
        var nine = await listing.HsSuggestionsAsync(staff, exhibitorId, "09", Ct);
        var dotted = await listing.HsSuggestionsAsync(staff, exhibitorId, "3304.", Ct);

        Assert.Equal(("33", true), (cosmetics[0].Code, cosmetics[0].IsChapter)); // 정유·향료·화장품
        Assert.Equal("Essential oils, perfumery and cosmetics", cosmetics[0].Name.En);
        Assert.Contains(tea, s => s is { Code: "09", IsChapter: true });
        Assert.Contains(tea, s => !s.IsChapter && s.Code.StartsWith("0902") && s.Name.En.Contains("tea", StringComparison.OrdinalIgnoreCase));
        Assert.False(nine[0].IsChapter);
        Assert.All(nine, s => Assert.StartsWith("09", s.Code));
        Assert.Equal("09", nine[^1].Code); // the chapter comes after the codes in use
        Assert.NotEmpty(dotted);
        Assert.All(dotted, s => Assert.True(s.IsChapter ? s.Code == "33" : s.Code.StartsWith("3304"), s.Code));
        Assert.Equal(96, HsChapters.All.Count);
        Assert.DoesNotContain(HsChapters.All, c => c.Code == "77");
    }

    [Fact]
    public async Task Another_companys_staff_gets_no_suggestions_for_this_listing_and_a_wildcard_is_only_text()
    {
        var (staff, exhibitorId) = await StaffAsync();
        var listing = fixture.App.Services.GetRequiredService<ExhibitorListing>();
        var stranger = staff with { ExhibitorId = exhibitorId + 1 };

        Assert.Empty(await listing.HsSuggestionsAsync(stranger, exhibitorId, "tea", Ct));
        Assert.Empty(await listing.HsSuggestionsAsync(staff, exhibitorId, "%", Ct));
    }

    private async Task<(Actor Staff, int ExhibitorId)> StaffAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "exhibitor@expo.demo", Ct);
        return (new Actor(user.Id, false, user.ExhibitorId, null, "Demo exhibitor"), user.ExhibitorId!.Value);
    }
}
