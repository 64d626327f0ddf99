using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Referrals;

/// <summary>Where social services can forward a referral onward.</summary>
public enum ForwardTarget
{
    /// <summary>Terveydenhuolto: the health care of the same wellbeing services county (organiser).</summary>
    HealthCare = 1,
    /// <summary>Etsivä nuorisotyö: the outreach youth work of the client's home municipality (Youth Act 11 §).</summary>
    OutreachYouthWork = 2,
}

/// <summary>
/// One link of the forwarding chain: social services handed the referral on to health care or outreach youth work.
/// The receiving partner works it like a referral of its own (received, accepted by a named worker, completed or
/// returned); everyone in the chain sees the links.
/// </summary>
public sealed class ReferralForward
{
    private ReferralForward()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public ForwardTarget Target { get; private set; }

    public Guid FromOrganisationId { get; private set; }

    public Guid ToOrganisationId { get; private set; }

    public DateTimeOffset ForwardedAt { get; private set; }

    public Guid ForwardedByUserId { get; private set; }

    public string ForwardedByName { get; private set; } = "";

    /// <summary>What the partner should know; only with consent that covers the description. Personal data: never log it.</summary>
    public string? Note { get; private set; }

    /// <summary>Its own small loop (<see cref="ReferralLifecycle"/>): no assessment state, that is social services' work.</summary>
    public ForwardStatus Status { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public Guid? NamedWorkerUserId { get; private set; }

    public string? NamedWorkerName { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public ReturnReason? ReturnReason { get; private set; }

    /// <summary>The partner's note when it completes or returns the forward. Personal data: never log it.</summary>
    public string? ClosingNote { get; private set; }

    /// <summary>Not yet completed or returned by the partner (<see cref="ReferralPredicates.OpenForwardStatuses"/>).</summary>
    public bool IsOpen => ReferralPredicates.OpenForwardStatuses.Contains(Status);

    /// <summary>The state of this forward as a step of the referral's timeline records it (the same name).</summary>
    internal ReferralStatus StepStatus => ReferralLifecycle.AsReferralStatus(Status);

    internal static ReferralForward Create(Guid referralId, ForwardTarget target, Guid from, Guid to, Common.Actor by, string? note, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        ReferralId = referralId,
        Target = target,
        FromOrganisationId = from,
        ToOrganisationId = to,
        ForwardedAt = at,
        ForwardedByUserId = by.UserId,
        ForwardedByName = by.DisplayName,
        Note = note,
        Status = ForwardStatus.Sent,
    };

    internal bool MarkReceived(DateTimeOffset at)
    {
        if (!ReferralLifecycle.CanMove(Status, ForwardStatus.Received))
        {
            return false;
        }

        Enter(ForwardStatus.Received);
        ReceivedAt = at;
        return true;
    }

    /// <summary>The partner's worker becomes its named worker; accepting unopened counts as opening it.</summary>
    /// <summary>Whether the partner's worker may accept it now; someone accepting it first is a conflict, not an illegal move.</summary>
    internal Result CheckAccept() =>
        Status == ForwardStatus.Accepted ? Referral.Errors.AlreadyAccepted : ReferralLifecycle.Check(Status, ForwardStatus.Accepted);

    internal Result CheckComplete() => ReferralLifecycle.Check(Status, ForwardStatus.Completed);

    internal Result CheckReturn() => ReferralLifecycle.Check(Status, ForwardStatus.Returned);

    // The moves below are made by the referral after the guards above passed; an illegal one is a bug (Enter throws).

    internal void Accept(Common.Actor worker, DateTimeOffset at)
    {
        MarkReceived(at);
        Enter(ForwardStatus.Accepted);
        NamedWorkerUserId = worker.UserId;
        NamedWorkerName = worker.DisplayName;
        AcceptedAt = at;
    }

    internal void Complete(string? note, DateTimeOffset at)
    {
        Enter(ForwardStatus.Completed);
        ClosingNote = note;
        ClosedAt = at;
    }

    internal void Return(ReturnReason reason, string? note, DateTimeOffset at)
    {
        Enter(ForwardStatus.Returned);
        ReturnReason = reason;
        ClosingNote = note;
        ClosedAt = at;
    }

    /// <summary>With its referral, when the retention period ended: the notes about the client go.</summary>
    internal void Anonymise()
    {
        Note = null;
        ClosingNote = null;
    }

    private void Enter(ForwardStatus to)
    {
        if (!ReferralLifecycle.CanMove(Status, to))
        {
            throw new InvalidOperationException($"A forward cannot move from {Status} to {to}.");
        }

        Status = to;
    }
}
