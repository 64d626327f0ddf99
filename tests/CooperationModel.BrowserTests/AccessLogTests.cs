using CooperationModel.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The organisation admin reads the access log in a real browser: a social worker's search in the inbox shows the demo
/// client, the admin finds that list hit by the client's identity code (a wrong code is refused at the field and kept as
/// typed), and opens the client's own log report in Finnish. axe on the page. Screenshots: AccessLog-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessLogTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "AccessLog";

    /// <summary>A demo client of the southern district, referred to Helsinki (DemoDataSeeder).</summary>
    private const string ClientName = "Maija Meikäläinen";
    private const string IdentityCode = "010190-900P";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task AccessLog_AdminSearchesAClient_FindsTheWorkersListHitAndOpensTheReport()
    {
        await using (var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki))
        {
            await worker.GotoAsync("inbox");
            await worker.Page.GetByTestId("inbox-search").FillAsync(ClientName);
            await Expect(worker.Page.GetByTestId("inbox-table")).ToContainTextAsync(ClientName);
        }

        await using var admin = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.AdminHelsinki);
        var page = admin.Page;
        await admin.ScreenshotOnFailureAsync(async () =>
        {
            await page.GetByTestId("nav-access-log").ClickAsync();
            await Expect(page.GetByTestId("log-search")).ToBeVisibleAsync();
            await _axe.CheckAsync(admin, "01-axe-access-log");

            // A mistyped code: the field says why, and keeps what was typed.
            await page.GetByTestId("log-client").FillAsync("010190-900X");
            await page.GetByTestId("log-search").ClickAsync();
            await Expect(page.GetByText("Henkilötunnuksen tarkistusmerkki ei täsmää.")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("log-client")).ToHaveValueAsync("010190-900X");

            // The right code: the worker's list hit is there, named by user, role and action, never by the client's name.
            await page.GetByTestId("log-client").FillAsync(IdentityCode);
            await page.GetByTestId("log-search").ClickAsync();
            var table = page.GetByTestId("log-table");
            await Expect(table).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
            await Expect(table).ToContainTextAsync("Sosiaalityöntekijä");
            await Expect(table).Not.ToContainTextAsync(ClientName);
            await _axe.CheckAsync(admin, "02-axe-search-result");

            // The client's report (Act 703/2023, 11 §) in Finnish, one click.
            await page.GetByTestId("report-client").FillAsync(IdentityCode);
            var report = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("report-fi").ClickAsync());
            await Expect(report.Locator("html")).ToHaveAttributeAsync("lang", "fi");
            await Expect(report.Locator("body")).ToContainTextAsync("Asiakkaan lokitiedot");
            await Expect(report.Locator("body")).ToContainTextAsync(DemoDataSeeder.WorkerHelsinki.DisplayName);
            await Screenshots.SaveAsync(report, Test, "03-report-fi");
        });
    }
}
