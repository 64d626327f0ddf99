using System.Net;
using CooperationModel.Application.Accounts;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Tests.Shared;
using CooperationModel.Web.Security;
using CooperationModel.Web.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperationModel.IntegrationTests.Identity;

/// <summary>
/// Server-side session revocation: a copy of a sign-in cookie (taken as a thief would) stops working everywhere once its
/// user signs out, changes the password or two-factor sign-in, or is locked out; on every instance of the app, and in an
/// open circuit too.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionRevocationTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CopiedCookie_AfterSignOut_RefusedByApiKeepAliveAndPage()
    {
        var (owner, copy) = await SignInWithCopyAsync(app.Factory);
        (await copy.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works before the sign-out");

        await SignOutAsync(owner);

        await ShouldBeRefusedAsync(copy);
    }

    [Fact]
    public async Task CopiedCookie_AfterPasswordChange_Refused()
    {
        var user = await app.NewWorkerAsync();
        var (_, copy) = await SignInWithCopyAsync(app.Factory, user.Email!);
        (await copy.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var changed = await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!, TwoFactorSteps.Password, "Uusi-Salasana-2026!");
            changed.Succeeded.ShouldBeTrue();
        }

        await ShouldBeRefusedAsync(copy);
    }

    [Fact]
    public async Task CopiedCookie_AfterTwoFactorEnrolment_RefusedWhileTheChangingSessionGoesOn()
    {
        var user = await app.NewWorkerAsync();
        var (owner, copy) = await SignInWithCopyAsync(app.Factory, user.Email!);
        (await copy.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await owner.EnrolAsync();

        await ShouldBeRefusedAsync(copy);
        (await owner.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session that made the change is issued again");
    }

    [Fact]
    public async Task CopiedCookie_AfterNewRecoveryCodes_RefusedWhileTheChangingSessionGoesOn()
    {
        var user = await app.NewWorkerAsync();
        var owner = await app.SignedInClientAsync(user.Email!, TwoFactorSteps.Password);
        var (key, _) = await owner.EnrolAsync();
        var copy = await CopyOfAsync(app.Factory, await app.SignedInWithCodeAsync(user.Email!, key));
        (await copy.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var renewed = await owner.PostFormAsync(TwoFactorSteps.PagePath, "two-factor-regenerate", TwoFactorSteps.Confirm("RegenerateInput", key));
        TwoFactorSteps.RecoveryCodesOf(await renewed.ReadTextAsync()).Count.ShouldBe(10);

        await ShouldBeRefusedAsync(copy);
        (await owner.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CopiedCookie_AccountLockedOut_Refused()
    {
        // A lockout without end is how an account is deactivated; any lockout in force ends the sessions.
        var user = await app.NewWorkerAsync();
        var (_, copy) = await SignInWithCopyAsync(app.Factory, user.Email!);
        (await copy.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stamp = (await app.StoredUserAsync(user.Id)).SecurityStamp;

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
        }

        (await app.StoredUserAsync(user.Id)).SecurityStamp.ShouldBe(stamp, "the lockout alone must be what refuses the session");
        await ShouldBeRefusedAsync(copy);
    }

    [Fact]
    public async Task CopiedCookie_SignedOutOnAnotherInstance_RefusedOnThisOne()
    {
        // Two instances on one database, as when the app is scaled out: nothing is remembered per instance.
        await using var instanceB = new AppFactory(app.Database);
        var (owner, _) = await SignInWithCopyAsync(app.Factory);
        var copyOnB = await CopyOfAsync(instanceB, owner);
        (await copyOnB.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK, "instance B reads instance A's cookie");

        await SignOutAsync(owner);

        await ShouldBeRefusedAsync(copyOnB);
    }

    [Fact]
    public async Task OpenCircuit_SessionEnded_BecomesSignedOut()
    {
        var user = await app.NewWorkerAsync();
        var principal = await PrincipalOfAsync(user);
        var services = app.Factory.Services;
        using var provider = new RevalidatingSessionStateProvider(
            services.GetRequiredService<ILoggerFactory>(),
            services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new IdleSessionOptions { RevalidationInterval = TimeSpan.FromMilliseconds(50) }));
        // The circuit opens signed in; the revalidation loop starts with it.
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        await using (var scope = services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IUserSessions>().IsValidAsync(principal)).ShouldBeTrue("the circuit's session is valid before");
            await scope.ServiceProvider.GetRequiredService<IUserSessions>().EndAllAsync(user.Id);
        }

        var after = await changed.Task.WaitAsync(Patience);
        after.User.Identity?.IsAuthenticated.ShouldNotBe(true);
    }

    [Fact]
    public void AuthenticationStateProvider_IsTheRevalidatingOne()
    {
        using var scope = app.Factory.Services.CreateScope();

        scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().ShouldBeOfType<RevalidatingSessionStateProvider>();
        app.Factory.Services.GetRequiredService<IOptions<IdleSessionOptions>>().Value.RevalidationInterval.ShouldBe(TimeSpan.FromMinutes(1));
    }

    /// <summary>Signs a (new) social worker in, and returns the signed-in client and a client holding a copy of its cookie.</summary>
    private async Task<(HttpClient Owner, HttpClient Copy)> SignInWithCopyAsync(AppFactory copyOn, string? email = null)
    {
        email ??= (await app.NewWorkerAsync()).Email!;
        var owner = await app.SignedInClientAsync(email, TwoFactorSteps.Password);
        return (owner, await CopyOfAsync(copyOn, owner));
    }

    /// <summary>A client of the given instance that sends the signed-in client's current auth cookie, and never takes a new one.</summary>
    private static async Task<HttpClient> CopyOfAsync(AppFactory instance, HttpClient owner)
    {
        // The keep-alive answers with the current cookie, as a browser's cookie jar holds it.
        var fresh = await owner.PostAsync("/account/keep-alive", null);
        fresh.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var cookie = fresh.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cm.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var page = await client.GetAsync("/inbox");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await page.AntiforgeryTokenAsync(),
        }));
        signOut.RedirectTarget().ShouldBe("/account/login");
    }

    private static async Task ShouldBeRefusedAsync(HttpClient copy)
    {
        (await copy.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the API");

        var keepAlive = await copy.PostAsync("/account/keep-alive", null);
        keepAlive.StatusCode.ShouldNotBe(HttpStatusCode.NoContent, "the keep-alive");
        keepAlive.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal) && !c.StartsWith("cm.auth=;", StringComparison.Ordinal), "a fresh cookie");

        var page = await copy.GetAsync("/inbox");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a page");
        page.RedirectTarget().ShouldStartWith("/account/login?");
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(AppUser user)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(user.Id.ToString()))!);
    }
}
