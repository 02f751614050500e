using System.Globalization;

namespace ExpoPortal.Web.Components.Shared;

/// <summary>The language of the current request ("ko" or "en"), as chosen by the language switch.</summary>
public static class UiLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The other of the two, for showing a name in both languages.</summary>
    public static string Other => Current == "ko" ? "en" : "ko";

    public static bool IsCurrent(string language) => Current == language;

    /// <summary>A language code (en, vi, zh) named in the reader's language (영어 / English).</summary>
    public static string NameOf(string code) =>
        CultureInfo.GetCultureInfo(code) is { } culture && culture.Name.Length > 0
            ? (Current == "ko" ? culture.DisplayName : culture.EnglishName) : code;
}
