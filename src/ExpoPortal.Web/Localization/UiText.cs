using System.Resources;

namespace ExpoPortal.Web.Localization;

/// <summary>
/// All user-facing text, in UiText.resx (English) and UiText.ko.resx (Korean). Components use it through
/// <c>IStringLocalizer&lt;UiText&gt;</c>; the static properties serve data-annotation messages, which need them.
/// </summary>
public sealed class UiText
{
    private static readonly ResourceManager Resources = new(typeof(UiText));

    public static string ValidationEmailRequired => Get(nameof(ValidationEmailRequired));
    public static string ValidationEmailInvalid => Get(nameof(ValidationEmailInvalid));
    public static string ValidationPasswordRequired => Get(nameof(ValidationPasswordRequired));

    private static string Get(string name) => Resources.GetString(name) ?? name;
}
