using System.Diagnostics;
using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>An app of its own with a very short idle timeout (8 s, warning 6 s before), so the other tests keep the default.</summary>
public sealed class IdleBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Session:IdleTimeout"] = "00:00:08",
        ["Session:WarningBefore"] = "00:00:06",
    };
}

[CollectionDefinition(Name)]
public sealed class IdleBrowserCollection : ICollectionFixture<IdleBrowserFixture>
{
    public const string Name = "IdleBrowser";
}

/// <summary>The idle session timeout in a real browser: the warning, "stay signed in", and the sign-out after idling.</summary>
[Collection(IdleBrowserCollection.Name)]
public sealed partial class IdleTimeoutTests(IdleBrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "IdleTimeout";

    [Fact]
    public async Task IdleTimeout_StaySignedInThenIdle_SessionKeptThenSignedOutWithMessage()
    {
        var user = DemoDataSeeder.HandlerNorth;
        await using var session = await UserSession.SignedInAsync(fixture, output, Test, user);
        var signedIn = Stopwatch.StartNew();
        var page = session.Page;
        await session.ScreenshotOnFailureAsync(async () =>
        {
            var warning = page.GetByTestId("idle-warning");
            await Expect(warning).ToHaveTextAsync("Sinut kirjataan ulos minuutin kuluttua, koska et ole käyttänyt palvelua.");
            await session.ScreenshotAsync("01-warning");

            // "Stay signed in" each time the warning comes, until well past the first cookie's and the first timer's 8 s.
            do
            {
                await Expect(warning).ToBeVisibleAsync();
                await page.GetByTestId("idle-stay").ClickAsync();
                await Expect(warning).ToBeHiddenAsync();
                await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.DisplayName);
            }
            while (signedIn.Elapsed < TimeSpan.FromSeconds(11));

            // A full page load: the server kept the session too.
            await session.GotoAsync("cases");
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user.DisplayName);

            // Now idle: the warning, then the sign-in page with the reason.
            await Expect(warning).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(IdleLoginUrl(), new() { Timeout = 20_000 });
            await Expect(page.GetByTestId("login-idle")).ToHaveTextAsync("Sinut kirjattiin ulos, koska et käyttänyt palvelua vähään aikaan. Kirjaudu uudelleen.");
            await session.ScreenshotAsync("02-signed-out");

            // The session is gone on the server as well.
            await page.GotoAsync("cases");
            await Expect(page).ToHaveURLAsync(LoginUrl());
            await Expect(page.Locator("#email")).ToBeVisibleAsync();
        });
    }

    [GeneratedRegex(@"/account/login\?reason=idle$")]
    private static partial Regex IdleLoginUrl();

    [GeneratedRegex(@"/account/login\?")]
    private static partial Regex LoginUrl();
}
