using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// Forwarding in Chromium: Helsinki's social worker forwards a referral to health care, health care's professional finds it
/// in their own inbox, accepts and completes it, and the Kela handler sees the chain (the partner, its status and named
/// worker) but not the partner's note. Each person has a browser of their own. Screenshots: Forwarding-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ForwardingTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Forwarding";
    private const string Ground = "Ilmeinen sosiaalihuollon tarve";
    private const string Description = "Asiakas tarvitsee tukea asumiseen ja arjen hallintaan.";
    private const string HealthCare = "Terveydenhuolto";
    private const string HealthCareHelsinki = "Terveydenhuolto, Helsingin kaupunki";
    private const string ForwardNote = "Asiakas toivoo yhteydenottoa terveysasemalta iltapäivisin.";
    private const string PartnerNote = "Asiakas ohjattu terveysasemalle; hoitosuunnitelma tehty.";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Forward_ToHealthCare_PartnerAcceptsAndCompletes_HandlerSeesTheChain()
    {
        var clientName = $"Testi Välitys {Guid.NewGuid().ToString("N")[..8]}";
        var identityCode = IdentityCodes.NewFictitious();
        output.WriteLine($"client: {clientName}, {identityCode}");

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var caseUrl = "";
        await handler.ScreenshotOnFailureAsync(async () => caseUrl = await HandlerSendsReferralAsync(handler, clientName, identityCode));

        // Helsinki's social worker takes the referral and forwards it to health care with a note.
        await using var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki);
        var referralUrl = "";
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            var page = worker.Page;
            await OpenFromInboxAsync(worker, clientName, "Lähetetty");
            referralUrl = page.Url;
            await Expect(page.GetByTestId("forward-form")).ToHaveCountAsync(0);
            await page.GetByTestId("accept-referral").ClickAsync();
            await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Otettu työn alle");

            var form = page.GetByTestId("forward-form");
            await Expect(form).ToBeVisibleAsync();
            await form.GetByTestId("forward-send").ClickAsync();
            await Expect(form.GetByText("Valitse, kenelle ilmoitus välitetään.")).ToBeVisibleAsync();
            await Ui.ChooseAsync(page, form, "forward-target", HealthCare);
            await form.GetByTestId("forward-note").FillAsync(ForwardNote);
            await worker.ScreenshotAsync("05-forward-filled");
            await form.GetByTestId("forward-send").ClickAsync();

            var link = page.GetByTestId("forward-link");
            await Expect(link).ToHaveCountAsync(1);
            await Expect(link.GetByTestId("forward-partner")).ToHaveTextAsync(HealthCareHelsinki);
            await Expect(link.GetByTestId("forward-status")).ToHaveTextAsync("Lähetetty");
            await Expect(link.GetByTestId("forward-note-text")).ToContainTextAsync(ForwardNote);
            await Expect(page.Locator(".mud-snackbar").GetByText("Tallennettu.")).ToBeVisibleAsync();
            await Expect(TimelineEntries(page).First).ToHaveTextAsync($"Välitetty eteenpäin: {HealthCare}");
            await worker.ScreenshotAsync("06-forwarded");
        });

        // Health care: its own inbox lists the referral; on it only the forward's actions, never social services' own.
        await using var partner = await UserSession.OpenAsync(fixture, output, Test);
        await partner.ScreenshotOnFailureAsync(async () =>
        {
            var page = partner.Page;
            await partner.GotoLoginAsync();
            await partner.SignInAsync(DemoDataSeeder.HealthCareHelsinki);
            await OpenFromInboxAsync(partner, clientName, "Lähetetty", "10-partner-inbox");
            var link = page.GetByTestId("forward-link");
            await Expect(link.GetByTestId("forward-status")).ToHaveTextAsync("Vastaanotettu");
            await Expect(page.GetByTestId("referral-description-text")).ToHaveTextAsync(Description);
            await Expect(link.GetByTestId("forward-note-text")).ToContainTextAsync(ForwardNote);
            await Expect(page.GetByTestId("accept-referral")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("complete-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("return-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("forward-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("forward-complete-form")).ToHaveCountAsync(0);
            await _axe.CheckAsync(partner, "11-partner-received");

            await page.GetByTestId("forward-accept").ClickAsync();
            await Expect(link.GetByTestId("forward-status")).ToHaveTextAsync("Otettu työn alle");
            await Expect(link.GetByTestId("forward-worker")).ToContainTextAsync(DemoDataSeeder.HealthCareHelsinki.DisplayName);
            await Expect(page.GetByTestId("forward-accept")).ToHaveCountAsync(0);
            await _axe.CheckAsync(partner, "12-partner-accepted");

            var complete = page.GetByTestId("forward-complete-form");
            await complete.GetByTestId("forward-complete-note").FillAsync(PartnerNote);
            await complete.GetByTestId("forward-complete").ClickAsync();
            await Expect(link.GetByTestId("forward-status")).ToHaveTextAsync("Valmis");
            await Expect(link.GetByTestId("forward-closing-note")).ToContainTextAsync(PartnerNote);
            await Expect(page.GetByTestId("forward-complete-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("forward-return-form")).ToHaveCountAsync(0);
            await partner.ScreenshotAsync("13-partner-completed");
        });

        // Social services sees the partner's note; the Kela handler sees the chain, but not the note.
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoAsync(referralUrl);
            await Expect(worker.Page.GetByTestId("forward-closing-note")).ToContainTextAsync(PartnerNote);
            await worker.ScreenshotAsync("20-social-services-sees-the-note");
        });
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            var page = handler.Page;
            await handler.GotoAsync(caseUrl);
            await page.GetByTestId("case-referral").GetByRole(AriaRole.Link, new() { Name = Ground }).ClickAsync();
            await Expect(page).ToHaveURLAsync(ReferralPageUrl());
            var chain = page.GetByTestId("forward-chain");
            await Expect(chain.GetByTestId("chain-sender")).ToContainTextAsync("Lähettäjä (Kela)");
            await Expect(chain.GetByTestId("chain-receiver")).ToContainTextAsync("Helsingin kaupunki");
            await Expect(chain.GetByTestId("chain-receiver")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
            var link = chain.GetByTestId("forward-link");
            await Expect(link.GetByTestId("forward-partner")).ToHaveTextAsync(HealthCareHelsinki);
            await Expect(link.GetByTestId("forward-status")).ToHaveTextAsync("Valmis");
            await Expect(link.GetByTestId("forward-worker")).ToContainTextAsync(DemoDataSeeder.HealthCareHelsinki.DisplayName);
            await Expect(link.GetByTestId("forward-closing-note")).ToHaveCountAsync(0);
            await Expect(link.GetByTestId("forward-note-text")).ToHaveCountAsync(0);
            await Expect(page.Locator("body")).Not.ToContainTextAsync(PartnerNote);
            await Expect(page.Locator("body")).Not.ToContainTextAsync(ForwardNote);
            await Expect(page.GetByTestId("forward-form")).ToHaveCountAsync(0);
            await _axe.CheckAsync(handler, "21-handler-sees-the-chain");
        });

        _axe.ShouldHaveNoViolations();
    }

    /// <summary>The handler opens a case for a Helsinki client and sends a referral with full consent; returns the case's address.</summary>
    private static async Task<string> HandlerSendsReferralAsync(UserSession handler, string clientName, string identityCode)
    {
        var page = handler.Page;
        await handler.GotoLoginAsync();
        await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
        var caseUrl = await CaseSteps.OpenNewCaseAsync(handler, clientName, identityCode, "01-new-case-filled", "02-case-opened");
        await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);
        var form = page.GetByTestId("referral-form");
        await WholeFlowTests.ChooseGroundAsync(page, Ground);
        await form.GetByTestId("consent-yes").ClickAsync();
        await form.GetByTestId("consent-method-InPerson").ClickAsync();
        await form.GetByTestId("consent-covers-feedback").CheckAsync();
        await form.GetByTestId("referral-description").FillAsync(Description);
        await form.GetByTestId("send-referral").ClickAsync();
        await Expect(page.GetByTestId("case-referral").GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
        await handler.ScreenshotAsync("03-referral-sent");
        return caseUrl;
    }

    /// <summary>From the signed-in user's inbox: finds the client, checks the row's status and opens the referral.</summary>
    private static async Task OpenFromInboxAsync(UserSession user, string clientName, string status, string? step = null)
    {
        var page = user.Page;
        await Expect(page).ToHaveURLAsync(InboxUrl());
        await page.GetByTestId("inbox-search").FillAsync(clientName);
        var row = page.GetByTestId("inbox-table").Locator("tbody tr").Filter(new() { HasText = clientName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("referral-status")).ToHaveTextAsync(status);
        if (step is not null)
        {
            await user.ScreenshotAsync(step);
        }

        await row.GetByRole(AriaRole.Link, new() { Name = clientName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ReferralPageUrl());
        await Expect(page.GetByTestId("referral-client-name")).ToHaveTextAsync(clientName);
    }

    private static ILocator TimelineEntries(IPage page) => page.GetByTestId("referral-timeline").Locator("li .what");

    [GeneratedRegex("/inbox$")]
    private static partial Regex InboxUrl();

    [GeneratedRegex("/referrals/[0-9a-f-]{36}$")]
    private static partial Regex ReferralPageUrl();
}
