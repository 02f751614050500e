using ExpoPortal.Matching.Checking;
using ExpoPortal.Matching.Model;
using static ExpoPortal.Matching.Tests.Tiny;

namespace ExpoPortal.Matching.Tests;

public class CheckerTests
{
    // P1 speaks ko, P2 only zh; E1 has two tables, E2 one and is away in s3; interpreter I1 (ko+zh) is free in s1 and s2.
    private static readonly MatchInstance Event = new(
        Slots(4),
        [Exhibitor("E1", tables: 2, max: 3, min: 2), Exhibitor("E2", available: ["s1", "s2", "s4"])],
        [Participant("P1", max: 2), Participant("P2", languages: ["zh"], available: ["s1", "s2", "s3"]), Participant("P3")],
        [new Interpreter("I1", ["ko", "zh"], ["s1", "s2"]), new Interpreter("I2", ["ko", "en"])],
        [Pair("P1", "E1", 5), Pair("P1", "E2", 7, must: true), Pair("P2", "E1", 3), Pair("P2", "E2", 4), Pair("P3", "E1", 1)]);

    private static Meeting M(string participant, string exhibitor, string slot, int table, string? interpreter = null) =>
        new(participant, exhibitor, slot, table, interpreter);

    private static CheckReport Check(params Meeting[] meetings) => ScheduleChecker.Check(Event, Event.Pairs!, new MatchSchedule(meetings));

    private static void AssertOnly(ViolationKind kind, CheckReport report) =>
        Assert.Equal([kind], report.Violations.Select(v => v.Kind).Distinct());

    private static void AssertContains(ViolationKind kind, CheckReport report) =>
        Assert.Contains(report.Violations, v => v.Kind == kind);

    /// <summary>The report without a kind that the broken schedule also triggers by construction.</summary>
    private static CheckReport Without(CheckReport report, ViolationKind kind) =>
        report with { Violations = report.Violations.Where(v => v.Kind != kind).ToList() };

    [Fact]
    public void A_valid_schedule_passes_and_its_figures_are_recomputed()
    {
        var report = Check(M("P1", "E2", "s1", 1), M("P1", "E1", "s2", 1), M("P2", "E1", "s1", 1, "I1"), M("P3", "E1", "s4", 2));
        Assert.True(report.IsValid, string.Join("; ", report.Violations));
        Assert.Equal(7 + 5 + 3 + 1, report.Score);
        // E1 table 1 holds s1 and s2 (a block); table 2 only s4: no gap anywhere.
        Assert.Equal(0, report.IdleGaps);
        Assert.Equal(0, report.MustMeetMissed);
        Assert.Equal(0, report.ExhibitorsBelowMinimum);
    }

    [Fact] public void A_pair_meeting_twice_is_rejected() => AssertOnly(ViolationKind.PairMeetsTwice, Check(M("P1", "E1", "s1", 1), M("P1", "E1", "s2", 1)));
    [Fact] public void A_participant_in_two_meetings_at_once_is_rejected() => AssertOnly(ViolationKind.ParticipantDoubleBooked, Check(M("P1", "E1", "s1", 1), M("P1", "E2", "s1", 1)));
    [Fact] public void A_table_outside_the_booth_is_rejected() => AssertOnly(ViolationKind.TableOutOfRange, Check(M("P1", "E1", "s1", 3)));
    [Fact] public void Two_meetings_at_one_table_are_rejected() => AssertOnly(ViolationKind.TableDoubleBooked, Check(M("P1", "E1", "s1", 1), M("P3", "E1", "s1", 1)));
    [Fact] public void An_unavailable_exhibitor_is_rejected() => AssertOnly(ViolationKind.ExhibitorUnavailable, Check(M("P1", "E2", "s3", 1)));
    [Fact] public void An_unavailable_participant_is_rejected() => AssertOnly(ViolationKind.ParticipantUnavailable, Check(M("P2", "E2", "s4", 1, "I2")) is var r ? Without(r, ViolationKind.InterpreterLanguage) : null!);
    [Fact] public void A_pair_that_is_not_listed_is_rejected() => AssertOnly(ViolationKind.PairNotAllowed, Check(M("P3", "E2", "s1", 1)));
    [Fact] public void A_participant_over_its_limit_is_rejected() => AssertContains(ViolationKind.ParticipantOverLimit, Check(M("P1", "E1", "s1", 1), M("P1", "E2", "s2", 1), M("P1", "E1", "s4", 1)));
    [Fact] public void An_exhibitor_over_its_limit_is_rejected() => AssertOnly(ViolationKind.ExhibitorOverLimit, Check(M("P1", "E1", "s1", 1), M("P3", "E1", "s2", 1), M("P2", "E1", "s2", 2, "I1"), M("P1", "E2", "s4", 1), M("P3", "E1", "s4", 1)) is var r ? Without(r, ViolationKind.PairMeetsTwice) : null!);
    [Fact] public void A_pair_without_a_common_language_needs_an_interpreter() => AssertOnly(ViolationKind.InterpreterMissing, Check(M("P2", "E1", "s1", 1)));
    [Fact] public void An_interpreter_must_speak_both_sides() => AssertOnly(ViolationKind.InterpreterLanguage, Check(M("P2", "E1", "s1", 1, "I2")));
    [Fact] public void An_interpreter_must_be_available() => AssertOnly(ViolationKind.InterpreterUnavailable, Check(M("P2", "E1", "s3", 1, "I1")));
    [Fact] public void An_interpreter_cannot_be_in_two_meetings() => AssertOnly(ViolationKind.InterpreterDoubleBooked, Check(M("P2", "E1", "s1", 1, "I1"), M("P1", "E1", "s1", 2, "I1")));
    [Fact] public void An_unknown_id_is_rejected() => AssertOnly(ViolationKind.UnknownId, Check(M("P9", "E1", "s1", 1)));

    [Fact]
    public void Three_meetings_at_one_two_table_booth_are_rejected()
    {
        var report = Check(M("P1", "E1", "s1", 1), M("P3", "E1", "s1", 2), M("P2", "E1", "s1", 3, "I1"));
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.ExhibitorOverTables);
    }

    [Fact]
    public void Idle_gaps_count_for_participants_and_tables_day_by_day()
    {
        // P3 meets E1 in s1 and ... only one pair per participant here, so use P1: s1 and s4 → one gap for P1;
        // E1's table 1 is used in s1 and s4 → one gap for that table.
        var report = Check(M("P1", "E1", "s1", 1), M("P1", "E2", "s4", 1));
        Assert.True(report.IsValid);
        Assert.Equal(1, report.IdleGaps);
        var grid = new SlotTimeline(Slots(3, days: 2));
        // s3 (end of day 1) → s4 (start of day 2) is a new day, not a gap.
        Assert.Equal(0, grid.GapsOf([1, 2, 3]));
        Assert.Equal(1, grid.GapsOf([0, 2, 3]));
    }

    [Fact]
    public void Missed_must_meets_and_exhibitors_below_minimum_are_counted()
    {
        var report = Check(M("P1", "E1", "s1", 1));
        Assert.Equal(1, report.MustMeetMissed);
        Assert.Equal(1, report.ExhibitorsBelowMinimum); // E1 owes 2, has 1
    }

    [Fact]
    public void A_claimed_score_that_disagrees_is_flagged()
    {
        var schedule = new MatchSchedule([M("P1", "E1", "s1", 1)], Score: 99);
        var report = ScheduleChecker.Check(Event, Event.Pairs!, schedule, compareClaimedFigures: true);
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.FigureMismatch && v.Message.StartsWith("score"));
    }

    [Fact]
    public void Back_to_back_meetings_in_different_halls_count_as_hall_changes()
    {
        var instance = new MatchInstance(Slots(3),
            [Exhibitor("E1") with { Hall = "A" }, Exhibitor("E2") with { Hall = "B" }, Exhibitor("E3") with { Hall = "A" }],
            [Participant("P1"), Participant("P2")], [],
            [Pair("P1", "E1"), Pair("P1", "E2"), Pair("P1", "E3"), Pair("P2", "E3")]);
        // P1: E1 (A) → E2 (B) → E3 (A): two changes. P2 alone: none.
        var report = ScheduleChecker.Check(instance, instance.Pairs!, new MatchSchedule(
            [M("P1", "E1", "s1", 1), M("P1", "E2", "s2", 1), M("P1", "E3", "s3", 1), M("P2", "E3", "s1", 1)]));
        Assert.True(report.IsValid);
        Assert.Equal(2, report.HallChanges);
    }
}
