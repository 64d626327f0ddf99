using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Referrals;

/// <summary>Routing: the receiver is the social services organiser of the client's home municipality.</summary>
public sealed partial class Referral
{
    /// <summary>Where the referral goes: the organiser of the client's home municipality.</summary>
    public static SocialServicesOrganiser RouteFor(Municipality homeMunicipality, ReferenceCatalog catalog) =>
        catalog.ReceivingOrganiserFor(homeMunicipality);

    /// <summary>The organisation that receives referrals for a home municipality: its social services organiser.</summary>
    public static Guid ReceiverFor(string homeMunicipalityCode) =>
        Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, OrganiserCodeFor(homeMunicipalityCode));

    /// <summary>The routing is the domain's: no caller can send a referral to another organiser by mistake.</summary>
    private static string OrganiserCodeFor(string homeMunicipalityCode)
    {
        var catalog = ReferenceCatalog.Instance;
        var municipality = catalog.FindMunicipality(homeMunicipalityCode)
            ?? throw new InvalidOperationException("A home municipality is not in the reference data.");
        return RouteFor(municipality, catalog).Code;
    }
}
