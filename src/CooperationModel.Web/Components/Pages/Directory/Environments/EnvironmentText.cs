using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using CooperationModel.Web.Components.Shared;

namespace CooperationModel.Web.Components.Pages.Directory.Environments;

/// <summary>Names the operating environments' pages show (from the catalog, in the user's language).</summary>
public static class EnvironmentText
{
    public static string OrganiserName(string organiserCode) =>
        ReferenceCatalog.Instance.Organisers.FirstOrDefault(o => o.Code == organiserCode) is { } organiser
            ? Display.InLanguage(organiser.NameFi, organiser.NameSv, organiser.NameEn)
            : organiserCode;

    /// <summary>The link to a municipality's environment page (the directory's search links here too).</summary>
    public static string PageOf(string municipalityCode) => $"directory/environments/{municipalityCode}";

    public static string TypeKey(OperatingEnvironmentType type) => $"EnvironmentType.{type}";

    public static string MeaningKey(OperatingEnvironmentType type) => $"EnvironmentType.{type}.Meaning";
}
