using CooperationModel.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>
/// The app really runs under its content security policy: signing in and opening pages (the circuit, MudBlazor,
/// the reconnect module, enhanced navigation) raises no policy violation in the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Test = "ContentSecurityPolicy";

    // Playwright's init scripts are exempt from the page's policy, so this listener itself is never blocked.
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    [Fact]
    public async Task SignInAndPages_UnderPolicy_NoViolations()
    {
        await using var session = await UserSession.OpenAsync(fixture, output, Test);
        var page = session.Page;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
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
            await session.GotoLoginAsync();
            await session.SignInAsync(DemoDataSeeder.HandlerSouth);
            // The circuit is up (websocket under connect-src 'self'); enhanced navigation inside it.
            await page.GetByTestId("nav-cases").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases$"));
            await session.GotoAsync("cases/new");
            await session.GotoAsync("notifications");
            await session.SignOutAsync();

            await session.SignInAsync(DemoDataSeeder.WorkerHelsinki);
            await session.GotoAsync("inbox");
            await session.GotoAsync("not-found-page-for-csp");
            await session.ScreenshotAsync("01-pages-under-policy");
        });

        lock (violations)
        {
            violations.ShouldBeEmpty();
        }
    }
}
