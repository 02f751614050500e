using Microsoft.AspNetCore.Components;

namespace ExpoPortal.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon drawn as the plain &lt;svg&gt; a MudIcon renders, without a component per icon (the menu and the
/// directory's pager draw many, and each component is kept for the whole circuit). <paramref name="icon"/> is the
/// path data of a MudBlazor <c>Icons</c> constant, never user text, so it is written as markup.
/// </summary>
public static class MaterialIcon
{
    public const string Classes = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    public static RenderFragment Render(string icon, string classes = Classes) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };
}
