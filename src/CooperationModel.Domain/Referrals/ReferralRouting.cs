using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// Where a referral goes: the social services organiser of the client's home municipality; and where a forward goes:
/// the health care of that organiser's area, or the outreach youth work of the home municipality. Built over the
/// reference data and handed to the referral's moves that route, so the entity never reaches a static catalog.
/// </summary>
public sealed class ReferralRouting(ReferenceCatalog catalog)
{
    /// <summary>The organiser that receives referrals for a home municipality.</summary>
    public SocialServicesOrganiser RouteFor(Municipality homeMunicipality) => catalog.ReceivingOrganiserFor(homeMunicipality);

    /// <summary>The organisation that receives referrals for a home municipality: its social services organiser.</summary>
    public Guid ReceiverFor(string homeMunicipalityCode) =>
        Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, OrganiserCodeFor(homeMunicipalityCode));

    /// <summary>The partner organisation a forward to <paramref name="target"/> goes to.</summary>
    public Guid PartnerFor(ForwardTarget target, string homeMunicipalityCode) => target switch
    {
        ForwardTarget.HealthCare => Organisation.IdFor(OrganisationKind.HealthCare, OrganiserCodeFor(homeMunicipalityCode)),
        ForwardTarget.OutreachYouthWork => Organisation.IdFor(OrganisationKind.OutreachYouthWork, homeMunicipalityCode),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private string OrganiserCodeFor(string homeMunicipalityCode)
    {
        var municipality = catalog.FindMunicipality(homeMunicipalityCode)
            ?? throw new InvalidOperationException("A home municipality is not in the reference data.");
        return RouteFor(municipality).Code;
    }
}
