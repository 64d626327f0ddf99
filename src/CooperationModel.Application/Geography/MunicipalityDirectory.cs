using System.Globalization;
using CooperationModel.Domain.Geography;

namespace CooperationModel.Application.Geography;

/// <summary>Municipality names and search for pickers; the 308 municipalities are reference data held in memory.</summary>
public static class MunicipalityDirectory
{
    /// <summary>The name in the user's language: Swedish for sv, otherwise Finnish (English uses the official name).</summary>
    public static string NameOf(Municipality municipality, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "sv" ? municipality.NameSv : municipality.NameFi;

    public static string NameOf(string municipalityCode, CultureInfo culture) =>
        ReferenceCatalog.Instance.FindMunicipality(municipalityCode) is { } municipality
            ? NameOf(municipality, culture)
            : municipalityCode;

    /// <summary>Matches the start of a word in the Finnish or Swedish name, or the code; at most <paramref name="take"/> rows.</summary>
    public static IReadOnlyList<Municipality> Search(string? text, CultureInfo culture, int take = 20)
    {
        var all = ReferenceCatalog.Instance.Municipalities;
        IEnumerable<Municipality> matches = all;
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            matches = all.Where(m =>
                m.Code.StartsWith(term, StringComparison.Ordinal)
                || StartsWordOf(m.NameFi, term)
                || StartsWordOf(m.NameSv, term));
        }

        return matches
            .OrderBy(m => NameOf(m, culture), StringComparer.Create(culture, ignoreCase: true))
            .Take(take)
            .ToList();
    }

    private static bool StartsWordOf(string name, string term) =>
        name.StartsWith(term, StringComparison.CurrentCultureIgnoreCase)
        || name.Contains(" " + term, StringComparison.CurrentCultureIgnoreCase)
        || name.Contains("-" + term, StringComparison.CurrentCultureIgnoreCase);
}
