using ExpoPortal.Application.Events;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Demo;

public sealed class DemoEventTests(PostgresServer postgres)
{
    [Fact]
    public void The_same_seed_generates_the_same_event_record_for_record()
    {
        var first = AndongDemo.Generate();
        var second = AndongDemo.Generate();

        Assert.Equal(Describe(first), Describe(second));
        Assert.NotEqual(Describe(first), Describe(AndongDemo.Generate(seed: 7)));
    }

    [Fact]
    public void The_demo_event_has_the_shape_of_the_Andong_expo()
    {
        var demo = AndongDemo.Generate();

        Assert.Equal(256, demo.Booths.Count);
        Assert.Equal(250, demo.Exhibitors.Count);
        Assert.Equal(100, demo.Exhibitors.Count(x => x.ProvinceCode == "KR-47"));
        Assert.Equal(800, demo.Participants.Count(p => p.Kind == ParticipantKind.OverseasMemberTrader));
        Assert.Equal(200, demo.Participants.Count(p => p.Kind == ParticipantKind.ForeignBuyer));
        Assert.Equal(13, demo.Participants.Where(p => p.Kind == ParticipantKind.ForeignBuyer).Select(p => p.CountryCode).Distinct().Count());
        Assert.InRange(demo.Participants.Where(p => p.Kind == ParticipantKind.OverseasMemberTrader).Select(p => p.CountryCode).Distinct().Count(), 45, 70);
        Assert.Equal(30, demo.Interpreters.Count);
        Assert.Equal(2, demo.Event.ConsultationDays.Count);
        Assert.Equal(26, demo.Event.Slots.Count); // 09:30-12:00 and 13:30-17:30 in 30-minute slots, two days
        Assert.All(demo.Exhibitors, x => Assert.False(string.IsNullOrWhiteSpace(x.Name.Ko) || string.IsNullOrWhiteSpace(x.Name.En)));
        Assert.All(demo.Exhibitors, x => Assert.InRange(x.Products.Count, 2, 4));
        // A dozen late registrants wait for a booth; the demo sign-ins keep theirs (C-01 for the first Gyeongbuk firm, a machinery maker).
        Assert.Equal(AndongDemo.LateRegistrants, demo.Exhibitors.Count(x => x.Booth is null));
        Assert.Equal(250 - AndongDemo.LateRegistrants, demo.Exhibitors.Where(x => x.Booth is not null).Select(x => x.Booth!.Code).Distinct().Count());
        Assert.Equal("C-01", demo.Exhibitors.First(x => x.ProvinceCode == "KR-47").Booth?.Code);
        Assert.NotNull(demo.Exhibitors.First(x => x.ProvinceCode != "KR-47").Booth);
        Assert.All(demo.Participants.Where(p => p.Kind == ParticipantKind.ForeignBuyer), p => Assert.NotNull(p.InvitedBy));
    }

    [Fact]
    public async Task Loading_the_demo_twice_gives_the_same_counts_and_first_records()
    {
        var loads = new List<(EventFigures Figures, string[] FirstExhibitors, string[] FirstParticipants)>();
        for (var run = 0; run < 2; run++)
        {
            await using var app = new ExpoApp(await postgres.CreateEmptyDatabaseAsync(), loadDemo: true);
            var figures = await app.Services.GetRequiredService<EventService>().GetFiguresAsync(AndongDemo.Slug, TestContext.Current.CancellationToken);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            var exhibitors = await db.Exhibitors.OrderBy(x => x.Id).Take(5).Select(x => x.Name.Ko + "|" + x.Name.En + "|" + (x.Booth != null ? x.Booth.Code : "-")).ToArrayAsync(TestContext.Current.CancellationToken);
            var participants = await db.Participants.OrderBy(p => p.Id).Take(5).Select(p => p.FullName + "|" + p.CountryCode + "|" + p.Company).ToArrayAsync(TestContext.Current.CancellationToken);
            loads.Add((figures!, exhibitors, participants));
        }

        var (a, b) = (loads[0], loads[1]);
        Assert.Equal(256, a.Figures.Booths);
        Assert.Equal(250 - AndongDemo.LateRegistrants, a.Figures.AssignedBooths);
        Assert.Equal(250, a.Figures.Exhibitors);
        Assert.Equal(100, a.Figures.HostRegionExhibitors);
        Assert.Equal(1000, a.Figures.Participants);
        Assert.Equal(Summarize(a.Figures), Summarize(b.Figures));
        Assert.Equal(a.FirstExhibitors, b.FirstExhibitors);
        Assert.Equal(a.FirstParticipants, b.FirstParticipants);
        // What was stored is what the generator made.
        var generated = AndongDemo.Generate().Exhibitors.Take(5).Select(x => $"{x.Name.Ko}|{x.Name.En}|{x.Booth?.Code ?? "-"}");
        Assert.Equal(generated, a.FirstExhibitors);
    }

    private static string Summarize(EventFigures f) => string.Join("; ",
        f.Booths, f.AssignedBooths, f.MeetingTables, f.Exhibitors, f.HostRegionExhibitors, f.Participants, f.MemberTraders,
        f.ForeignBuyers, f.ParticipantCountries, f.Interpreters, f.Slots, f.ActiveMeetings,
        string.Join(",", f.ExhibitorsByRegion), string.Join(",", f.ExhibitorsByIndustry), string.Join(",", f.ParticipantsByCountry));

    /// <summary>Every generated record as one line of text, so two events compare line by line.</summary>
    private static string[] Describe(DemoEvent demo) =>
    [
        .. demo.Exhibitors.Select(x => $"{x.Name.Ko}|{x.Name.En}|{x.Booth?.Code ?? "-"}|{x.Industry}|{string.Join(",", x.Products.Select(p => p.HsCode))}"),
        .. demo.Participants.Select(p => $"{p.FullName}|{p.CountryCode}|{p.Company}|{string.Join(",", p.HsInterests)}|{p.ArrivesAt:O}"),
        .. demo.Interpreters.Select(i => $"{i.FullName}|{string.Join(",", i.Languages)}"),
    ];
}
