using MudBlazor;

namespace CooperationModel.Web.Components.Layout;

public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#00796b",
            AppbarBackground = "#1f4e8c",
            // Darker than MudBlazor's defaults, so white text on chips and buttons meets WCAG AA (4.5:1).
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
