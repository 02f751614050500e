using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;

namespace ExpoPortal.UnitTests.Events;

public sealed class SlotGridTests
{
    [Fact]
    public void Slots_run_back_to_back_and_skip_the_lunch_break()
    {
        var grid = new SlotGrid(30, new TimeOnly(9, 30), new TimeOnly(17, 30), [new SlotBreak(new TimeOnly(12, 0), new TimeOnly(13, 30))]);

        var starts = grid.SlotStarts().ToList();

        Assert.Equal(13, starts.Count);
        Assert.Equal(new TimeOnly(9, 30), starts[0]);
        Assert.Equal(new TimeOnly(11, 30), starts[4]);
        Assert.Equal(new TimeOnly(13, 30), starts[5]);
        Assert.Equal(new TimeOnly(17, 0), starts[^1]);
    }

    [Fact]
    public void A_break_that_does_not_fall_on_a_slot_boundary_pushes_the_next_slot_after_it()
    {
        var grid = new SlotGrid(40, new TimeOnly(9, 0), new TimeOnly(12, 0), [new SlotBreak(new TimeOnly(10, 0), new TimeOnly(10, 15))]);

        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(10, 15), new TimeOnly(10, 55)], grid.SlotStarts());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public void Slot_length_must_be_sensible(int minutes) =>
        Assert.Throws<DomainException>(() => new SlotGrid(minutes, new TimeOnly(9, 0), new TimeOnly(17, 0)));

    [Fact]
    public void A_break_outside_the_day_is_refused() =>
        Assert.Throws<DomainException>(() => new SlotGrid(30, new TimeOnly(9, 0), new TimeOnly(17, 0), [new SlotBreak(new TimeOnly(18, 0), new TimeOnly(19, 0))]));
}

public sealed class EventTests
{
    private static Event Andong(params DateOnly[] consultationDays) => new(
        "andong-test", new LocalizedText("안동", "Andong"), new LocalizedText("컨벤션센터", "Convention Center"), new LocalizedText("안동", "Andong"),
        new DateOnly(2027, 5, 19), new DateOnly(2027, 5, 21), consultationDays,
        new SlotGrid(30, new TimeOnly(9, 30), new TimeOnly(17, 30), [new SlotBreak(new TimeOnly(12, 0), new TimeOnly(13, 30))]),
        "Asia/Seoul", "KR-47", 100);

    [Fact]
    public void Slots_are_generated_for_each_consultation_day_in_UTC()
    {
        var expo = Andong(new DateOnly(2027, 5, 19), new DateOnly(2027, 5, 20));

        var first = expo.Slots.First();

        Assert.Equal(26, expo.Slots.Count);
        Assert.Equal(new DateTimeOffset(2027, 5, 19, 0, 30, 0, TimeSpan.Zero), first.StartsAt); // 09:30 in Seoul
        Assert.Equal(TimeSpan.Zero, first.StartsAt.Offset);
        Assert.Equal(first.StartsAt.AddMinutes(30), first.EndsAt);
        Assert.Equal(Enumerable.Range(0, 13), expo.Slots.Where(s => s.Day == new DateOnly(2027, 5, 20)).Select(s => s.IndexInDay));
    }

    [Fact]
    public void Consultation_days_must_fall_within_the_event() =>
        Assert.Throws<DomainException>(() => Andong(new DateOnly(2027, 5, 25)));

    [Fact]
    public void Changing_the_grid_regenerates_the_slots()
    {
        var expo = Andong(new DateOnly(2027, 5, 19));

        expo.ChangeSlotGrid(new SlotGrid(60, new TimeOnly(10, 0), new TimeOnly(12, 0)));

        Assert.Equal(2, expo.Slots.Count);
    }
}
