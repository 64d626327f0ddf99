using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>MudBlazor controls as a user works them: selects, date pickers and tabs.</summary>
public static class Ui
{
    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    /// <summary>Today as the app counts it: in Finnish time.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Finland).DateTime);

    /// <summary>A date as the app's pickers show and parse it (DateFormat "d.M.yyyy").</summary>
    public static string Date(DateOnly date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Picks an option of the MudSelect whose data-testid is <paramref name="testId"/>. MudSelect opens on mousedown on its
    /// input control, not on click (spike P9). The testid sits on the inner input, or on the value's div once one is chosen,
    /// so the select is found as the <c>div.mud-select</c> that holds it.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator scope, string testId, string option)
    {
        var select = scope.Locator("div.mud-select").Filter(new() { Has = page.GetByTestId(testId) });
        await select.Locator("div.mud-input-control").First.DispatchEventAsync("mousedown");
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(scope.GetByTestId(testId)).ToHaveTextAsync(option);
    }

    /// <summary>An editable MudDatePicker: type the date into its input and leave the field, as a keyboard user does.</summary>
    public static async Task TypeDateAsync(ILocator scope, string testId, DateOnly date)
    {
        var input = scope.GetByTestId(testId);
        await input.FillAsync(Date(date));
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(Date(date));
    }

    /// <summary>MudTabs: the tab is found by its role and visible name (the panel's testid is not on the tab).</summary>
    public static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    public static async Task OpenTabAsync(IPage page, string name)
    {
        var tab = Tab(page, name);
        await tab.ClickAsync();
        await Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
    }
}
