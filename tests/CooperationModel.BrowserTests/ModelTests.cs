using CooperationModel.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The cooperation model's pages in a browser: axe-core finds no violation of any impact on any of them, in Finnish,
/// Swedish and English; a social worker sends feedback with the keyboard, the coordinator finds it in the triage and
/// compares a draft of the next version (the answer and its reading are in CoordinationTests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ModelTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Model";

    private readonly AxeAudit _axe = new(output);
    private int _step;

    [Fact]
    public async Task Model_PagesInEveryLanguage_FeedbackSentAndTriaged_DraftCompared_NoAxeViolations()
    {
        var text = $"Vaiheen 5 suostumusohje on epäselvä {Guid.NewGuid():N}"[..48];
        await using var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki);
        var page = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await page.GetByTestId("nav-model").ClickAsync();
            await Expect(page.GetByTestId("model-stages").Locator("li")).ToHaveCountAsync(6);
            await CheckAsync(worker, "model-fi");

            await page.Locator("[data-testid=model-stage-link][data-stage=ReferralToSocialWork]").ClickAsync();
            await Expect(page.GetByTestId("model-grounds")).ToBeVisibleAsync();
            await CheckAsync(worker, "stage-fi");

            // Feedback with the keyboard only: the kind's select, the text, the button.
            await Ui.ChooseAsync(page, page.Locator("body"), "feedback-kind", "Mikä on epäselvää");
            await page.GetByTestId("feedback-text").FocusAsync();
            await page.Keyboard.TypeAsync("Asiakas 010190-900P");
            await page.GetByTestId("feedback-send").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByText("Tekstissä on henkilötunnus.", new() { Exact = false })).ToBeVisibleAsync();
            await CheckAsync(worker, "feedback-refused");
            await page.GetByTestId("feedback-text").FillAsync(text);
            await page.GetByTestId("feedback-send").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("feedback-sent")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("my-feedback-row")).ToContainTextAsync(text);
            await CheckAsync(worker, "feedback-sent");

            foreach (var language in new[] { "sv", "en" })
            {
                await page.GetByTestId($"language-{language}").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                await worker.GotoAsync("model");
                await Expect(page.GetByTestId("model-stages").Locator("li")).ToHaveCountAsync(6);
                await CheckAsync(worker, $"model-{language}");
                await worker.GotoAsync("model/stages/Processing");
                await Expect(page.GetByTestId("model-actors")).ToBeVisibleAsync();
                await CheckAsync(worker, $"stage-{language}");
            }

            await page.GetByTestId("language-fi").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fi");
        });

        await using (var coordinator = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.Coordinator))
        {
            var c = coordinator.Page;
            await coordinator.ScreenshotOnFailureAsync(async () =>
            {
                // The triage lists the worker's feedback (CoordinationTests answers one, and its sender reads the answer).
                await c.GetByTestId("nav-model-feedback").ClickAsync();
                await Expect(c.GetByTestId("feedback-counts")).ToBeVisibleAsync();
                await Expect(c.GetByTestId("feedback-row").Filter(new() { HasText = text })).ToBeVisibleAsync();
                await CheckAsync(coordinator, "triage");

                await coordinator.GotoAsync("model/draft");
                await c.GetByTestId("draft-start").ClickAsync();
                await Expect(c.GetByTestId("draft-title")).ToContainTextAsync("2.0");
                await c.GetByTestId("draft-ideas").FillAsync("Kela tukee kuntien neuvoja\nUusi idea");
                await c.GetByTestId("draft-save").ClickAsync();
                // Five published ideas against two: the first stays, "Uusi idea" pairs with the second as changed, three are removed.
                var ideas = c.GetByTestId("draft-diff-ideas").GetByTestId("diff-row");
                await Expect(ideas.Filter(new() { HasText = "Uusi idea" })).ToHaveAttributeAsync("data-kind", "Changed");
                await Expect(c.GetByTestId("draft-diff-ideas").Locator("[data-testid=diff-row][data-kind=Removed]")).ToHaveCountAsync(3);
                await CheckAsync(coordinator, "draft");
            });
        }

        _axe.ShouldHaveNoViolations();
    }

    private Task CheckAsync(UserSession session, string name) => _axe.CheckAsync(session, $"{++_step:00}-{name}");
}
