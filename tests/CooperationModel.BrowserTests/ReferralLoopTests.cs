using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The referral loop in Chromium: Helsinki's worker acknowledges a referral, assesses and records the outcome, or returns
/// it to the right organiser; the Kela handler sees as much of the outcome as the client's consent allows. Also a second
/// referral while one is open, and axe on the referral page with its forms. The handler and the worker each have a browser
/// of their own, open side by side. Screenshots: ReferralLoop-NN-step.png (01–19 completion with consent, 20–39 without,
/// 40–59 re-routing, 60–79 repeat referral, 80– axe).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReferralLoopTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "ReferralLoop";
    private const string Ground = "Ilmeinen sosiaalihuollon tarve";
    private const string SecondGround = "Asiakas pyytää palvelutarpeen arviointia tai hyötyisi siitä";
    private const string Description = "Asiakas tarvitsee tukea asumiseen ja arjen hallintaan.";
    private const string AssessmentDone = "Palvelutarpeen arviointi tehty";
    private const string ClientPlan = "Palvelutarpeen arviointi ja asiakassuunnitelma";
    private const string NoNeedFound = "Tarvetta ei todettu";
    private const string WrongOrganiser = "Väärä järjestäjä";
    private const string WestUusimaa = "Länsi-Uudenmaan hyvinvointialue";
    private const string FeedbackWithheld =
        "Ilmoitus on vastaanotettu ja käsitelty. Asiakkaan suostumus ei kata lopputuloksen kertomista Kelalle.";
    private const string RepeatReasonRequired = "Asiakkaalla on jo avoin ilmoitus: kerro, miksi lähetät uuden.";

    private readonly AxeAudit _axe = new(output);

    /// <summary>
    /// The whole loop, the issue's acceptance test: sent; accepted; a message with an attachment each way (Kela asks with
    /// a PDF, Helsinki answers with a PNG, each downloads the other's file); completed; the handler is notified and sees
    /// the outcome, the plan, the named worker and how to reach them.
    /// </summary>
    [Fact]
    public async Task ReferralLoop_CompletedWithConsent_HandlerSeesOutcome()
    {
        var (clientName, identityCode) = NewClient();
        const string note = "Asiakassuunnitelma laadittu yhdessä asiakkaan kanssa; seuraava tapaaminen kuukauden päästä.";

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var caseUrl = "";
        var referralUrl = "";
        await handler.ScreenshotOnFailureAsync(async () =>
            caseUrl = await HandlerSendsReferralAsync(handler, clientName, identityCode, coversFeedback: true, first: 1));

        await using var worker = await UserSession.OpenAsync(fixture, output, Test);
        var page = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await WorkerOpensFromInboxAsync(worker, clientName, "05-received");
            await Expect(page.GetByTestId("consent-covers-feedback-text")).ToHaveTextAsync("Lopputuloksesta saa kertoa Kelalle (suostumus).");
            await WorkerAcceptsAsync(worker, "06-accepted");
            referralUrl = page.Url;
        });

        // Kela asks, with a PDF; Helsinki, whose page is open, sees it arrive as it happens, downloads the file and answers
        // with a PNG; Kela, whose page is open too, sees the answer arrive and downloads that.
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoAsync(referralUrl);
            await Expect(handler.Page.GetByTestId("named-worker-contact")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.Email);
            await SendMessageAsync(handler, Question, new FilePayload { Name = "liite.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await handler.ScreenshotAsync("06a-handler-asks-with-pdf");
        });
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            var thread = page.GetByTestId("thread");
            await Expect(thread.GetByTestId("message-body")).ToHaveTextAsync(Question);
            await Expect(thread.GetByTestId("message-new")).ToHaveCountAsync(1);
            await DownloadShouldBeAsync(page, thread.GetByTestId("message-attachment"), "liite.pdf", Pdf);
            await SendMessageAsync(worker, Answer, new FilePayload { Name = "kuva.png", MimeType = "image/png", Buffer = Png });
            await Expect(thread.GetByTestId("message-body")).ToHaveTextAsync([Question, Answer]);
            await worker.ScreenshotAsync("06b-worker-answers-with-png");
        });
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            var thread = handler.Page.GetByTestId("thread");
            await Expect(thread.GetByTestId("message-body")).ToHaveTextAsync([Question, Answer]);
            await Expect(thread.GetByTestId("message-new")).ToHaveCountAsync(1);
            await DownloadShouldBeAsync(handler.Page, thread.GetByTestId("message-attachment").Last, "kuva.png", Png);
            await handler.ScreenshotAsync("06c-handler-reads-answer");
        });

        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoAsync(referralUrl);

            // The service-need assessment starts: the button goes, the outcome form stays.
            await page.GetByTestId("start-assessment").ClickAsync();
            await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Arvioinnissa");
            await Expect(page.GetByTestId("start-assessment")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("complete-form")).ToBeVisibleAsync();
            await worker.ScreenshotAsync("07-assessment-started");

            // The outcome: an assessment, the client plan made, a note.
            var form = page.GetByTestId("complete-form");
            await Ui.ChooseAsync(page, form, "referral-outcome-select", AssessmentDone);
            await Ui.ChooseAsync(page, form, "referral-plan-select", ClientPlan);
            await form.GetByTestId("referral-note-input").FillAsync(note);
            await worker.ScreenshotAsync("08-outcome-filled");
            await form.GetByTestId("complete-referral").ClickAsync();

            // Completed: the forms go, the outcome shows, the timeline (newest first) has every step.
            await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Valmis");
            await Expect(page.GetByTestId("complete-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("return-form")).ToHaveCountAsync(0);
            await Expect(page.Locator(".mud-snackbar").GetByText("Tallennettu.")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("referral-outcome")).ToHaveTextAsync($"Lopputulos: {AssessmentDone} – {ClientPlan}");
            await Expect(page.GetByTestId("referral-note")).ToHaveTextAsync(note);
            await Expect(TimelineEntries(page)).ToHaveTextAsync(
            [
                $"Valmis: {AssessmentDone} – {ClientPlan}", "Arviointi aloitettu", "Otettu työn alle", "Vastaanotettu", $"Lähetetty: {Ground}",
            ]);
            await worker.ScreenshotAsync("09-completed-timeline");
        });

        // The handler, on the case page: done, who the named worker was, the outcome and plan, the note.
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            var casePage = handler.Page;
            await handler.GotoAsync(caseUrl);
            var referral = casePage.GetByTestId("case-referral");
            await Expect(referral).ToHaveCountAsync(1);
            await Expect(referral.GetByTestId("referral-status")).ToHaveTextAsync("Valmis");
            await Expect(referral.GetByTestId("named-worker")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
            await Expect(referral.GetByTestId("referral-outcome")).ToHaveTextAsync($"Lopputulos: {AssessmentDone} – {ClientPlan}");
            await Expect(referral.GetByTestId("referral-note")).ToHaveTextAsync(note);
            await Expect(referral.GetByTestId("feedback-withheld")).ToHaveCountAsync(0);
            // Told of the feedback by the bell: a count and a link, no client data.
            await Expect(casePage.GetByTestId("nav-notifications")).Not.ToHaveAttributeAsync("data-count", "0");
            await handler.ScreenshotAsync("10-handler-sees-outcome");
        });
    }

    private const string Question = "Onko asiakas jo tavoitettu? Liitteenä Kelan selvitys.";
    private const string Answer = "Tavoitettu; liitteenä ajanvarausvahvistus.";
    private static readonly byte[] Pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>Writes in the page's one thread, with a file, and sends.</summary>
    private static async Task SendMessageAsync(UserSession session, string text, FilePayload file)
    {
        var thread = session.Page.GetByTestId("thread");
        await thread.GetByTestId("message-text").FillAsync(text);
        await thread.GetByTestId("message-files").SetInputFilesAsync(file);
        await Expect(thread.GetByTestId("message-chosen-files")).ToContainTextAsync(file.Name);
        await thread.GetByTestId("send-message").ClickAsync();
        await Expect(thread.GetByTestId("message-body").Last).ToHaveTextAsync(text);
        await Expect(thread.GetByTestId("message-text")).ToHaveValueAsync("");
    }

    private static async Task DownloadShouldBeAsync(IPage page, ILocator link, string fileName, byte[] content)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe(fileName);
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(content);
    }

    [Fact]
    public async Task ReferralLoop_WithoutFeedbackConsent_HandlerSeesOnlyHandled()
    {
        var (clientName, identityCode) = NewClient();
        const string note = "Asiakas pärjää nykyisten palvelujen turvin.";

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var caseUrl = "";
        await handler.ScreenshotOnFailureAsync(async () =>
            caseUrl = await HandlerSendsReferralAsync(handler, clientName, identityCode, coversFeedback: false, first: 20));

        await using var worker = await UserSession.OpenAsync(fixture, output, Test);
        var page = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await WorkerOpensFromInboxAsync(worker, clientName, "24-received");
            await Expect(page.GetByTestId("consent-covers-feedback-text")).ToHaveTextAsync("Kelalle kerrotaan vain, että ilmoitus on käsitelty.");
            await WorkerAcceptsAsync(worker, "25-accepted");
            await page.GetByTestId("start-assessment").ClickAsync();
            await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Arvioinnissa");

            // No need found: no plan to choose.
            var form = page.GetByTestId("complete-form");
            await Ui.ChooseAsync(page, form, "referral-outcome-select", NoNeedFound);
            await Expect(form.GetByTestId("referral-plan-select")).ToHaveCountAsync(0);
            await form.GetByTestId("referral-note-input").FillAsync(note);
            await worker.ScreenshotAsync("26-outcome-filled");
            await form.GetByTestId("complete-referral").ClickAsync();
            await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Valmis");
            // The receiver sees its own outcome in full.
            await Expect(page.GetByTestId("referral-outcome")).ToHaveTextAsync($"Lopputulos: {NoNeedFound}");
            await Expect(TimelineEntries(page).First).ToHaveTextAsync($"Valmis: {NoNeedFound}");
            await worker.ScreenshotAsync("27-completed");
        });

        // The handler: received and handled, and nothing of the outcome or the note, neither on the case nor on the referral.
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            var casePage = handler.Page;
            await handler.GotoAsync(caseUrl);
            var referral = casePage.GetByTestId("case-referral");
            await Expect(referral).ToHaveCountAsync(1);
            await Expect(referral.GetByTestId("referral-status")).ToHaveTextAsync("Valmis");
            await Expect(referral.GetByTestId("feedback-withheld")).ToHaveTextAsync(FeedbackWithheld);
            await Expect(referral.GetByTestId("referral-outcome")).ToHaveCountAsync(0);
            await Expect(referral.GetByTestId("referral-note")).ToHaveCountAsync(0);
            await Expect(casePage.Locator("body")).Not.ToContainTextAsync(NoNeedFound);
            await Expect(casePage.Locator("body")).Not.ToContainTextAsync(note);
            await handler.ScreenshotAsync("28-handler-sees-only-handled");

            await referral.GetByRole(AriaRole.Link, new() { Name = Ground }).ClickAsync();
            await Expect(casePage).ToHaveURLAsync(ReferralPageUrl());
            await Expect(casePage.GetByTestId("feedback-withheld")).ToHaveTextAsync(FeedbackWithheld);
            await Expect(TimelineEntries(casePage).First).ToHaveTextAsync("Valmis");
            await Expect(casePage.GetByTestId("referral-outcome")).ToHaveCountAsync(0);
            await Expect(casePage.Locator("body")).Not.ToContainTextAsync(NoNeedFound);
            await Expect(casePage.Locator("body")).Not.ToContainTextAsync(note);
            await handler.ScreenshotAsync("29-handler-referral-page");
        });
    }

    [Fact]
    public async Task ReferralLoop_WrongOrganiser_ReroutedToEspoo()
    {
        var (clientName, identityCode) = NewClient();

        // Consent without feedback: a wrong organiser is no finding about the client, so Kela is told anyway.
        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var caseUrl = "";
        await handler.ScreenshotOnFailureAsync(async () =>
            caseUrl = await HandlerSendsReferralAsync(handler, clientName, identityCode, coversFeedback: false, first: 40));

        await using var worker = await UserSession.OpenAsync(fixture, output, Test);
        var page = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await WorkerOpensFromInboxAsync(worker, clientName, "44-received");
            var referralUrl = page.Url;
            await Expect(page.GetByTestId("complete-form")).ToHaveCountAsync(0);

            // "Väärä järjestäjä" asks for the client's actual home municipality.
            var form = page.GetByTestId("return-form");
            await Ui.ChooseAsync(page, form, "return-reason-select", WrongOrganiser);
            var picker = form.GetByTestId("municipality-picker");
            await Expect(picker).ToBeVisibleAsync();
            await form.GetByTestId("return-referral").ClickAsync();
            await Expect(form.GetByText("Valitse asiakkaan oikea kotikunta, jotta ilmoitus ohjautuu oikealle järjestäjälle.")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Vastaanotettu");
            await worker.ScreenshotAsync("45-municipality-required");

            await picker.FillAsync("Espoo");
            await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Espoo (049)" }).ClickAsync();
            await Expect(picker).ToHaveValueAsync("Espoo (049)");
            await form.GetByTestId("return-note-input").FillAsync("Asiakas on muuttanut Espooseen.");
            await worker.ScreenshotAsync("46-return-filled");
            await form.GetByTestId("return-referral").ClickAsync();

            // Re-routed: back to the inbox, and the referral is no longer Helsinki's to see.
            await Expect(page).ToHaveURLAsync(InboxUrl());
            await Expect(page.Locator(".mud-snackbar").GetByText("Ilmoitus ohjattiin oikealle järjestäjälle.")).ToBeVisibleAsync();
            var inbox = page.GetByTestId("inbox-table");
            await page.GetByTestId("inbox-search").FillAsync(clientName);
            await Expect(inbox.GetByText("Ei saapuneita ilmoituksia.")).ToBeVisibleAsync();
            await Expect(inbox).Not.ToContainTextAsync(clientName);
            await worker.ScreenshotAsync("47-inbox-without-it");
            await worker.GotoAsync(referralUrl);
            await Expect(page.GetByTestId("not-found")).ToHaveTextAsync("Ilmoitusta ei löytynyt.");
            await worker.ScreenshotAsync("48-referral-not-found");
        });

        await handler.ScreenshotOnFailureAsync(async () =>
        {
            var casePage = handler.Page;
            await handler.GotoAsync(caseUrl);
            var referral = casePage.GetByTestId("case-referral");
            await Expect(referral).ToHaveCountAsync(1);
            // Sent again, now to the organiser of Espoo; nobody there has taken it yet.
            await Expect(referral.GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
            await Expect(referral.GetByTestId("named-worker")).ToHaveCountAsync(0);
            await handler.ScreenshotAsync("49-handler-case-rerouted");

            // The referral page: the new receiver and municipality, and the re-routing on the timeline.
            await referral.GetByRole(AriaRole.Link, new() { Name = Ground }).ClickAsync();
            await Expect(casePage).ToHaveURLAsync(ReferralPageUrl());
            await Expect(Detail(casePage, "Vastaanottaja")).ToHaveTextAsync(WestUusimaa);
            await Expect(Detail(casePage, "Kotikunta")).ToHaveTextAsync("Espoo");
            await Expect(TimelineEntries(casePage).First).ToHaveTextAsync("Ohjattu uudelleen kuntaan: Espoo");
            await handler.ScreenshotAsync("50-handler-referral-rerouted");

            // Why it came back: on the case, and on the referral's timeline.
            await handler.GotoAsync(caseUrl);
            await Expect(referral.GetByTestId("referral-return-reason")).ToHaveTextAsync($"Palautuksen syy: {WrongOrganiser}");
            await handler.ScreenshotAsync("51-handler-sees-return-reason");
            await referral.GetByRole(AriaRole.Link, new() { Name = Ground }).ClickAsync();
            await Expect(casePage).ToHaveURLAsync(ReferralPageUrl());
            await Expect(TimelineEntries(casePage)).ToHaveTextAsync(
            [
                "Ohjattu uudelleen kuntaan: Espoo", $"Palautettu: {WrongOrganiser}", "Vastaanotettu", $"Lähetetty: {Ground}",
            ]);
        });
    }

    [Fact]
    public async Task Referral_SecondWhileOpen_AsksForReason()
    {
        var (clientName, identityCode) = NewClient();
        const string secondDescription = "Asiakas pyytää itse arviointia; tilanne on muuttunut ensimmäisen ilmoituksen jälkeen.";
        const string reason = "Tilanne on muuttunut: asiakas on menettänyt asuntonsa.";

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        var caseUrl = "";
        await handler.ScreenshotOnFailureAsync(async () =>
            caseUrl = await HandlerSendsReferralAsync(handler, clientName, identityCode, coversFeedback: true, first: 60));

        // Helsinki's worker takes the first one: it is open, with a named worker.
        await using (var worker = await UserSession.OpenAsync(fixture, output, Test))
        {
            await worker.ScreenshotOnFailureAsync(async () =>
            {
                await WorkerOpensFromInboxAsync(worker, clientName, "64-received");
                await WorkerAcceptsAsync(worker, "65-accepted");
            });
        }

        var page = handler.Page;
        await handler.ScreenshotOnFailureAsync(async () =>
        {
            await handler.GotoAsync(caseUrl);
            await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);
            var form = page.GetByTestId("referral-form");
            var warning = form.GetByTestId("open-referral-warning");
            await Expect(warning).ToContainTextAsync(
                $"Asiakkaalla on jo avoin ilmoitus (tila: Otettu työn alle, omatyöntekijä: {DemoDataSeeder.WorkerHelsinki.DisplayName}).");
            await Expect(form.GetByTestId("repeat-reason")).ToBeVisibleAsync();
            await handler.ScreenshotAsync("66-open-referral-warning");

            // Without a reason: refused, with the message at the reason, and what was typed stays.
            await WholeFlowTests.ChooseGroundAsync(page, SecondGround);
            await form.GetByTestId("consent-yes").ClickAsync();
            await form.GetByTestId("consent-method-Phone").ClickAsync();
            await form.GetByTestId("referral-description").FillAsync(secondDescription);
            await form.GetByTestId("send-referral").ClickAsync();
            await Expect(form.GetByText(RepeatReasonRequired)).ToBeVisibleAsync();
            await Expect(form.GetByTestId("referral-ground")).ToHaveTextAsync(SecondGround);
            await Expect(form.GetByTestId("consent-yes")).ToBeCheckedAsync();
            await Expect(form.GetByTestId("consent-method-Phone")).ToBeCheckedAsync();
            await Expect(form.GetByTestId("referral-description")).ToHaveValueAsync(secondDescription);
            await Expect(page.GetByTestId("case-referral")).ToHaveCountAsync(1);
            await handler.ScreenshotAsync("67-reason-required");

            // With a reason: sent; the reason goes with the referral.
            await form.GetByTestId("repeat-reason").FillAsync(reason);
            await Expect(form.GetByTestId("referral-description")).ToHaveValueAsync(secondDescription);
            await form.GetByTestId("send-referral").ClickAsync();
            await Expect(page.GetByTestId("case-referral")).ToHaveCountAsync(2);
            await Expect(page.Locator(".mud-snackbar").GetByText("Ilmoitus lähetetty.")).ToBeVisibleAsync();
            var second = page.GetByTestId("case-referral").Filter(new() { HasText = SecondGround });
            await Expect(second.GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
            await Expect(form.GetByTestId("referral-description")).ToHaveValueAsync("");
            await handler.ScreenshotAsync("68-second-referral-sent");

            await second.GetByRole(AriaRole.Link, new() { Name = SecondGround }).ClickAsync();
            await Expect(page).ToHaveURLAsync(ReferralPageUrl());
            await Expect(page.GetByTestId("repeat-reason-text")).ToHaveTextAsync($"Miksi uusi ilmoitus?: {reason}");
            await handler.ScreenshotAsync("69-second-referral-page");
        });
    }

    [Fact]
    public async Task ReferralLoop_Axe_CompleteAndReturnForms_NoSeriousOrCriticalViolations()
    {
        var (clientName, identityCode) = NewClient();

        await using var handler = await UserSession.OpenAsync(fixture, output, Test);
        await handler.ScreenshotOnFailureAsync(async () =>
            await HandlerSendsReferralAsync(handler, clientName, identityCode, coversFeedback: true, first: 80));

        await using var worker = await UserSession.OpenAsync(fixture, output, Test);
        var page = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await WorkerOpensFromInboxAsync(worker, clientName, "84-received");
            await WorkerAcceptsAsync(worker, "85-accepted");
            // The "accepted" snackbar gone first: axe would otherwise catch it half faded on a slow run (a contrast failure).
            await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
            await _axe.CheckAsync(worker, "86-axe-complete-and-return-forms");

            // Both forms sent empty: their messages at the fields.
            await page.GetByTestId("complete-referral").ClickAsync();
            await Expect(page.GetByTestId("complete-form").GetByText("Valitse lopputulos.")).ToBeVisibleAsync();
            await page.GetByTestId("return-referral").ClickAsync();
            await Expect(page.GetByTestId("return-form").GetByText("Valitse palautuksen syy.")).ToBeVisibleAsync();
            await _axe.CheckAsync(worker, "87-axe-forms-with-errors");

            // Every field shown: the plan under the assessment, the municipality picker under a wrong organiser.
            await Ui.ChooseAsync(page, page.GetByTestId("complete-form"), "referral-outcome-select", AssessmentDone);
            await Expect(page.GetByTestId("complete-form").GetByTestId("referral-plan-select")).ToBeVisibleAsync();
            await Ui.ChooseAsync(page, page.GetByTestId("return-form"), "return-reason-select", WrongOrganiser);
            await Expect(page.GetByTestId("return-form").GetByTestId("municipality-picker")).ToBeVisibleAsync();
            await _axe.CheckAsync(worker, "88-axe-forms-every-field");
        });

        _axe.ShouldHaveNoViolations();
    }

    /// <summary>
    /// The handler signs in, opens a case for a Helsinki client and sends a referral with consent (and, if asked, consent to
    /// feedback) and a description. Screenshots numbered from <paramref name="first"/>. Returns the case's address.
    /// </summary>
    private static async Task<string> HandlerSendsReferralAsync(UserSession handler, string clientName, string identityCode, bool coversFeedback, int first)
    {
        var page = handler.Page;
        await handler.GotoLoginAsync();
        await CaseSteps.SignInToWorkspaceAsync(handler, DemoDataSeeder.HandlerSouth);
        var caseUrl = await CaseSteps.OpenNewCaseAsync(handler, clientName, identityCode, Step(first, "new-case-filled"), Step(first + 1, "case-opened"));

        await Ui.OpenTabAsync(page, CaseSteps.TabNewReferral);
        var form = page.GetByTestId("referral-form");
        await Expect(form.GetByTestId("open-referral-warning")).ToHaveCountAsync(0);
        await WholeFlowTests.ChooseGroundAsync(page, Ground);
        // The feedback checkbox belongs to a consent: it appears only once consent is given, unticked.
        await Expect(form.GetByTestId("consent-covers-feedback")).ToHaveCountAsync(0);
        await form.GetByTestId("consent-yes").ClickAsync();
        await Expect(form.GetByTestId("consent-yes")).ToBeCheckedAsync();
        await form.GetByTestId("consent-method-InPerson").ClickAsync();
        await Expect(form.GetByTestId("consent-method-InPerson")).ToBeCheckedAsync();
        var covers = form.GetByTestId("consent-covers-feedback");
        await Expect(covers).Not.ToBeCheckedAsync();
        if (coversFeedback)
        {
            await covers.CheckAsync();
            await Expect(covers).ToBeCheckedAsync();
        }

        await Expect(form.GetByText("Asiakas suostuu siihen, että lopputuloksesta kerrotaan Kelalle")).ToBeVisibleAsync();
        await form.GetByTestId("referral-description").FillAsync(Description);
        await handler.ScreenshotAsync(Step(first + 2, coversFeedback ? "referral-ready-covers-feedback" : "referral-ready-no-feedback"));
        await form.GetByTestId("send-referral").ClickAsync();

        var referral = page.GetByTestId("case-referral");
        await Expect(referral).ToHaveCountAsync(1);
        await Expect(referral.GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
        await Expect(page.Locator(".mud-snackbar").GetByText("Ilmoitus lähetetty.")).ToBeVisibleAsync();
        await handler.ScreenshotAsync(Step(first + 3, "referral-sent"));
        return caseUrl;
    }

    /// <summary>Helsinki's worker signs in, finds the client in the inbox and opens the referral (which marks it received).</summary>
    private static async Task WorkerOpensFromInboxAsync(UserSession worker, string clientName, string step)
    {
        var page = worker.Page;
        await worker.GotoLoginAsync();
        await worker.SignInAsync(DemoDataSeeder.WorkerHelsinki);
        await Expect(page).ToHaveURLAsync(InboxUrl());
        await page.GetByTestId("inbox-search").FillAsync(clientName);
        var row = page.GetByTestId("inbox-table").Locator("tbody tr").Filter(new() { HasText = clientName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("referral-status")).ToHaveTextAsync("Lähetetty");
        await row.GetByRole(AriaRole.Link, new() { Name = clientName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ReferralPageUrl());
        await Expect(page.GetByTestId("referral-client-name")).ToHaveTextAsync(clientName);
        await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Vastaanotettu");
        await Expect(page.GetByTestId("referral-description-text")).ToHaveTextAsync(Description);
        // A received referral can be returned at once, but its outcome is recorded only once someone has taken it.
        await Expect(page.GetByTestId("return-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("start-assessment")).ToHaveCountAsync(0);
        await worker.ScreenshotAsync(step);
    }

    /// <summary>The worker acknowledges the referral: named worker, and the assessment and both forms on offer.</summary>
    private static async Task WorkerAcceptsAsync(UserSession worker, string step)
    {
        var page = worker.Page;
        await page.GetByTestId("accept-referral").ClickAsync();
        await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Otettu työn alle");
        await Expect(page.GetByTestId("named-worker")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
        await Expect(page.GetByTestId("accept-referral")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("start-assessment")).ToHaveTextAsync("Aloita palvelutarpeen arviointi");
        await Expect(page.GetByTestId("complete-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("return-form")).ToBeVisibleAsync();
        await worker.ScreenshotAsync(step);
    }

    /// <summary>The "what" of each timeline entry (newest first): the event, and its detail after a colon.</summary>
    private static ILocator TimelineEntries(IPage page) => page.GetByTestId("referral-timeline").Locator("li .what");

    /// <summary>
    /// A value of the referral page's details list by its label. The list has no test ids (except a few), so the
    /// <c>dd</c> right after the <c>dt</c> with exactly that text.
    /// </summary>
    private static ILocator Detail(IPage page, string label) =>
        page.Locator("dl.details dt").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") })
            .Locator("xpath=following-sibling::dd[1]");

    private (string Name, string IdentityCode) NewClient()
    {
        var client = ($"Testi Asiakas {Guid.NewGuid().ToString("N")[..8]}", IdentityCodes.NewFictitious());
        output.WriteLine($"client: {client.Item1}, {client.Item2}");
        return client;
    }

    private static string Step(int number, string name) => $"{number:00}-{name}";

    [GeneratedRegex("/inbox$")]
    private static partial Regex InboxUrl();

    [GeneratedRegex("/referrals/[0-9a-f-]{36}$")]
    private static partial Regex ReferralPageUrl();
}
