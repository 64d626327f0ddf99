using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Application.Common;

/// <summary>
/// The signed-in user of this request or circuit. When nobody is signed in, <see cref="OrganisationId"/> is
/// <see cref="Guid.Empty"/>, which matches no tenant: data access fails closed.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid UserId { get; }

    Guid OrganisationId { get; }

    OrganisationKind OrganisationKind { get; }

    UserRole? Role { get; }

    string DisplayName { get; }

    Actor ToActor() => new(UserId, OrganisationId, DisplayName);

    /// <summary>Whether the user's role sees client data at all (<see cref="UserRoles.WorksWithClients"/>): the handlers that read a client's record ask this first.</summary>
    bool WorksWithClients => Role?.WorksWithClients() == true;
}
