using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;

namespace ExpoPortal.Domain.Interpreters;

/// <summary>An interpreter of the event's pool: Korean plus one or more foreign languages.</summary>
public sealed class Interpreter
{
    private Interpreter() { } // EF

    public Interpreter(Event @event, string fullName, IEnumerable<string> languages, IEnumerable<DateOnly> availableDays)
    {
        Event = @event;
        FullName = Guard.NotBlank(fullName, "Name");
        Languages = Guard.LanguageCodes(languages, "Languages");
        if (!Languages.Contains(Common.Languages.Korean) || Languages.Count < 2)
            throw new DomainException("An interpreter speaks Korean and at least one other language.");
        AvailableDays = availableDays.Distinct().Order().ToList();
    }

    public int Id { get; private set; }
    public int EventId { get; private set; }
    public Event Event { get; private set; } = null!;
    public string FullName { get; private set; } = null!;
    public List<string> Languages { get; private set; } = [];
    public List<DateOnly> AvailableDays { get; private set; } = [];

    public bool IsAvailableIn(TimeSlot slot) => AvailableDays.Contains(slot.Day);

    // Whether an interpreter can bridge two sides is the matching engine's rule, in one place:
    // ExpoPortal.Matching.Model.LanguageRules.Bridges (used by the engine and its checker).
}
