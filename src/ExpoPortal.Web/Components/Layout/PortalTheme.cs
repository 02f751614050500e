using MudBlazor;

namespace ExpoPortal.Web.Components.Layout;

public static class PortalTheme
{
    // Korean-capable system fonts first (Debian's fonts-nanum, Windows' Malgun Gothic, macOS' Apple SD Gothic Neo).
    private static readonly string[] Fonts =
        ["Noto Sans KR", "NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d6e",
            Secondary = "#c8102e",
            AppbarBackground = "#0b3d6e",
            // Darker than MudBlazor's defaults so that alert and chip texts reach WCAG AA contrast (4.5:1).
            Info = "#0b5c99",
            Success = "#1e6b24",
            Warning = "#8a4b00",
            Error = "#b3261e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
    };
}
