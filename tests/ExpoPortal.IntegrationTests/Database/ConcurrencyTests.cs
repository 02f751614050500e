using ExpoPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Database;

public sealed class ConcurrencyTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Two_people_saving_the_same_listing_cannot_overwrite_each_other()
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var organizer = await factory.CreateDbContextAsync(ct);
        await using var exhibitor = await factory.CreateDbContextAsync(ct);
        var id = await organizer.Exhibitors.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync(ct);
        var mine = await organizer.Exhibitors.SingleAsync(x => x.Id == id, ct);
        var theirs = await exhibitor.Exhibitors.SingleAsync(x => x.Id == id, ct);

        mine.SetWebsite("https://organizer-edit.example");
        await organizer.SaveChangesAsync(ct);
        theirs.SetWebsite("https://exhibitor-edit.example");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => exhibitor.SaveChangesAsync(ct));
        await using var check = await factory.CreateDbContextAsync(ct);
        Assert.Equal("https://organizer-edit.example/", await check.Exhibitors.Where(x => x.Id == id).Select(x => x.Website).SingleAsync(ct));
    }
}
