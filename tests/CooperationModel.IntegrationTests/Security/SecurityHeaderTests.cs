using System.Net;
using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>Every response carries the security headers; the policy's nonce is new for each request and is the import map's.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SecurityHeaderTests(AppFixture app)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/cases")]
    [InlineData("/")]
    [InlineData("/notifications")]
    [InlineData("/ei-tallaista-sivua")]
    [InlineData("/api/inbox")]
    [InlineData("/api/referrals/00000000-0000-0000-0000-000000000001")]
    public async Task Response_SignedIn_CarriesSecurityHeaders(string path)
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);

        var response = await client.GetAsync(path);

        ShouldHaveSecurityHeaders(response);
    }

    [Fact]
    public async Task Response_AnonymousRedirect_CarriesSecurityHeaders()
    {
        var response = await app.NewClient().GetAsync("/cases");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ShouldHaveSecurityHeaders(response);
    }

    [Fact]
    public async Task Page_TwoRequests_NoncesDifferAndImportMapCarriesIt()
    {
        var client = app.NewClient();

        var first = await client.GetAsync("/account/login");
        var second = await client.GetAsync("/account/login");

        var firstNonce = NonceOf(first);
        var secondNonce = NonceOf(second);
        firstNonce.ShouldNotBe(secondNonce);
        firstNonce.Length.ShouldBeGreaterThanOrEqualTo(16);
        // Decoded as the browser reads the attribute: Blazor writes a "+" of the base64 nonce as "&#x2B;".
        var html = await second.ReadTextAsync();
        html.ShouldContain($"<script type=\"importmap\" nonce=\"{secondNonce}\"");
        // No other inline script: every other <script> has a src.
        ScriptTag().Matches(html).Select(m => m.Value)
            .Where(tag => !tag.Contains("src=", StringComparison.Ordinal) && !tag.Contains($"nonce=\"{secondNonce}\"", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    private static void ShouldHaveSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Header(response, "Content-Security-Policy");
        policy.ShouldContain("default-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("object-src 'none'");
        policy.ShouldMatch(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)");
        policy.ShouldNotContain("unsafe-eval");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("no-referrer");
        Header(response, "Permissions-Policy").ShouldContain("camera=()");
    }

    private static string NonceOf(HttpResponseMessage response) =>
        NonceInPolicy().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode}) has no {name} header");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
