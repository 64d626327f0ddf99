using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>The language links: the choice is remembered in a cookie, before and after signing in.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LanguageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "LanguageSwitch";

    [Fact]
    public async Task LanguageSwitch_SwedishOnLoginThenEnglish_PagesFollowTheChoice()
    {
        await using var session = await UserSession.OpenAsync(fixture, output, Test);
        var page = session.Page;
        await session.ScreenshotOnFailureAsync(async () =>
        {
            await session.GotoLoginAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kirjautuminen" })).ToBeVisibleAsync();

            await page.GetByTestId("language-sv").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggning" })).ToBeVisibleAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
            await Expect(page.GetByText("Lösenord")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(LoginUrl());
            await session.ScreenshotAsync("01-login-swedish");

            await session.SignInAsync(DemoDataSeeder.HandlerNorth);
            await Expect(page.GetByTestId("nav-cases")).ToHaveTextAsync("Ärenden");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ärenden", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Logga ut");
            await Expect(Ui.Tab(page, "Mina ärenden")).ToBeVisibleAsync();
            await Expect(Ui.Tab(page, "Brådskande")).ToBeVisibleAsync();
            await session.ScreenshotAsync("02-cases-swedish");

            await page.GetByTestId("language-en").ClickAsync();
            await Expect(page.GetByTestId("nav-cases")).ToHaveTextAsync("Cases");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(Ui.Tab(page, "My cases")).ToBeVisibleAsync();
            await Expect(Ui.Tab(page, "All cases")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(CasesUrl());
            await session.WaitInteractiveAsync();
            await session.ScreenshotAsync("03-cases-english");
        });
    }

    [Fact]
    public async Task LanguageSwitch_AfterInteractiveNavigation_StaysOnTheCurrentPage()
    {
        await using var session = await UserSession.SignedInAsync(fixture, output, "LanguageSwitchAfterNavigation", DemoDataSeeder.HandlerNorth);
        var page = session.Page;
        await session.ScreenshotOnFailureAsync(async () =>
        {
            await Expect(page).ToHaveURLAsync(CaseSteps.CasesUrl());

            // The circuit started on the workspace; the router moves to the new-case page without loading it.
            await page.GetByTestId("new-case").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uusi asia" })).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(NewCaseUrl());

            await page.GetByTestId("language-sv").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nytt ärende" })).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(NewCaseUrl());
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");

            // And once more after the next interactive move, back to the workspace.
            await session.WaitInteractiveAsync();
            await page.GetByTestId("nav-cases").ClickAsync();
            await Expect(page).ToHaveURLAsync(CaseSteps.CasesUrl());
            await page.GetByTestId("new-case").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nytt ärende" })).ToBeVisibleAsync();
            await page.GetByTestId("language-en").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New case" })).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(NewCaseUrl());
        });
    }

    [GeneratedRegex("/cases/new$")]
    private static partial Regex NewCaseUrl();

    [GeneratedRegex("/account/login$")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/cases$")]
    private static partial Regex CasesUrl();
}
