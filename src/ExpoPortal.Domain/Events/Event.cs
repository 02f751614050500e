using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Events;

/// <summary>
/// One edition of an expo (Andong in spring, Incheon in autumn...). Everything else in the portal
/// belongs to exactly one event.
/// </summary>
public sealed class Event
{
    private readonly List<TimeSlot> _slots = [];

    private Event() { } // EF

    public Event(string slug, LocalizedText name, LocalizedText venue, LocalizedText city,
        DateOnly startDate, DateOnly endDate, IEnumerable<DateOnly> consultationDays, SlotGrid slotGrid,
        string timeZoneId, string hostProvinceCode, int hostRegionQuota)
    {
        Slug = Guard.NotBlank(slug, "Slug", 60).ToLowerInvariant();
        if (!Slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new DomainException("A slug holds only letters, digits and dashes.");
        if (endDate < startDate) throw new DomainException("An event cannot end before it starts.");
        var days = consultationDays.Distinct().Order().ToList();
        if (days.Count == 0) throw new DomainException("An event needs at least one consultation day.");
        if (days.Any(d => d < startDate || d > endDate))
            throw new DomainException("Consultation days must fall within the event's dates.");
        if (hostRegionQuota < 0) throw new DomainException("The host-region quota cannot be negative.");

        Name = name;
        Venue = venue;
        City = city;
        StartDate = startDate;
        EndDate = endDate;
        ConsultationDays = days;
        SlotGrid = slotGrid;
        TimeZoneId = Guard.NotBlank(timeZoneId, "Time zone", 64);
        HostProvinceCode = Guard.NotBlank(hostProvinceCode, "Host province", 10);
        HostRegionQuota = hostRegionQuota;
        RegenerateSlots();
    }

    public int Id { get; private set; }
    public string Slug { get; private set; } = null!;
    public LocalizedText Name { get; private set; } = null!;
    public LocalizedText Venue { get; private set; } = null!;
    public LocalizedText City { get; private set; } = null!;
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public List<DateOnly> ConsultationDays { get; private set; } = [];
    public SlotGrid SlotGrid { get; private set; } = null!;

    /// <summary>IANA time zone of the venue, e.g. Asia/Seoul.</summary>
    public string TimeZoneId { get; private set; } = null!;

    /// <summary>ISO 3166-2 code of the host province (KR-47 is Gyeongsangbuk-do) whose firms have a booth quota.</summary>
    public string HostProvinceCode { get; private set; } = null!;
    public int HostRegionQuota { get; private set; }

    public IReadOnlyCollection<TimeSlot> Slots => _slots.AsReadOnly();

    /// <summary>Whether participants and exhibitors may book slots themselves; organizers always may.</summary>
    public bool BookingOpen { get; private set; } = true;

    /// <summary>A participant may cancel its own meeting until this many hours before it starts.</summary>
    public int CancellationCutoffHours { get; private set; } = 24;

    /// <summary>How many unanswered meeting requests a participant may have at once.</summary>
    public int MaxPendingRequests { get; private set; } = 5;

    /// <summary>An unanswered request expires after this many hours, telling both sides.</summary>
    public int RequestExpiryHours { get; private set; } = 48;

    public void SetRequestRules(int maxPending, int expiryHours)
    {
        if (maxPending is < 1 or > 100) throw new DomainException("A participant may have 1 to 100 pending requests.");
        if (expiryHours is < 1 or > 24 * 30) throw new DomainException("Requests expire after 1 to 720 hours.");
        MaxPendingRequests = maxPending;
        RequestExpiryHours = expiryHours;
    }

    public void OpenBooking() => BookingOpen = true;

    public void CloseBooking() => BookingOpen = false;

    public void SetCancellationCutoff(int hours) =>
        CancellationCutoffHours = hours is >= 0 and <= 24 * 14 ? hours : throw new DomainException("The cancellation cut-off is 0 to 336 hours.");

    /// <summary>True while a participant may still cancel a meeting that starts at <paramref name="startsAt"/>.</summary>
    public bool AllowsCancellation(DateTimeOffset startsAt, DateTimeOffset now) => now <= startsAt.AddHours(-CancellationCutoffHours);

    /// <summary>Rebuilds the slots from the grid. Only valid before meetings exist; the caller checks that.</summary>
    public void ChangeSlotGrid(SlotGrid grid)
    {
        SlotGrid = grid;
        RegenerateSlots();
    }

    /// <summary>Names, venue and city in both languages.</summary>
    public void Describe(LocalizedText name, LocalizedText venue, LocalizedText city)
    {
        Name = name;
        Venue = venue;
        City = city;
    }

    public void SetHostRegion(string hostProvinceCode, int hostRegionQuota)
    {
        if (hostRegionQuota < 0) throw new DomainException("The host-region quota cannot be negative.");
        HostProvinceCode = Guard.NotBlank(hostProvinceCode, "Host province", 10).ToUpperInvariant();
        HostRegionQuota = hostRegionQuota;
    }

    /// <summary>
    /// Changes the dates, consultation days, time zone and slot grid, keeping every slot whose day, local start and
    /// length stay the same (same id, so its meetings stay attached; its index and UTC times follow the new grid),
    /// dropping the others and adding the new ones. The caller refuses the change when a dropped slot holds meetings.
    /// </summary>
    public SlotReschedule Reschedule(DateOnly startDate, DateOnly endDate, IEnumerable<DateOnly> consultationDays, SlotGrid grid, string timeZoneId)
    {
        if (endDate < startDate) throw new DomainException("An event cannot end before it starts.");
        var days = consultationDays.Distinct().Order().ToList();
        if (days.Count == 0) throw new DomainException("An event needs at least one consultation day.");
        if (days.Any(d => d < startDate || d > endDate))
            throw new DomainException("Consultation days must fall within the event's dates.");
        var zoneId = Guard.NotBlank(timeZoneId, "Time zone", 64);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        StartDate = startDate;
        EndDate = endDate;
        ConsultationDays = days;
        SlotGrid = grid;
        TimeZoneId = zoneId;

        var existing = _slots.ToDictionary(s => (s.Day, s.LocalStart, Minutes: (int)(s.EndsAt - s.StartsAt).TotalMinutes));
        var kept = new HashSet<TimeSlot>();
        var renumbered = new List<TimeSlot>();
        var added = new List<TimeSlot>();
        foreach (var day in days)
        {
            var index = 0;
            foreach (var start in grid.SlotStarts())
            {
                var local = day.ToDateTime(start);
                var utc = new DateTimeOffset(local, zone.GetUtcOffset(local));
                if (existing.TryGetValue((day, start, grid.SlotMinutes), out var slot))
                {
                    if (slot.IndexInDay != index) renumbered.Add(slot);
                    slot.Renumber(index, utc, grid.SlotMinutes);
                    kept.Add(slot);
                }
                else
                {
                    var fresh = new TimeSlot(this, day, index, start, utc, grid.SlotMinutes);
                    added.Add(fresh);
                    _slots.Add(fresh);
                }
                index++;
            }
        }
        var removed = _slots.Where(s => !kept.Contains(s) && !added.Contains(s)).ToList();
        _slots.RemoveAll(removed.Contains);
        return new SlotReschedule(removed, renumbered, added);
    }

    private void RegenerateSlots()
    {
        _slots.Clear();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        foreach (var day in ConsultationDays)
        {
            var index = 0;
            foreach (var start in SlotGrid.SlotStarts())
            {
                var local = day.ToDateTime(start);
                var utc = new DateTimeOffset(local, zone.GetUtcOffset(local));
                _slots.Add(new TimeSlot(this, day, index++, start, utc, SlotGrid.SlotMinutes));
            }
        }
    }
}

/// <summary>What a reschedule did to the slots: dropped, kept with a new index, and new.</summary>
public sealed record SlotReschedule(IReadOnlyList<TimeSlot> Removed, IReadOnlyList<TimeSlot> Renumbered, IReadOnlyList<TimeSlot> Added)
{
    public bool Changed => Removed.Count > 0 || Renumbered.Count > 0 || Added.Count > 0;
}
