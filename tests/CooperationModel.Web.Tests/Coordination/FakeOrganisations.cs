using CooperationModel.Application.Organisations.ListOrganisations;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Web.Tests.Coordination;

/// <summary>The organisations list for the pilot's owner links: one organisation of each kind asked for.</summary>
public sealed class FakeOrganisations : IListOrganisationsHandler
{
    public static readonly OrganisationName Helsinki = new(Guid.NewGuid(), OrganisationKind.SocialServicesOrganiser, "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki");

    public Task<IReadOnlyList<OrganisationName>> HandleAsync(OrganisationKind kind, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationName>>(kind == OrganisationKind.SocialServicesOrganiser ? [Helsinki] : []);
}
