using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// Issue 3: the life-situation survey feeds the concern screen. An eviction threat suggests "Ilmeinen sosiaalihuollon
/// tarve"; an unemployed client under 25 with 5 months on assistance also gets the under-25 ground. Accepting a
/// suggestion opens the referral form with the ground chosen, and the referral is sent from there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Survey";
    private const string Obvious = "ObviousNeedForSocialCare";
    private const string ObviousName = "Ilmeinen sosiaalihuollon tarve";
    private const string Under25 = "UnemployedUnder25FourMonths";
    private const string Description = "Asiakkaalla on häädön uhka; hän tarvitsee tukea asumiseen.";

    [Fact]
    public async Task Survey_SuggestsGround_OpensPrefilledReferral()
    {
        var clientName = $"Kartoitus Asiakas {Guid.NewGuid().ToString("N")[..8]}";
        // Aged 20–24: the under-25 rule (4 months) applies, the 25-or-over rule (12 months) does not.
        var identityCode = IdentityCodes.NewFictitiousAged20To24(Ui.Today);
        output.WriteLine($"client: {clientName}, {identityCode}");

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var page = handler.Page;
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoLoginAsync();
            await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
            await CaseSteps.OpenNewCaseAsync(handler, clientName, identityCode, "01-new-case-filled", "02-case-opened");
            await Expect(page.GetByTestId("suggestions")).ToHaveCountAsync(0);

            // The survey: an eviction threat, nothing else.
            await Ui.OpenTabAsync(page, CaseSteps.TabSurvey);
            var survey = page.GetByTestId("survey-form");
            await Expect(survey.GetByTestId("survey-date")).ToHaveValueAsync(Ui.Date(Ui.Today));
            await survey.GetByTestId("survey-eviction-threat").CheckAsync();
            await Expect(survey.GetByTestId("survey-eviction-threat")).ToBeCheckedAsync();
            await handler.ScreenshotAsync("03-survey-eviction-threat");
            await survey.GetByTestId("save-survey").ClickAsync();
            await Expect(page.GetByText("Kartoitus tallennettu.")).ToBeVisibleAsync();

            // The concern screen suggests one ground, with the reason in words.
            var suggestions = page.GetByTestId("suggestion");
            await Expect(suggestions).ToHaveCountAsync(1);
            var obvious = Suggestion(page, Obvious);
            await Expect(obvious).ToContainTextAsync(ObviousName);
            await Expect(obvious).ToContainTextAsync("häädön uhka");
            await handler.ScreenshotAsync("04-suggestion-obvious-need");

            // Unemployed, 5 months on assistance, under 25: the under-25 ground is suggested too.
            await survey.GetByTestId("survey-unemployed").CheckAsync();
            await survey.GetByTestId("survey-months").FillAsync("5");
            await survey.GetByTestId("survey-months").PressAsync("Tab");
            await survey.GetByTestId("save-survey").ClickAsync();
            await Expect(suggestions).ToHaveCountAsync(2);
            var under25 = Suggestion(page, Under25);
            await Expect(under25).ToContainTextAsync("Alle 25-vuotias työtön, 4 kk toimeentulotukea");
            await Expect(under25).ToContainTextAsync("alle 25-vuotias työtön, vähintään 4 kk toimeentulotuella");
            await Expect(Suggestion(page, "Unemployed25OrOverTwelveMonths")).ToHaveCountAsync(0);
            await Expect(obvious).ToContainTextAsync("häädön uhka");
            await handler.ScreenshotAsync("05-suggestions-under-25");

            // Accepting the eviction suggestion opens "Uusi ilmoitus" with the ground already chosen.
            await page.GetByTestId($"accept-suggestion-{Obvious}").ClickAsync();
            await Expect(Ui.Tab(page, CaseSteps.TabNewReferral)).ToHaveAttributeAsync("aria-selected", "true");
            var form = page.GetByTestId("referral-form");
            await Expect(form.GetByTestId("referral-ground")).ToHaveTextAsync(ObviousName);
            await Expect(form.GetByTestId("ground-basis")).ToBeVisibleAsync();
            await handler.ScreenshotAsync("06-referral-prefilled");

            await form.GetByTestId("consent-yes").ClickAsync();
            await Expect(form.GetByTestId("consent-yes")).ToBeCheckedAsync();
            await form.GetByTestId("consent-method-InPerson").ClickAsync();
            await Expect(form.GetByTestId("consent-method-InPerson")).ToBeCheckedAsync();
            await form.GetByTestId("referral-description").FillAsync(Description);
            await form.GetByTestId("send-referral").ClickAsync();
            await Expect(page.GetByText("Ilmoitus lähetetty.")).ToBeVisibleAsync();
            var referral = page.GetByTestId("case-referral");
            await Expect(referral).ToHaveCountAsync(1);
            await Expect(referral).ToContainTextAsync(ObviousName);
            await Expect(referral.GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
            await handler.ScreenshotAsync("07-referral-sent");
        });
    }

    private static ILocator Suggestion(IPage page, string ground) =>
        page.Locator($"[data-testid=suggestion][data-ground={ground}]");
}
