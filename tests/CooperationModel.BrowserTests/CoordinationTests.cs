using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The coordinator's workspace: the home page, the pilot registry (filters, timeline, a pilot moved on with a reason, a
/// comment, an identity code refused, the pilot moved to evaluation and its evaluation recorded), a social worker's
/// feedback answered and read by its sender, and the 2022 analysis, with axe on every page (no violation of any impact).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinationTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Coordination";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Coordinator_FollowsThePilots_EvaluatesOne_AnswersFeedback_AndTheAnalysis()
    {
        // A social worker's idea on the model, which the coordinator answers after the pilot's evaluation.
        var idea = $"Arvioinnin tulokset kuntiin {Guid.NewGuid():N}"[..44];
        await using var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki);
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoAsync("model/stages/Cooperation");
            await Ui.ChooseAsync(worker.Page, worker.Page.Locator("body"), "feedback-kind", "Kehittämisidea");
            await worker.Page.GetByTestId("feedback-text").FillAsync(idea);
            await worker.Page.GetByTestId("feedback-send").ClickAsync();
            await Expect(worker.Page.GetByTestId("feedback-sent")).ToBeVisibleAsync();
        });

        await using var coordinator = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.Coordinator);
        var page = coordinator.Page;
        await coordinator.ScreenshotOnFailureAsync(async () =>
        {
            await Expect(page.GetByTestId("coordinator-workspace")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("workspace-swot")).ToContainTextAsync("Havaintoja 52, joista heikkouksia 25");
            await Expect(page.GetByTestId("workspace-model-link")).ToHaveAttributeAsync("href", "model");
            await _axe.CheckAsync(coordinator, "01-home");

            await page.GetByTestId("nav-pilots").ClickAsync();
            await Expect(page.GetByTestId("pilot-row")).ToHaveCountAsync(20);
            await _axe.CheckAsync(coordinator, "02-pilots");
            await page.GetByTestId("pilots-owner").SelectOptionAsync(new SelectOptionValue { Label = "Eksote" });
            await Expect(page.GetByTestId("pilot-row")).ToHaveCountAsync(3);

            await page.GetByRole(AriaRole.Link, new() { Name = "Kehittää asiakasohjauksen malli vastaanottokeskuksesta kuntaan siirtyville asiakkaille" }).ClickAsync();
            await Expect(page.GetByTestId("pilot-status")).ToContainTextAsync("Suunniteltu");
            await Expect(page.GetByTestId("pilot-history-row")).ToHaveCountAsync(1);
            await _axe.CheckAsync(coordinator, "03-pilot");

            // A move needs a reason; with one, the pilot runs and the history says who, when and why.
            await page.GetByTestId("pilot-new-status").SelectOptionAsync(new SelectOptionValue { Label = "Käynnissä" });
            await page.GetByTestId("pilot-change-status").ClickAsync();
            await Expect(page.GetByText("Kirjoita perustelu tilan muutokselle.")).ToBeVisibleAsync();
            await _axe.CheckAsync(coordinator, "04-pilot-reason-missing");
            await page.GetByTestId("pilot-reason").FillAsync("Eksote aloitti huhtikuussa");
            await page.GetByTestId("pilot-change-status").ClickAsync();
            await Expect(page.GetByTestId("pilot-status")).ToContainTextAsync("Käynnissä");
            await Expect(page.GetByTestId("pilot-history-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("pilot-history-row").Last).ToContainTextAsync("Eksote aloitti huhtikuussa");
            await Expect(page.GetByTestId("pilot-history-row").Last).ToContainTextAsync(DemoDataSeeder.Coordinator.DisplayName);

            // No client's data in these records: a valid identity code is refused, and nothing is saved.
            await page.GetByTestId("pilot-entry-text").FillAsync("Asiakas 010190-900P mukana");
            await page.GetByTestId("pilot-add-entry").ClickAsync();
            await Expect(page.GetByText("Tekstissä on henkilötunnus.", new() { Exact = false })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("pilot-entry")).ToHaveCountAsync(0);
            await page.GetByTestId("pilot-entry-text").FillAsync("Ensimmäiset asiakkaat ohjattu");
            await page.GetByTestId("pilot-add-entry").ClickAsync();
            await Expect(page.GetByTestId("pilot-entry")).ToHaveCountAsync(1);
            await _axe.CheckAsync(coordinator, "05-pilot-entry");

            // Under evaluation: an indicator, a finding and the verdict, which suggests the next status.
            await page.GetByTestId("pilot-new-status").SelectOptionAsync(new SelectOptionValue { Label = "Arvioitavana" });
            await page.GetByTestId("pilot-reason").FillAsync("Ensimmäinen kausi päättyi");
            await page.GetByTestId("pilot-change-status").ClickAsync();
            await Expect(page.GetByTestId("pilot-status")).ToContainTextAsync("Arvioitavana");
            await page.GetByTestId("pilot-indicator-name").FillAsync("Ohjatut asiakkaat");
            await page.GetByTestId("pilot-indicator-target").FillAsync("Ohjaukset kuukaudessa, tavoite 10");
            await page.GetByTestId("pilot-indicator-result").FillAsync("12");
            await page.GetByTestId("pilot-indicator-save").ClickAsync();
            await Expect(page.GetByTestId("pilot-indicator-row")).ToHaveCountAsync(1);
            await page.GetByTestId("pilot-finding-text").FillAsync("Ohjaus vastaanottokeskuksesta sujui");
            await page.GetByTestId("pilot-finding-add").ClickAsync();
            await Expect(page.GetByTestId("pilot-finding")).ToHaveCountAsync(1);
            await page.GetByTestId("pilot-verdict-choice").SelectOptionAsync(new SelectOptionValue { Label = "Otetaan malliin" });
            await page.GetByTestId("pilot-verdict-rationale").FillAsync("Tavoite ylittyi");
            await page.GetByTestId("pilot-verdict-save").ClickAsync();
            await Expect(page.GetByTestId("pilot-verdict-suggestion")).ToContainTextAsync("Otettu malliin");
            await _axe.CheckAsync(coordinator, "05b-pilot-evaluation");

            // The social worker's idea, answered.
            await page.GetByTestId("nav-model-feedback").ClickAsync();
            var row = page.GetByTestId("feedback-row").Filter(new() { HasText = idea });
            await Ui.ChooseAsync(page, row, "feedback-move-to", "Vastattu");
            await row.GetByTestId("feedback-answer").FillAsync("Kiitos, tulokset kerrotaan kunnille pilotin arvioinnin jälkeen.");
            await row.GetByTestId("feedback-save").ClickAsync();
            await Expect(page.GetByTestId("feedback-row").Filter(new() { HasText = idea })).ToHaveAttributeAsync("data-status", "Answered");
            await _axe.CheckAsync(coordinator, "05c-feedback-answered");

            await coordinator.GotoAsync("coordination/pilots/timeline");
            await Expect(page.GetByTestId("pilot-timeline-row")).ToHaveCountAsync(20);
            await _axe.CheckAsync(coordinator, "06-timeline");

            await page.GetByTestId("nav-swot").ClickAsync();
            await Expect(page.GetByTestId("swot-total")).ToContainTextAsync("52");
            await Expect(page.GetByTestId("swot-count-ReferralToSocialWork-Weakness")).ToHaveTextAsync("7");
            await _axe.CheckAsync(coordinator, "07-swot");
            await page.GetByTestId("swot-theme").SelectOptionAsync(new SelectOptionValue { Label = "Huoli-ilmoitukset" });
            await Expect(page.GetByTestId("swot-total")).ToContainTextAsync("6");
            await page.GetByTestId("swot-unanswered").ClickAsync();
            await Expect(page.GetByTestId("swot-unanswered-item")).ToHaveCountAsync(3);
            await _axe.CheckAsync(coordinator, "08-swot-unanswered");

            // The same pages in English.
            await page.GotoAsync("culture/set?culture=en&redirectUri=%2Fcoordination%2Fpilots");
            await coordinator.WaitInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Development pilots" })).ToBeVisibleAsync();
            await _axe.CheckAsync(coordinator, "09-pilots-en");
        });

        // The sender is told (by id only) and reads the answer with the feedback.
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoAsync("notifications");
            await Expect(worker.Page.Locator("[data-testid=notification-link][data-kind=ModelFeedbackAnswered]").First).ToBeVisibleAsync();
            await worker.GotoAsync("model/feedback/mine");
            await Expect(worker.Page.GetByTestId("my-feedback-row").Filter(new() { HasText = idea }).GetByTestId("my-feedback-answer"))
                .ToContainTextAsync("Kiitos, tulokset kerrotaan kunnille pilotin arvioinnin jälkeen.");
            await _axe.CheckAsync(worker, "09b-my-feedback-answered");
        });

        _axe.ShouldHaveNoViolations();
    }

    /// <summary>
    /// The coordinator links the demo Helsinki organiser to a pilot as its owner organisation; Helsinki's social worker then
    /// finds it from the menu, reads it and comments (the comment form only), with axe on the pages.
    /// </summary>
    [Fact]
    public async Task OwnerOrganisation_LinkedByTheCoordinator_ReadsThePilotAndComments()
    {
        const string PilotName = "Maakunnittaiset yhteistyötapaamiset";
        string pilotPath;
        await using (var coordinator = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.Coordinator))
        {
            var page = coordinator.Page;
            await coordinator.ScreenshotOnFailureAsync(async () =>
            {
                await page.GetByTestId("nav-pilots").ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = PilotName, Exact = true }).ClickAsync();
                await Expect(page.GetByTestId("pilot-owner-none")).ToBeVisibleAsync();
                await page.GetByTestId("pilot-owner-kind").SelectOptionAsync(new SelectOptionValue { Label = "Sosiaalihuollon järjestäjä" });
                await page.GetByTestId("pilot-owner-choice").SelectOptionAsync(new SelectOptionValue { Label = "Helsingin kaupunki" });
                await page.GetByTestId("pilot-owner-add").ClickAsync();
                await Expect(page.GetByTestId("pilot-owner")).ToHaveTextAsync(new Regex("Helsingin kaupunki"));
                await Expect(page.GetByTestId("pilot-owner-organisations")).ToHaveTextAsync("Helsingin kaupunki");
                await _axe.CheckAsync(coordinator, "10-pilot-owner-linked");
            });
            pilotPath = new Uri(page.Url).PathAndQuery.TrimStart('/');
        }

        await using var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki);
        var own = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await own.GetByTestId("nav-model").ClickAsync();
            await own.GetByTestId("model-my-pilots-link").ClickAsync();
            await Expect(own.GetByTestId("my-pilot-row")).ToHaveCountAsync(1);
            await _axe.CheckAsync(worker, "11-my-pilots");
            await own.GetByRole(AriaRole.Link, new() { Name = PilotName, Exact = true }).ClickAsync();
            await Expect(own.GetByTestId("pilot-name")).ToHaveTextAsync(PilotName);
            await Expect(own.GetByTestId("pilot-change-status")).ToHaveCountAsync(0);
            await Expect(own.GetByTestId("pilot-owners")).ToHaveCountAsync(0);
            await Expect(own.GetByTestId("pilot-weaknesses")).ToHaveCountAsync(0);
            await Expect(own.GetByTestId("pilot-entry-kind")).ToHaveCountAsync(0);
            await own.GetByTestId("pilot-entry-text").FillAsync("Helsingissä tapaamiset kerran kuussa");
            await own.GetByTestId("pilot-add-entry").ClickAsync();
            await Expect(own.GetByTestId("pilot-entry")).ToHaveCountAsync(1);
            await Expect(own.GetByTestId("pilot-entry")).ToContainTextAsync("Kommentti");
            await Expect(own.GetByTestId("pilot-entry")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
            await _axe.CheckAsync(worker, "12-pilot-owner-comment");
            (new Uri(own.Url).PathAndQuery.TrimStart('/')).ShouldBe(pilotPath);
        });

        _axe.ShouldHaveNoViolations();
    }
}
