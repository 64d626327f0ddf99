using CooperationModel.Application.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Web.Tests;

/// <summary>The signed-in user a component sees, set per test with <see cref="Be"/>.</summary>
public sealed class FakeCurrentUser : ICurrentUser
{
    public bool IsAuthenticated => true;

    public Guid UserId { get; } = Guid.NewGuid();

    public Guid OrganisationId { get; private set; }

    public OrganisationKind OrganisationKind { get; private set; }

    public UserRole? Role { get; private set; }

    public string DisplayName => "Testaaja";

    public void Be(Guid organisationId, UserRole role)
    {
        OrganisationId = organisationId;
        Role = role;
        OrganisationKind = role switch
        {
            UserRole.KelaHandler => OrganisationKind.KelaDistrict,
            UserRole.HealthCareProfessional => OrganisationKind.HealthCare,
            UserRole.OutreachYouthWorker => OrganisationKind.OutreachYouthWork,
            _ => OrganisationKind.SocialServicesOrganiser,
        };
    }
}
