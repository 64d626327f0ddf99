using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Statistics;

/// <summary>
/// A count and its share of a whole; both null when the count is suppressed (<see cref="Complementary"/>: not because
/// it is small, but so that a small one beside it cannot be worked out), the share null when the whole is zero.
/// </summary>
public sealed record CountFigure(int? Count, decimal? Share, bool Complementary = false)
{
    public bool Suppressed => Count is null;

    internal static CountFigure Of(int count, int whole, bool suppressed) => Of(count, whole, suppressed ? PartSuppression.Small : PartSuppression.None);

    internal static CountFigure Of(int count, int whole, PartSuppression suppression) => suppression switch
    {
        PartSuppression.Small => new CountFigure(null, null),
        PartSuppression.Complementary => new CountFigure(null, null, Complementary: true),
        _ => new CountFigure(count, whole == 0 ? null : (decimal)count / whole),
    };
}

/// <summary>A median of working days; null when no referral was accepted or when it is suppressed (so few accepted).</summary>
public sealed record MedianFigure(decimal? WorkingDays, bool Suppressed);

/// <summary>One return reason's count and its share of the returned referrals.</summary>
public sealed record ReturnReasonFigure(ReturnReason Reason, CountFigure Figure);

/// <summary>
/// The closed-loop figures of one set of referrals as shown: referrals sent; the shares of them acknowledged within
/// the deadline, completed with feedback to Kela and returned (each count's share of those sent); each return reason's
/// share of the returned; the median working days from sending to acceptance. Small counts are suppressed by the
/// reader's <see cref="SmallCountSuppression"/>, the return reasons also complementarily (they are shown beside the
/// returned total).
/// </summary>
public sealed record ClosedLoopFigures(
    CountFigure Sent,
    CountFigure AcknowledgedWithinDeadline,
    CountFigure CompletedWithFeedback,
    MedianFigure MedianWorkingDaysToAcceptance,
    CountFigure Returned,
    IReadOnlyList<ReturnReasonFigure> ReturnReasons)
{
    /// <summary>The reasons a return closes a referral with, in the enum's order (a wrong organiser re-routes it instead).</summary>
    public static IReadOnlyList<ReturnReason> ClosingReturnReasons { get; } =
        [.. Enum.GetValues<ReturnReason>().Where(reason => reason != ReturnReason.WrongOrganiser)];

    public static ClosedLoopFigures From(ClosedLoopTally tally, SmallCountSuppression suppression)
    {
        var sent = tally.Sent;
        var returnedCounts = ClosingReturnReasons.Select(reason => tally.ReturnReasons.GetValueOrDefault(reason)).ToList();
        var returnedSuppressed = suppression.SuppressParts(tally.Returned, returnedCounts);
        var accepted = tally.DaysToAcceptance.Total;
        return new ClosedLoopFigures(
            CountFigure.Of(sent, sent, suppression.Suppresses(sent)),
            CountFigure.Of(tally.AcknowledgedWithinDeadline, sent, suppression.Suppresses(tally.AcknowledgedWithinDeadline)),
            CountFigure.Of(tally.CompletedWithFeedback, sent, suppression.Suppresses(tally.CompletedWithFeedback)),
            suppression.Suppresses(accepted) ? new MedianFigure(null, true) : new MedianFigure(tally.DaysToAcceptance.Median, false),
            CountFigure.Of(tally.Returned, sent, returnedSuppressed.Total),
            [.. ClosingReturnReasons.Select((reason, i) => new ReturnReasonFigure(reason, CountFigure.Of(returnedCounts[i], tally.Returned, returnedSuppressed.Parts[i])))]);
    }
}
