using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>The one table of the referral's and the forward's legal moves, and the errors that name both states.</summary>
public class ReferralLifecycleTests
{
    public static TheoryData<ReferralStatus, ReferralStatus> AllReferralPairs()
    {
        var data = new TheoryData<ReferralStatus, ReferralStatus>();
        foreach (var from in Enum.GetValues<ReferralStatus>())
        {
            foreach (var to in Enum.GetValues<ReferralStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void Table_TheReferralsMoves_AreTheLoopOfTheBrief()
    {
        Enum.GetValues<ReferralStatus>().Select(s => (s, string.Join(",", ReferralLifecycle.NextFrom(s)))).ShouldBe(
        [
            (ReferralStatus.Sent, "Received,Accepted,Returned"),
            (ReferralStatus.Received, "Accepted,Returned"),
            (ReferralStatus.Accepted, "InAssessment,Completed,Returned"),
            (ReferralStatus.InAssessment, "Completed,Returned"),
            (ReferralStatus.Completed, ""),
            (ReferralStatus.Returned, "Sent"),
        ]);
    }

    [Fact]
    public void Table_AForwardsMoves_HaveNoAssessment()
    {
        Enum.GetValues<ForwardStatus>().Select(s => (s, string.Join(",", ReferralLifecycle.NextFrom(s)))).ShouldBe(
        [
            (ForwardStatus.Sent, "Received,Accepted,Returned"),
            (ForwardStatus.Received, "Accepted,Returned"),
            (ForwardStatus.Accepted, "Completed,Returned"),
            (ForwardStatus.Completed, ""),
            (ForwardStatus.Returned, ""),
        ]);
    }

    [Theory]
    [MemberData(nameof(AllReferralPairs))]
    public void Check_AnyPair_SucceedsExactlyForTheTablesMovesAndOtherwiseNamesBothStates(ReferralStatus from, ReferralStatus to)
    {
        var result = ReferralLifecycle.Check(from, to);

        result.IsSuccess.ShouldBe(ReferralLifecycle.NextFrom(from).Contains(to));
        if (!result.IsSuccess)
        {
            var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<InvalidTransitionError>();
            error.Code.ShouldStartWith("Referral.IllegalTransition");
            error.ArgumentKeys.ShouldBe([$"ReferralStatus.{from}", $"ReferralStatus.{to}"]);
        }
    }

    [Theory]
    [InlineData(ReferralStatus.Completed, ReferralStatus.Returned, "Referral.IllegalTransition.Closed")]
    [InlineData(ReferralStatus.Returned, ReferralStatus.Accepted, "Referral.IllegalTransition.Closed")]
    [InlineData(ReferralStatus.Sent, ReferralStatus.InAssessment, "Referral.IllegalTransition.NotAccepted")]
    [InlineData(ReferralStatus.Received, ReferralStatus.Completed, "Referral.IllegalTransition.NotAccepted")]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Sent, "Referral.IllegalTransition")]
    public void IllegalMove_SaysWhyInTheDomainsWords(ReferralStatus from, ReferralStatus to, string code) =>
        ReferralLifecycle.IllegalMove(from, to).Code.ShouldBe(code);

    [Theory]
    [InlineData(ForwardStatus.Completed, ForwardStatus.Returned, "Forward.IllegalTransition.Closed")]
    [InlineData(ForwardStatus.Sent, ForwardStatus.Completed, "Forward.IllegalTransition.NotAccepted")]
    [InlineData(ForwardStatus.Accepted, ForwardStatus.Received, "Forward.IllegalTransition")]
    public void IllegalMove_OfAForward_NamesBothStatesAsTheReferralsOfTheSameName(ForwardStatus from, ForwardStatus to, string code)
    {
        var error = ReferralLifecycle.IllegalMove(from, to);

        error.Code.ShouldBe(code);
        error.ArgumentKeys.ShouldBe([$"ReferralStatus.{from}", $"ReferralStatus.{to}"]);
    }

    [Fact]
    public void StateNames_AForwardsStates_AreTheReferralsOfTheSameNameAndBack()
    {
        foreach (var status in Enum.GetValues<ForwardStatus>())
        {
            var shown = ReferralLifecycle.AsReferralStatus(status);
            shown.ToString().ShouldBe(status.ToString());
            ReferralLifecycle.AsForwardStatus(shown).ShouldBe(status);
        }

        ReferralLifecycle.AsForwardStatus(ReferralStatus.InAssessment).ShouldBeNull();
    }
}
