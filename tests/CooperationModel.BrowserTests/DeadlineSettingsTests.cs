using CooperationModel.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The organiser's admin sets a deadline per ground: an out-of-range value is refused at its row and stays as typed, a
/// valid one is saved; axe on the page. Only the immigrant ground is changed, which no other browser test sends.
/// Screenshots: Deadlines-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeadlineSettingsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Deadlines";
    private const string Ground = "ImmigrantOverTwoMonths";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Deadlines_AdminSetsAGround_OutOfRangeRefusedThenSaved()
    {
        await using var admin = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.AdminHelsinki);
        var page = admin.Page;
        await admin.ScreenshotOnFailureAsync(async () =>
        {
            await page.GetByTestId("nav-deadlines").ClickAsync();
            await Expect(page.GetByTestId("deadlines-table")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("deadlines-urgent-note")).ToContainTextAsync("samana arkipäivänä");
            await _axe.CheckAsync(admin, "01-axe-deadlines");

            var row = page.Locator($"[data-testid=deadline-row][data-ground={Ground}]");
            var days = row.GetByTestId($"deadline-days-{Ground}");
            await days.FillAsync("61");
            await row.GetByTestId($"deadline-save-{Ground}").ClickAsync();
            await Expect(row.GetByText("Määräajan on oltava 0–60 arkipäivää (0 = samana päivänä).")).ToBeVisibleAsync();
            await Expect(days).ToHaveValueAsync("61");
            await _axe.CheckAsync(admin, "02-axe-out-of-range");

            await days.FillAsync("10");
            await row.GetByTestId($"deadline-save-{Ground}").ClickAsync();
            await Expect(page.Locator(".mud-snackbar").GetByText("Määräajat tallennettu.")).ToBeVisibleAsync();
            await Expect(row.GetByTestId("deadline-source")).ToHaveTextAsync("Oma asetus");
            await admin.ScreenshotAsync("03-saved");

            // Stored: the page shows it again after a reload.
            await admin.GotoAsync("settings/deadlines");
            await Expect(page.Locator($"[data-testid=deadline-row][data-ground={Ground}]").GetByTestId($"deadline-days-{Ground}")).ToHaveValueAsync("10");
        });

        _axe.ShouldHaveNoViolations();
    }
}
