using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Directory;

/// <summary>What a directory contact is for (tehtävä / uppgift); the order is the directory's order.</summary>
public enum DirectoryFunction
{
    /// <summary>Aikuissosiaalityö: the social work that receives Kela's referrals.</summary>
    AdultSocialWork = 1,
    ChildProtection = 2,
    Housing = 3,
    /// <summary>Sosiaalipäivystys: the social emergency service, with its own hours.</summary>
    SocialEmergencyService = 4,
    HealthCare = 5,
    OutreachYouthWork = 6,
    /// <summary>Kelan alueellinen yhteyshenkilö: a Kela district's regional contact for the partners.</summary>
    KelaRegionalContact = 7,
}

/// <summary>The language a contact serves in.</summary>
public enum ServiceLanguage
{
    Finnish = 1,
    Swedish = 2,
    Bilingual = 3,
}

/// <summary>
/// Which function fits which kind of organisation, and which municipalities an organisation covers (its area), from the
/// reference data: an organiser's and its health care's municipalities, a Kela district's, the one municipality of an
/// outreach youth work organisation.
/// </summary>
public static class DirectoryFunctions
{
    public static IReadOnlyList<DirectoryFunction> All { get; } = Enum.GetValues<DirectoryFunction>();

    /// <summary>Kela's regional contact in a Kela district; the social services functions in an organiser; health care and
    /// outreach youth work in an organiser or an organisation of their own kind.</summary>
    public static bool Fits(this DirectoryFunction function, OrganisationKind kind) => function switch
    {
        DirectoryFunction.KelaRegionalContact => kind == OrganisationKind.KelaDistrict,
        DirectoryFunction.AdultSocialWork or DirectoryFunction.ChildProtection or DirectoryFunction.Housing
            or DirectoryFunction.SocialEmergencyService => kind == OrganisationKind.SocialServicesOrganiser,
        DirectoryFunction.HealthCare => kind is OrganisationKind.SocialServicesOrganiser or OrganisationKind.HealthCare,
        DirectoryFunction.OutreachYouthWork => kind is OrganisationKind.SocialServicesOrganiser or OrganisationKind.OutreachYouthWork,
        _ => false,
    };

    /// <summary>The functions an organisation of this kind may list (none for the national coordination).</summary>
    public static IReadOnlyList<DirectoryFunction> For(OrganisationKind kind) => [.. All.Where(f => f.Fits(kind))];

    /// <summary>Whether the organisation (by kind and code) covers the municipality.</summary>
    public static bool Covers(OrganisationKind kind, string organisationCode, Municipality municipality) => kind switch
    {
        OrganisationKind.KelaDistrict => municipality.KelaDistrictCode == organisationCode,
        OrganisationKind.SocialServicesOrganiser or OrganisationKind.HealthCare => municipality.OrganiserCode == organisationCode,
        OrganisationKind.OutreachYouthWork => municipality.Code == organisationCode,
        _ => false,
    };

    /// <summary>The municipalities the organisation covers, in the catalog's order.</summary>
    public static IReadOnlyList<Municipality> AreaOf(OrganisationKind kind, string organisationCode) =>
        [.. ReferenceCatalog.Instance.Municipalities.Where(m => Covers(kind, organisationCode, m))];

    /// <summary>
    /// The ids of the organisations that cover the municipality: its Kela district, its organiser, the organiser's health
    /// care, and its own outreach youth work. An entry for an organisation's whole area counts for each of these.
    /// </summary>
    public static IReadOnlyList<Guid> OrganisationsCovering(Municipality municipality) =>
    [
        Organisation.IdFor(OrganisationKind.KelaDistrict, municipality.KelaDistrictCode),
        Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, municipality.OrganiserCode),
        Organisation.IdFor(OrganisationKind.HealthCare, municipality.OrganiserCode),
        Organisation.IdFor(OrganisationKind.OutreachYouthWork, municipality.Code),
    ];
}
