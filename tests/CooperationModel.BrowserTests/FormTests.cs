using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>What the shared form base promises in a real browser: a long paste is answered, not a dropped circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Forms";

    /// <summary>
    /// Far more than any field takes, and all control characters, which JSON escapes as <c>\uXXXX</c> (6 bytes each, the
    /// worst case): even cut to the field's 8,000 characters, the change is larger than the 32 KB a Blazor message carries
    /// by default.
    /// </summary>
    private static readonly string Paste = string.Concat(Enumerable.Repeat("\u0001\u0002\u0003\u0004", 20_000));

    [Fact]
    public async Task Paste_FarTooLongDescription_SaysItIsTooLongAndTheCircuitLives()
    {
        var clientName = $"Pitkä Teksti {Guid.NewGuid().ToString("N")[..8]}";
        Paste.Length.ShouldBeGreaterThan(32 * 1024);

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var page = handler.Page;
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoLoginAsync();
            await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
            await CaseSteps.OpenNewCaseAsync(handler, clientName, IdentityCodes.NewFictitious(), "01-new-case-filled", "02-case-opened");
            await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);

            var form = page.GetByTestId("referral-form");
            await form.GetByTestId("consent-yes").ClickAsync();
            await form.GetByTestId("consent-method-Phone").ClickAsync();
            await form.GetByTestId("consent-covers-description").CheckAsync();
            var description = form.GetByTestId("referral-description");
            // A real paste (Ctrl+V from the clipboard): the browser cuts it at the field's maxlength, as for a user.
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", Paste);
            await description.FocusAsync();
            await page.Keyboard.PressAsync("Control+V");
            (await description.InputValueAsync()).Length.ShouldBe(8000);
            await form.GetByTestId("send-referral").ClickAsync();

            await Expect(page.GetByText("Kuvaus on liian pitkä (enintään 4000 merkkiä).")).ToBeVisibleAsync();
            await handler.ScreenshotAsync("03-description-too-long");

            // The same circuit answers the next change: the message goes once the text fits.
            await description.FillAsync("Asiakas tarvitsee tukea asumiseen.");
            await description.PressAsync("Tab");
            await Expect(page.GetByText("Kuvaus on liian pitkä (enintään 4000 merkkiä).")).ToHaveCountAsync(0);
            await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        });
    }
}

/// <summary>An app and a database of its own: this test takes the database away.</summary>
public sealed class DatabaseDownBrowserFixture : BrowserFixture;

[CollectionDefinition(Name)]
public sealed class DatabaseDownBrowserCollection : ICollectionFixture<DatabaseDownBrowserFixture>
{
    public const string Name = "DatabaseDownBrowser";
}

/// <summary>Saving while the database is down keeps the form and its text, says the save did not happen, and lets the user try again.</summary>
[Collection(DatabaseDownBrowserCollection.Name)]
public sealed class DatabaseDownTests(DatabaseDownBrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "DatabaseDown";

    [Fact]
    public async Task Save_DatabaseDown_KeepsTheFormAndSavesOnTheNextTry()
    {
        var clientName = $"Katkos Asiakas {Guid.NewGuid().ToString("N")[..8]}";
        var identityCode = IdentityCodes.NewFictitious();

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var page = handler.Page;
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoLoginAsync();
            await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
            await page.GetByTestId("new-case").ClickAsync();
            await page.GetByTestId("client-name").FillAsync(clientName);
            await page.GetByTestId("identity-code").FillAsync(identityCode);
            await page.GetByTestId("municipality-picker").FillAsync("Helsinki");
            await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Helsinki (091)" }).ClickAsync();
            await Expect(page.GetByTestId("municipality-picker")).ToHaveValueAsync("Helsinki (091)");

            await fixture.Database.SetConnectionsAllowedAsync(false);
            try
            {
                await page.GetByTestId("save-case").ClickAsync();

                await Expect(page.GetByTestId("form-error")).ToContainTextAsync("Tallennus ei onnistunut");
                await handler.ScreenshotAsync("01-not-saved");
                await Expect(page.GetByText("Tapahtui odottamaton virhe")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("client-name")).ToHaveValueAsync(clientName);
                await Expect(page.GetByTestId("identity-code")).ToHaveValueAsync(identityCode);
                await Expect(page.GetByTestId("municipality-picker")).ToHaveValueAsync("Helsinki (091)");
            }
            finally
            {
                await fixture.Database.SetConnectionsAllowedAsync(true);
            }

            await page.GetByTestId("save-case").ClickAsync();
            await Expect(page).ToHaveURLAsync(CaseSteps.CasePageUrl());
            await Expect(page.GetByTestId("case-client-name")).ToHaveTextAsync(clientName);
        });
    }
}
