using System.Globalization;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The municipalities' operating environments: Helsinki's organiser admin assesses Helsinki again (limited services) and
/// its "checked on" moves to today; the overview shows Helsinki assessed; a Kela handler sees the new type on the case of a
/// Helsinki client, with the channel to recommend. Axe on both pages and on the case page with the panel. Only Helsinki's
/// environment is changed, which no other browser test reads. Screenshots: Environments-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatingEnvironmentTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Environments";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task TheOrganisersAdminAssessesHelsinki_AndAKelaHandlerSeesItOnTheCase()
    {
        var today = Ui.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using (var admin = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.AdminHelsinki))
        {
            var page = admin.Page;
            await admin.ScreenshotOnFailureAsync(async () =>
            {
                await admin.GotoAsync("directory/environments/091");
                await Expect(page.GetByTestId("environment-municipality")).ToHaveTextAsync("Helsinki");
                await Expect(page.GetByTestId("environment-type")).ToHaveTextAsync("Laajat palvelut");
                // The demo checked it ten days ago.
                var checkedOn = page.GetByTestId("environment-checked-on").First;
                await Expect(checkedOn).Not.ToHaveAttributeAsync("data-date", today);
                await Expect(page.GetByTestId("environment-form")).ToBeVisibleAsync();
                await _axe.CheckAsync(admin, "01-axe-environment");

                var form = page.GetByTestId("environment-form");
                await Ui.ChooseAsync(page, form, "environment-type-select", "Rajatut palvelut");
                await page.GetByTestId("environment-note").FillAsync("Kelan palvelupiste Itäkeskuksessa avoinna ti ja to.");
                await page.GetByTestId("environment-save").ClickAsync();
                await Expect(page.Locator(".mud-snackbar").GetByText("Toimintaympäristö tallennettu.")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("environment-type")).ToHaveTextAsync("Rajatut palvelut");
                await Expect(page.GetByTestId("environment-checked-on").First).ToHaveAttributeAsync("data-date", today);
                await Expect(page.GetByTestId("environment-checked-on").First).ToContainTextAsync(DemoDataSeeder.AdminHelsinki.DisplayName);
                await admin.ScreenshotAsync("02-saved");
                await _axe.CheckAsync(admin, "02-axe-saved");

                await page.GetByTestId("environment-overview-link").ClickAsync();
                await Expect(page.Locator("[data-testid=environments-share-row][data-organiser='90']").GetByTestId("environments-share")).ToHaveTextAsync("100 %");
                await page.GetByTestId("environments-mine").ClickAsync();
                await Expect(page.Locator("[data-testid=environment-row][data-code='091']")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("environment-row")).ToHaveCountAsync(1);
                await admin.ScreenshotAsync("03-overview");
                await _axe.CheckAsync(admin, "03-axe-overview");
            });
        }

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        await handler.GotoLoginAsync();
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            var page = handler.Page;
            await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
            await CaseSteps.Table(page, "Mine").GetByRole(AriaRole.Link, new() { Name = "Maija Meikäläinen" }).ClickAsync();
            await Expect(page.GetByTestId("case-client-name")).ToHaveTextAsync("Maija Meikäläinen");
            var panel = page.GetByTestId("case-environment");
            await Expect(panel.GetByTestId("case-environment-type")).ToHaveTextAsync("Rajatut palvelut");
            await Expect(panel.GetByTestId("fact-note")).ToHaveTextAsync("Kelan palvelupiste Itäkeskuksessa avoinna ti ja to.");
            await Expect(panel.GetByTestId("advice-in-person")).ToContainTextAsync("Kelan toimisto");
            await handler.ScreenshotAsync("04-case-panel");
            await _axe.CheckAsync(handler, "04-axe-case-panel");
        });

        _axe.ShouldHaveNoViolations();
    }
}
