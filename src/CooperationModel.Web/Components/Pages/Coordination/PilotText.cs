using System.Globalization;
using CooperationModel.Application.Pilots;
using CooperationModel.Domain.Geography;
using CooperationModel.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Components.Pages.Coordination;

/// <summary>How the coordination pages show a pilot: its name and timetable in the user's language, its places, its months.</summary>
public static class PilotText
{
    /// <summary>Swedish when the model's Swedish version names it; otherwise (and in English) the Finnish text as written.</summary>
    public static string InLanguage(string fi, string? sv) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" && sv is { Length: > 0 } ? sv : fi;

    public static string Name(PilotRow pilot) => InLanguage(pilot.NameFi, pilot.NameSv);

    public static string? Timetable(PilotRow pilot) => pilot.TimetableFi is null && pilot.TimetableSv is null
        ? null
        : InLanguage(pilot.TimetableFi ?? pilot.TimetableSv!, pilot.TimetableSv);

    public static string Places(IStringLocalizer L, PilotRow pilot) => pilot.IsNational
        ? L["Pilots.National"]
        : string.Join(", ", pilot.RegionCodes.Select(RegionName).Concat(pilot.MunicipalityCodes.Select(Display.Municipality)));

    public static string RegionName(string code) =>
        ReferenceCatalog.Instance.Regions.FirstOrDefault(r => r.Code == code) is { } region
            ? Display.InLanguage(region.NameFi, region.NameSv, region.NameEn)
            : code;

    public static string Month(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.CurrentCulture);

    /// <summary>"05/2018" or "02/2018–05/2018"; the text for no timetable when the seed gives none.</summary>
    public static string Months(IStringLocalizer L, PilotRow pilot) => pilot.StartMonth is not { } start
        ? L["Pilots.NoTimetable"]
        : pilot.EndMonth is { } end && end != start ? $"{Month(start)}–{Month(end)}" : Month(start);

    public static string Stages(IStringLocalizer L, PilotRow pilot) => string.Join(", ", pilot.Stages.Select(s => L[$"Stage.{s}"].Value));
}
