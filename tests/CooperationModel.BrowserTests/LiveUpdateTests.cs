using System.Globalization;
using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// Live updates and notifications in Chromium: Helsinki's worker has the inbox open while a Kela handler, in a browser of
/// their own, sends a referral. The row and the bell's count appear without a reload; the notifications page names no
/// client, and opening a notification reads it; the handler's open case page shows the referral received. Screenshots: LiveUpdate-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LiveUpdateTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "LiveUpdate";
    private const string Ground = "Ilmeinen sosiaalihuollon tarve";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Inbox_ReferralSentElsewhere_AppearsWithoutReloadAndIsNotified()
    {
        var clientName = $"Reaali Aikanen {Guid.NewGuid():N}"[..24];
        var identityCode = IdentityCodes.NewFictitious();

        await using var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki);
        var page = worker.Page;
        var inbox = page.GetByTestId("inbox-table");
        var bell = page.GetByTestId("nav-notifications");
        var before = 0;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await Expect(page).ToHaveURLAsync(InboxUrl());
            await page.GetByTestId("inbox-search").FillAsync(clientName);
            await Expect(inbox).ToContainTextAsync("Ei saapuneita ilmoituksia");
            before = int.Parse((await bell.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
            await Expect(bell).ToHaveAttributeAsync("aria-label", $"Päivitykset, lukemattomia {before}");
            await worker.ScreenshotAsync("01-inbox-waiting");
        });

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        await handler.ScreenshotOnFailureAsync(() => SendReferralAsync(handler, clientName, identityCode));

        await worker.ScreenshotOnFailureAsync(async () =>
        {
            // No reload: the open inbox and the menu hear of it through the change feed.
            var row = inbox.Locator("tbody tr").Filter(new() { HasText = clientName });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(bell).ToHaveAttributeAsync("data-count", (before + 1).ToString(CultureInfo.InvariantCulture));
            await Expect(bell).ToHaveAttributeAsync("aria-label", $"Päivitykset, lukemattomia {before + 1}");
            await worker.ScreenshotAsync("03-inbox-updated");

            await bell.ClickAsync();
            await Expect(page).ToHaveURLAsync(NotificationsUrl());
            var newest = page.GetByTestId("notifications-table").Locator("tbody tr").First;
            await Expect(newest.GetByTestId("notification-link")).ToHaveTextAsync("Uusi ilmoitus saapui");
            await Expect(newest.GetByTestId("notification-state")).ToHaveTextAsync("Uusi");
            await Expect(page.GetByTestId("notifications-table")).Not.ToContainTextAsync(clientName);
            await Expect(page.GetByTestId("notifications-table")).Not.ToContainTextAsync(identityCode);
            await _axe.CheckAsync(worker, "04-notifications");

            await newest.GetByTestId("notification-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(ReferralPageUrl());
            await Expect(page.GetByTestId("referral-client-name")).ToHaveTextAsync(clientName);
            await Expect(bell).ToHaveAttributeAsync("data-count", before.ToString(CultureInfo.InvariantCulture));

            await worker.GotoAsync("notifications");
            await Expect(page.GetByTestId("notifications-table").Locator("tbody tr").First.GetByTestId("notification-state")).ToHaveTextAsync("Luettu");
            await worker.ScreenshotAsync("05-notification-read");
        });

        await handler.ScreenshotOnFailureAsync(async () =>
        {
            // The handler's case page has stayed open all along: the worker's opening shows on it without a reload.
            await Expect(handler.Page.GetByTestId("case-referral").GetByTestId("referral-status")).ToHaveTextAsync("Vastaanotettu");
            await handler.ScreenshotAsync("06-case-page-updated");
        });
        _axe.ShouldHaveNoViolations();
    }

    /// <summary>The Southern district's handler opens a case for a new Helsinki client and sends a referral with consent.</summary>
    private static async Task SendReferralAsync(UserSession handler, string clientName, string identityCode)
    {
        var page = handler.Page;
        await handler.GotoLoginAsync();
        await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
        await CaseSteps.OpenNewCaseAsync(handler, clientName, identityCode, "02a-new-case", "02b-case-opened");
        await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);
        var form = page.GetByTestId("referral-form");
        await WholeFlowTests.ChooseGroundAsync(page, Ground);
        await form.GetByTestId("consent-yes").ClickAsync();
        await form.GetByTestId("consent-method-InPerson").ClickAsync();
        await Expect(form.GetByTestId("consent-method-InPerson")).ToBeCheckedAsync();
        await form.GetByTestId("referral-description").FillAsync("Asiakas tarvitsee tukea arjessa.");
        await form.GetByTestId("send-referral").ClickAsync();
        await Expect(page.GetByTestId("case-referral").GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
        await handler.ScreenshotAsync("02c-referral-sent");
    }

    [GeneratedRegex("/inbox$")]
    private static partial Regex InboxUrl();

    [GeneratedRegex("/notifications$")]
    private static partial Regex NotificationsUrl();

    [GeneratedRegex("/referrals/[0-9a-f-]{36}$")]
    private static partial Regex ReferralPageUrl();
}
