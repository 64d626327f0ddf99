using System.Text;
using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The thread between Kela and social services in Chromium: the handler writes with a file (a text file named .pdf is
/// refused when picked), Helsinki's worker sees it marked new, downloads the file and answers, and the handler sees the
/// read receipt and the answer. axe on the referral page with a thread on both sides. Screenshots: Messages-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MessageThreadTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Messages";
    private const string Ground = "Ilmeinen sosiaalihuollon tarve";
    private const string Question = "Hei,\nonko asiakas jo tavoitettu?";
    private const string Answer = "Tavoitettu, tapaaminen sovittu.";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Thread_KelaAsksWithAFile_SocialServicesReadsAndAnswers()
    {
        var clientName = $"Viesti Asiakas {Guid.NewGuid().ToString("N")[..8]}";
        var identityCode = IdentityCodes.NewFictitious();

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var kela = handler.Page;
        var referralUrl = "";
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            referralUrl = await SendReferralWithoutConsentAsync(handler, clientName, identityCode);
            var thread = kela.GetByTestId("thread");
            await Expect(thread).ToHaveCountAsync(1);
            await Expect(thread.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Viestit: Helsingin kaupunki");
            await Expect(kela.GetByTestId("message-no-consent")).ToContainTextAsync("älä kuvaa viesteissä hänen tilannettaan");

            // A text file named .pdf is refused at once; the text stays.
            await thread.GetByTestId("message-text").FillAsync(Question);
            await thread.GetByTestId("message-files").SetInputFilesAsync(new FilePayload
            {
                Name = "x.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("ei oikea pdf"),
            });
            await Expect(thread.GetByTestId("message-files-error")).ToHaveTextAsync(
                "x.pdf: Vain PDF-, JPEG- ja PNG-tiedostot kelpaavat (tyyppi tarkistetaan sisällöstä).");
            await Expect(thread.GetByTestId("message-chosen-files")).ToHaveCountAsync(0);
            await Expect(thread.GetByTestId("message-text")).ToHaveValueAsync(Question);

            await thread.GetByTestId("message-files").SetInputFilesAsync(new FilePayload { Name = "kuva.png", MimeType = "image/png", Buffer = Png });
            await Expect(thread.GetByTestId("message-chosen-files")).ToContainTextAsync("kuva.png");
            await Expect(thread.GetByTestId("message-files-error")).ToHaveCountAsync(0);
            await handler.ScreenshotAsync("03-message-ready");
            // axe on the page as it stays, not on a snackbar fading out.
            await Expect(kela.Locator(".mud-snackbar")).ToHaveCountAsync(0);
            await _axe.CheckAsync(handler, "04-axe-message-ready");
            await thread.GetByTestId("send-message").ClickAsync();

            await Expect(kela.Locator(".mud-snackbar").GetByText("Viesti lähetetty.")).ToBeVisibleAsync();
            await Expect(thread.GetByTestId("message-body")).ToHaveTextAsync(Question);
            await Expect(thread.GetByTestId("message-read")).ToHaveTextAsync("Ei vielä luettu");
            await Expect(thread.GetByTestId("message-attachment")).ToHaveTextAsync("kuva.png");
            await Expect(thread.GetByTestId("message-text")).ToHaveValueAsync("");
            await Expect(thread.GetByTestId("message-chosen-files")).ToHaveCountAsync(0);
            await handler.ScreenshotAsync("05-message-sent");
        });

        await using var worker = await UserSession.OpenAsync(fixture, output, Test);
        var helsinki = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoLoginAsync();
            await worker.SignInAsync(DemoDataSeeder.WorkerHelsinki);
            await worker.GotoAsync(referralUrl);
            var thread = helsinki.GetByTestId("thread");
            await Expect(thread.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Viestit: Eteläinen vakuutuspiiri");
            await Expect(thread.GetByTestId("message-body")).ToHaveTextAsync(Question);
            await Expect(thread.GetByTestId("message-new")).ToHaveTextAsync("Uusi");
            await Expect(thread.GetByTestId("message-read")).ToHaveCountAsync(0);
            await worker.ScreenshotAsync("10-worker-sees-new-message");

            var download = await helsinki.RunAndWaitForDownloadAsync(() => thread.GetByTestId("message-attachment").ClickAsync());
            download.SuggestedFilename.ShouldBe("kuva.png");
            (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(Png);

            await thread.GetByTestId("message-text").FillAsync(Answer);
            await thread.GetByTestId("send-message").ClickAsync();
            await Expect(thread.GetByTestId("message-body")).ToHaveTextAsync([Question, Answer]);
            // The question stays marked new while the page is open.
            await Expect(thread.GetByTestId("message-new")).ToHaveCountAsync(1);
            await Expect(helsinki.Locator(".mud-snackbar")).ToHaveCountAsync(0);
            await _axe.CheckAsync(worker, "11-axe-worker-thread");
        });

        // The handler's page stayed open: the receipt and the answer arrive as they happen.
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            var thread = kela.GetByTestId("thread");
            await Expect(thread.GetByTestId("message-body")).ToHaveTextAsync([Question, Answer]);
            await Expect(thread.GetByTestId("message-read")).ToHaveTextAsync(new Regex($@"^Luettu \d{{1,2}}\.\d{{1,2}}\.\d{{4}} \d{{2}}:\d{{2}} \({DemoDataSeeder.WorkerHelsinki.DisplayName}\)$"));
            await Expect(thread.GetByTestId("message-new")).ToHaveCountAsync(1);
            await handler.ScreenshotAsync("20-handler-sees-receipt-and-answer");

            // Sending nothing: the message at the field, nothing sent.
            await thread.GetByTestId("send-message").ClickAsync();
            await Expect(thread.GetByText("Kirjoita viesti tai liitä tiedosto.")).ToBeVisibleAsync();
            await _axe.CheckAsync(handler, "21-axe-thread-with-error");
        });

        _axe.ShouldHaveNoViolations();
    }

    /// <summary>The handler opens a case for a Helsinki client, sends a referral without consent and opens it; returns its address.</summary>
    private static async Task<string> SendReferralWithoutConsentAsync(UserSession handler, string clientName, string identityCode)
    {
        var page = handler.Page;
        await handler.GotoLoginAsync();
        await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
        await CaseSteps.OpenNewCaseAsync(handler, clientName, identityCode, "01-new-case", "02-case-opened");
        await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);
        var form = page.GetByTestId("referral-form");
        await WholeFlowTests.ChooseGroundAsync(page, Ground);
        await form.GetByTestId("consent-no").ClickAsync();
        await form.GetByTestId("send-referral").ClickAsync();
        var referral = page.GetByTestId("case-referral");
        await Expect(referral).ToHaveCountAsync(1);
        await referral.GetByRole(AriaRole.Link, new() { Name = Ground }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ReferralPageUrl());
        await handler.WaitInteractiveAsync();
        return page.Url;
    }

    [GeneratedRegex("/referrals/[0-9a-f-]{36}$")]
    private static partial Regex ReferralPageUrl();
}
