using ExpoPortal.Matching.Io;
using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Tests;

public class FormatTests
{
    private const string Valid = """
        {"format":"expo-match/1",
         "slots":[{"id":"s1","day":"d1","start":"2025-10-01T09:00+09:00","minutes":30},
                  {"id":"s2","day":"d1","start":"2025-10-01T09:30+09:00","minutes":30,"hall":"A"}],
         "exhibitors":[{"id":"E1","tables":2,"minMeetings":1,"maxMeetings":4,"languages":["ko","en"],"available":["s2"]}],
         "participants":[{"id":"P1","maxMeetings":2,"languages":["en"]}],
         "interpreters":[{"id":"I1","languages":["ko","zh"]}],
         "pairs":[{"participant":"P1","exhibitor":"E1","score":7,"mustMeet":true}]}
        """;

    [Fact]
    public void A_valid_instance_is_read_with_every_field()
    {
        var instance = InstanceReader.Read(Valid);
        Assert.Equal(2, instance.Slots.Count);
        Assert.Equal("A", instance.Slots[1].Hall);
        Assert.Equal(TimeSpan.FromHours(9), instance.Slots[0].Start.Offset);
        var e = Assert.Single(instance.Exhibitors);
        Assert.Equal((2, 1, 4), (e.Tables, e.MinMeetings, e.MaxMeetings));
        Assert.Equal(["s2"], e.Available);
        Assert.Null(instance.Participants[0].Available);
        Assert.Equal(new CandidatePair("P1", "E1", 7, true), Assert.Single(instance.Pairs!));
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_instance()
    {
        var instance = InstanceReader.Read(Valid);
        var again = InstanceReader.Read(InstanceWriter.Write(instance));
        Assert.Equal(InstanceWriter.Write(instance), InstanceWriter.Write(again));
        Assert.Equal(instance.Pairs, again.Pairs);
    }

    [Theory]
    [InlineData("\"tables\":2", "\"tables\":0", "$.exhibitors[0] (id \"E1\").tables: expected an integer in 1..1000, got 0")]
    [InlineData("\"tables\":2", "\"tables\":\"two\"", "$.exhibitors[0] (id \"E1\").tables: expected an integer, got \"two\"")]
    [InlineData("\"available\":[\"s2\"]", "\"available\":[\"s9\"]", "$.exhibitors[0] (id \"E1\").available[0]: unknown slot \"s9\"")]
    [InlineData("\"score\":7", "\"score\":-1", "$.pairs[0].score: expected an integer ≥ 0, got -1")]
    [InlineData("\"exhibitor\":\"E1\",\"score\"", "\"exhibitor\":\"E2\",\"score\"", "$.pairs[0].exhibitor: unknown exhibitor \"E2\"")]
    [InlineData("\"start\":\"2025-10-01T09:00+09:00\"", "\"start\":\"2025-10-01T09:00\"", "$.slots[0] (id \"s1\").start: expected an ISO-8601 date-time with offset")]
    [InlineData("\"maxMeetings\":2,", "", "$.participants[0] (id \"P1\").maxMeetings: is required")]
    [InlineData("\"minMeetings\":1", "\"minMeetings\":5", "$.exhibitors[0] (id \"E1\").minMeetings: minMeetings 5 exceeds maxMeetings 4")]
    [InlineData("expo-match/1", "expo-match/2", "$.format: expected \"expo-match/1\", got \"expo-match/2\"")]
    [InlineData("{\"id\":\"s2\"", "{\"id\":\"s1\"", "$.slots[1]: id \"s1\" is used twice")]
    public void A_broken_field_is_named_in_the_error(string from, string to, string expected)
    {
        var broken = Valid.Replace(from, to);
        Assert.NotEqual(Valid, broken);
        var error = Assert.Throws<MatchFormatException>(() => InstanceReader.Read(broken));
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Malformed_json_reports_its_line()
    {
        var error = Assert.Throws<MatchFormatException>(() => InstanceReader.Read("{\n\"format\": \"expo-match/1\",\n \"slots\": [,]}"));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_schedule_round_trips()
    {
        var schedule = new MatchSchedule([new Meeting("P1", "E1", "s2", 1, "I1"), new Meeting("P2", "E1", "s2", 2)],
            Score: 17, Bound: 20, Gap: 0.15, Seconds: 1.5, IdleGaps: 3, ExhibitorsBelowMinimum: 1, MustMeetMissed: 2);
        var text = ScheduleWriter.Write(schedule);
        Assert.Contains("\"format\": \"expo-match-schedule/1\"", text);
        var again = ScheduleReader.Read(text);
        Assert.Equal(schedule.Meetings, again.Meetings);
        Assert.Equal((17L, 20L, 3, 1, 2), (again.Score, again.Bound, again.IdleGaps, again.ExhibitorsBelowMinimum, again.MustMeetMissed));
    }

    [Fact]
    public void A_schedule_with_table_zero_is_refused()
    {
        var error = Assert.Throws<MatchFormatException>(() => ScheduleReader.Read(
            """{"format":"expo-match-schedule/1","meetings":[{"participant":"P1","exhibitor":"E1","slot":"s1","table":0}]}"""));
        Assert.Equal("$.meetings[0].table: expected an integer ≥ 1, got 0", error.Message);
    }
}
