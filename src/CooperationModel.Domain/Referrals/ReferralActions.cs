using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Referrals;

/// <summary>What a user may do to a referral now; a set, as a page shows several at once.</summary>
[Flags]
public enum ReferralAction
{
    None = 0,
    /// <summary>Ottaa työn alle: become its named worker.</summary>
    Accept = 1,
    /// <summary>Give it to a colleague as their named worker.</summary>
    Assign = 2,
    StartAssessment = 4,
    /// <summary>Record the outcome (and plan), which completes it.</summary>
    Complete = 8,
    Return = 16,
    /// <summary>Forward it to health care or outreach youth work.</summary>
    Forward = 32,
    AcceptForward = 64,
    CompleteForward = 128,
    ReturnForward = 256,
}

/// <summary>
/// Which moves a user may make on a referral now: the role that does the work, then the very guard the move itself
/// runs (the organisation, and the state by <see cref="ReferralLifecycle"/>). Pages show what this allows and nothing
/// else, so a page and the server cannot disagree.
/// </summary>
public static class ReferralActions
{
    public static ReferralAction For(Referral referral, Actor actor, UserRole? role)
    {
        var allowed = ReferralAction.None;
        void Add(ReferralAction action, Result guard)
        {
            if (guard.IsSuccess)
            {
                allowed |= action;
            }
        }

        if (role?.WorksReferrals() == true)
        {
            Add(ReferralAction.Accept, referral.CheckAccept(actor));
            Add(ReferralAction.Assign, referral.CheckAssign(actor));
            Add(ReferralAction.StartAssessment, referral.CheckStartAssessment(actor));
            Add(ReferralAction.Complete, referral.CheckComplete(actor));
            Add(ReferralAction.Return, referral.CheckReturn(actor));
            Add(ReferralAction.Forward, referral.CheckForward(actor));
        }

        if (role?.WorksForwards() == true)
        {
            Add(ReferralAction.AcceptForward, referral.CheckForwardStep(actor, f => f.CheckAccept()));
            Add(ReferralAction.CompleteForward, referral.CheckForwardStep(actor, f => f.CheckComplete()));
            Add(ReferralAction.ReturnForward, referral.CheckForwardStep(actor, f => f.CheckReturn()));
        }

        return allowed;
    }
}
