using System.Net;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Tests.Shared;

namespace CooperationModel.IntegrationTests.Identity;

/// <summary>
/// Two-factor sign-in with an authenticator app through the real pages: required for organisation admins (nothing but
/// the enrolment page until enrolled, 403 from the API), optional for others; the second sign-in step, recovery codes
/// (each once), the lockout, and the enrolment page's reset, renewal and turning off.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TwoFactorTests(AppFixture app)
{
    private const string WrongCodeMessage = "Koodi on väärä tai vanhentunut.";
    private const string LockedMessage = "Tili on lukittu";

    [Fact]
    public async Task Pages_AdminWithoutTwoFactor_RedirectToEnrolmentWithReturnUrl()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);

        (await client.GetAsync("/")).RedirectTarget().ShouldBe("/account/two-factor");
        (await client.GetAsync("/settings/deadlines")).RedirectTarget().ShouldBe("/account/two-factor?returnUrl=%2Fsettings%2Fdeadlines");
        (await client.GetAsync("/notifications?page=2")).RedirectTarget().ShouldBe("/account/two-factor?returnUrl=%2Fnotifications%3Fpage%3D2");
        (await client.GetAsync("/no-such-page")).RedirectTarget().ShouldStartWith("/account/two-factor");
        // The interactive app's circuit cannot be opened either: no navigation inside it can get around the redirect.
        var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        circuit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        circuit.RedirectTarget().ShouldStartWith("/account/two-factor");

        var html = await client.GetPageAsync("/account/two-factor");
        html.ShouldContain("data-testid=\"two-factor-required\"");
        html.ShouldContain("Pääkäyttäjän on otettava kaksivaiheinen tunnistautuminen käyttöön");
        html.ShouldNotContain("data-testid=\"nav-deadlines\"");
        TwoFactorSteps.KeyOf(html).Replace(" ", "", StringComparison.Ordinal).Length.ShouldBe(32);
    }

    [Fact]
    public async Task Allowed_AdminWithoutTwoFactor_StaticAssetsCultureSwitchAndSignOut()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);

        (await client.GetAsync("/app.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/_framework/blazor.web.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/culture/set?culture=sv&redirectUri=%2Faccount%2Ftwo-factor")).RedirectTarget().ShouldBe("/account/two-factor");
        (await client.GetPageAsync("/account/two-factor")).ShouldContain("Tvåstegsverifiering");

        var page = await client.GetAsync("/account/two-factor");
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await page.AntiforgeryTokenAsync(),
        }));
        signOut.RedirectTarget().ShouldBe("/account/login");
        (await client.GetAsync("/account/two-factor")).RedirectTarget().ShouldStartWith("/account/login?");
    }

    [Fact]
    public async Task Api_AdminWithoutTwoFactor_ForbiddenProblemDetails()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);

        // An API route any signed-in user may call (an unknown id: 404 once enrolled).
        var response = await client.GetAsync($"/api/referrals/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.Location.ShouldBeNull();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = await response.ReadJsonAsync();
        json.RootElement.GetProperty("title").GetString().ShouldBe("Ota kaksivaiheinen tunnistautuminen käyttöön ennen kuin käytät rajapintaa.");
        json.RootElement.GetProperty("code").GetString().ShouldBe("TwoFactor.Required");
    }

    [Fact]
    public async Task Enrol_WrongThenMalformedThenRightCode_OnlyTheRightOneEnables()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
        var key = TwoFactorSteps.KeyOf(await client.GetPageAsync(TwoFactorSteps.PagePath));

        var wrong = await client.PostEnrolmentCodeAsync(Totp.WrongCode(key));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wrongHtml = await wrong.ReadTextAsync();
        wrongHtml.ShouldContain("data-testid=\"two-factor-error\"");
        wrongHtml.ShouldContain("Koodi ei täsmää.");
        wrongHtml.ShouldNotContain("data-testid=\"recovery-code\"");

        var malformed = await client.PostEnrolmentCodeAsync("12ab56");
        (await malformed.ReadTextAsync()).ShouldContain("Koodissa on oltava 6 numeroa.");
        (await malformed.ReadTextAsync()).ShouldContain("value=\"12ab56\"");
        (await app.StoredUserAsync(admin.Id)).TwoFactorEnabled.ShouldBeFalse();
        (await client.GetAsync("/settings/deadlines")).RedirectTarget().ShouldStartWith("/account/two-factor");

        // The same key as before (a failed try does not change it); spaces in the code are forgiven.
        var code = Totp.Code(key);
        var right = await client.PostEnrolmentCodeAsync($"{code[..3]} {code[3..]}", "/account/two-factor?returnUrl=%2Fsettings%2Fdeadlines");

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await right.ReadTextAsync();
        html.ShouldContain("Kaksivaiheinen tunnistautuminen otettiin käyttöön.");
        var codes = TwoFactorSteps.RecoveryCodesOf(html);
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        html.ShouldContain("href=\"/settings/deadlines\"");
        (await app.StoredUserAsync(admin.Id)).TwoFactorEnabled.ShouldBeTrue();
        // The cookie was refreshed: the admin continues to the app at once, without signing in again.
        (await client.GetPageAsync("/settings/deadlines")).ShouldContain("Ilmoitusten vastaanoton määräajat");
        // An endpoint of the admin's own takes the refreshed cookie too (the referral API, used here before, is no admin's).
        (await client.GetAsync("/admin/access-log/export")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Shown once: the page no longer lists them.
        TwoFactorSteps.RecoveryCodesOf(await client.GetPageAsync(TwoFactorSteps.PagePath)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignIn_AdminWithTwoFactor_PasswordAloneIsNotEnoughAndTheCodeIs()
    {
        var admin = await app.NewAdminAsync();
        var (key, _) = await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var client = app.NewClient();

        var password = await client.PostLoginAsync(admin.Email!, TwoFactorSteps.Password, returnUrl: "/settings/deadlines");

        password.RedirectTarget().ShouldBe("/account/login-2fa?returnUrl=%2Fsettings%2Fdeadlines");
        password.Headers.GetValues("Set-Cookie").ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
        (await client.GetAsync("/settings/deadlines")).RedirectTarget().ShouldStartWith("/account/login?");
        var stepPage = await client.GetPageAsync(password.RedirectTarget());
        stepPage.ShouldContain("href=\"/account/login-recovery?returnUrl=%2Fsettings%2Fdeadlines\"");

        var signedIn = await client.PostSecondStepAsync(Totp.Code(key), password.RedirectTarget());

        signedIn.RedirectTarget().ShouldBe("/settings/deadlines");
        signedIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
        (await client.GetPageAsync("/settings/deadlines")).ShouldContain("Ilmoitusten vastaanoton määräajat");
    }

    [Fact]
    public async Task SecondStep_WrongCode_RefusedAndCountedTowardLockout()
    {
        var admin = await app.NewAdminAsync();
        var (key, _) = await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var client = app.NewClient();
        await client.PostLoginAsync(admin.Email!, TwoFactorSteps.Password);

        var wrong = await client.PostSecondStepAsync(Totp.WrongCode(key));

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await wrong.ReadTextAsync();
        html.ShouldContain("data-testid=\"login-2fa-error\"");
        html.ShouldContain(WrongCodeMessage);
        wrong.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=", StringComparison.Ordinal));
        (await app.StoredUserAsync(admin.Id)).AccessFailedCount.ShouldBe(1);

        var malformed = await client.PostSecondStepAsync("12345");
        (await malformed.ReadTextAsync()).ShouldContain("Koodissa on oltava 6 numeroa.");
        (await app.StoredUserAsync(admin.Id)).AccessFailedCount.ShouldBe(2);
    }

    [Fact]
    public async Task SecondStep_FiveWrongCodes_LocksAccountEvenForTheRightCode()
    {
        var admin = await app.NewAdminAsync();
        var (key, _) = await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var client = app.NewClient();
        await client.PostLoginAsync(admin.Email!, TwoFactorSteps.Password);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostSecondStepAsync(Totp.WrongCode(key));
        }

        var right = await client.PostSecondStepAsync(Totp.Code(key));

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.ReadTextAsync()).ShouldContain(LockedMessage);
        (await client.GetAsync("/settings/deadlines")).RedirectTarget().ShouldStartWith("/account/login?");
    }

    [Fact]
    public async Task SecondStep_WithoutPasswordStep_BackToSignIn()
    {
        var response = await app.NewClient().GetAsync("/account/login-2fa?returnUrl=%2Finbox");

        response.RedirectTarget().ShouldBe("/account/login?returnUrl=%2Finbox");
    }

    [Fact]
    public async Task SecondStep_SignInPageOpenedAgain_StepForgotten()
    {
        var admin = await app.NewAdminAsync();
        await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var client = app.NewClient();
        (await client.PostLoginAsync(admin.Email!, TwoFactorSteps.Password)).RedirectTarget().ShouldBe("/account/login-2fa");
        (await client.GetAsync("/account/login-2fa")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await client.GetPageAsync("/account/login");

        (await client.GetAsync("/account/login-2fa")).RedirectTarget().ShouldBe("/account/login");
    }

    [Fact]
    public async Task SecondStep_ForeignReturnUrl_LandsOnStartPage()
    {
        var admin = await app.NewAdminAsync();
        var (key, _) = await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var client = app.NewClient();

        var password = await client.PostLoginAsync(admin.Email!, TwoFactorSteps.Password, returnUrl: "https://evil.example/");
        password.RedirectTarget().ShouldBe("/account/login-2fa");
        var signedIn = await client.PostSecondStepAsync(Totp.Code(key), "/account/login-2fa?returnUrl=%2F%2Fevil.example");

        signedIn.RedirectTarget().ShouldBe("/");
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnceOnly()
    {
        var admin = await app.NewAdminAsync();
        var (_, codes) = await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var first = app.NewClient();
        await first.PostLoginAsync(admin.Email!, TwoFactorSteps.Password);

        // As a person might type it: lower case, without the dash.
        var signedIn = await first.PostRecoveryCodeAsync(codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());

        signedIn.RedirectTarget().ShouldBe("/");
        (await first.GetPageAsync("/settings/deadlines")).ShouldContain("Ilmoitusten vastaanoton määräajat");
        (await first.GetPageAsync(TwoFactorSteps.PagePath)).ShouldContain("Käyttämättömiä varakoodeja: 9");

        var second = app.NewClient();
        await second.PostLoginAsync(admin.Email!, TwoFactorSteps.Password);
        var again = await second.PostRecoveryCodeAsync(codes[0]);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await again.ReadTextAsync();
        html.ShouldContain("data-testid=\"login-recovery-error\"");
        html.ShouldContain("Varakoodi on väärä tai jo käytetty.");
        (await second.GetAsync("/settings/deadlines")).RedirectTarget().ShouldStartWith("/account/login?");
        // Another unused code still works.
        (await second.PostRecoveryCodeAsync(codes[1])).RedirectTarget().ShouldBe("/");
    }

    [Fact]
    public async Task RecoveryCode_WrongOrMalformed_CountsOnceEachTowardLockout()
    {
        var admin = await app.NewAdminAsync();
        await (await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password)).EnrolAsync();
        var client = app.NewClient();
        await client.PostLoginAsync(admin.Email!, TwoFactorSteps.Password);

        var wrong = await client.PostRecoveryCodeAsync("BBBBB-CCCCC");
        (await wrong.ReadTextAsync()).ShouldContain("Varakoodi on väärä tai jo käytetty.");
        (await app.StoredUserAsync(admin.Id)).AccessFailedCount.ShouldBe(1);

        var malformed = await client.PostRecoveryCodeAsync("abc");
        (await malformed.ReadTextAsync()).ShouldContain("Varakoodi on muotoa XXXXX-XXXXX.");
        (await app.StoredUserAsync(admin.Id)).AccessFailedCount.ShouldBe(2);
    }

    [Fact]
    public async Task SignIn_NonAdminWithoutTwoFactor_NoSecondStepAndNoEnrolment()
    {
        var worker = await app.NewWorkerAsync();
        var client = app.NewClient();

        var response = await client.PostLoginAsync(worker.Email!, TwoFactorSteps.Password);

        response.RedirectTarget().ShouldBe("/");
        (await client.GetPageAsync("/inbox")).ShouldContain("data-testid=\"nav-two-factor\"");
        (await client.GetAsync("/api/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await client.GetPageAsync(TwoFactorSteps.PagePath);
        page.ShouldContain("Kaksivaiheinen tunnistautuminen ei ole käytössä.");
        page.ShouldNotContain("data-testid=\"two-factor-required\"");
    }

    [Fact]
    public async Task NonAdmin_EnrolsThenTurnsOff_SecondStepComesAndGoes()
    {
        var worker = await app.NewWorkerAsync();
        var enrolling = await app.SignedInClientAsync(worker.Email!, TwoFactorSteps.Password);
        var (key, _) = await enrolling.EnrolAsync();
        (await app.NewClient().PostLoginAsync(worker.Email!, TwoFactorSteps.Password)).RedirectTarget().ShouldBe("/account/login-2fa");

        var client = await app.SignedInWithCodeAsync(worker.Email!, key);
        var off = await client.PostFormAsync(TwoFactorSteps.PagePath, "two-factor-disable", TwoFactorSteps.Confirm("DisableInput", key));

        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await off.ReadTextAsync()).ShouldContain("Kaksivaiheinen tunnistautuminen poistettiin käytöstä.");
        (await app.StoredUserAsync(worker.Id)).TwoFactorEnabled.ShouldBeFalse();
        (await app.NewClient().PostLoginAsync(worker.Email!, TwoFactorSteps.Password)).RedirectTarget().ShouldBe("/");
        // The refreshed cookie still works for the pages.
        (await client.GetAsync("/inbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_TurnOff_NotOfferedAndRefused()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
        await client.EnrolAsync();

        var page = await client.GetPageAsync(TwoFactorSteps.PagePath);
        page.ShouldContain("Kaksivaiheinen tunnistautuminen on käytössä");
        page.ShouldNotContain("data-testid=\"two-factor-disable\"");
        // A hand-made post of the form the page does not offer changes nothing.
        var forced = await client.PostFormAsync(TwoFactorSteps.PagePath, "two-factor-disable");

        forced.IsSuccessStatusCode.ShouldBeFalse();
        (await app.StoredUserAsync(admin.Id)).TwoFactorEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Admin_ResetKey_BackToEnrolmentWithANewKey()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
        var (oldKey, _) = await client.EnrolAsync();

        var reset = await client.PostFormAsync(TwoFactorSteps.PagePath, "two-factor-reset", TwoFactorSteps.Confirm("ResetInput", oldKey));

        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await reset.ReadTextAsync();
        html.ShouldContain("Avain vaihdettiin.");
        TwoFactorSteps.KeyOf(html).ShouldNotBe(oldKey);
        (await app.StoredUserAsync(admin.Id)).TwoFactorEnabled.ShouldBeFalse();
        (await client.GetAsync("/settings/deadlines")).RedirectTarget().ShouldStartWith("/account/two-factor");

        var (newKey, _) = await client.EnrolAsync();
        newKey.ShouldBe(TwoFactorSteps.KeyOf(html));
        (await client.GetAsync("/settings/deadlines")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("two-factor-reset", "ResetInput")]
    [InlineData("two-factor-regenerate", "RegenerateInput")]
    public async Task Change_WithoutTheAppsCode_RefusedAndNothingChanges(string form, string input)
    {
        // A stolen session alone cannot swap the key or take new recovery codes.
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
        var (key, codes) = await client.EnrolAsync();
        var stamp = (await app.StoredUserAsync(admin.Id)).SecurityStamp;
        (await client.GetPageAsync(TwoFactorSteps.PagePath)).ShouldContain($"name=\"{input}.Code\"", customMessage: "the field a browser posts");

        var empty = await client.PostFormAsync(TwoFactorSteps.PagePath, form, new Dictionary<string, string> { [$"{input}.Code"] = "" });
        var wrong = await client.PostFormAsync(TwoFactorSteps.PagePath, form, new Dictionary<string, string> { [$"{input}.Code"] = Totp.Code(key) == "000000" ? "111111" : "000000" });

        (await empty.ReadTextAsync()).ShouldContain("data-testid=\"two-factor-error\"");
        (await wrong.ReadTextAsync()).ShouldContain("data-testid=\"two-factor-error\"");
        var stored = await app.StoredUserAsync(admin.Id);
        stored.TwoFactorEnabled.ShouldBeTrue();
        stored.SecurityStamp.ShouldBe(stamp);
        stored.AccessFailedCount.ShouldBe(1);
        TwoFactorSteps.RecoveryCodesOf(await wrong.ReadTextAsync()).ShouldBeEmpty();
        var other = app.NewClient();
        await other.PostLoginAsync(admin.Email!, TwoFactorSteps.Password);
        (await other.PostRecoveryCodeAsync(codes[0])).RedirectTarget().ShouldBe("/");
    }

    [Fact]
    public async Task RecoveryCodes_Renewed_OldOnesStopWorking()
    {
        var admin = await app.NewAdminAsync();
        var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
        var (key, oldCodes) = await client.EnrolAsync();

        var renewed = await client.PostFormAsync(TwoFactorSteps.PagePath, "two-factor-regenerate", TwoFactorSteps.Confirm("RegenerateInput", key));

        var newCodes = TwoFactorSteps.RecoveryCodesOf(await renewed.ReadTextAsync());
        newCodes.Count.ShouldBe(10);
        newCodes.ShouldNotContain(oldCodes[0]);
        var other = app.NewClient();
        await other.PostLoginAsync(admin.Email!, TwoFactorSteps.Password);
        (await other.PostRecoveryCodeAsync(oldCodes[0])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.PostRecoveryCodeAsync(newCodes[0])).RedirectTarget().ShouldBe("/");
    }

    [Fact]
    public async Task EnrolmentPage_QrCodeAndOtpAuthLink_CarryTheKey()
    {
        var worker = await app.NewWorkerAsync();
        var client = await app.SignedInClientAsync(worker.Email!, TwoFactorSteps.Password);

        var response = await client.GetAsync(TwoFactorSteps.PagePath);
        var html = await response.ReadTextAsync();

        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        var key = TwoFactorSteps.KeyOf(html).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        html.ShouldContain($"href=\"otpauth://totp/CooperationModel:{Uri.EscapeDataString(worker.Email!)}?secret={key}&issuer=CooperationModel&digits=6\"");
        html.ShouldContain("src=\"data:image/png;base64,");
        // Spelled out in the response header: the QR image is allowed by the policy as it stands (img-src data:).
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("img-src 'self' data:");
    }

    [Fact]
    public void Totp_Rfc6238TestVectors_SixDigitCodes()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890": the last six of its eight-digit codes.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)).ShouldBe("287082");
        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)).ShouldBe("081804");
        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1234567890)).ShouldBe("005924");
        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(20000000000)).ShouldBe("353130");
    }
}
