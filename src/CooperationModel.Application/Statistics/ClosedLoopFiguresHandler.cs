using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Statistics;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Application.Statistics;

/// <summary>
/// An area (a set of municipality codes) against the rest of the country, around a start month, each period
/// <c>Months</c> long (null: <see cref="StatisticsOptions.PilotPeriodMonths"/>).
/// </summary>
public sealed record ClosedLoopAreaQuery(IReadOnlyCollection<string> MunicipalityCodes, DateOnly StartMonth, int? Months = null);

/// <summary>The four columns of a pilot's table: the area and the rest of the country, before and after its start.</summary>
public sealed record ClosedLoopComparison(
    ClosedLoopPeriods Periods,
    int SmallCountThreshold,
    ClosedLoopFigures AreaBefore,
    ClosedLoopFigures AreaAfter,
    ClosedLoopFigures RestBefore,
    ClosedLoopFigures RestAfter);

/// <summary>
/// The closed-loop figures the coordination reads: for now an area against the rest of the country before and after
/// a date (a pilot's); the same tallies serve figures per organiser or district. Coordinators only; aggregates only,
/// small counts suppressed.
/// </summary>
public interface IClosedLoopFigures
{
    Task<Result<ClosedLoopComparison>> CompareAreaAsync(ClosedLoopAreaQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// Groups each organiser's received referrals sent in the two periods by the answers to the closed-loop rules
/// (<see cref="ReferralPredicates"/>), in the database, as that organiser (<see cref="IPerOrganisationAggregates"/>), and
/// merges the groups into one <see cref="ClosedLoopTally"/> per column. A referral is counted once, by its current
/// receiver; its area is its <see cref="Referral.HomeMunicipalityCode"/> (the client's home municipality, corrected by
/// a re-route), its period the Finnish day it was sent.
/// </summary>
public sealed class ClosedLoopFiguresHandler(
    IPerOrganisationAggregates organisations, ICurrentUser user, IOptions<StatisticsOptions> options) : IClosedLoopFigures
{
    public static ValidationError AreaRequired => new("Statistics.AreaRequired") { Field = nameof(ClosedLoopAreaQuery.MunicipalityCodes) };

    public async Task<Result<ClosedLoopComparison>> CompareAreaAsync(ClosedLoopAreaQuery query, CancellationToken cancellationToken = default)
    {
        if (user.Role != Domain.Organisations.UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        var codes = query.MunicipalityCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count == 0)
        {
            return AreaRequired;
        }

        var periods = ClosedLoopPeriods.Around(query.StartMonth, query.Months ?? options.Value.PilotPeriodMonths);
        if (!periods.TryGetValue(out var around))
        {
            return Result<ClosedLoopComparison>.Failure(periods.Errors);
        }

        var tallies = await organisations.ForEachReceiverAsync(
            (db, organisationId, token) => TallyAsync(db, organisationId, codes, around, token), cancellationToken);
        var merged = Enumerable.Range(0, 4).Select(_ => new ClosedLoopTally()).ToArray();
        foreach (var tally in tallies)
        {
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i].Merge(tally[i]);
            }
        }

        var suppression = new SmallCountSuppression(options.Value.SmallCountThreshold);
        return new ClosedLoopComparison(
            around,
            suppression.Threshold,
            ClosedLoopFigures.From(merged[Column(true, ClosedLoopPeriod.Before)], suppression),
            ClosedLoopFigures.From(merged[Column(true, ClosedLoopPeriod.After)], suppression),
            ClosedLoopFigures.From(merged[Column(false, ClosedLoopPeriod.Before)], suppression),
            ClosedLoopFigures.From(merged[Column(false, ClosedLoopPeriod.After)], suppression));
    }

    private static int Column(bool inArea, ClosedLoopPeriod period) => (inArea ? 0 : 2) + (period == ClosedLoopPeriod.Before ? 0 : 1);

    /// <summary>
    /// One organiser's four tallies (<see cref="Column"/>'s order), from two grouped queries on the (receiver, sent at)
    /// index: the rules' answers with a count, and the accepted ones' Finnish days of sending and acceptance with a count
    /// (what the working days are counted from; the calendar is the domain's, not the database's).
    /// </summary>
    private static async Task<ClosedLoopTally[]> TallyAsync(
        IAppDbContext db, Guid organisationId, List<string> codes, ClosedLoopPeriods periods, CancellationToken cancellationToken)
    {
        var from = FinnishTime.StartOf(periods.BeforeFrom);
        var start = FinnishTime.StartOf(periods.Start);
        var until = FinnishTime.StartOf(periods.AfterUntil);
        var inTime = ReferralPredicates.AcknowledgedWithinDeadline;
        var withFeedback = ReferralPredicates.CompletedWithFeedback;
        var returned = ReferralPredicates.Returned;
        var sentOn = ReferralPredicates.SentOn;
        var acceptedOn = ReferralPredicates.AcceptedOn;
        var received = db.Referrals.AsNoTracking()
            .Where(r => r.ReceiverOrganisationId == organisationId && r.SentAt >= from && r.SentAt < until)
            .AsExpandable();

        var groups = await received
            .GroupBy(r => new
            {
                InArea = codes.Contains(r.HomeMunicipalityCode),
                After = r.SentAt >= start,
                InTime = inTime.Invoke(r),
                WithFeedback = withFeedback.Invoke(r),
                Returned = returned.Invoke(r),
                r.ReturnReason,
            })
            .Select(g => new { g.Key.InArea, g.Key.After, g.Key.InTime, g.Key.WithFeedback, g.Key.Returned, g.Key.ReturnReason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var acceptances = await received
            .Where(r => r.AcceptedAt != null)
            .GroupBy(r => new { InArea = codes.Contains(r.HomeMunicipalityCode), After = r.SentAt >= start, SentOn = sentOn.Invoke(r), AcceptedOn = acceptedOn.Invoke(r) })
            .Select(g => new { g.Key.InArea, g.Key.After, g.Key.SentOn, g.Key.AcceptedOn, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var tallies = new ClosedLoopTally[4];
        foreach (var inArea in new[] { true, false })
        {
            foreach (var period in new[] { ClosedLoopPeriod.Before, ClosedLoopPeriod.After })
            {
                var after = period == ClosedLoopPeriod.After;
                tallies[Column(inArea, period)] = ClosedLoopTally.Of(
                    groups.Where(g => g.InArea == inArea && g.After == after)
                        .Select(g => new ClosedLoopGroup(g.Count, g.InTime, g.WithFeedback, g.Returned, g.ReturnReason)),
                    acceptances.Where(a => a.InArea == inArea && a.After == after && a.AcceptedOn != null)
                        .Select(a => new AcceptanceGroup(a.Count, a.SentOn, a.AcceptedOn!.Value)));
            }
        }

        return tallies;
    }
}
