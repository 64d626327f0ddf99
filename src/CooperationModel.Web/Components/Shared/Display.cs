using System.Globalization;
using CooperationModel.Application.Common;
using CooperationModel.Application.Geography;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Referrals;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Components.Shared;

/// <summary>How values are shown: Finnish time, the user's language.</summary>
public static class Display
{
    public static string Time(DateTimeOffset? value) =>
        value is { } time
            ? FinnishTime.ToFinnish(time).ToString("d.M.yyyy HH:mm", CultureInfo.InvariantCulture)
            : "";

    public static string Date(DateOnly? value) =>
        value is { } date ? date.ToString("d.M.yyyy", CultureInfo.InvariantCulture) : "";

    public static DateTime? ToDateTime(DateOnly? value) => value?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? value) => value is { } time ? DateOnly.FromDateTime(time) : null;

    public static string Municipality(string code) => MunicipalityDirectory.NameOf(code, CultureInfo.CurrentUICulture);

    /// <summary>The name in the user's language, from a Finnish, Swedish and English name.</summary>
    public static string InLanguage(string fi, string sv, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "sv" => sv,
        "en" => en,
        _ => fi,
    };

    /// <summary>A file's size in bytes below one kilobyte, in kilobytes below one megabyte, and in megabytes from there.</summary>
    public static string FileSize(IStringLocalizer L, long bytes) => bytes switch
    {
        < 1024 => L["Message.SizeBytes", bytes.ToString(CultureInfo.CurrentCulture)],
        < 1024 * 1024 => L["Message.SizeKb", ((long)Math.Ceiling(bytes / 1024d)).ToString(CultureInfo.CurrentCulture)],
        _ => L["Message.SizeMb", (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.CurrentCulture)],
    };

    public static string Name(OrganisationName name) => InLanguage(name.NameFi, name.NameSv, name.NameEn);

    /// <summary>The social services organiser that receives referrals for a municipality.</summary>
    public static string ReceiverOf(string municipalityCode)
    {
        var catalog = ReferenceCatalog.Instance;
        var organiser = catalog.ReceivingOrganiserFor(catalog.FindMunicipality(municipalityCode)!);
        return InLanguage(organiser.NameFi, organiser.NameSv, organiser.NameEn);
    }

    /// <summary>What social services is expected to do: the plan a notice expects, or a decision on a transferred application.</summary>
    public static string ExpectedFollowUp(IStringLocalizer L, ReferralGround ground) =>
        ground.ExpectedPlanOf() is { } plan ? L[$"Plan.{plan}"] : L["Referral.ExpectedDecision"];
}
