using ExpoPortal.Matching.Booths;

namespace ExpoPortal.Matching.Tests;

/// <summary>The booth auto-assign on tiny hand-made floors: one rule per test.</summary>
public sealed class BoothAssignerTests
{
    /// <summary>A row of 2×2 booths in hall A, touching each other: A-1 at x=0, A-2 at x=2, ...</summary>
    private static List<BoothSpot> Row(int count, string zone = "Food", int size = 9, int tables = 1, int y = 0, int firstId = 1) =>
        Enumerable.Range(0, count).Select(i => new BoothSpot(firstId + i, $"A-{firstId + i}", "A", zone, i * 2, y, 2, 2, size, tables)).ToList();

    private static BoothSeeker Seeker(int id, string industry = "Food", bool host = false, int size = 9, int demand = 0, params int[] neighbours) =>
        new(id, industry, host, size, demand, neighbours);

    [Fact]
    public void An_exhibitor_goes_to_the_zone_of_its_industry()
    {
        var booths = Row(3, "Food").Concat(Row(3, "Machinery", y: 6, firstId: 10)).ToList();

        var solution = BoothAssigner.Solve(new BoothProblem(booths, [], [Seeker(1, "Machinery"), Seeker(2, "Food")], HostRegionMode.Together));

        Assert.Equal("Machinery", booths.Single(b => b.Id == solution.Placements.Single(p => p.ExhibitorId == 1).BoothId).Zone);
        Assert.Equal("Food", booths.Single(b => b.Id == solution.Placements.Single(p => p.ExhibitorId == 2).BoothId).Zone);
        Assert.Equal(2, solution.Quality.ZoneMatches);
        Assert.All(solution.Placements, p => Assert.Contains(BoothReasons.ZoneMatch, p.Reasons));
    }

    [Fact]
    public void A_large_firm_gets_the_large_booth_and_the_most_wanted_firm_the_booth_with_more_tables()
    {
        List<BoothSpot> booths = [new(1, "A-1", "A", "Food", 0, 0, 2, 2, 9, 1), new(2, "A-2", "A", "Food", 2, 0, 4, 2, 18, 1), new(3, "A-3", "A", "Food", 6, 0, 2, 2, 9, 3)];

        var solution = BoothAssigner.Solve(new BoothProblem(booths, [],
            [Seeker(1, size: 18, demand: 1), Seeker(2, demand: 50), Seeker(3, demand: 0)], HostRegionMode.Together));

        Assert.Equal(2, solution.Placements.Single(p => p.ExhibitorId == 1).BoothId);
        Assert.Equal(3, solution.Placements.Single(p => p.ExhibitorId == 2).BoothId);
    }

    [Fact]
    public void A_requested_neighbour_is_honoured_where_possible()
    {
        var booths = Row(8);
        // Exhibitor 100 already holds A-6 (x=10); exhibitor 1 asked to be next to it.
        var solution = BoothAssigner.Solve(new BoothProblem(booths, [new PlacedExhibitor(100, 6, false)], [Seeker(1, neighbours: 100)], HostRegionMode.Together));

        Assert.Contains(solution.Placements.Single().BoothId, new[] { 5, 7 });
        Assert.Equal(1, solution.Quality.NeighbourRequestsMet);
    }

    [Fact]
    public void Host_province_firms_cluster_when_together_and_keep_apart_when_spread()
    {
        var booths = Row(12);
        PlacedExhibitor[] placed = [new(100, 1, HostRegion: true)];
        BoothSeeker[] seekers = [Seeker(1, host: true), Seeker(2, host: true), Seeker(3, host: true)];

        var together = BoothAssigner.Solve(new BoothProblem(booths, placed, seekers, HostRegionMode.Together));
        var spread = BoothAssigner.Solve(new BoothProblem(booths, placed, seekers, HostRegionMode.Spread));

        Assert.Equal(4, together.Quality.HostWithHostNeighbour);
        Assert.Equal(0, spread.Quality.HostWithHostNeighbour);
        Assert.All(together.Placements, p => Assert.Contains(BoothReasons.HostTogether, p.Reasons));
    }

    [Fact]
    public void When_booths_run_out_the_rest_are_reported_unplaced_not_dropped()
    {
        var solution = BoothAssigner.Solve(new BoothProblem(Row(2), [new PlacedExhibitor(100, 1, false)], [Seeker(1), Seeker(2)], HostRegionMode.Together));

        Assert.Single(solution.Placements);
        Assert.Single(solution.Unplaced);
        Assert.Equal(2, solution.Placements.Single().BoothId);
    }

    [Fact]
    public void The_same_problem_gives_the_same_proposal()
    {
        var booths = Row(10).Concat(Row(10, "Machinery", y: 4, firstId: 20)).ToList();
        var seekers = Enumerable.Range(1, 12).Select(i => Seeker(i, i % 2 == 0 ? "Food" : "Machinery", host: i % 3 == 0, demand: i)).ToList();
        var problem = new BoothProblem(booths, [], seekers, HostRegionMode.Together);

        Assert.Equal(
            BoothAssigner.Solve(problem).Placements.Select(p => (p.ExhibitorId, p.BoothId)),
            BoothAssigner.Solve(problem).Placements.Select(p => (p.ExhibitorId, p.BoothId)));
    }
}
