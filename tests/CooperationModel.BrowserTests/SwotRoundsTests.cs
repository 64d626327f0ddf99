using System.Text;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// A coordinator records a new analysis round in the browser: the rounds page, the round editor (a workshop, a theme, a
/// finding with an identity code refused), a bad file's errors by row and column, a good file imported, and the shipped
/// 2022 round read-only; axe on every page (no violation of any impact). The round stays a draft, so the matrix' default
/// (and the other tests' counts) stay 2022.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SwotRoundsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "SwotRounds";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Coordinator_RecordsARound_AndImportsItsFindings()
    {
        var code = $"b{Guid.NewGuid().ToString("N")[..8]}";
        await using var coordinator = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.Coordinator);
        var page = coordinator.Page;
        await coordinator.ScreenshotOnFailureAsync(async () =>
        {
            await coordinator.GotoAsync("coordination/swot/rounds");
            await Expect(page.Locator($"[data-testid=swot-round][data-code=\"2022\"]")).ToBeVisibleAsync();
            await _axe.CheckAsync(coordinator, "01-rounds");

            // A round needs its fields; the refusal keeps what was typed.
            await page.GetByTestId("swot-round-code").FillAsync(code);
            await page.GetByTestId("swot-round-create").ClickAsync();
            await Expect(page.GetByText("Anna otsikko.")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("swot-round-code")).ToHaveValueAsync(code);
            await _axe.CheckAsync(coordinator, "02-round-refused");
            await page.GetByTestId("swot-round-title").FillAsync("Kevään 2025 työpajat");
            await page.GetByTestId("swot-round-month").FillAsync("2025-05");
            await page.GetByTestId("swot-round-create").ClickAsync();
            await Expect(page.GetByTestId("swot-round-name")).ToHaveTextAsync("Kevään 2025 työpajat");
            await coordinator.WaitInteractiveAsync();
            await _axe.CheckAsync(coordinator, "03-editor");

            await page.GetByTestId("swot-workshop-code").FillAsync("etelainen");
            await page.GetByTestId("swot-workshop-district").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByTestId("swot-workshop-month").FillAsync("2025-05");
            await page.GetByTestId("swot-workshop-save").ClickAsync();
            await Expect(page.GetByTestId("swot-workshop-item")).ToHaveCountAsync(1);

            await page.GetByTestId("swot-theme-name").FillAsync("Huoli-ilmoitukset");
            await page.GetByTestId("swot-theme-stage").SelectOptionAsync(new SelectOptionValue { Index = 5 });
            await page.GetByTestId("swot-theme-save").ClickAsync();
            await Expect(page.GetByTestId("swot-theme-item")).ToHaveCountAsync(1);

            await page.GetByTestId("swot-finding-theme").SelectOptionAsync(new SelectOptionValue { Label = "Huoli-ilmoitukset" });
            await page.GetByTestId("swot-finding-kind").SelectOptionAsync(new SelectOptionValue { Label = "Heikkoudet" });
            await page.GetByTestId("swot-finding-text").FillAsync("Asiakas 010190-900P jäi ilman");
            await page.GetByTestId("swot-finding-save").ClickAsync();
            await Expect(page.GetByText("Tekstissä on henkilötunnus.", new() { Exact = false })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("swot-round-finding")).ToHaveCountAsync(0);
            await _axe.CheckAsync(coordinator, "04-finding-refused");
            await page.GetByTestId("swot-finding-text").FillAsync("Palaute Kelaan puuttuu");
            await page.GetByTestId("swot-finding-save").ClickAsync();
            await Expect(page.GetByTestId("swot-round-finding")).ToHaveCountAsync(1);

            // A bad file: every error by row and column, nothing imported.
            await page.GetByTestId("swot-import").SetInputFilesAsync(Csv("bad.csv",
                "W1;Huoli-ilmoitukset;ReferralToSocialWork;W;Sama tunnus kuin jo on;;;",
                "S1;Huoli-ilmoitukset;ReferralToSocialWork;X;Hyvä;;itainen;"));
            await Expect(page.GetByTestId("swot-import-error")).ToHaveCountAsync(3);
            await Expect(page.GetByTestId("swot-import-message")).ToContainTextAsync("Mitään ei tuotu");
            await Expect(page.GetByTestId("swot-round-finding")).ToHaveCountAsync(1);
            await _axe.CheckAsync(coordinator, "05-import-errors");

            await page.GetByTestId("swot-import").SetInputFilesAsync(Csv("good.csv",
                "S1;Huoli-ilmoitukset;ReferralToSocialWork;S;Yhteinen lomake toimii;ensimmäinen\ntoinen;etelainen;muistio",
                "O1;Uusi teema;Decision;O;Yhteinen koulutus;;;"));
            await Expect(page.GetByTestId("swot-import-message")).ToContainTextAsync("Tuotiin 2 havaintoa.");
            await Expect(page.GetByTestId("swot-round-finding")).ToHaveCountAsync(3);
            await Expect(page.GetByTestId("swot-theme-item")).ToHaveCountAsync(2);
            await _axe.CheckAsync(coordinator, "06-imported");

            // The matrix offers the round; the shipped round is read-only.
            await coordinator.GotoAsync("coordination/swot");
            await page.GetByTestId("swot-round").SelectOptionAsync(new SelectOptionValue { Label = "Kevään 2025 työpajat (5/2025, luonnos)" });
            await Expect(page.GetByTestId("swot-total")).ToContainTextAsync("3");
            await _axe.CheckAsync(coordinator, "07-matrix-round");
            await coordinator.GotoAsync("coordination/swot/round?code=2022");
            await Expect(page.GetByTestId("swot-round-readonly")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("swot-round-finding")).ToHaveCountAsync(52);
            await _axe.CheckAsync(coordinator, "08-shipped");
        });

        _axe.ShouldHaveNoViolations();
    }

    private static FilePayload Csv(string name, params string[] rows)
    {
        var text = new StringBuilder("code;theme;stage;kind;text;sub_points;workshops;source\r\n");
        foreach (var row in rows)
        {
            // A cell with a line break is quoted, as a spreadsheet writes it.
            text.AppendJoin(';', row.Split(';').Select(c => c.Contains('\n') ? $"\"{c}\"" : c)).Append("\r\n");
        }

        return new FilePayload { Name = name, MimeType = "text/csv", Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())] };
    }
}
