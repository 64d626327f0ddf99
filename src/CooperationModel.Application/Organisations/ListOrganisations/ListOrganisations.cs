using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Organisations.ListOrganisations;

public interface IListOrganisationsHandler
{
    /// <summary>The organisations of one kind, by their Finnish name (e.g. to pick a pilot's owner organisations).</summary>
    Task<IReadOnlyList<OrganisationName>> HandleAsync(OrganisationKind kind, CancellationToken cancellationToken = default);
}

/// <summary>Organisations are reference data, not client data: any signed-in user may list them.</summary>
public sealed class ListOrganisationsHandler(IAppDbContextFactory dbFactory) : IListOrganisationsHandler
{
    public async Task<IReadOnlyList<OrganisationName>> HandleAsync(OrganisationKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == kind)
            .Select(o => new OrganisationName(o.Id, o.Kind, o.NameFi, o.NameSv, o.NameEn))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.NameFi, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), ignoreCase: true))];
    }
}
