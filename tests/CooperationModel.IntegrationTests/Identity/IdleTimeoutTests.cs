using System.Net;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CooperationModel.IntegrationTests.Identity;

/// <summary>The idle session timeout on the server: the cookie's sliding lifetime, the idle sign-out and the keep-alive.</summary>
[Collection(AppCollection.Name)]
public sealed class IdleTimeoutTests(AppFixture app)
{
    private const string IdleMessage = "Sinut kirjattiin ulos, koska et käyttänyt palvelua vähään aikaan. Kirjaudu uudelleen.";

    [Fact]
    public void AuthCookie_DefaultSettings_ExpiresAfterThirtyIdleMinutes()
    {
        var cookie = app.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        cookie.ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(30));
        cookie.SlidingExpiration.ShouldBeTrue();
    }

    [Fact]
    public async Task IdleLogout_SignedIn_SignsOutAndRedirectsToSignInWithMessage()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);

        var response = await client.GetAsync("/account/idle-logout");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldBe("/account/login?reason=idle");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("cm.auth=;", StringComparison.Ordinal));
        (await client.GetAsync("/cases")).RedirectTarget().ShouldStartWith("/account/login?");
        var login = await client.GetAsync(response.RedirectTarget());
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await login.ReadTextAsync();
        html.ShouldContain("data-testid=\"login-idle\"");
        html.ShouldContain(IdleMessage);
    }

    [Fact]
    public async Task IdleLogout_AnonymousWithForeignReturnUrl_StillOnlyTheSignInPage()
    {
        // The cookie may have expired already; and nothing in the request can choose where it goes.
        var response = await app.NewClient().GetAsync("/account/idle-logout?returnUrl=https%3A%2F%2Fevil.example%2F&redirectUri=%2F%2Fevil.example");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldBe("/account/login?reason=idle");
    }

    [Fact]
    public async Task LoginPage_WithoutReason_NoIdleMessage()
    {
        var html = await app.NewClient().GetPageAsync("/account/login");

        html.ShouldNotContain("data-testid=\"login-idle\"");
        html.ShouldNotContain(IdleMessage);
    }

    [Fact]
    public async Task KeepAlive_SignedIn_ReissuesAuthCookie()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);

        var response = await client.PostAsync("/account/keep-alive", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal) && !c.StartsWith("cm.auth=;", StringComparison.Ordinal));
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task KeepAlive_Anonymous_NoCookieAndNoSuccess()
    {
        var response = await app.NewClient().PostAsync("/account/keep-alive", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldStartWith("/account/login?");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal) && !c.StartsWith("cm.auth=;", StringComparison.Ordinal));
    }
}
