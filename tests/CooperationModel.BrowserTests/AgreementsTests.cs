using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// Local agreements in the browser: the southern district's admin sees the home page's ending-soon line, follows it to the
/// list, records an agreement with Helsinki (a text with an identity code is refused first and stays as typed); Helsinki's
/// social worker finds it in the list and reads it, without the form. Axe on every new page. Screenshots: Agreements-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AgreementsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "Agreements";

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Agreements_SouthAdminRecordsOneWithHelsinki_HelsinkisWorkerReadsIt_HomePageFlagsTheEndingSoon()
    {
        var title = $"Yhteydenpito {Guid.NewGuid().ToString("N")[..8]}";
        const string text = "Kela soittaa sosiaalipäivystykseen ja kirjaa yhteydenoton.";
        await using (var admin = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.AdminSouth))
        {
            var page = admin.Page;
            await admin.ScreenshotOnFailureAsync(async () =>
            {
                // The demo data has an agreement ending within the window: the admin's home page says so and links to them.
                var flag = page.GetByTestId("home-agreements-ending");
                await Expect(flag).ToContainTextAsync("päivän kuluessa");
                await _axe.CheckAsync(admin, "01-axe-home");
                await flag.GetByRole(AriaRole.Link).ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex("agreements\\?state=EndingSoon"));
                await Expect(page.GetByTestId("agreement-row").First).ToBeVisibleAsync();
                await Expect(page.Locator("[data-testid=agreement-row]:not([data-state=EndingSoon])")).ToHaveCountAsync(0);
                await _axe.CheckAsync(admin, "02-axe-list");

                await page.GetByTestId("agreement-new").ClickAsync();
                var form = page.GetByTestId("agreement-form");
                await Expect(form).ToBeVisibleAsync();
                await admin.WaitInteractiveAsync();
                await form.GetByTestId("agreement-partner").SelectOptionAsync(new SelectOptionValue { Label = "Helsingin kaupunki" });
                await form.GetByTestId("agreement-subject").SelectOptionAsync(new SelectOptionValue { Label = "Yhteydenpitokäytännöt" });
                await form.GetByTestId("agreement-title").FillAsync(title);
                await form.GetByTestId("agreement-text").FillAsync(text + " Asiakas 010190-900P.");
                await Ui.TypeDateAsync(form, "agreement-valid-from", Ui.Today.AddDays(-1));
                await Ui.TypeDateAsync(form, "agreement-valid-until", Ui.Today.AddDays(20));
                await form.GetByTestId("agreement-kela-name").FillAsync("Elina Eteläinen");
                await form.GetByTestId("agreement-kela-phone").FillAsync("020 634 0000");
                await form.GetByTestId("agreement-organiser-name").FillAsync("Pauli Pääkäyttäjä");
                await form.GetByTestId("agreement-organiser-email").FillAsync("pauli@hel.demo.test");
                await form.GetByTestId("agreement-save").ClickAsync();

                await Expect(form.GetByText("Tekstissä on henkilötunnus.")).ToBeVisibleAsync();
                await Expect(form.GetByTestId("agreement-text")).ToHaveValueAsync(text + " Asiakas 010190-900P.");
                await Expect(form.GetByTestId("agreement-title")).ToHaveValueAsync(title);
                await _axe.CheckAsync(admin, "03-axe-refused");

                await form.GetByTestId("agreement-text").FillAsync(text);
                await form.GetByTestId("agreement-save").ClickAsync();
                await Expect(page).ToHaveURLAsync(AgreementPage());
                await Expect(page.GetByTestId("agreement-heading")).ToHaveTextAsync(title);
                await Expect(page.GetByTestId("agreement-ending-soon")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("agreement-form")).ToBeVisibleAsync();
                await admin.ScreenshotAsync("04-recorded");
                await _axe.CheckAsync(admin, "05-axe-agreement");
            });
        }

        await using var worker = await UserSession.SignedInAsync(fixture, output, Test, DemoDataSeeder.WorkerHelsinki);
        var own = worker.Page;
        await worker.ScreenshotOnFailureAsync(async () =>
        {
            await worker.GotoAsync("agreements");
            var row = own.GetByTestId("agreement-row").Filter(new() { HasText = title });
            await Expect(row).ToHaveAttributeAsync("data-state", "EndingSoon");
            await Expect(own.GetByTestId("agreement-new")).ToHaveCountAsync(0);
            await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(own).ToHaveURLAsync(AgreementPage());
            await Expect(own.GetByTestId("agreement-text-shown")).ToHaveTextAsync(text);
            await Expect(own.GetByTestId("agreement-form")).ToHaveCountAsync(0);
            await _axe.CheckAsync(worker, "06-axe-worker-agreement");
        });

        _axe.ShouldHaveNoViolations();
    }

    [GeneratedRegex("/agreements/[0-9a-f-]{36}$")]
    private static partial Regex AgreementPage();
}
