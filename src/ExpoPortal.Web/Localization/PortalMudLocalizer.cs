using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ExpoPortal.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager, clear buttons...) in the portal's language. Its keys are looked up as
/// "Mud.{key}" in UiText; only the Korean file carries them, so English falls back to MudBlazor's defaults.
/// Values with arguments use MudBlazor's own placeholders ({0}-{1} of {2}).
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<UiText> text) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var own = text[$"Mud.{key}"];
            return own.ResourceNotFound ? base[key] : new LocalizedString(key, own.Value);
        }
    }
}
