using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CooperationModel.IntegrationTests.Support;

/// <summary>Acts as a person in a browser without JavaScript: keeps cookies, does not follow redirects.</summary>
public static partial class Browser
{
    /// <summary>The address WebApplicationFactory's in-memory clients use.</summary>
    public static readonly Uri AppOrigin = new("http://localhost");

    /// <summary>A fresh client with an empty cookie jar.</summary>
    public static HttpClient NewClient(this AppFixture app) =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form and returns the signed-in client; fails the test if sign-in fails.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this AppFixture app, string email, string password = DemoDataSeeder.DemoPassword)
    {
        var client = app.NewClient();
        var response = await client.PostLoginAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email} failed");
        return client;
    }

    public static Task<HttpClient> SignedInClientAsync(this AppFixture app, DemoUser user) => app.SignedInClientAsync(user.Email);

    /// <summary>GET the sign-in page, then POST the form with its antiforgery token, as a browser does.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password, string? returnUrl = null) =>
        client.PostFormAsync(
            returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}",
            "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// GET a page with a static form (it must render: 200), then POST the form named <paramref name="formName"/> back to the
    /// same address with the page's antiforgery token and the given fields, as a browser does.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await client.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        var token = await page.AntiforgeryTokenAsync();

        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token a page's forms carry; fails the test if it has none.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpResponseMessage page)
    {
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync());
        token.Success.ShouldBeTrue($"{page.RequestMessage?.RequestUri} has no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>The response body with HTML entities decoded, so text can be compared as a person reads it.</summary>
    public static async Task<string> ReadTextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>GET a page that must render (200), and return its decoded HTML.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        return await response.ReadTextAsync();
    }

    /// <summary>Where a redirect goes, as a path on this app; fails the test if it leaves the app.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new ShouldAssertException("the response has no Location header");
        var target = new Uri(AppOrigin, location);
        target.GetLeftPart(UriPartial.Authority).ShouldBe(AppOrigin.GetLeftPart(UriPartial.Authority), "redirect leaves the app");
        return target.PathAndQuery;
    }

    /// <summary>GET a page and follow redirects inside the app (at most a few), as a browser would.</summary>
    public static async Task<HttpResponseMessage> GetFollowingRedirectsAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        for (var hop = 0; hop < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hop++)
        {
            response = await client.GetAsync(response.RedirectTarget());
        }

        return response;
    }

    public static async Task<JsonDocument> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The ids of every row of the inbox API for a query, reading all pages.</summary>
    public static async Task<List<Guid>> InboxIdsAsync(this HttpClient client, string query = "")
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"/api/inbox?page={page}&pageSize=100{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = await response.ReadJsonAsync();
            var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            ids.AddRange(items);
            if (items.Count == 0 || ids.Count >= json.RootElement.GetProperty("totalCount").GetInt32())
            {
                return ids;
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
