using MudBlazor;

namespace Prescriber.Web.Components.Layout;

/// <summary>Calm colours with strong contrast; system fonts, so no page waits on a font download.</summary>
public static class PrescriberTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#2e7d5b",
            AppbarBackground = "#1f5f8b",
            Error = "#b3261e",
            // MudBlazor's default green, amber and blue fail WCAG AA (4.5:1) with white text on
            // snackbars, chips and filled alerts; these darker ones pass on white and as text.
            Success = "#1b6e3c",
            Warning = "#8a4b00",
            Info = "#0b5a8c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
