using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;
using System.Text.Json;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Identity;
using CooperationModel.IntegrationTests.Logging;
using CooperationModel.IntegrationTests.Security;
using CooperationModel.IntegrationTests.Support;
using CsCheck;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Xunit.Abstractions;
using static CooperationModel.Domain.Organisations.UserRole;

namespace CooperationModel.IntegrationTests.Api;

/// <summary>
/// The project's corpus of malformed input, sent to every parameter of every GET endpoint of the app's own (the JSON API,
/// the file downloads, the access log's files, the language switch). The endpoints and their parameters are read from
/// the app's <see cref="EndpointDataSource"/> (route values from the pattern, query values from the handler's
/// <see cref="FromQueryAttribute"/> parameters), so a new route or parameter is covered without a line here. Each
/// parameter gets the fixed corpus (overflowing and negative numbers, NUL and control characters, huge strings, bad and
/// combined enum names, bad and extreme dates, bad GUIDs, repeated parameters, SQL and HTML, identity codes, another
/// tenant's ids) and values CsCheck generates, as every role the authorization matrix lets through. Every answer: never a
/// 5xx; a 400 is problem details in the caller's language; no other tenant's client data; and the log (at the app's own
/// levels) holds none of the values sent and no error.
/// </summary>
[Collection(LogScanCollection.Name)]
public sealed class MalformedInputCorpusTests(ITestOutputHelper output)
{
    /// <summary>Generated values per parameter, on top of the fixed corpus; with it, the run stays within about a minute.</summary>
    private const int GeneratedPerParameter = 6;

    private static readonly string[] Languages = ["fi", "sv"];

    [Fact]
    public async Task EveryGetParameter_MalformedValues_NeverA5xxAndLocalisedProblemsAndNoLeaks()
    {
        var capture = new LogCapture();
        // The console would print every request into the test output; the capture sink still gets everything.
        var app = AppFixture.With(new Dictionary<string, string> { ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Fatal" }, capture.AddTo);
        await app.InitializeAsync();
        try
        {
            await RunAsync(app, capture);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private async Task RunAsync(AppFixture app, LogCapture capture)
    {
        var own = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        var other = await app.SendReferralAsync(DemoDataSeeder.HandlerNorth, "564");
        var endpoints = Endpoints(app);
        endpoints.ShouldContain(e => e.Pattern == "/api/inbox" && e.Query.Contains("mine"), "the inbox and its parameters were not found");
        endpoints.ShouldContain(e => e.Pattern == "/api/referrals/{id:guid}" && e.Route.Contains("id"));

        var texts = Languages.ToDictionary(l => l, TextsOf);
        var clients = new Dictionary<UserRole, HttpClient>();
        var failures = new List<string>();
        var sent = new HashSet<string>(StringComparer.Ordinal);
        var requests = 0;

        foreach (var endpoint in endpoints)
        {
            foreach (var role in RolesFor(endpoint))
            {
                var client = role is { } r
                    ? clients.TryGetValue(r, out var signedIn) ? signedIn : clients[r] = await SignInAsync(app, r)
                    : app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
                foreach (var parameter in endpoint.Route.Select(p => (Name: p, InRoute: true)).Concat(endpoint.Query.Select(p => (Name: p, InRoute: false))))
                {
                    // A NUL in the path never reaches the app: Kestrel refuses the request line (and the test server will not send it).
                    foreach (var value in Corpus(own, other).Concat(Generated()).Where(v => !parameter.InRoute || !v.Values[0].Contains('\0')))
                    {
                        var language = Languages[requests % Languages.Length];
                        var path = endpoint.PathWith(parameter.Name, parameter.InRoute, value, own);
                        sent.UnionWith(value.Values);
                        requests++;
                        using var request = new HttpRequestMessage(HttpMethod.Get, path);
                        request.Headers.Add("Accept-Language", language);
                        using var response = await client.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        var problem = Check(response, body, texts[language], other);
                        if (problem is not null)
                        {
                            failures.Add($"{role?.ToString() ?? "anonymous"} GET {Shorten(path)} ({language}): {problem}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"Malformed-input corpus: {requests} requests to {endpoints.Count} endpoints "
            + $"({endpoints.Sum(e => e.Route.Count + e.Query.Count)} parameters), {failures.Count} failed.");
        failures.Distinct().Take(40).ShouldBeEmpty($"{failures.Count} of {requests} answers were wrong");

        var leaks = LeaksIn(capture, sent);
        leaks.ShouldBeEmpty($"values sent reached the log ({capture.Events.Count} events scanned)");
        capture.Events.Where(e => e.Level >= LogEventLevel.Error).Select(LogCapture.Describe).ShouldBeEmpty("errors were logged");
    }

    /// <summary>What is wrong with one answer, or null.</summary>
    private static string? Check(HttpResponseMessage response, string body, IReadOnlySet<string> texts, SentReferral other)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}";
        }

        if (new[] { other.ClientName, other.IdentityCode, other.Description }.OfType<string>().FirstOrDefault(body.Contains) is { } leaked)
        {
            return $"{status} holds another tenant's client data ({leaked})";
        }

        if (status != 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"400 as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not problem details";
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
        if (title is null || !texts.Contains(title))
        {
            return $"400 titled \"{title}\", not a text of the caller's language";
        }

        if (root.TryGetProperty("errors", out var errors))
        {
            foreach (var field in errors.EnumerateObject())
            {
                foreach (var message in field.Value.EnumerateArray().Select(m => m.GetString()))
                {
                    if (message is null || !texts.Contains(message))
                    {
                        return $"400 error of {field.Name} \"{message}\", not a text of the caller's language";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Every value sent (of 8 characters or more; ids excepted, they are no personal data) found in a log event.</summary>
    private static List<string> LeaksIn(LogCapture capture, IEnumerable<string> sent)
    {
        var distinctive = sent.Where(v => v.Length >= 8 && !Guid.TryParse(v, out _)).ToList();
        var leaks = new List<string>();
        foreach (var logEvent in capture.Events)
        {
            var text = string.Join("\n", LogCapture.Texts(logEvent).Select(p => p.Text));
            leaks.AddRange(distinctive.Where(v => text.Contains(v, StringComparison.Ordinal)).Select(v => $"{Shorten(v)} in {LogCapture.Describe(logEvent)}"));
        }

        return leaks.Distinct().ToList();
    }

    /// <summary>The app's own GET endpoints with parameters, from its endpoint data source.</summary>
    private static List<Endpoint> Endpoints(AppFixture app) =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (Endpoint: e, Method: e.Metadata.GetMetadata<MethodInfo>()))
            .Where(e => e.Method is not null && e.Method.DeclaringType?.Assembly == typeof(Program).Assembly)
            .Select(e => new Endpoint(
                "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'),
                e.Endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList(),
                e.Method!.GetParameters()
                    .Select(p => p.GetCustomAttribute<FromQueryAttribute>() is { } query ? query.Name ?? p.Name : null)
                    .OfType<string>()
                    .ToList()))
            .Where(e => e.Route.Count + e.Query.Count > 0)
            .ToList();

    /// <summary>Who may reach the endpoint, as the authorization matrix says (every route has a line there); null is nobody signed in.</summary>
    private static IEnumerable<UserRole?> RolesFor(Endpoint endpoint)
    {
        var rule = AuthorizationMatrix.Routes.Single(r => r.Pattern == endpoint.Pattern && r.Methods.Contains("GET"));
        if (rule.EndsSession)
        {
            return [];
        }

        // A public endpoint is tried as nobody: what a signed-in caller may send it, anyone may.
        return rule.Reach.Anonymous ? [null] : rule.Reach.Roles.Order().Select(r => (UserRole?)r);
    }

    private static async Task<HttpClient> SignInAsync(AppFixture app, UserRole role)
    {
        if (role.RequiresTwoFactor())
        {
            var admin = await app.NewAdminAsync();
            var client = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
            await client.EnrolAsync();
            return client;
        }

        return await app.SignedInClientAsync(role switch
        {
            KelaHandler => DemoDataSeeder.HandlerSouth,
            SocialWorker => DemoDataSeeder.WorkerHelsinki,
            Coordinator => DemoDataSeeder.Coordinator,
            HealthCareProfessional => DemoDataSeeder.HealthCareHelsinki,
            OutreachYouthWorker => DemoDataSeeder.YouthWorkHelsinki,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "a role without a caller: add one"),
        });
    }

    /// <summary>The fixed corpus. A value is one or more raw values of the parameter (more than one: the parameter repeated).</summary>
    private static IEnumerable<Value> Corpus(SentReferral own, SentReferral other)
    {
        string[] single =
        [
            "", " ", "0", "-1", "1.5", "1e3", "2147483647", "2147483648", "-2147483649", "21474837", "42949673", "99999999999999999999",
            "a\0b", "\0", "\u0001\u001f", "\r\n", "\t", "\u007f", "\uFFFE", "\uD800", "ä€😀",
            new string('x', 5_000), new string('ä', 10_000),
            "Bogus", "99", "Sent,Received", "Accepted,Completed", " Sent", "sent ", "true,false", "yes", "NaN",
            "2026-13-45", "31.12.2026", "0001-01-01", "9999-12-31", "-0001-01-01", "2026-02-30",
            "not-a-guid", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString("N"), "{" + Guid.NewGuid() + "}",
            other.ReferralId.ToString(), other.IdentityCode, own.IdentityCode, own.ClientName, IdentityCodes.Next(),
            "' OR '1'='1'; DROP TABLE referrals; --", "<script>alert(1)</script>", "%00", "%2e%2e%2f", "../../etc/passwd", "a&b=c", "\"quoted\"",
        ];
        foreach (var value in single)
        {
            yield return new Value([value]);
        }

        yield return new Value(["1", "2"]);
        yield return new Value(["Sent", "Received"]);
        yield return new Value([own.IdentityCode, other.IdentityCode]);
    }

    /// <summary>Values CsCheck generates: numbers of every size, any text, text of the characters that break parsers.</summary>
    private static IEnumerable<Value> Generated()
    {
        var gen = Gen.OneOf(
            Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => d.ToString(CultureInfo.InvariantCulture)),
            Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Gen.Guid.Select(g => g.ToString()),
            Gen.String,
            Gen.String[Gen.Char["\0\u0001\r\n\t ,;:'\"<>&%=+-_./\\{}[]()0123456789azAZäÅ€\uD800\uDC00"], 0, 40],
            Gen.String[Gen.Char, 200, 2_000]);
        return gen.Array[GeneratedPerParameter].Single().Select(v => new Value([v]));
    }

    /// <summary>Every text of the app's strings in one language, for telling whether an answer speaks it.</summary>
    private static IReadOnlySet<string> TextsOf(string language)
    {
        var resources = new ResourceManager("CooperationModel.Web.Resources.SharedResource", typeof(Program).Assembly);
        var culture = language == "fi" ? CultureInfo.InvariantCulture : new CultureInfo(language);
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No strings for {language}.");
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Value!).ToHashSet(StringComparer.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"… ({text.Length} characters)";

    /// <summary>One or more raw values of a parameter.</summary>
    private sealed record Value(IReadOnlyList<string> Values);

    private sealed record Endpoint(string Pattern, IReadOnlyList<string> Route, IReadOnlyList<string> Query)
    {
        /// <summary>
        /// The path with the value in the one parameter tried: in its route segment, or as the query (repeated when the value
        /// has more than one part). The other route values are the caller's own record's, so that only this one is wrong.
        /// </summary>
        public string PathWith(string name, bool inRoute, Value value, SentReferral own)
        {
            var path = new StringBuilder();
            foreach (var segment in Pattern.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var parameter = segment.StartsWith('{') ? segment.Trim('{', '}').Split(':')[0] : null;
                path.Append('/').Append(parameter is null ? segment
                    : parameter == name && inRoute ? Uri.EscapeDataString(value.Values[0])
                    : own.ReferralId.ToString());
            }

            if (!inRoute)
            {
                path.Append('?').AppendJoin('&', value.Values.Select(v => $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(v)}"));
            }

            return path.ToString();
        }
    }
}
