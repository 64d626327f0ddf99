using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Statistics;

/// <summary>
/// Referrals with the same answers to the closed-loop rules of <see cref="ReferralPredicates"/>, and how many: what one
/// organisation's query groups its referrals into (no referral's identity, only the answers and a count).
/// <see cref="ReturnReason"/> counts only when <see cref="Returned"/>.
/// </summary>
public sealed record ClosedLoopGroup(int Count, bool AcknowledgedWithinDeadline, bool CompletedWithFeedback, bool Returned, ReturnReason? ReturnReason);

/// <summary>Accepted referrals sent on one Finnish day and accepted (by the current receiver) on another, and how many.</summary>
public sealed record AcceptanceGroup(int Count, DateOnly SentOn, DateOnly AcceptedOn);

/// <summary>
/// The closed-loop counts of a set of referrals (an area in a period, an organiser, a district): sent, acknowledged
/// within the deadline, completed with feedback to Kela, returned (by reason), and the working days to acceptance as a
/// histogram. Every rule is <see cref="ReferralPredicates"/>'; a tally only adds up its answers, so tallies of several
/// organisations <see cref="Merge"/> into the tally of them all, the median included.
/// </summary>
public sealed class ClosedLoopTally
{
    private readonly Dictionary<ReturnReason, int> _returnReasons = [];

    public int Sent { get; private set; }

    public int AcknowledgedWithinDeadline { get; private set; }

    public int CompletedWithFeedback { get; private set; }

    /// <summary>Closed by a return (<see cref="ReferralPredicates.Returned"/>): a re-routed referral is open again, so not.</summary>
    public int Returned { get; private set; }

    public IReadOnlyDictionary<ReturnReason, int> ReturnReasons => _returnReasons;

    /// <summary>Working days from sending to acceptance, of the accepted referrals (Finnish days, Finnish calendar).</summary>
    public WorkingDayHistogram DaysToAcceptance { get; } = WorkingDayHistogram.Empty;

    /// <summary>The tally of one organisation's groups.</summary>
    public static ClosedLoopTally Of(IEnumerable<ClosedLoopGroup> groups, IEnumerable<AcceptanceGroup> acceptances)
    {
        var tally = new ClosedLoopTally();
        foreach (var group in groups)
        {
            tally.Add(group);
        }

        foreach (var acceptance in acceptances)
        {
            tally.DaysToAcceptance.Add(acceptance.SentOn, acceptance.AcceptedOn, acceptance.Count);
        }

        return tally;
    }

    /// <summary>
    /// The same tally from referrals in memory, asked the same rules (their compiled form), for a page or a test that
    /// holds the referrals themselves.
    /// </summary>
    public static ClosedLoopTally OfReferrals(IEnumerable<Referral> referrals)
    {
        var tally = new ClosedLoopTally();
        foreach (var referral in referrals)
        {
            tally.Add(new ClosedLoopGroup(
                1, referral.WasAcknowledgedWithinDeadline, referral.IsCompletedWithFeedback, referral.IsReturned, referral.ReturnReason));
            if (referral.AcceptedOnFinnishDay is { } acceptedOn)
            {
                tally.DaysToAcceptance.Add(referral.SentOnFinnishDay, acceptedOn, 1);
            }
        }

        return tally;
    }

    public ClosedLoopTally Add(ClosedLoopGroup group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group.Count);
        Sent += group.Count;
        AcknowledgedWithinDeadline += group.AcknowledgedWithinDeadline ? group.Count : 0;
        CompletedWithFeedback += group.CompletedWithFeedback ? group.Count : 0;
        if (group.Returned)
        {
            Returned += group.Count;
            if (group.ReturnReason is { } reason)
            {
                _returnReasons[reason] = _returnReasons.GetValueOrDefault(reason) + group.Count;
            }
        }

        return this;
    }

    /// <summary>Adds another tally's counts to this one (the tally of both sets of referrals).</summary>
    public ClosedLoopTally Merge(ClosedLoopTally other)
    {
        Sent += other.Sent;
        AcknowledgedWithinDeadline += other.AcknowledgedWithinDeadline;
        CompletedWithFeedback += other.CompletedWithFeedback;
        Returned += other.Returned;
        foreach (var (reason, count) in other._returnReasons)
        {
            _returnReasons[reason] = _returnReasons.GetValueOrDefault(reason) + count;
        }

        DaysToAcceptance.Merge(other.DaysToAcceptance);
        return this;
    }
}
