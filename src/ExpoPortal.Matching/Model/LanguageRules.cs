namespace ExpoPortal.Matching.Model;

/// <summary>
/// Who can talk to whom: the one place for the language and interpreter-bridge rules (the engine, its checker and
/// its scoring all ask here). Language codes compare case-insensitively ("ko" = "KO").
/// </summary>
public static class LanguageRules
{
    /// <summary>True when the two sides share a language and need no interpreter.</summary>
    public static bool Shared(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Any(x => b.Any(y => string.Equals(x, y, StringComparison.OrdinalIgnoreCase)));

    /// <summary>An interpreter can bridge a pair when it speaks a language of each side.</summary>
    public static bool Bridges(IReadOnlyList<string> interpreter, IReadOnlyList<string> participant, IReadOnlyList<string> exhibitor) =>
        Shared(interpreter, participant) && Shared(interpreter, exhibitor);
}
