using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// A joint meeting end to end: the southern handler records a meeting with Helsinki and a follow-up Helsinki owns; the
/// Helsinki social worker finds the follow-up among the organisation's open ones, marks it done on the meeting's page, and
/// opens the printable minutes; the northern handler does not find the meeting. Axe on every new page, zero violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MeetingsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Meetings";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Handler_RecordsAMeetingWithAFollowUp_HelsinkiMarksItDone_AndPrintsTheMinutes()
    {
        var title = $"Yhteistapaaminen {Guid.NewGuid():N}"[..32];
        var followUp = $"Yhteystiedot päivitetään {Guid.NewGuid():N}"[..34];

        await using (var handler = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.HandlerSouth))
        {
            var page = handler.Page;
            await handler.ScreenshotOnFailureAsync(async () =>
            {
                await handler.GotoAsync("meetings");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yhteistyötapaamiset", Level = 1 })).ToBeVisibleAsync();
                await _axe.CheckAsync(handler, "01-meetings");

                await page.GetByTestId("meeting-new").ClickAsync();
                var form = page.GetByTestId("meeting-form");
                await Ui.TypeDateAsync(form, "meeting-date", Ui.Today.AddDays(-1));
                await form.GetByTestId("meeting-time").FillAsync("13.30");
                await Ui.ChooseAsync(page, form, "meeting-type", "Yhteistapaaminen");
                await form.GetByTestId("meeting-participant-choice").SelectOptionAsync(new SelectOptionValue { Label = "Helsingin kaupunki" });
                await form.GetByTestId("meeting-participant-add").ClickAsync();
                await Expect(form.GetByTestId("meeting-participant")).ToHaveCountAsync(2);
                await form.GetByTestId("meeting-title").FillAsync(title);
                await form.GetByTestId("meeting-agenda").FillAsync("1. Ohjaus\n2. Palautteet");
                await form.GetByTestId("meeting-minutes").FillAsync("Asiakas 010190-900P kertoi asiastaan.");
                // The fields' transitions (a tint fading after the typing) must end first: axe measured the counter mid-fade.
                await page.EvaluateAsync("() => Promise.allSettled(document.getAnimations().filter(a => a.effect?.getTiming().iterations !== Infinity).map(a => a.finished))");
                await _axe.CheckAsync(handler, "02-meeting-form");
                await form.GetByTestId("meeting-save").ClickAsync();
                // The minutes never name a client: refused at the field, the text kept.
                await Expect(form.GetByText("Tekstissä on henkilötunnus.", new() { Exact = false })).ToBeVisibleAsync();
                await Expect(form.GetByTestId("meeting-minutes")).ToHaveValueAsync("Asiakas 010190-900P kertoi asiastaan.");
                await form.GetByTestId("meeting-minutes").FillAsync("Käytiin läpi syksyn huoli-ilmoitukset.");
                await form.GetByTestId("meeting-decisions").FillAsync("Yhteystiedot päivitetään\nSeuraava tapaaminen keväällä");
                await form.GetByTestId("meeting-save").ClickAsync();

                await Expect(page.GetByTestId("meeting-title-shown")).ToHaveTextAsync(title);
                await Expect(page.GetByTestId("meeting-participants-shown")).ToContainTextAsync("Helsingin kaupunki");
                var followUpForm = page.GetByTestId("follow-up-form");
                await followUpForm.GetByTestId("follow-up-text").FillAsync(followUp);
                await followUpForm.GetByTestId("follow-up-owner").SelectOptionAsync(new SelectOptionValue { Label = "Helsingin kaupunki" });
                await Ui.TypeDateAsync(followUpForm, "follow-up-due", Ui.Today.AddDays(7));
                await followUpForm.GetByTestId("follow-up-add").ClickAsync();
                var row = page.GetByTestId("follow-up-row").Filter(new() { HasText = followUp });
                await Expect(row.GetByTestId("follow-up-state")).ToHaveTextAsync("Avoin");
                // The district does not own it: no button to mark it.
                await Expect(row.GetByTestId("follow-up-done")).ToHaveCountAsync(0);
                await _axe.CheckAsync(handler, "03-meeting");
            });
        }

        var meetingPath = await MeetingPathAsync(title);
        await using (var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki))
        {
            var page = worker.Page;
            await worker.ScreenshotOnFailureAsync(async () =>
            {
                await worker.GotoAsync("meetings");
                var open = page.GetByTestId("open-follow-ups").GetByTestId("follow-up-row").Filter(new() { HasText = followUp });
                await Expect(open).ToHaveCountAsync(1);
                await open.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
                await Expect(page.GetByTestId("meeting-title-shown")).ToHaveTextAsync(title);
                var row = page.GetByTestId("follow-up-row").Filter(new() { HasText = followUp });
                await row.GetByTestId("follow-up-done").ClickAsync();
                await Expect(row.GetByTestId("follow-up-state")).ToContainTextAsync("Tehty");
                await Expect(row.GetByTestId("follow-up-state")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
                await _axe.CheckAsync(worker, "04-meeting-done");

                await page.GetByTestId("meeting-minutes-link").ClickAsync();
                await Expect(page.GetByTestId("minutes-title")).ToHaveTextAsync(title);
                await Expect(page.GetByTestId("meeting-decisions-shown").Locator("li")).ToHaveTextAsync(["Yhteystiedot päivitetään", "Seuraava tapaaminen keväällä"]);
                await Expect(page.GetByTestId("minutes-follow-ups")).ToContainTextAsync(followUp);
                await Expect(page.GetByTestId("minutes-print")).ToBeVisibleAsync();
                await _axe.CheckAsync(worker, "05-minutes");

                // In print: the facts stay, the app bar and the buttons go.
                await page.EmulateMediaAsync(new() { Media = Media.Print });
                await Expect(page.Locator("header.mud-appbar")).ToBeHiddenAsync();
                await Expect(page.GetByTestId("minutes-print")).ToBeHiddenAsync();
                await Expect(page.GetByTestId("meeting-minutes-page")).ToBeVisibleAsync();
                await page.EmulateMediaAsync(new() { Media = Media.Screen });

                // The print button opens the browser's print dialog through the module (window.print stubbed here).
                await page.EvaluateAsync("() => { window.print = () => { document.body.dataset.printed = 'yes'; }; }");
                await page.GetByTestId("minutes-print").ClickAsync();
                await Expect(page.Locator("body")).ToHaveAttributeAsync("data-printed", "yes");
            });
        }

        await using (var outsider = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.HandlerNorth))
        {
            await outsider.ScreenshotOnFailureAsync(async () =>
            {
                await outsider.GotoAsync(meetingPath);
                await Expect(outsider.Page.GetByTestId("meeting-not-found")).ToBeVisibleAsync();
                await Expect(outsider.Page.GetByText(title)).ToHaveCountAsync(0);
            });
        }

        _axe.ShouldHaveNoViolations();
    }

    /// <summary>The meeting's page, found by its title in the southern handler's list (the first session's page is closed).</summary>
    private async Task<string> MeetingPathAsync(string title)
    {
        await using var handler = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.HandlerSouth);
        await handler.GotoAsync("meetings");
        var href = await handler.Page.GetByTestId("meetings-table").GetByRole(AriaRole.Link, new() { Name = title }).GetAttributeAsync("href");
        return MeetingLink().Match(href ?? "").Value;
    }

    [GeneratedRegex("meetings/[0-9a-f-]{36}")]
    private static partial Regex MeetingLink();
}
