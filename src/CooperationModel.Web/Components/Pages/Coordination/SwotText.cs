using System.Globalization;
using CooperationModel.Application.Swot;
using CooperationModel.Domain.Geography;
using CooperationModel.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Components.Pages.Coordination;

/// <summary>How the analysis pages write a round's month, state and workshops.</summary>
public static class SwotText
{
    /// <summary>"9/2022": the month as Finnish and Swedish write it (English readers read it too).</summary>
    public static string Month(DateOnly month) => month.ToString("M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The value of a month input ("2025-03"), or null.</summary>
    public static DateOnly? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>The value a month input shows for a month.</summary>
    public static string MonthValue(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string State(IStringLocalizer l, SwotRoundRow round) =>
        round.Shipped ? l["SwotRounds.Shipped"] : round.Published ? l["SwotRounds.Published"] : l["SwotRounds.Draft"];

    /// <summary>A workshop by its place: the Kela district, or the municipalities it named (the capital region by name).</summary>
    public static string Place(IStringLocalizer l, SwotWorkshopRow workshop)
    {
        if (workshop.KelaDistrictCode is { } district)
        {
            return ReferenceCatalog.Instance.KelaDistricts.FirstOrDefault(d => d.Code == district) is { } d ? Display.InLanguage(d.NameFi, d.NameSv, d.NameEn) : district;
        }

        if (workshop.Code == "paakaupunkiseutu")
        {
            return l["Swot.CapitalRegion"];
        }

        return string.Join(", ", workshop.MunicipalityCodes.Select(code =>
            ReferenceCatalog.Instance.Municipalities.FirstOrDefault(m => m.Code == code) is { } m ? Display.InLanguage(m.NameFi, m.NameSv, m.NameFi) : code));
    }
}
