using CooperationModel.Application.Common;
using CooperationModel.Application.Statistics;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Protection;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Infrastructure.Statistics;

/// <summary>
/// <see cref="IPerOrganisationAggregates"/> as the mailer and the retention job read: the organisers are reference data
/// (readable by any context); each organiser's aggregate runs on a context of its system user, whose connection sets
/// <c>app.organisation_id</c> to that organiser, so row-level security shows it that organiser's referrals only. The
/// app role stays <c>NOBYPASSRLS</c> and no policy or function is added for this read.
/// </summary>
public sealed class PerOrganisationAggregates(
    IAppDbContextFactory dbFactory, DbContextOptions<AppDbContext> contextOptions, PersonalDataProtector protector) : IPerOrganisationAggregates
{
    public async Task<IReadOnlyList<TResult>> ForEachReceiverAsync<TResult>(
        Func<IAppDbContext, Guid, CancellationToken, Task<TResult>> aggregate, CancellationToken cancellationToken = default)
    {
        List<Guid> receivers;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            receivers = await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.SocialServicesOrganiser)
                .OrderBy(o => o.Id)
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
        }

        var results = new List<TResult>(receivers.Count);
        foreach (var organisationId in receivers)
        {
            await using var organisationDb = new AppDbContext(contextOptions, FixedUser.System(organisationId), protector);
            results.Add(await aggregate(organisationDb, organisationId, cancellationToken));
        }

        return results;
    }
}
