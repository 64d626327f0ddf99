using Microsoft.AspNetCore.Localization;

namespace CooperationModel.Web.Services;

/// <summary>
/// Before the user has chosen a language, serve them in the national language their browser prefers:
/// Swedish for a Swedish browser, otherwise Finnish. English is only ever an explicit choice (the cookie),
/// so an English-language browser still gets the Finnish service by default.
/// </summary>
public sealed class NationalLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var preferred = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(language => language.Quality is not 0)
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value ?? "")
            .FirstOrDefault(IsNationalLanguage);

        return Task.FromResult(preferred is null
            ? null
            : new ProviderCultureResult(preferred.StartsWith("sv", StringComparison.OrdinalIgnoreCase) ? "sv" : "fi"));
    }

    private static bool IsNationalLanguage(string tag) =>
        tag.StartsWith("fi", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("sv", StringComparison.OrdinalIgnoreCase);
}
