using CooperationModel.Infrastructure.Seeding;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// After an app restart the server no longer knows the page's circuit and Blazor reports it "rejected". The page must not
/// reload by surprise (a half-filled form would be lost): it says why it must be reloaded, and lets the user copy the text
/// first. The test raises the framework's own event for that state, as blazor.web.js does on the reconnect's answer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Reconnect";
    private const string Typed = "Kesken jäänyt nimi";

    [Fact]
    public async Task CircuitRejected_AsksBeforeReloadingAndTheTextCanBeCopiedFirst()
    {
        await using var session = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.HandlerSouth);
        var page = session.Page;
        await session.ScreenshotOnFailureAsync(async () =>
        {
            await session.GotoAsync("cases/new");
            await page.GetByTestId("client-name").FillAsync(Typed);
            await page.EvaluateAsync("() => { window.notReloaded = true; }");

            await page.EvaluateAsync("""
                () => document.getElementById('components-reconnect-modal').dispatchEvent(
                    new CustomEvent('components-reconnect-state-changed', { detail: { state: 'rejected' } }))
                """);

            await Expect(page.GetByTestId("reconnect-rejected")).ToHaveTextAsync(
                "Palvelin on käynnistynyt uudelleen, eikä tämä sivu voi enää jatkaa. Sivu on ladattava uudelleen, ja sen tallentamaton teksti katoaa. Kopioi teksti talteen ennen kuin lataat sivun.");
            await session.ScreenshotAsync("01-rejected");
            (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the page reloaded by itself");
            var axe = await page.RunAxe();
            axe.Violations.Select(v => $"[{v.Impact}] {v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}").ShouldBeEmpty();

            // By keyboard: the dialog's first choice has the focus; the next one keeps the page to copy the text.
            await Expect(page.GetByTestId("reconnect-reload")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByTestId("reconnect-copy-first")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("reconnect-modal")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("client-name")).ToHaveValueAsync(Typed);
            var bar = page.GetByTestId("reconnect-rejected-bar");
            await Expect(bar).ToContainTextAsync("Sivu ei ole enää yhteydessä palvelimeen. Kopioi tallentamaton teksti ja lataa sitten sivu uudelleen.");
            await session.ScreenshotAsync("02-copy-first");
            axe = await page.RunAxe();
            axe.Violations.Select(v => $"[{v.Impact}] {v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}").ShouldBeEmpty();

            // The user's choice: reload.
            await bar.GetByRole(AriaRole.Button, new() { Name = "Lataa sivu uudelleen" }).ClickAsync();
            // Only the new document has the bar hidden again.
            await Expect(page.GetByTestId("reconnect-rejected-bar")).ToBeHiddenAsync();
            await session.WaitInteractiveAsync();
            (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeFalse("the reload button reloads");
        });
    }
}
