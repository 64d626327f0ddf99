using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>Steps several tests share: the handler's workspace and a new case for a Helsinki client.</summary>
public static partial class CaseSteps
{
    public const string TabMine = "Omat asiat";
    public const string TabUrgent = "Kiireelliset";
    public const string TabNormal = "Normaali jono";
    public const string TabDeadline = "Määräaika lähellä tai ohi";
    public const string TabAll = "Kaikki asiat";

    public const string TabWork = "Vaiheen työ";
    public const string TabSurvey = "Kartoitus";
    public const string TabNewReferral = "Uusi ilmoitus";
    public const string TabTimeline = "Aikajana";

    /// <summary>The workspace table of one tab, e.g. <c>cases-table-UrgentQueue</c>.</summary>
    public static ILocator Table(IPage page, string filter) => page.GetByTestId($"cases-table-{filter}");

    /// <summary>The rows of a workspace table (MudTable puts the rows in the table's tbody).</summary>
    public static ILocator Row(IPage page, string filter, string clientName) =>
        Table(page, filter).Locator("tbody tr").Filter(new() { HasText = clientName });

    /// <summary>
    /// Signs in as a handler on the sign-in page: the workspace opens on "Omat asiat", which lists the handler's own open cases.
    /// </summary>
    public static async Task SignInToWorkspaceAsync(UserSession handler, DemoUser user)
    {
        await handler.SignInAsync(user);
        await Expect(handler.Page).ToHaveURLAsync(CasesUrl());
        await Expect(Ui.Tab(handler.Page, TabMine)).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>"Uusi asia": name, identity code and Helsinki from the municipality picker; returns the new case's address.</summary>
    public static async Task<string> OpenNewCaseAsync(UserSession handler, string clientName, string identityCode, string filledStep, string openedStep)
    {
        var page = handler.Page;
        await page.GetByTestId("new-case").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uusi asia" })).ToBeVisibleAsync();
        await page.GetByTestId("client-name").FillAsync(clientName);
        await page.GetByTestId("identity-code").FillAsync(identityCode);
        await page.GetByTestId("municipality-picker").FillAsync("Helsinki");
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Helsinki (091)" }).ClickAsync();
        await Expect(page.GetByTestId("municipality-picker")).ToHaveValueAsync("Helsinki (091)");
        await handler.ScreenshotAsync(filledStep);
        await page.GetByTestId("save-case").ClickAsync();
        await Expect(page).ToHaveURLAsync(CasePageUrl());
        await Expect(page.GetByTestId("case-client-name")).ToHaveTextAsync(clientName);
        await Expect(page.GetByTestId("receiver-name")).ToHaveTextAsync("Helsingin kaupunki");
        // A new case starts in the first stage, with the stage's work open.
        await ExpectStageAsync(page, "Guidance", "Ohjaus ja neuvonta");
        await Expect(Ui.Tab(page, TabWork)).ToHaveAttributeAsync("aria-selected", "true");
        await handler.ScreenshotAsync(openedStep);
        return page.Url;
    }

    /// <summary>The stepper marks exactly one stage as the current step.</summary>
    public static async Task ExpectStageAsync(IPage page, string stage, string name)
    {
        var current = page.GetByTestId("stage-stepper").Locator("li[aria-current=step]");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToHaveAttributeAsync("data-stage", stage);
        await Expect(current).ToContainTextAsync(name);
    }

    [GeneratedRegex("/cases$")]
    public static partial Regex CasesUrl();

    [GeneratedRegex("/cases/[0-9a-f-]{36}$")]
    public static partial Regex CasePageUrl();
}
