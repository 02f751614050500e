using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Results;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Infrastructure.Privacy;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Privacy;

/// <summary>
/// Destruction after the retention period (the policy's "one year after the event"), on the demo database: its past
/// edition (Andong 2025) ended more than a year ago, this year's event has not.
/// </summary>
public sealed class RetentionTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sweep_erases_the_people_of_an_event_past_retention_keeps_its_results_and_leaves_this_years_event_alone()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var past = await db.Events.Where(e => e.Slug == AndongPastEdition.Slug).Select(e => e.Id).SingleAsync(Ct);
        var current = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
        // A staff sign-in of a past exhibitor, so that the sweep has one to remove too.
        var pastExhibitor = await db.Exhibitors.Where(x => x.EventId == past).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync(Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await users.CreateAsync(new ApplicationUser { UserName = "staff2025@test.example", Email = "staff2025@test.example", ExhibitorId = pastExhibitor },
            "Staff-2025-pass!")).Succeeded);
        var toErase = await db.Participants.CountAsync(p => p.EventId == past, Ct);
        var currentNames = await db.Participants.Where(p => p.EventId == current).OrderBy(p => p.Id).Select(p => p.FullName).ToListAsync(Ct);
        var results = app.Services.GetRequiredService<ResultsReport>();
        var before = (await results.ForEventAsync(TestActors.Secretariat, past, Ct)).Value;
        Assert.True(toErase > 900, $"the past edition has only {toErase} participants");

        // Two instances sweeping at once: one at a time, nobody erased twice.
        var sweeper = app.Services.GetRequiredService<RetentionSweeper>();
        var sweeps = await Task.WhenAll(sweeper.SweepAsync(Ct), sweeper.SweepAsync(Ct));
        var again = await sweeper.SweepAsync(Ct);

        Assert.Equal(365, sweeper.RetentionDays);
        Assert.Equal(toErase, sweeps.Sum(s => s?.Participants ?? 0));
        Assert.Equal(1, sweeps.Sum(s => s?.StaffAccounts ?? 0));
        Assert.Equal((0, 0), (again!.Participants, again.StaffAccounts));
        db.ChangeTracker.Clear();
        Assert.Empty(await db.Participants.Where(p => p.EventId == past && (p.FullName != Participant.ErasedMarker || p.Email != null)).ToListAsync(Ct));
        Assert.Null(await users.FindByEmailAsync("staff2025@test.example"));
        var logged = await db.AuditLog.Where(a => a.EventId == past && a.Action == AuditActions.PersonalDataErased).ToListAsync(Ct);
        Assert.Equal(toErase + 1, logged.Count);
        Assert.All(logged, a => Assert.Contains("\"retention\"", a.After));
        Assert.Equal(toErase, logged.Select(a => a.Subject).Count(s => s.StartsWith("participant:")));

        // The results still count every held meeting, by country and kind.
        var after = (await results.ForEventAsync(TestActors.Secretariat, past, Ct)).Value;
        Assert.Equal(before.Totals, after.Totals);
        Assert.Equal(before.ByBuyerCountry, after.ByBuyerCountry);
        Assert.Equal(before.Turnout, after.Turnout);
        // This year's event, not over yet, is untouched, and its people still sign in.
        Assert.Equal(currentNames, await db.Participants.Where(p => p.EventId == current).OrderBy(p => p.Id).Select(p => p.FullName).ToListAsync(Ct));
        using var buyer = await app.SignInAsync("buyer@expo.demo");
    }
}
