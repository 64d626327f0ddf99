using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// The one table of a referral's legal moves, and the one of a forward's. Every method of <see cref="Referral"/> and
/// <see cref="ReferralForward"/> that changes a state checks it here first; an illegal move is an error that names
/// both states. Which states count as open, overdue and so on is in <see cref="ReferralPredicates"/>.
/// </summary>
public static class ReferralLifecycle
{
    private static readonly Dictionary<ReferralStatus, ReferralStatus[]> Referral = new()
    {
        // The receiver opens it; accepting or returning it unopened counts as opening it.
        [ReferralStatus.Sent] = [ReferralStatus.Received, ReferralStatus.Accepted, ReferralStatus.Returned],
        [ReferralStatus.Received] = [ReferralStatus.Accepted, ReferralStatus.Returned],
        // With a named worker: the assessment starts, or the outcome is recorded at once, or it goes back.
        [ReferralStatus.Accepted] = [ReferralStatus.InAssessment, ReferralStatus.Completed, ReferralStatus.Returned],
        [ReferralStatus.InAssessment] = [ReferralStatus.Completed, ReferralStatus.Returned],
        [ReferralStatus.Completed] = [],
        // Returned as sent to the wrong organiser: re-routed in the same step, it starts again as sent to the right one.
        [ReferralStatus.Returned] = [ReferralStatus.Sent],
    };

    private static readonly Dictionary<ForwardStatus, ForwardStatus[]> Forward = new()
    {
        // The partner opens it; accepting unopened counts as opening it; it may go back to social services at any point.
        [ForwardStatus.Sent] = [ForwardStatus.Received, ForwardStatus.Accepted, ForwardStatus.Returned],
        [ForwardStatus.Received] = [ForwardStatus.Accepted, ForwardStatus.Returned],
        [ForwardStatus.Accepted] = [ForwardStatus.Completed, ForwardStatus.Returned],
        [ForwardStatus.Completed] = [],
        [ForwardStatus.Returned] = [],
    };

    public static IReadOnlyList<ReferralStatus> NextFrom(ReferralStatus status) => Referral[status];

    public static IReadOnlyList<ForwardStatus> NextFrom(ForwardStatus status) => Forward[status];

    public static bool CanMove(ReferralStatus from, ReferralStatus to) => Referral[from].Contains(to);

    public static bool CanMove(ForwardStatus from, ForwardStatus to) => Forward[from].Contains(to);

    /// <summary>Success, or the error for the illegal move (<see cref="IllegalMove(ReferralStatus, ReferralStatus)"/>).</summary>
    public static Result Check(ReferralStatus from, ReferralStatus to) => CanMove(from, to) ? Result.Success() : IllegalMove(from, to);

    public static Result Check(ForwardStatus from, ForwardStatus to) => CanMove(from, to) ? Result.Success() : IllegalMove(from, to);

    /// <summary>A forward's state under the name the referral's states share (a list shows both kinds in one column).</summary>
    public static ReferralStatus AsReferralStatus(ForwardStatus status) => status switch
    {
        ForwardStatus.Sent => ReferralStatus.Sent,
        ForwardStatus.Received => ReferralStatus.Received,
        ForwardStatus.Accepted => ReferralStatus.Accepted,
        ForwardStatus.Completed => ReferralStatus.Completed,
        ForwardStatus.Returned => ReferralStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The forward's state of the same name; null for the assessment, which a forward does not have.</summary>
    public static ForwardStatus? AsForwardStatus(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => ForwardStatus.Sent,
        ReferralStatus.Received => ForwardStatus.Received,
        ReferralStatus.Accepted => ForwardStatus.Accepted,
        ReferralStatus.Completed => ForwardStatus.Completed,
        ReferralStatus.Returned => ForwardStatus.Returned,
        _ => null,
    };

    /// <summary>
    /// The error for an illegal move; its message says why in the domain's words and names both states: a closed
    /// referral moves no more, and work on it needs a named worker first.
    /// </summary>
    public static InvalidTransitionError IllegalMove(ReferralStatus from, ReferralStatus to) =>
        new(from is ReferralStatus.Completed or ReferralStatus.Returned ? "Referral.IllegalTransition.Closed"
            : to is ReferralStatus.InAssessment or ReferralStatus.Completed ? "Referral.IllegalTransition.NotAccepted"
            : "Referral.IllegalTransition")
        {
            ArgumentKeys = [$"ReferralStatus.{from}", $"ReferralStatus.{to}"],
        };

    /// <summary>The error for an illegal move of a forward; the states are named as the referral's of the same name.</summary>
    public static InvalidTransitionError IllegalMove(ForwardStatus from, ForwardStatus to) =>
        new(from is ForwardStatus.Completed or ForwardStatus.Returned ? "Forward.IllegalTransition.Closed"
            : to is ForwardStatus.Completed ? "Forward.IllegalTransition.NotAccepted"
            : "Forward.IllegalTransition")
        {
            ArgumentKeys = [$"ReferralStatus.{AsReferralStatus(from)}", $"ReferralStatus.{AsReferralStatus(to)}"],
        };
}
