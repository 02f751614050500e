namespace ExpoPortal.Domain.Common;

/// <summary>ISO 639-1 language codes the expo works with; interpreters bridge Korean to these.</summary>
public static class Languages
{
    public const string Korean = "ko";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Common = ["ko", "en", "zh", "ja", "vi", "es", "ru", "fr", "de", "id", "th", "ar", "pt", "mn", "uz", "kk"];
}
