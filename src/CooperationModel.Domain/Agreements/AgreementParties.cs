using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Agreements;

/// <summary>
/// Which organisations may be the two parties of a local agreement: one Kela insurance district and one social services
/// organiser whose areas meet, that is, the organiser has at least one municipality in the district (ReferenceCatalog).
/// </summary>
public static class AgreementParties
{
    /// <summary>Whether the district (its code) and the organiser (its code) share a municipality.</summary>
    public static bool Meet(string kelaDistrictCode, string organiserCode) =>
        ReferenceCatalog.Instance.Municipalities.Any(m => m.KelaDistrictCode == kelaDistrictCode && m.OrganiserCode == organiserCode);

    /// <summary>The kind of organisation the other party must be for a user's organisation of this kind (null: none can be).</summary>
    public static OrganisationKind? OtherKind(OrganisationKind own) => own switch
    {
        OrganisationKind.KelaDistrict => OrganisationKind.SocialServicesOrganiser,
        OrganisationKind.SocialServicesOrganiser => OrganisationKind.KelaDistrict,
        _ => null,
    };

    /// <summary>
    /// The district and the organiser out of two organisations (in either order): both kinds present once and their
    /// areas meeting; otherwise null.
    /// </summary>
    public static (Organisation District, Organisation Organiser)? Of(Organisation one, Organisation other)
    {
        var (district, organiser) = one.Kind == OrganisationKind.KelaDistrict ? (one, other) : (other, one);
        return district.Kind == OrganisationKind.KelaDistrict && organiser.Kind == OrganisationKind.SocialServicesOrganiser
            && Meet(district.Code, organiser.Code)
            ? (district, organiser)
            : null;
    }
}
