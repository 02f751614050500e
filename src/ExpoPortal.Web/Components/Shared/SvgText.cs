using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ExpoPortal.Web.Components.Shared;

/// <summary>
/// The text of one floor-plan booth: its code, and below it the company's name, in one SVG &lt;text&gt; element
/// (Razor reads a literal &lt;text&gt; tag in code blocks as its own transition tag and drops it, so it is built here).
/// The name is drawn whole (a long one squeezed to the booth's width with textLength), so the visible text is the
/// start of the booth's accessible name. Plain text, encoded, never markup.
/// </summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public int X { get; set; }
    [Parameter] public int Y { get; set; }
    [Parameter] public int Width { get; set; }
    [Parameter] public int Height { get; set; }
    [Parameter] public string Code { get; set; } = string.Empty;
    [Parameter] public string? Name { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var named = !string.IsNullOrEmpty(Name);
        builder.OpenElement(0, "text");
        builder.OpenElement(1, "tspan");
        builder.AddAttribute(2, "x", Num(X + Width / 2.0));
        builder.AddAttribute(3, "y", Num(Y + Height / 2.0 + (named ? -0.1 : 0.15)));
        builder.AddAttribute(4, "text-anchor", "middle");
        builder.AddAttribute(5, "font-size", "0.42");
        builder.AddAttribute(6, "class", "booth-code");
        // The trailing space keeps code and name apart in the text as read (textContent), not only as drawn.
        builder.AddContent(7, named ? Code + " " : Code);
        builder.CloseElement();
        if (named)
        {
            builder.OpenElement(8, "tspan");
            const double fontSize = 0.24;
            var room = Width - 0.3;
            // Hangul glyphs are about a full em wide, Latin letters about half.
            var estimated = Name!.Sum(c => c is >= '\u1100' and <= '\uD7A3' ? 1.0 : 0.55) * fontSize;
            builder.AddAttribute(9, "x", Num(X + Width / 2.0));
            builder.AddAttribute(10, "y", Num(Y + Height / 2.0 + 0.45));
            builder.AddAttribute(11, "font-size", Num(fontSize));
            builder.AddAttribute(12, "class", "booth-name");
            builder.AddAttribute(13, "text-anchor", "middle");
            if (estimated > room)
            {
                builder.AddAttribute(14, "textLength", Num(room));
                builder.AddAttribute(15, "lengthAdjust", "spacingAndGlyphs");
            }
            builder.AddContent(16, Name);
            builder.CloseElement();
        }
        builder.CloseElement();
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
