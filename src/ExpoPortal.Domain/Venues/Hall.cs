using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;

namespace ExpoPortal.Domain.Venues;

/// <summary>An exhibition hall. Its floor plan is a grid of <see cref="Columns"/> × <see cref="Rows"/> cells on which booths are placed.</summary>
public sealed class Hall
{
    private Hall() { } // EF

    public Hall(Event @event, string code, LocalizedText name, int columns, int rows)
    {
        Event = @event;
        Code = Guard.NotBlank(code, "Hall code", 10).ToUpperInvariant();
        Name = name;
        Columns = Guard.Positive(columns, "Columns");
        Rows = Guard.Positive(rows, "Rows");
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public Event Event { get; private set; } = null!;
    public string Code { get; private set; } = null!;
    public LocalizedText Name { get; private set; } = null!;
    public int Columns { get; private set; }
    public int Rows { get; private set; }

    /// <summary>Renames and resizes the hall; the caller checks that its booths still fit.</summary>
    public void Edit(LocalizedText name, int columns, int rows)
    {
        Name = name;
        Columns = Guard.Positive(columns, "Columns");
        Rows = Guard.Positive(rows, "Rows");
    }
}
