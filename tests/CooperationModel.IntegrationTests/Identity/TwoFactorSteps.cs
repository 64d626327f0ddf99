using System.Net;
using System.Text.RegularExpressions;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.IntegrationTests.Identity;

/// <summary>
/// A person with an authenticator app, through the real pages: enrols on the two-factor page, signs in with the code or a
/// recovery code. The codes come from <see cref="Totp"/>, computed from the key the page shows.
/// </summary>
public static partial class TwoFactorSteps
{
    public const string Password = "Kaksi-Vaihetta-2026!";
    public const string PagePath = "/account/two-factor";

    /// <summary>A new organisation admin of Helsinki's social services (never the demo admin, whom other tests sign in as).</summary>
    public static Task<AppUser> NewAdminAsync(this AppFixture app) =>
        app.CreateUserAsync("Testi Pääkäyttäjä", Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90"), UserRole.OrganisationAdmin, Password);

    /// <summary>A new social worker of Helsinki's social services: two-factor sign-in is optional for them.</summary>
    public static Task<AppUser> NewWorkerAsync(this AppFixture app) =>
        app.CreateUserAsync("Testi Sosiaalityöntekijä", Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "90"), UserRole.SocialWorker, Password);

    /// <summary>The key on the enrolment page ("abcd efgh …").</summary>
    public static string KeyOf(string html)
    {
        var match = KeyPattern().Match(html);
        match.Success.ShouldBeTrue("the enrolment page shows no key");
        return match.Groups[1].Value;
    }

    /// <summary>The recovery codes a page shows (once: right after enrolling or renewing them).</summary>
    public static List<string> RecoveryCodesOf(string html) => [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>Posts the enrolment form with a code; the response is the page again (200).</summary>
    public static Task<HttpResponseMessage> PostEnrolmentCodeAsync(this HttpClient client, string code, string path = PagePath) =>
        client.PostFormAsync(path, "two-factor-enable", new Dictionary<string, string> { ["EnableInput.Code"] = code });

    /// <summary>The fields of a change on the two-factor page: the app's current code, as the page asks for.</summary>
    public static Dictionary<string, string> Confirm(string input, string key) => new() { [$"{input}.Code"] = Totp.Code(key) };

    /// <summary>Enrols the signed-in user with the right code; returns the key and the ten recovery codes.</summary>
    public static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(this HttpClient client)
    {
        var page = await client.GetPageAsync(PagePath);
        page.ShouldContain("name=\"EnableInput.Code\"", customMessage: "the field a browser posts is the one the page binds");
        var key = KeyOf(page);
        var response = await client.PostEnrolmentCodeAsync(Totp.Code(key));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.ReadTextAsync();
        html.ShouldContain("data-testid=\"two-factor-message\"");
        var codes = RecoveryCodesOf(html);
        codes.Count.ShouldBe(10);
        return (key, codes);
    }

    /// <summary>Signs in with the password, then the code of the second step; fails the test unless it lands in the app.</summary>
    public static async Task<HttpClient> SignedInWithCodeAsync(this AppFixture app, string email, string key)
    {
        var client = app.NewClient();
        (await client.PostLoginAsync(email, Password)).RedirectTarget().ShouldBe("/account/login-2fa");
        var response = await client.PostSecondStepAsync(Totp.Code(key));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the second step of {email} failed");
        response.RedirectTarget().ShouldBe("/");
        return client;
    }

    /// <summary>Posts the second sign-in step's code (the password step must have been done with this client).</summary>
    public static Task<HttpResponseMessage> PostSecondStepAsync(this HttpClient client, string code, string path = "/account/login-2fa") =>
        client.PostFormAsync(path, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Posts a recovery code instead of the app's code.</summary>
    public static Task<HttpResponseMessage> PostRecoveryCodeAsync(this HttpClient client, string code, string path = "/account/login-recovery") =>
        client.PostFormAsync(path, "login-recovery", new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>The user as stored now.</summary>
    public static async Task<AppUser> StoredUserAsync(this AppFixture app, Guid userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString())
            ?? throw new InvalidOperationException("The user is gone.");
    }

    [GeneratedRegex("data-testid=\"two-factor-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"recovery-code\">([A-Z0-9-]+)</code>")]
    private static partial Regex RecoveryCodePattern();
}
