using ExpoPortal.Bench.B2b;
using ExpoPortal.Matching.Io;

namespace ExpoPortal.Bench.Tests;

public class B2bTests
{
    // Four businesses, five meetings, two tables, four slots (two in the morning); business 4 cannot meet in slot 1.
    private const string Forum = """
        nBusiness = 4;
        nMeetings = 5;
        nTables = 2;
        nTotalSlots = 4;
        nMorningSlots = 2;
        requested = [|1, 2,1,
        |1, 3,3,
        |1, 4,2,
        |2, 3,3,
        |3, 4,3,
        |];
        forbidden = [{0},{0},{0},{0,1}];
        fixed = [0,0,0,0,0];
        """;

    [Fact]
    public void The_paper_format_is_read()
    {
        var problem = DznReader.Read(Forum);
        Assert.Equal((4, 2, 4, 2), (problem.Businesses, problem.Tables, problem.Slots, problem.MorningSlots));
        Assert.Equal(new B2bMeeting(0, 3, 2), problem.Meetings[2]);
        Assert.True(problem.Forbidden[3][0]);
        Assert.Equal([2, 3], problem.AllowedSlots(2)); // afternoon only
        Assert.Equal([1, 2, 3], problem.AllowedSlots(4)); // business 4 not in slot 1
    }

    [Fact]
    public void A_broken_row_is_named()
    {
        var error = Assert.Throws<MatchFormatException>(() => DznReader.Read(Forum.Replace("|2, 3,3,", "|2, 9,3,")));
        Assert.Contains("requested row 4", error.Message);
    }

    [Fact]
    public void The_solver_finds_a_valid_timetable_without_breaks()
    {
        var problem = DznReader.Read(Forum);
        var result = B2bSolver.Solve(problem, new B2bOptions { TimeLimit = TimeSpan.FromSeconds(5) }, TestContext.Current.CancellationToken);
        Assert.Empty(B2bChecker.Check(problem, result.Slots, fairness: 2));
        Assert.Equal(0, result.Breaks);
        Assert.True(result.ProvenOptimal);
    }

    // Three businesses meeting pairwise: the three meetings need three slots, and no order keeps every
    // pair adjacent, so "0 breaks" is refuted although each business alone fits a window; one breaker is enough.
    private const string Triangle = """
        nBusiness = 3;
        nMeetings = 3;
        nTables = 1;
        nTotalSlots = 4;
        nMorningSlots = 4;
        requested = [|1, 2,3,
        |1, 3,3,
        |2, 3,3,
        |];
        forbidden = [{0},{0},{0}];
        """;

    [Fact]
    public void One_breaking_business_is_found_and_proven_optimal_when_zero_breaks_is_refuted()
    {
        var problem = DznReader.Read(Triangle);
        var result = B2bSolver.Solve(problem, new B2bOptions { TimeLimit = TimeSpan.FromSeconds(5) }, TestContext.Current.CancellationToken);
        Assert.Empty(B2bChecker.Check(problem, result.Slots, fairness: 2));
        Assert.Equal(1, result.Breaks);
        Assert.True(result.ProvenOptimal);
    }

    // Business 1 has two morning meetings (slots 1..3) but cannot meet in slot 2: it fits no window.
    private const string Forced = """
        nBusiness = 4;
        nMeetings = 3;
        nTables = 1;
        nTotalSlots = 4;
        nMorningSlots = 3;
        requested = [|1, 2,1,
        |1, 3,1,
        |2, 4,3,
        |];
        forbidden = [{0,2},{0},{0},{0}];
        """;

    [Fact]
    public void A_business_whose_meetings_fit_no_window_breaks_once_and_no_one_else_does()
    {
        var problem = DznReader.Read(Forced);
        var result = B2bSolver.Solve(problem, new B2bOptions { TimeLimit = TimeSpan.FromSeconds(5) }, TestContext.Current.CancellationToken);
        Assert.Empty(B2bChecker.Check(problem, result.Slots, fairness: 2));
        Assert.Equal([1, 0, 0, 0], B2bChecker.BreaksPerBusiness(problem, result.Slots));
        Assert.True(result.ProvenOptimal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Identical_runs_give_identical_timetables(int workers)
    {
        var problem = DznReader.Read(Triangle);
        var options = new B2bOptions { TimeLimit = TimeSpan.FromSeconds(5), Workers = workers };
        var first = B2bSolver.Solve(problem, options, TestContext.Current.CancellationToken);
        var second = B2bSolver.Solve(problem, options, TestContext.Current.CancellationToken);
        Assert.Equal(first.Slots, second.Slots);
        Assert.Equal((1, true), (first.Breaks, first.ProvenOptimal));
    }

    [Fact]
    public void The_checker_counts_breaks_and_rejects_clashes()
    {
        var problem = DznReader.Read(Forum);
        // Business 1 meets in slots 1, 3, 4 → one break.
        int[] slots = [0, 2, 3, 1, 3];
        Assert.Equal(1, B2bChecker.BreaksPerBusiness(problem, slots)[0]);
        Assert.Contains(B2bChecker.Check(problem, [0, 0, 3, 1, 2], 2), e => e.Contains("two meetings in one slot"));
        Assert.Contains(B2bChecker.Check(problem, [2, 1, 3, 0, 1], 2), e => e.Contains("not allowed"));
    }
}
