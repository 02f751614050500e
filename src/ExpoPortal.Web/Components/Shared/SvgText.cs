using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ExpoPortal.Web.Components.Shared;

/// <summary>
/// An SVG &lt;text&gt; element. Razor reads a literal &lt;text&gt; tag inside code blocks as its own transition tag and drops it,
/// so the element is built here. The content is plain text (encoded), never markup.
/// </summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public double X { get; set; }
    [Parameter] public double Y { get; set; }
    [Parameter] public double FontSize { get; set; } = 0.5;
    [Parameter] public string? Class { get; set; }
    [Parameter] public string Text { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X.ToString("0.###", CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "y", Y.ToString("0.###", CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "font-size", FontSize.ToString("0.###", CultureInfo.InvariantCulture));
        builder.AddAttribute(4, "text-anchor", "middle");
        builder.AddAttribute(5, "class", Class);
        builder.AddAttribute(6, "aria-hidden", "true");
        builder.AddContent(7, Text);
        builder.CloseElement();
    }
}
