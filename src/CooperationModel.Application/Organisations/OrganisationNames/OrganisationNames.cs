using CooperationModel.Application.Common;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Organisations.OrganisationNames;

/// <summary>An organisation's name in the three languages, e.g. for the links of a forwarding chain.</summary>
public sealed record OrganisationName(Guid Id, OrganisationKind Kind, string NameFi, string NameSv, string NameEn);

public interface IOrganisationNamesHandler
{
    /// <summary>The names of the given organisations; ids that name none are left out.</summary>
    Task<IReadOnlyDictionary<Guid, OrganisationName>> HandleAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default);
}

/// <summary>Organisations are reference data, not client data: any signed-in user may read their names.</summary>
public sealed class OrganisationNamesHandler(IAppDbContextFactory dbFactory) : IOrganisationNamesHandler
{
    public async Task<IReadOnlyDictionary<Guid, OrganisationName>> HandleAsync(
        IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default)
    {
        if (organisationIds.Count == 0)
        {
            return new Dictionary<Guid, OrganisationName>();
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.OrganisationNamesAsync(organisationIds, cancellationToken);
    }
}

public static class OrganisationNameQueries
{
    /// <summary>The names of the given organisations, in one query; ids that name none are left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, OrganisationName>> OrganisationNamesAsync(
        this IAppDbContext db, IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .Select(o => new OrganisationName(o.Id, o.Kind, o.NameFi, o.NameSv, o.NameEn))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
}
