using System.Net;
using System.Text.RegularExpressions;

namespace CooperationModel.LoadDriver;

/// <summary>
/// A demo user signed in over HTTP as a browser does: the static sign-in form with its antiforgery token. The cookies
/// are shared by every circuit opened for the user (one sign-in, as one browser with many tabs).
/// </summary>
public sealed partial class DemoSession : IDisposable
{
    private DemoSession(Uri baseAddress, CookieContainer cookies, HttpClient http)
    {
        BaseAddress = baseAddress;
        Cookies = cookies;
        Http = http;
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The signed-in browser's HTTP client (no redirects followed, so a sign-in failure shows).</summary>
    public HttpClient Http { get; }

    public static async Task<DemoSession> SignInAsync(Uri baseAddress, string email, string password, CancellationToken cancellationToken = default)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        try
        {
            var form = await http.GetStringAsync(new Uri("account/login", UriKind.Relative), cancellationToken);
            var token = Hidden(form, "__RequestVerificationToken");
            var handler = Hidden(form, "_handler");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = handler,
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            });
            using var response = await http.PostAsync(new Uri("account/login", UriKind.Relative), content, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found
                || response.Headers.Location?.OriginalString.Contains("account/login", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
            }

            return new DemoSession(baseAddress, cookies, http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private static string Hidden(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(tag) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The sign-in form has no hidden field {name}.");
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    public void Dispose() => Http.Dispose();
}
