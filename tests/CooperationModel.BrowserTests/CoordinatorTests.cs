using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>The national coordinator sees aggregates only: no case list, no inbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CoordinatorTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Coordinator";
    private const string AccessDenied = "Sinulla ei ole oikeutta tähän sivuun.";

    [Fact]
    public async Task Coordinator_SignsIn_LandsHomeWithoutCasesOrInbox()
    {
        await using var session = await SignInAsync();
        await session.ScreenshotAsync("01-home");
    }

    [Fact]
    public async Task Coordinator_TypesCasesAddress_SeesAccessDenied()
    {
        await using var session = await SignInAsync();
        await session.ScreenshotOnFailureAsync(async () =>
        {
            // A full page load of /cases, as when the address is typed or bookmarked: the server's access-denied page.
            await session.Page.GotoAsync("cases");
            await Expect(session.Page.GetByText(AccessDenied)).ToBeVisibleAsync();
            await ExpectNoWorkspaceAsync(session.Page);
            await session.ScreenshotAsync("02-cases-address-denied");
        });
    }

    [Fact]
    public async Task Coordinator_NavigatesToCasesInsideTheApp_SeesAccessDenied()
    {
        await using var session = await SignInAsync();
        await session.ScreenshotOnFailureAsync(async () =>
        {
            // Navigation inside the running circuit (as a link in the app would do): the router's NotAuthorized.
            await session.Page.EvaluateAsync("() => Blazor.navigateTo('/cases')");
            await Expect(session.Page).ToHaveURLAsync(CasesUrl());
            await Expect(session.Page.GetByText(AccessDenied)).ToBeVisibleAsync();
            await ExpectNoWorkspaceAsync(session.Page);
            await Expect(session.Page.GetByText("Maija Meikäläinen")).ToHaveCountAsync(0);
            await session.ScreenshotAsync("03-cases-in-app-denied");
        });
    }

    /// <summary>None of the workspace's tabs, tables or actions is rendered.</summary>
    private static async Task ExpectNoWorkspaceAsync(IPage page)
    {
        await Expect(page.Locator("[data-testid^='cases-table-']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Tab)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("take-next-urgent")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("new-case")).ToHaveCountAsync(0);
    }

    private async Task<UserSession> SignInAsync()
    {
        var session = await UserSession.OpenAsync(fixture, output, Test);
        var page = session.Page;
        try
        {
            await session.ScreenshotOnFailureAsync(async () =>
            {
                await session.GotoLoginAsync();
                await session.SignInAsync(DemoDataSeeder.Coordinator);
                await Expect(page).ToHaveURLAsync(HomeUrl());
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tervetuloa" })).ToBeVisibleAsync();
                await Expect(page.GetByText("Koordinaattorina näet vain koostetietoja")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("nav-cases")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("nav-inbox")).ToHaveCountAsync(0);
            });
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    [GeneratedRegex("^https?://[^/]+/$")]
    private static partial Regex HomeUrl();

    [GeneratedRegex("/cases$")]
    private static partial Regex CasesUrl();
}
