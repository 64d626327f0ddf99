using System.Net;
using CooperationModel.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CooperationModel.IntegrationTests.Localization;

/// <summary>Finnish by default, Swedish and English by the culture cookie; the language switch redirects only locally.</summary>
[Collection(AppCollection.Name)]
public sealed class LanguageTests(AppFixture app)
{
    [Fact]
    public async Task LoginPage_NoCookie_Finnish()
    {
        var html = await app.NewClient().GetPageAsync("/account/login");

        html.ShouldContain("Kirjautuminen");
        html.ShouldContain("<html lang=\"fi\"");
    }

    [Fact]
    public async Task LoginPage_SwedishCookie_Swedish()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c=sv|uic=sv");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.ReadTextAsync();
        html.ShouldContain("Inloggning");
        html.ShouldNotContain("Kirjautuminen");
        html.ShouldContain("<html lang=\"sv\"");
    }

    [Theory]
    [InlineData("sv-FI,sv;q=0.9,en;q=0.8", "sv", "Inloggning")]
    [InlineData("en-US,en;q=0.9", "fi", "Kirjautuminen")]
    [InlineData("en-GB,sv;q=0.5", "sv", "Inloggning")]
    [InlineData("de-DE,fi;q=0.7,sv;q=0.6", "fi", "Kirjautuminen")]
    public async Task LoginPage_BrowserLanguage_NationalLanguageItPrefersElseFinnish(string acceptLanguage, string lang, string heading)
    {
        var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Accept-Language", acceptLanguage);

        var html = await (await client.SendAsync(request)).ReadTextAsync();

        html.ShouldContain(heading);
        html.ShouldContain($"<html lang=\"{lang}\"");
    }

    [Fact]
    public async Task SetCulture_English_SetsCookieAndRedirectsLocally()
    {
        var client = app.NewClient();

        var response = await client.GetAsync("/culture/set?culture=en&redirectUri=/account/login");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/login");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));
        var html = await client.GetPageAsync("/account/login");
        html.ShouldContain("Sign in");
        html.ShouldNotContain("Kirjautuminen");
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/account/login")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SetCulture_ForeignRedirect_GoesHome(string redirectUri)
    {
        var response = await app.NewClient().GetAsync($"/culture/set?culture=sv&redirectUri={Uri.EscapeDataString(redirectUri)}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.IsAbsoluteUri.ShouldBeFalse($"redirected to {location}");
        location.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task SetCulture_UnknownCulture_FallsBackToFinnish()
    {
        var response = await app.NewClient().GetAsync("/culture/set?culture=de&redirectUri=/account/login");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Dfi%7Cuic%3Dfi", StringComparison.Ordinal));
    }
}
