using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;

namespace ExpoPortal.UnitTests.Events;

/// <summary>A grid change keeps the slots that stay (same objects, so the same ids once saved) and reports what goes.</summary>
public sealed class RescheduleTests
{
    private static readonly DateOnly Day1 = new(2027, 10, 14), Day2 = new(2027, 10, 15);

    private static Event Incheon() => new("incheon-2027", new LocalizedText("인천", "Incheon"), new LocalizedText("송도", "Songdo"), new LocalizedText("인천", "Incheon"),
        Day1, Day2, [Day1, Day2], new SlotGrid(30, new TimeOnly(10, 0), new TimeOnly(12, 0)), "Asia/Seoul", "KR-28", 10);

    [Fact]
    public void An_earlier_start_keeps_the_old_slots_renumbered_and_adds_the_new_ones()
    {
        var expo = Incheon();
        var eleven = expo.Slots.Single(s => s.Day == Day1 && s.LocalStart == new TimeOnly(11, 0));

        var change = expo.Reschedule(Day1, Day2, [Day1, Day2], new SlotGrid(30, new TimeOnly(9, 0), new TimeOnly(12, 0)), "Asia/Seoul");

        Assert.Empty(change.Removed);
        Assert.Equal(4, change.Added.Count); // 09:00 and 09:30 on both days
        Assert.Contains(eleven, expo.Slots);
        Assert.Equal(4, eleven.IndexInDay);
        Assert.Equal(12, expo.Slots.Count);
    }

    [Fact]
    public void A_dropped_day_and_a_new_slot_length_remove_the_slots_that_no_longer_exist()
    {
        var expo = Incheon();

        var change = expo.Reschedule(Day1, Day2, [Day1], new SlotGrid(60, new TimeOnly(10, 0), new TimeOnly(12, 0)), "Asia/Seoul");

        Assert.Equal(8, change.Removed.Count); // every 30-minute slot: none has the new length
        Assert.Equal([new TimeOnly(10, 0), new TimeOnly(11, 0)], expo.Slots.Select(s => s.LocalStart));
    }

    [Fact]
    public void A_new_time_zone_keeps_the_local_times_and_moves_the_instants()
    {
        var expo = Incheon();
        var first = expo.Slots.First();

        var change = expo.Reschedule(Day1, Day2, [Day1, Day2], expo.SlotGrid, "Asia/Tokyo");

        Assert.Empty(change.Removed);
        Assert.Same(first, expo.Slots.First());
        Assert.Equal(new DateTimeOffset(2027, 10, 14, 1, 0, 0, TimeSpan.Zero), first.StartsAt); // Tokyo and Seoul are both UTC+9
        Assert.Equal("Asia/Tokyo", expo.TimeZoneId);
    }

    [Fact]
    public void A_consultation_day_outside_the_dates_is_refused()
    {
        var expo = Incheon();

        Assert.Throws<DomainException>(() => expo.Reschedule(Day1, Day1, [Day2], expo.SlotGrid, "Asia/Seoul"));
    }
}
