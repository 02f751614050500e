namespace ExpoPortal.Domain.Common;

/// <summary>ISO 639-1 language codes the expo works with; interpreters bridge Korean to these.</summary>
public static class Languages
{
    public const string Korean = "ko";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Common = ["ko", "en", "zh", "ja", "vi", "es", "ru", "fr", "de", "id", "th", "ar", "pt", "mn", "uz", "kk"];

    /// <summary>True when the two sides can talk without an interpreter.</summary>
    public static bool ShareOne(IEnumerable<string> a, IEnumerable<string> b) =>
        a.Intersect(b, StringComparer.OrdinalIgnoreCase).Any();
}
