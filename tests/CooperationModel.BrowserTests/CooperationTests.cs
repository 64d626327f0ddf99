using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The model's sixth stage in a browser: from the menu to the cooperation hub, and from there by keyboard to each of
/// its four parts; axe-core finds no violation of any impact on the hub and on each part's first page in Finnish,
/// Swedish and English (the parts' own tests audit them in Finnish). Their work is in DirectoryTests,
/// OperatingEnvironmentTests, AgreementsTests and MeetingsTests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CooperationTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Cooperation";

    private readonly AxeAudit _axe = new(output);
    private int _step;

    [Fact]
    public async Task Cooperation_FromTheMenuToEachPart_InEveryLanguage_NoAxeViolations()
    {
        await using var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki);
        var page = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await page.GetByTestId("nav-cooperation").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Yhteistyö");
            await CheckAsync(worker, "hub-fi");

            foreach (var (part, path) in Parts)
            {
                var link = $"cooperation-{part}";
                await page.GetByTestId(link).FocusAsync();
                await page.Keyboard.PressAsync("Enter");
                await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                await page.GoBackAsync();
                await Expect(page.GetByTestId(link)).ToBeVisibleAsync();
            }

            // Swedish and English: the hub and the first page of each part, each audited.
            foreach (var (language, title) in new[] { ("sv", "Samarbete"), ("en", "Cooperation") })
            {
                await page.GetByTestId($"language-{language}").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                await worker.GotoAsync("cooperation");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
                await CheckAsync(worker, $"hub-{language}");
                foreach (var (part, path) in Parts)
                {
                    await worker.GotoAsync(path.TrimStart('/'));
                    await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                    await CheckAsync(worker, $"{part}-{language}");
                }
            }

            await page.GetByTestId("language-fi").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fi");
        });

        _axe.ShouldHaveNoViolations();
    }

    private static readonly (string Part, string Path)[] Parts =
    [
        ("directory", "/directory"), ("environments", "/directory/environments"), ("agreements", "/agreements"), ("meetings", "/meetings"),
    ];

    private Task CheckAsync(UserSession session, string name) => _axe.CheckAsync(session, $"{++_step:00}-{name}");
}
