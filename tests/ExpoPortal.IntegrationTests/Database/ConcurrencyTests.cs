using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Two staff of one company read the listing and save different texts at the same moment through
    /// <c>PUT /api/my/listing</c>: one save wins, the other is told of the conflict (409 listing_conflict, with the
    /// listing as it is now), and the database holds exactly the winner's text.
    /// </summary>
    [Fact]
    public async Task Two_saves_of_one_listing_at_once_over_HTTP_keep_one_and_report_the_other_as_a_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = await fixture.App.SignInAsync("exhibitor@expo.demo");
        using var second = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var read = (await first.GetFromJsonAsync<JsonObject>("/api/my/listing", ct))!;
        var id = read["id"]!.GetValue<int>();
        JsonObject Edit(string text)
        {
            var edit = read.DeepClone().AsObject();
            edit["descriptionEn"] = text;
            return edit;
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var saves = new[] { (first, "Saved by the first tab."), (second, "Saved by the second tab.") }.Select(async s =>
        {
            await gate.Task;
            using var response = await s.Item1.PutAsJsonAsync("/api/my/listing", Edit(s.Item2), ct);
            return (s.Item2, response.StatusCode, Body: await response.Content.ReadAsStringAsync(ct));
        }).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(saves).WaitAsync(TimeSpan.FromSeconds(60), ct);

        var winner = Assert.Single(outcomes, o => o.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(outcomes, o => o.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("listing_conflict", loser.Body);
        Assert.Contains(winner.Item1, loser.Body); // the conflict shows what the other tab saved
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var check = await factory.CreateDbContextAsync(ct);
        var stored = await check.Exhibitors.AsNoTracking().Where(x => x.Id == id).Select(x => x.Description).SingleAsync(ct);
        Assert.Equal(winner.Item1, stored.En);
    }
}
