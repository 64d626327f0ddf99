using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.Tests.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CooperationModel.BrowserTests;

/// <summary>One person at one browser: a fresh context and page, signing in through the real form.</summary>
public sealed class UserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly BrowserFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly string _test;

    private UserSession(IBrowserContext context, IPage page, BrowserFixture fixture, ITestOutputHelper output, string test)
    {
        _context = context;
        Page = page;
        _fixture = fixture;
        _output = output;
        _test = test;
    }

    public IPage Page { get; }

    /// <summary>Opens a signed-out browser; browser console errors and page errors go to the test output.</summary>
    public static async Task<UserSession> OpenAsync(BrowserFixture fixture, ITestOutputHelper output, string test)
    {
        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"[browser {message.Type}] {message.Text}");
            }
        };
        page.PageError += (_, error) => output.WriteLine($"[page error] {error}");
        return new UserSession(context, page, fixture, output, test);
    }

    /// <summary>Opens a browser and signs in as <paramref name="user"/> through the sign-in form.</summary>
    public static async Task<UserSession> SignedInAsync(BrowserFixture fixture, ITestOutputHelper output, string test, DemoUser user)
    {
        var session = await OpenAsync(fixture, output, test);
        await session.GotoLoginAsync();
        await session.SignInAsync(user);
        return session;
    }

    public async Task GotoLoginAsync()
    {
        await Page.GotoAsync("account/login");
        await Expect(Page.Locator("#email")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Fills the static sign-in form and waits for the interactive page it leads to. An organisation admin also passes
    /// two-factor sign-in: enrols on the page the app sends them to on their first sign-in, and gives the code after that.
    /// </summary>
    public async Task SignInAsync(DemoUser user)
    {
        await Page.Locator("#email").FillAsync(user.Email);
        await Page.Locator("#password").FillAsync(DemoDataSeeder.DemoPassword);
        await Page.GetByTestId("login-submit").ClickAsync();
        if (user.Role.RequiresTwoFactor())
        {
            if (_fixture.AuthenticatorKeys.TryGetValue(user.Email, out var key))
            {
                await GiveTwoFactorCodeAsync(key);
            }
            else
            {
                await EnrolTwoFactorAsync(user);
                await Page.GetByTestId("two-factor-continue").ClickAsync();
            }
        }

        await Expect(Page.GetByTestId("user-name")).ToHaveTextAsync(user.DisplayName);
        await WaitInteractiveAsync();
    }

    /// <summary>On the enrolment page: reads the key, confirms with the app's code and keeps the key for later sign-ins.</summary>
    public async Task<string> EnrolTwoFactorAsync(DemoUser user)
    {
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor"));
        var key = await Page.GetByTestId("two-factor-key").TextContentAsync() ?? throw new InvalidOperationException("No key shown.");
        await Page.Locator("#two-factor-code").FillAsync(Totp.Code(key));
        await Page.GetByTestId("two-factor-enable").ClickAsync();
        await Expect(Page.GetByTestId("recovery-code")).ToHaveCountAsync(10);
        _fixture.AuthenticatorKeys[user.Email] = key;
        return key;
    }

    /// <summary>The second sign-in step: the authenticator app's code for the key.</summary>
    public async Task GiveTwoFactorCodeAsync(string key)
    {
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login-2fa"));
        await Page.Locator("#code").FillAsync(Totp.Code(key));
        await Page.GetByTestId("login-2fa-submit").ClickAsync();
    }

    /// <summary>The sign-out button posts a form; we land on the sign-in page.</summary>
    public async Task SignOutAsync()
    {
        await Page.GetByTestId("sign-out").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        await Expect(Page.Locator("#email")).ToBeVisibleAsync();
    }

    /// <summary>Goes to an app page by its relative address and waits until its circuit is up.</summary>
    public async Task GotoAsync(string relative)
    {
        await Page.GotoAsync(relative);
        await WaitInteractiveAsync();
    }

    /// <summary>Clicks before the Blazor circuit is up are lost (spike P12): wait for the layout's marker.</summary>
    public Task WaitInteractiveAsync() =>
        Page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public async Task ScreenshotAsync(string step)
    {
        var path = await Screenshots.SaveAsync(Page, _test, step);
        _output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Runs the steps; when one fails, saves a "failed" screenshot of where the page was, then rethrows.</summary>
    public async Task ScreenshotOnFailureAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await ScreenshotAsync("failed");
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
