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

    [GeneratedRegex("/account/login$")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/cases$")]
    private static partial Regex CasesUrl();
}
