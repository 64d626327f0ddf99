using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// Issue 3: an urgent case from arrival to decision. The handler records an application that asks for urgent handling,
/// sends it to the district's urgent queue, takes it from the queue, confirms the urgency, calls the client and records
/// a favourable decision with a payment commitment; the timeline tells the story.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UrgentCaseTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "UrgentCase";
    private const string Channel = "Suullisesti puhelimessa";
    private const string Collection = "Kelan palvelupisteestä";
    private const string PickUpPlace = "Apteekki, Mannerheimintie 5, Helsinki";
    private const int MaxTakes = 5;

    [Fact]
    public async Task UrgentCase_FromArrivalToDecision()
    {
        var clientName = $"Kiire Asiakas {Guid.NewGuid().ToString("N")[..8]}";
        var identityCode = IdentityCodes.NewFictitious();
        var today = Ui.Today;
        output.WriteLine($"client: {clientName}, {identityCode}, today {Ui.Date(today)}");

        // axe also runs on the states only this flow reaches: the decision form, the urgent queue's row, the decided case.
        var axe = new AxeAudit(output);
        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var page = handler.Page;
        string caseUrl = "";
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoLoginAsync();
            await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
            caseUrl = await CaseSteps.OpenNewCaseAsync(handler, clientName, identityCode, "01-new-case-filled", "02-case-opened");

            // The application on "Vaiheen työ": channel, arrival today, the client asks for urgent handling.
            var form = page.GetByTestId("application-form");
            await Ui.ChooseAsync(page, form, "application-channel", Channel);
            await Ui.TypeDateAsync(form, "application-received", today);
            await form.GetByTestId("application-urgent").CheckAsync();
            await Expect(form.GetByTestId("application-urgent")).ToBeCheckedAsync();
            await handler.ScreenshotAsync("03-application-filled");
            await form.GetByTestId("save-application").ClickAsync();
            await CaseSteps.ExpectStageAsync(page, "Application", "Hakeminen ja vireilletulo");
            await Expect(page.GetByTestId("form-error")).ToHaveCountAsync(0);
            await handler.ScreenshotAsync("04-application-saved");

            // Into the urgent queue: the case is urgent and has a decision deadline.
            var send = page.GetByTestId("send-to-processing");
            await Expect(send).ToHaveTextAsync("Lähetä kiireellisten työjonoon");
            await send.ClickAsync();
            await CaseSteps.ExpectStageAsync(page, "Processing", "Käsittely");
            await Expect(page.GetByTestId("urgent")).ToHaveTextAsync("Kiireellinen");
            await Expect(page.GetByTestId("deadline")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("deadline")).ToHaveAttributeAsync("data-deadline", new Regex("^(OnTime|Near|DueToday)$"));
            await Expect(page.GetByTestId("case-queue")).ToHaveTextAsync("Kiireellisten asioiden työjono");
            await Expect(page.GetByTestId("case-handler")).ToHaveTextAsync("Ei vielä otettu");
            await axe.CheckAsync(handler, "05-in-urgent-queue");

            // The workspace's "Kiireelliset" tab lists it, urgent and untaken.
            await page.GetByTestId("nav-cases").ClickAsync();
            await Expect(page).ToHaveURLAsync(CaseSteps.CasesUrl());
            await Ui.OpenTabAsync(page, CaseSteps.TabUrgent);
            var row = CaseSteps.Row(page, "UrgentQueue", clientName);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("Kiireellinen");
            await Expect(row.GetByTestId("deadline")).ToBeVisibleAsync();
            await axe.CheckAsync(handler, "06-workspace-urgent-queue");
        });

        // The northern district's handler does not see the southern district's urgent queue.
        await using (var north = await UserSession.OpenAsync(fixture, output, Test))
        {
            await north.ScreenshotOnFailureAsync(async () =>
            {
                await north.GotoLoginAsync();
                await CaseSteps.SignInToWorkspaceAsync(north, DemoDataSeeder.HandlerNorth);
                await Ui.OpenTabAsync(north.Page, CaseSteps.TabUrgent);
                var queue = CaseSteps.Table(north.Page, "UrgentQueue");
                await Expect(queue.GetByText("Kiireellisten jono on tyhjä.")).ToBeVisibleAsync();
                await Expect(queue).Not.ToContainTextAsync(clientName);
                await north.ScreenshotAsync("07-north-urgent-queue-empty");
            });
        }

        await handler.ScreenshotOnFailureAsync(async () =>
        {
            // "Ota seuraava" opens the oldest untaken urgent case; take until it is ours (older ones would come first).
            var takes = 0;
            while (true)
            {
                Assert.True(++takes <= MaxTakes, $"Our case did not come out of the urgent queue in {MaxTakes} takes.");
                await Expect(page).ToHaveURLAsync(CaseSteps.CasesUrl());
                await Expect(Ui.Tab(page, CaseSteps.TabUrgent)).ToHaveAttributeAsync("aria-selected", "true");
                await Expect(CaseSteps.Table(page, "UrgentQueue").Locator("tbody tr").First).ToBeVisibleAsync();
                await page.GetByTestId("take-next-urgent").ClickAsync();
                await Expect(page).ToHaveURLAsync(CaseSteps.CasePageUrl());
                await handler.WaitInteractiveAsync();
                await Expect(page.GetByTestId("case-handler")).ToHaveTextAsync(DemoDataSeeder.HandlerSouth.DisplayName);
                var taken = await page.GetByTestId("case-client-name").TextContentAsync();
                output.WriteLine($"take {takes}: {taken} ({page.Url})");
                if (page.Url == caseUrl)
                {
                    break;
                }

                await handler.GotoAsync("cases");
                await Ui.OpenTabAsync(page, CaseSteps.TabUrgent);
            }

            await Expect(page.GetByTestId("case-client-name")).ToHaveTextAsync(clientName);
            await handler.ScreenshotAsync("08-taken");

            // Urgency confirmed, the client called: the decision is collected from a Kela office.
            await page.GetByTestId("confirm-urgency").ClickAsync();
            await Expect(page.GetByTestId("case-queue")).ToHaveTextAsync("Kiireellisten asioiden työjono (kiireellisyys vahvistettu)");
            await Expect(page.GetByTestId("confirm-urgency")).ToHaveCountAsync(0);
            var actions = page.GetByTestId("process-actions");
            await Ui.ChooseAsync(page, actions, "call-collection", Collection);
            await actions.GetByTestId("log-call").ClickAsync();
            await Expect(actions.GetByTestId("agreed-collection")).ToHaveTextAsync($"Sovittu: {Collection}");
            await Expect(actions.GetByTestId("action-error")).ToHaveCountAsync(0);
            await handler.ScreenshotAsync("09-urgency-confirmed-client-called");

            // The decision: favourable, today (prefilled), with the payment commitment's pick-up place (urgent cases only).
            var decision = page.GetByTestId("decision-form");
            await Expect(decision.GetByTestId("decision-date")).ToHaveValueAsync(Ui.Date(today));
            await Ui.ChooseAsync(page, decision, "decision-outcome", "Myönteinen");
            await decision.GetByTestId("decision-payment-commitment").FillAsync(PickUpPlace);
            await handler.ScreenshotAsync("10-decision-filled");
            await decision.GetByTestId("save-decision").ClickAsync();
            await CaseSteps.ExpectStageAsync(page, "Decision", "Päätös ja toimeenpano");
            await Expect(page.GetByTestId("decision-summary")).ToHaveTextAsync($"Myönteinen, {Ui.Date(today)}");
            await Expect(page.GetByText(PickUpPlace)).ToBeVisibleAsync();
            await Expect(page.GetByTestId("decision-form")).ToHaveCountAsync(0);
            await axe.CheckAsync(handler, "11-decision-recorded");

            // The timeline lists what happened.
            await Ui.OpenTabAsync(page, CaseSteps.TabTimeline);
            var timeline = page.GetByTestId("timeline");
            await Expect(timeline).ToContainTextAsync("Kiireellisyys vahvistettu");
            await Expect(timeline).ToContainTextAsync($"Asiakkaalle soitettu: {Collection}");
            await Expect(timeline).ToContainTextAsync("Päätös kirjattu: Myönteinen");
            await Expect(timeline).ToContainTextAsync("Vaihe vaihtui: Käsittely → Päätös ja toimeenpano");
            await handler.ScreenshotAsync("12-timeline");
        });

        axe.ShouldHaveNoViolations();
    }
}
