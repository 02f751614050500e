namespace ExpoPortal.Domain.Events;

/// <summary>One bookable meeting slot of an event. Times are stored in UTC; <see cref="Day"/> and <see cref="LocalStart"/> are the venue's local view.</summary>
public sealed class TimeSlot
{
    private TimeSlot() { } // EF

    internal TimeSlot(Event @event, DateOnly day, int indexInDay, TimeOnly localStart, DateTimeOffset startsAt, int minutes)
    {
        Event = @event;
        Day = day;
        IndexInDay = indexInDay;
        LocalStart = localStart;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = StartsAt.AddMinutes(minutes);
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public Event Event { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public int IndexInDay { get; private set; }
    public TimeOnly LocalStart { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>The slot kept through a grid change: its place in the day and its UTC times follow the new grid and time zone.</summary>
    internal void Renumber(int indexInDay, DateTimeOffset startsAt, int minutes)
    {
        IndexInDay = indexInDay;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = StartsAt.AddMinutes(minutes);
    }
}
