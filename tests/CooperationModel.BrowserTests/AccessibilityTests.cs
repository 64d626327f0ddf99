using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// axe-core on the main pages: no violation of any impact (minor and moderate included). Every violation is printed. The states only a longer
/// flow reaches (decision form, urgent queue row, decided case) are checked in <see cref="UrgentCaseTests"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Axe";

    private readonly AxeAudit _axe = new(output);
    private int _step;

    [Fact]
    public async Task Axe_MainPages_NoSeriousOrCriticalViolations()
    {
        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var page = handler.Page;
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoLoginAsync();
            await CheckAsync(handler, "login");

            // Every tab of the workspace (each renders its own table; the queues have "Ota seuraava", "Kaikki asiat" the search).
            await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
            await Expect(CaseSteps.Table(page, "Mine")).ToContainTextAsync("Maija Meikäläinen");
            await CheckAsync(handler, "workspace-mine");
            foreach (var (tab, filter) in new[]
            {
                (CaseSteps.TabUrgent, "UrgentQueue"), (CaseSteps.TabNormal, "NormalQueue"),
                (CaseSteps.TabDeadline, "NearDeadline"), (CaseSteps.TabAll, "All"),
            })
            {
                await Ui.OpenTabAsync(page, tab);
                // Wait for the server's page of rows (or the list's "none" text), not just for the empty table.
                await Expect(CaseSteps.Table(page, filter).Locator("tbody tr").First).ToBeVisibleAsync();
                await CheckAsync(handler, $"workspace-{filter}");
            }

            await Expect(CaseSteps.Table(page, "All")).ToContainTextAsync("Maija Meikäläinen");
            await Expect(page.GetByTestId("cases-search")).ToBeVisibleAsync();
            await page.GetByTestId("new-case").ClickAsync();
            await Expect(page.GetByTestId("client-name")).ToBeVisibleAsync();
            await CheckAsync(handler, "new-case");

            // A demo case, tab by tab: the stage's work (guidance and application forms), the survey, the referral, the timeline.
            await handler.GotoAsync("cases");
            await CaseSteps.Table(page, "Mine").GetByRole(AriaRole.Link, new() { Name = "Maija Meikäläinen" }).ClickAsync();
            await Expect(page.GetByTestId("case-client-name")).ToHaveTextAsync("Maija Meikäläinen");
            await Expect(page.GetByTestId("guidance-form")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("application-form")).ToBeVisibleAsync();
            await CheckAsync(handler, "case-work");
            await Ui.OpenTabAsync(page, CaseSteps.TabSurvey);
            await Expect(page.GetByTestId("survey-form")).ToBeVisibleAsync();
            await CheckAsync(handler, "case-survey");
            await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);
            await Expect(page.GetByTestId("referral-form")).ToBeVisibleAsync();
            await CheckAsync(handler, "case-referral");
            await Ui.OpenTabAsync(page, CaseSteps.TabTimeline);
            await Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
            await CheckAsync(handler, "case-timeline");

            // A saved survey (on the demo case; nothing else looks at its survey): the concern screen's suggestions above the
            // columns, and the "saved" snackbar, fully shown.
            await Ui.OpenTabAsync(page, CaseSteps.TabSurvey);
            await page.GetByTestId("survey-eviction-threat").CheckAsync();
            await page.GetByTestId("save-survey").ClickAsync();
            await Expect(page.Locator("[data-testid=suggestion][data-ground=ObviousNeedForSocialCare]")).ToBeVisibleAsync();
            await Expect(page.Locator(".mud-snackbar").GetByText("Kartoitus tallennettu.")).ToBeVisibleAsync();
            await CheckAsync(handler, "case-suggestions-and-snackbar");
        });

        await using var worker = await UserSession.OpenAsync(fixture, output, Test);
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoLoginAsync();
            await worker.SignInAsync(DemoDataSeeder.WorkerHelsinki);
            await Expect(worker.Page.GetByTestId("inbox-table")).ToContainTextAsync("Maija Meikäläinen");
            await CheckAsync(worker, "inbox");
        });

        _axe.ShouldHaveNoViolations();
    }

    private Task CheckAsync(UserSession session, string name) => _axe.CheckAsync(session, $"{++_step:00}-{name}");
}
