using System.Net;
using System.Text.RegularExpressions;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Identity;

/// <summary>Sign-in through the real form, lockout after repeated failures, and what an anonymous or wrong-role caller gets.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SignInTests(AppFixture app)
{
    private const string FailedMessage = "Sähköposti tai salasana on väärin.";
    private const string LockedMessage = "Tili on lukittu";
    private const string LockoutHint = "Toistuvien epäonnistuneiden yritysten jälkeen tili lukitaan 15 minuutiksi.";
    private const string StrongPassword = "Lukitus-Testi-2026!";

    [Fact]
    public async Task Login_CorrectPassword_RedirectsHomeWithAuthCookie()
    {
        var client = app.NewClient();

        var response = await client.PostLoginAsync(DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldBe("/");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
        // The cookie works: the handler's own page renders instead of a redirect to the sign-in page.
        (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsErrorAndNoCookie()
    {
        var user = await NewUserAsync();
        var client = app.NewClient();

        var response = await client.PostLoginAsync(user, "Väärä-salasana-123!");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.ReadTextAsync();
        html.ShouldContain("data-testid=\"login-error\"");
        html.ShouldContain(FailedMessage);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_UnknownEmail_ShowsSameError()
    {
        var response = await app.NewClient().PostLoginAsync($"ei.ole.{Guid.NewGuid():N}@demo.test", DemoDataSeeder.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadTextAsync()).ShouldContain(FailedMessage);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksAccountEvenForCorrectPassword()
    {
        var user = await NewUserAsync();
        var client = app.NewClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await client.PostLoginAsync(user, $"Väärä-salasana-{attempt}!");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await failed.ReadTextAsync();
            text.ShouldContain(FailedMessage, customMessage: $"attempt {attempt}");
            text.ShouldNotContain(LockedMessage);
        }

        // Locked now, but it says so to nobody: the answer is that of a wrong password (which mentions the lockout).
        var fifth = await client.PostLoginAsync(user, "Väärä-salasana-5!");
        fifth.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fifth.ReadTextAsync()).ShouldContain(FailedMessage);

        var correct = await client.PostLoginAsync(user, StrongPassword);
        correct.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await correct.ReadTextAsync();
        html.ShouldContain("data-testid=\"login-error\"");
        html.ShouldContain(FailedMessage);
        html.ShouldContain(LockoutHint);
        html.ShouldNotContain(LockedMessage);
        correct.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
        (await client.GetAsync("/inbox")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Login_LockedUnknownAndWrongPassword_AnswerAlike()
    {
        // Account enumeration: a locked account, an unknown e-mail and a wrong password must be told apart by nothing.
        var locked = await NewUserAsync();
        var lockingClient = app.NewClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await lockingClient.PostLoginAsync(locked, $"Väärä-salasana-{attempt}!");
        }

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["locked, right password"] = await app.NewClient().PostLoginAsync(locked, StrongPassword),
            ["locked, wrong password"] = await app.NewClient().PostLoginAsync(locked, "Väärä-salasana-6!"),
            ["unknown e-mail"] = await app.NewClient().PostLoginAsync($"ei.ole.{Guid.NewGuid():N}@integration.test", StrongPassword),
            ["wrong password"] = await app.NewClient().PostLoginAsync(await NewUserAsync(), "Väärä-salasana-1!"),
        };

        var messages = new Dictionary<string, string>();
        foreach (var (what, response) in answers)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, what);
            var error = LoginError().Match(await response.ReadTextAsync());
            error.Success.ShouldBeTrue($"{what}: no error shown");
            messages[what] = error.Groups[1].Value;
        }

        messages.Values.Distinct().Count().ShouldBe(1, string.Join("; ", messages.Select(m => $"{m.Key}: {m.Value}")));
        messages["unknown e-mail"].ShouldBe($"{FailedMessage} {LockoutHint}");
    }

    [Fact]
    public async Task Login_FreshUserCorrectPassword_SignsIn()
    {
        // The control for the lockout test: the same kind of user signs in when nothing went wrong.
        var user = await NewUserAsync();

        var response = await app.NewClient().PostLoginAsync(user, StrongPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldBe("/");
    }

    [Fact]
    public async Task CasesPage_Anonymous_RedirectsToLogin()
    {
        var response = await app.NewClient().GetAsync("/cases");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.RedirectTarget().ShouldStartWith("/account/login?");
    }

    [Fact]
    public async Task InboxApi_Anonymous_Unauthorized()
    {
        var response = await app.NewClient().GetAsync("/api/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html");
    }

    [Fact]
    public async Task ReferralApi_Anonymous_Unauthorized()
    {
        var response = await app.NewClient().GetAsync($"/api/referrals/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task CasesPage_SocialWorker_NotRendered()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetFollowingRedirectsAsync("/cases");

        (await response.ReadTextAsync()).ShouldNotContain("data-testid=\"cases-table\"");
    }

    [Fact]
    public async Task CasesPage_SocialWorker_ShowsAccessDenied()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        // A browser follows the redirect (if any) and must end on a page that says access is denied.
        var response = await client.GetFollowingRedirectsAsync("/cases");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"ended on {response.RequestMessage?.RequestUri}");
        (await response.ReadTextAsync()).ShouldContain("Sinulla ei ole oikeutta tähän sivuun.");
    }

    [Fact]
    public async Task InboxPage_KelaHandler_NotRendered()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);

        var response = await client.GetFollowingRedirectsAsync("/inbox");

        (await response.ReadTextAsync()).ShouldNotContain("data-testid=\"inbox-table\"");
    }

    [Fact]
    public async Task InboxPage_KelaHandler_ShowsAccessDenied()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);

        // A browser follows the redirect (if any) and must end on a page that says access is denied.
        var response = await client.GetFollowingRedirectsAsync("/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"ended on {response.RequestMessage?.RequestUri}");
        (await response.ReadTextAsync()).ShouldContain("Sinulla ei ole oikeutta tähän sivuun.");
    }

    [Fact]
    public async Task CasePage_SocialWorkerOfReceiver_ShowsNoCaseData()
    {
        // The receiver sees the referral, never Kela's case behind it.
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.GetFollowingRedirectsAsync($"/cases/{sent.CaseId}");

        var html = await response.ReadTextAsync();
        html.ShouldNotContain(sent.ClientName);
        html.ShouldNotContain(sent.IdentityCode);
    }

    private async Task<string> NewUserAsync()
    {
        var user = await app.CreateUserAsync(
            "Lukitus Testaaja", Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90"), UserRole.SocialWorker, StrongPassword);
        return user.Email!;
    }

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}
