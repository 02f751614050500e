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
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
    };
}
