using System.Text.RegularExpressions;
using CooperationModel.Domain.Organisations;
using CooperationModel.Tests.Shared;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// Two-factor sign-in in a real browser, for a new organisation admin: the first sign-in lands on the enrolment page (the
/// QR code loads under the content security policy), the code from the "app" turns it on, the recovery codes show once,
/// and the next sign-in asks for the code. axe on each page; no policy violation anywhere. Screenshots: TwoFactor-NN-step.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "TwoFactor";

    // Playwright's init scripts are exempt from the page's policy, so this listener itself is never blocked.
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
        """;

    private readonly AxeAudit _axe = new(output);

    [Fact]
    public async Task Admin_FirstSignInEnrolsThenSignsInWithCode()
    {
        var admin = await fixture.CreateUserAsync("Testi Pääkäyttäjä", UserRole.OrganisationAdmin, OrganisationKind.SocialServicesOrganiser, "90");
        await using var session = await UserSession.OpenAsync(fixture, output, Test);
        var page = session.Page;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("CSP violation", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        await page.Context.AddInitScriptAsync(ReportViolations);

        await session.ScreenshotOnFailureAsync(async () =>
        {
            // The password alone leads only to the enrolment page, without the app's menu.
            await session.GotoLoginAsync();
            await page.Locator("#email").FillAsync(admin.Email);
            await page.Locator("#password").FillAsync(Infrastructure.Seeding.DemoDataSeeder.DemoPassword);
            await page.GetByTestId("login-submit").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
            await Expect(page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("nav-deadlines")).ToHaveCountAsync(0);
            (await page.GetByTestId("two-factor-qr").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0);
            await _axe.CheckAsync(session, "01-axe-enrolment");

            // Typing anywhere else leads back to it.
            await page.GotoAsync("settings/deadlines");
            await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor\\?returnUrl=%2Fsettings%2Fdeadlines$"));

            var key = await session.EnrolTwoFactorAsync(admin);
            await _axe.CheckAsync(session, "02-axe-recovery-codes");
            await page.GetByTestId("two-factor-continue").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/settings/deadlines$"));
            await session.WaitInteractiveAsync();
            await Expect(page.GetByTestId("deadlines-table")).ToBeVisibleAsync();

            // The user menu's link opens the page again (a static page: the interactive router loads it in full).
            await page.GetByTestId("nav-two-factor").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
            await Expect(page.GetByTestId("two-factor-codes-left")).ToContainTextAsync("10");
            await Expect(page.GetByTestId("two-factor-disable")).ToHaveCountAsync(0);

            await session.SignOutAsync();
            await page.Locator("#email").FillAsync(admin.Email);
            await page.Locator("#password").FillAsync(Infrastructure.Seeding.DemoDataSeeder.DemoPassword);
            await page.GetByTestId("login-submit").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa$"));
            await page.Locator("#code").FillAsync(Totp.WrongCode(key));
            await page.GetByTestId("login-2fa-submit").ClickAsync();
            await Expect(page.GetByTestId("login-2fa-error")).ToContainTextAsync("Koodi on väärä");
            await _axe.CheckAsync(session, "03-axe-second-step");
            await session.GiveTwoFactorCodeAsync(key);
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(admin.DisplayName);
            await session.WaitInteractiveAsync();
            await session.ScreenshotAsync("04-signed-in");
        });

        _axe.ShouldHaveNoViolations();
        lock (violations)
        {
            violations.ShouldBeEmpty();
        }
    }
}
