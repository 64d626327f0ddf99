using System.Globalization;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The partners' directory: Helsinki's admin updates the demo's stale child protection entry at /directory/edit and its
/// "checked on" date moves to today; a Kela handler opens the demo case of a Helsinki client and sees that entry in the
/// case page's contacts panel, and searches the directory. Axe on /directory/edit (with the form open), /directory and
/// the case page with the panel, zero violations of any impact. Screenshots: Directory-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectoryTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Directory";
    private const string Entry = "Lastensuojelun neuvonta";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Directory_AdminUpdatesAnEntry_TheDateMoves_AndTheHandlerSeesItOnTheCasePage()
    {
        var today = Ui.Today.ToString("O", CultureInfo.InvariantCulture);
        await using (var admin = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.AdminHelsinki))
        {
            var page = admin.Page;
            await admin.ScreenshotOnFailureAsync(async () =>
            {
                await admin.GotoAsync("directory/edit");
                var card = page.GetByTestId("directory-contact").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = Entry, Exact = true }) });
                await Expect(card).ToBeVisibleAsync();
                // The demo entry was checked 14 months ago: stale, and so first in the list.
                await Expect(card.GetByTestId("directory-stale")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("directory-contact").First).ToContainTextAsync(Entry);
                (await card.GetByTestId("directory-checked-on").GetAttributeAsync("data-date")).ShouldNotBe(today);
                await _axe.CheckAsync(admin, "01-axe-edit");

                await card.GetByTestId("directory-edit").ClickAsync();
                var form = page.GetByTestId("directory-edit-form");
                await Expect(form.GetByTestId("directory-form-name")).ToHaveValueAsync(Entry);
                await form.GetByTestId("directory-form-phone-hours").FillAsync("ma–pe 8–15, ke 12–16");
                await _axe.CheckAsync(admin, "02-axe-edit-form");
                await form.GetByTestId("directory-form-save").ClickAsync();
                await Expect(page.Locator(".mud-snackbar").GetByText("Yhteystieto tallennettu.")).ToBeVisibleAsync();

                card = page.GetByTestId("directory-contact").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = Entry, Exact = true }) });
                await Expect(card.GetByTestId("directory-checked-on")).ToHaveAttributeAsync("data-date", today);
                await Expect(card.GetByTestId("directory-checked-on")).ToContainTextAsync(DemoDataSeeder.AdminHelsinki.DisplayName);
                await Expect(card.GetByTestId("directory-stale")).ToHaveCountAsync(0);
                await Expect(card).ToContainTextAsync("ma–pe 8–15, ke 12–16");
                await admin.ScreenshotAsync("03-saved");
            });
        }

        await using var handler = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.HandlerSouth);
        var handlerPage = handler.Page;
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoAsync("cases");
            await CaseSteps.Table(handlerPage, "Mine").GetByRole(AriaRole.Link, new() { Name = "Maija Meikäläinen" }).ClickAsync();
            await Expect(handlerPage.GetByTestId("case-client-name")).ToHaveTextAsync("Maija Meikäläinen");
            var panel = handlerPage.GetByTestId("case-contacts");
            var card = panel.GetByTestId("directory-contact").Filter(new() { HasText = Entry });
            await Expect(card).ToContainTextAsync("ma–pe 8–15, ke 12–16");
            await Expect(card.GetByTestId("directory-checked-on")).ToHaveAttributeAsync("data-date", today);
            await Expect(panel.GetByTestId("directory-emergency-hours")).ToBeVisibleAsync();
            await Expect(panel.GetByTestId("directory-payment-place")).ToBeVisibleAsync();
            await _axe.CheckAsync(handler, "04-axe-case-panel");

            await panel.GetByTestId("directory-panel-search").ClickAsync();
            await Expect(handlerPage.GetByTestId("directory-results").GetByTestId("directory-contact").Filter(new() { HasText = Entry })).ToBeVisibleAsync();
            await Expect(handlerPage.GetByTestId("directory-environment-link")).ToHaveAttributeAsync("href", "directory/environments/091");
            await _axe.CheckAsync(handler, "05-axe-directory");
        });

        _axe.ShouldHaveNoViolations();
    }
}
