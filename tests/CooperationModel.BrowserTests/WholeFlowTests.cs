using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The whole referral flow in Chromium, signed in as each user in turn: a Kela handler opens a case and sends a
/// referral, the wrong municipality's worker cannot see it, Helsinki's worker accepts it, and the handler sees that.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WholeFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "WholeFlow";
    private const string Ground = "Ilmeinen sosiaalihuollon tarve";
    private const string ConsentRuleError = "Ilman suostumusta, joka kattaa tilanteen kuvaamisen, tilannetta ei saa kuvata";
    private const string Description = "Asiakas tarvitsee tukea asumiseen ja arjen hallintaan.";

    [Fact]
    public async Task WholeFlow_EachUserInTurn_ReferralReachesHelsinkiAndIsAccepted()
    {
        var clientName = $"Testi Asiakas {Guid.NewGuid().ToString("N")[..8]}";
        var identityCode = IdentityCodes.NewFictitious();
        output.WriteLine($"client: {clientName}, {identityCode}");

        // (a) The southern district's handler signs in through the form and lands on the case list.
        string caseUrl;
        await using (var handler = await UserSession.OpenAsync(fixture, output, Test))
        {
            var page = handler.Page;
            caseUrl = await HandlerOpensCaseAndSendsReferralAsync(handler, page, clientName, identityCode);
        }

        // (e) North Ostrobothnia's worker (a browser of their own) does not see the Helsinki client, not even by searching.
        await using (var worker = await UserSession.OpenAsync(fixture, output, Test))
        {
            var page = worker.Page;
            await worker.ScreenshotOnFailureAsync(async () =>
            {
                await worker.GotoLoginAsync();
                await worker.SignInAsync(DemoDataSeeder.WorkerNorthOstrobothnia);
                await Expect(page).ToHaveURLAsync(InboxUrl());
                var inbox = page.GetByTestId("inbox-table");
                await Expect(inbox.GetByText("Ei saapuneita ilmoituksia.")).ToBeVisibleAsync();
                await Expect(inbox).Not.ToContainTextAsync(clientName);
                await page.GetByTestId("inbox-search").FillAsync(clientName);
                await Expect(inbox.GetByText("Ei saapuneita ilmoituksia.")).ToBeVisibleAsync();
                await Expect(inbox).Not.ToContainTextAsync(clientName);
                await worker.ScreenshotAsync("09-north-ostrobothnia-inbox-searched");
                await worker.SignOutAsync();
            });
        }

        // (f) Helsinki's worker finds the referral, opens it (received) and accepts it (named worker).
        await using (var worker = await UserSession.OpenAsync(fixture, output, Test))
        {
            var page = worker.Page;
            await worker.ScreenshotOnFailureAsync(async () =>
            {
                await worker.GotoLoginAsync();
                await worker.SignInAsync(DemoDataSeeder.WorkerHelsinki);
                await Expect(page).ToHaveURLAsync(InboxUrl());
                var inbox = page.GetByTestId("inbox-table");
                await Expect(inbox).ToContainTextAsync(clientName);
                await Expect(inbox).ToContainTextAsync("Maija Meikäläinen");
                await worker.ScreenshotAsync("10-helsinki-inbox");
                // The search narrows the list down to the new client (and shows that the search in (e) really searched).
                await page.GetByTestId("inbox-search").FillAsync(clientName);
                await Expect(inbox).Not.ToContainTextAsync("Maija Meikäläinen");
                var row = inbox.Locator("tbody tr").Filter(new() { HasText = clientName });
                await Expect(row).ToHaveCountAsync(1);
                await Expect(row.GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
                await worker.ScreenshotAsync("11-helsinki-inbox-searched");
                await row.GetByRole(AriaRole.Link, new() { Name = clientName }).ClickAsync();
                await Expect(page).ToHaveURLAsync(ReferralPageUrl());
                await Expect(page.GetByTestId("referral-client-name")).ToHaveTextAsync(clientName);
                await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Vastaanotettu");
                await Expect(page.GetByTestId("referral-description-text")).ToHaveTextAsync(Description);
                await Expect(page.GetByTestId("named-worker")).ToHaveTextAsync("Ei vielä nimetty");
                await worker.ScreenshotAsync("12-referral-received");
                await page.GetByTestId("accept-referral").ClickAsync();
                await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Otettu työn alle");
                await Expect(page.GetByTestId("named-worker")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
                await Expect(page.GetByTestId("accept-referral")).ToHaveCountAsync(0);
                await Expect(page.GetByText("Ilmoitus otettu työn alle; olet asiakkaan omatyöntekijä.")).ToBeVisibleAsync();
                await worker.ScreenshotAsync("13-referral-accepted");
                await worker.SignOutAsync();
            });
        }

        // (g) The handler, signing in again, sees the acceptance and the named worker on the case.
        await using (var handler = await UserSession.OpenAsync(fixture, output, Test))
        {
            var page = handler.Page;
            await handler.ScreenshotOnFailureAsync(async () =>
            {
                await handler.GotoLoginAsync();
                await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
                // The search is on the "Kaikki asiat" tab only.
                await Ui.OpenTabAsync(page, CaseSteps.TabAll);
                var cases = CaseSteps.Table(page, "All");
                await Expect(cases).ToContainTextAsync("Maija Meikäläinen");
                await page.GetByTestId("cases-search").FillAsync(clientName);
                await Expect(cases).Not.ToContainTextAsync("Maija Meikäläinen");
                var caseRow = CaseSteps.Row(page, "All", clientName);
                await Expect(caseRow).ToHaveCountAsync(1);
                await Expect(caseRow.GetByTestId("referral-status")).ToHaveTextAsync("Otettu työn alle");
                await handler.ScreenshotAsync("14-handler-cases-searched");
                await caseRow.GetByRole(AriaRole.Link, new() { Name = clientName }).ClickAsync();
                await Expect(page).ToHaveURLAsync(caseUrl);
                await Expect(page.GetByTestId("case-client-name")).ToHaveTextAsync(clientName);
                var referral = page.GetByTestId("case-referral");
                await Expect(referral).ToHaveCountAsync(1);
                await Expect(referral.GetByTestId("referral-status")).ToHaveTextAsync("Otettu työn alle");
                await Expect(referral.GetByTestId("named-worker")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
                await handler.ScreenshotAsync("15-handler-sees-named-worker");
            });
        }
    }

    /// <summary>Steps (a)–(d): sign in, open a case for Helsinki, prove the consent rule, send, sign out. Returns the case's address.</summary>
    private static async Task<string> HandlerOpensCaseAndSendsReferralAsync(UserSession handler, IPage page, string clientName, string identityCode)
    {
        var caseUrl = "";
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoLoginAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kirjautuminen" })).ToBeVisibleAsync();
            await handler.ScreenshotAsync("01-login");
            await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Asiat", Exact = true })).ToBeVisibleAsync();
            // The demo cases the handler opened are still in guidance: they are the handler's own.
            await Expect(CaseSteps.Table(page, "Mine")).ToContainTextAsync("Maija Meikäläinen");
            await handler.ScreenshotAsync("02-handler-workspace");

            // (b) A new case: name, identity code, Helsinki from the municipality picker.
            caseUrl = await CaseSteps.OpenNewCaseAsync(handler, clientName, identityCode, "03-new-case-filled", "04-case-opened");
            await Expect(page.GetByText("Ei lähetettyjä ilmoituksia.")).ToBeVisibleAsync();

            // (c) The referral form, a tab of its own on the case page: the consent rule first (no consent, yet a description) ...
            await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);
            var form = page.GetByTestId("referral-form");
            await ChooseGroundAsync(page, Ground);
            await form.GetByTestId("referral-description").FillAsync(Description);
            await form.GetByTestId("consent-no").ClickAsync();
            await Expect(form.GetByTestId("consent-no")).ToBeCheckedAsync();
            await form.GetByTestId("send-referral").ClickAsync();
            await Expect(form.GetByText(ConsentRuleError)).ToBeVisibleAsync();
            await Expect(form.GetByTestId("referral-description")).ToHaveValueAsync(Description);
            await Expect(page.GetByTestId("case-referral")).ToHaveCountAsync(0);
            await handler.ScreenshotAsync("05-consent-rule-error");

            // ... then consent given: the message goes, and the referral is sent.
            await form.GetByTestId("consent-yes").ClickAsync();
            await Expect(form.GetByTestId("consent-yes")).ToBeCheckedAsync();
            await form.GetByTestId("consent-method-InPerson").ClickAsync();
            await Expect(form.GetByTestId("consent-method-InPerson")).ToBeCheckedAsync();
            await Expect(form.GetByText(ConsentRuleError)).ToHaveCountAsync(0);
            await Expect(form.GetByTestId("referral-description")).ToHaveValueAsync(Description);
            await handler.ScreenshotAsync("06-referral-ready");
            await form.GetByTestId("send-referral").ClickAsync();
            var referral = page.GetByTestId("case-referral");
            await Expect(referral).ToHaveCountAsync(1);
            await Expect(referral).ToContainTextAsync(Ground);
            await Expect(referral.GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
            await Expect(page.GetByText("Ilmoitus lähetetty.")).ToBeVisibleAsync();
            // The form is empty again, ready for the next one.
            await Expect(form.GetByTestId("referral-description")).ToHaveValueAsync("");
            await handler.ScreenshotAsync("07-referral-sent");

            // (d) Sign out: the sign-in page, and the case is out of reach without signing in again.
            await handler.SignOutAsync();
            await handler.ScreenshotAsync("08-handler-signed-out");
            await page.GotoAsync(caseUrl);
            await Expect(page).ToHaveURLAsync(LoginUrl());
            await Expect(page.Locator("#email")).ToBeVisibleAsync();
        });
        return caseUrl;
    }

    /// <summary>Picks the referral's ground; its legal basis and expected plan then show under it.</summary>
    internal static async Task ChooseGroundAsync(IPage page, string ground)
    {
        var form = page.GetByTestId("referral-form");
        await Ui.ChooseAsync(page, form, "referral-ground", ground);
        await Expect(form.GetByTestId("ground-basis")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/inbox$")]
    private static partial Regex InboxUrl();

    [GeneratedRegex("/account/login\\?returnUrl=(%2F)?cases%2F[0-9a-f-]{36}$", RegexOptions.IgnoreCase)]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/referrals/[0-9a-f-]{36}$")]
    private static partial Regex ReferralPageUrl();
}
