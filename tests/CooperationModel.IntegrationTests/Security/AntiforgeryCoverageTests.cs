using System.Net;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.IntegrationTests.Security;

/// <summary>
/// Every endpoint that can change state (POST, PUT, PATCH, DELETE, or any method) checks an antiforgery token, unless it
/// is on the allow list below with the reason why it needs none. A new endpoint fails here until it is one or the other.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AntiforgeryCoverageTests(AppFixture app)
{
    private static readonly string[] StateChangingMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>Route patterns that take no antiforgery token, and why that is safe.</summary>
    private static readonly Dictionary<string, string> AllowList = new()
    {
        ["/account/keep-alive"] =
            "The layout's script re-issues the caller's own auth cookie with fetch (no form). A forged call could only keep a session " +
            "alive, and none can come from another site: the auth cookie is SameSite=Strict, so such a request is anonymous (401).",
        ["/_blazor/negotiate"] =
            "The interactive app's SignalR circuit (Blazor's own): no form, no cookie-only effect; the connection token from " +
            "negotiate is a secret, and the SameSite=Strict auth cookie never reaches it from another site.",
        ["/_blazor"] = "The SignalR circuit itself (see /_blazor/negotiate): messages are bound to the secret connection token.",
        ["/_blazor/disconnect"] = "Blazor's own: ends a circuit whose secret id the caller must send; nothing else.",
        ["/_blazor/initializers"] = "Blazor's own: lists the app's JavaScript initializers; reads only (mapped without a method).",
    };

    [Fact]
    public void Endpoints_StateChanging_AllCheckAntiforgeryOrAreOnTheAllowList()
    {
        var endpoints = StateChangingEndpoints();

        var unprotected = endpoints
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
            .Select(e => e.Pattern)
            .Distinct()
            .Where(pattern => !AllowList.ContainsKey(pattern))
            .ToList();

        unprotected.ShouldBeEmpty("state-changing endpoints without antiforgery and not on the allow list");
    }

    [Fact]
    public void Endpoints_StateChanging_IncludeTheFormsAndTheSignOut()
    {
        // The control for the test above: the enumeration sees the endpoints that must be protected.
        var protectedPatterns = StateChangingEndpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            .Select(e => e.Pattern)
            .ToList();

        protectedPatterns.ShouldContain("/account/logout");
        protectedPatterns.ShouldContain("/account/login");
        protectedPatterns.ShouldContain("/account/login-2fa");
        protectedPatterns.ShouldContain("/account/two-factor");
    }

    [Fact]
    public void AllowList_EveryEntry_IsAStateChangingEndpointThatExists()
    {
        // A stale entry would quietly allow whatever is mapped there next.
        var patterns = StateChangingEndpoints().Select(e => e.Pattern).ToHashSet();

        AllowList.Keys.Where(pattern => !patterns.Contains(pattern)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Logout_WithoutToken_RefusedAndStillSignedIn()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("cm.auth=;", StringComparison.Ordinal));
        (await client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithThePageToken_SignsOut()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);
        var page = await client.GetAsync("/cases");

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await page.AntiforgeryTokenAsync(),
        }));

        response.RedirectTarget().ShouldBe("/account/login");
        (await client.GetAsync("/cases")).RedirectTarget().ShouldStartWith("/account/login?");
    }

    [Fact]
    public async Task PagePost_WithoutToken_Refused()
    {
        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);

        var response = await client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "two-factor-enable",
            ["EnableInput.Code"] = "123456",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private List<(RouteEndpoint Endpoint, string Pattern)> StateChangingEndpoints() =>
    [
        .. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods
                || methods.Any(method => StateChangingMethods.Contains(method, StringComparer.OrdinalIgnoreCase)))
            .Select(endpoint => (endpoint, "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/'))),
    ];
}
