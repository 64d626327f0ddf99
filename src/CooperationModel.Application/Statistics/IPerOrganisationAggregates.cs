using CooperationModel.Application.Common;

namespace CooperationModel.Application.Statistics;

/// <summary>
/// Aggregates of client tables across organisations, for the statistics only. Row-level security shows a national
/// reader (a coordinator) no organisation's referrals, and is not loosened for it: the implementation asks which
/// organisations receive referrals (reference data), then runs <c>aggregate</c> once per organisation on a context of
/// that organisation's system user, so PostgreSQL holds each read to that organisation's own rows, exactly as the
/// mailer and the retention job work. The caller checks the role first and must return only aggregates from
/// <c>aggregate</c> (counts grouped in the database, never a row per referral); it merges the results.
/// </summary>
public interface IPerOrganisationAggregates
{
    /// <summary>
    /// Runs <paramref name="aggregate"/> (the context, the organisation's id) for every social services organiser, one
    /// after the other, and returns the results in the organisations' order.
    /// </summary>
    Task<IReadOnlyList<TResult>> ForEachReceiverAsync<TResult>(
        Func<IAppDbContext, Guid, CancellationToken, Task<TResult>> aggregate, CancellationToken cancellationToken = default);
}
