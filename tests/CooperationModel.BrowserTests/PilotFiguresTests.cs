using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// A pilot whose area is a set of municipalities shows its closed-loop figures (the four columns, one row per figure),
/// with axe on the page in Finnish and English, and nothing of any client in the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PilotFiguresTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "PilotFigures";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Coordinator_ReadsAPilotsFigures_AggregatesOnly()
    {
        await using var coordinator = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.Coordinator);
        var page = coordinator.Page;
        await coordinator.ScreenshotOnFailureAsync(async () =>
        {
            await coordinator.GotoAsync("coordination/pilots");
            // The concern screen pilot runs in Helsinki, Espoo, Vantaa and Kauniainen from 05/2018.
            await page.GetByRole(AriaRole.Link, new() { Name = "Tunnistamista tukeva työkalu", Exact = false }).ClickAsync();
            await Expect(page.GetByTestId("pilot-figures-table")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("pilot-figures-table").Locator("thead th")).ToHaveCountAsync(5);
            await Expect(page.GetByTestId("pilot-figures-sent").Locator("th")).ToHaveTextAsync("Lähetetyt ilmoitukset");
            await Expect(page.GetByTestId("pilot-figures-intro")).ToContainTextAsync("Helsinki, Espoo, Vantaa, Kauniainen");
            await _axe.CheckAsync(coordinator, "01-pilot-figures");

            var markup = await page.ContentAsync();
            foreach (var clientData in new[] { "Maija Meikäläinen", "010190-900P", "Matti Virtanen", "150585-922C", "Liisa Laine", "120388-9030", "ei selviä arjesta" })
            {
                markup.ShouldNotContain(clientData);
            }

            await page.GotoAsync($"culture/set?culture=en&redirectUri={Uri.EscapeDataString(new Uri(page.Url).PathAndQuery)}");
            await coordinator.WaitInteractiveAsync();
            await Expect(page.GetByTestId("pilot-figures-sent").Locator("th")).ToHaveTextAsync("Referrals sent");
            await _axe.CheckAsync(coordinator, "02-pilot-figures-en");
        });

        _axe.ShouldHaveNoViolations();
    }
}
