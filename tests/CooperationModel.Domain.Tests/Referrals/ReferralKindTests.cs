using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// The two kinds of referral: application transfers (Social Assistance Act 14 a §, no plan expected, may be urgent)
/// and the six notice grounds, each with its own legal basis and expected plan.
/// </summary>
public class ReferralKindTests
{
    private readonly LoopSteps _steps = new();

    [Fact]
    public void All_IsTheEightGroundsInOrder() =>
        ReferralGrounds.All.ShouldBe(
        [
            ReferralGround.BasicAmountReduced,
            ReferralGround.UnemployedUnder25FourMonths,
            ReferralGround.Unemployed25OrOverTwelveMonths,
            ReferralGround.ClientRequestsAssessment,
            ReferralGround.ObviousNeedForSocialCare,
            ReferralGround.ImmigrantOverTwoMonths,
            ReferralGround.SupplementaryAssistanceApplication,
            ReferralGround.PreventiveAssistanceApplication,
        ]);

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced, ReferralKind.Notice)]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths, ReferralKind.Notice)]
    [InlineData(ReferralGround.Unemployed25OrOverTwelveMonths, ReferralKind.Notice)]
    [InlineData(ReferralGround.ClientRequestsAssessment, ReferralKind.Notice)]
    [InlineData(ReferralGround.ObviousNeedForSocialCare, ReferralKind.Notice)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths, ReferralKind.Notice)]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication, ReferralKind.ApplicationTransfer)]
    [InlineData(ReferralGround.PreventiveAssistanceApplication, ReferralKind.ApplicationTransfer)]
    public void KindOf_EveryGround_IsItsKind(ReferralGround ground, ReferralKind kind) =>
        ground.KindOf().ShouldBe(kind);

    [Theory]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication)]
    [InlineData(ReferralGround.PreventiveAssistanceApplication)]
    public void LegalBasisOf_ApplicationTransfer_IsSocialAssistanceAct14a(ReferralGround ground) =>
        ground.LegalBasisOf().ShouldBe(LegalBasis.SocialAssistanceAct14a);

    [Theory]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication)]
    [InlineData(ReferralGround.PreventiveAssistanceApplication)]
    public void ExpectedPlanOf_ApplicationTransfer_IsNone(ReferralGround ground) =>
        ground.ExpectedPlanOf().ShouldBeNull();

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced, LegalBasis.SocialAssistanceAct10)]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths, LegalBasis.RehabilitativeWorkActivityAct2And5)]
    [InlineData(ReferralGround.Unemployed25OrOverTwelveMonths, LegalBasis.RehabilitativeWorkActivityAct2And5)]
    [InlineData(ReferralGround.ClientRequestsAssessment, LegalBasis.SocialWelfareAct35)]
    [InlineData(ReferralGround.ObviousNeedForSocialCare, LegalBasis.SocialWelfareAct35)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths, LegalBasis.IntegrationAct)]
    public void LegalBasisOf_Notice_IsItsOwnSection(ReferralGround ground, LegalBasis basis) =>
        ground.LegalBasisOf().ShouldBe(basis);

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced, PlanType.IndependentCopingPlan)]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths, PlanType.ActivationPlan)]
    [InlineData(ReferralGround.Unemployed25OrOverTwelveMonths, PlanType.ActivationPlan)]
    [InlineData(ReferralGround.ClientRequestsAssessment, PlanType.ClientPlan)]
    [InlineData(ReferralGround.ObviousNeedForSocialCare, PlanType.ClientPlan)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths, PlanType.IntegrationPlan)]
    public void ExpectedPlanOf_Notice_IsItsPlan(ReferralGround ground, PlanType plan) =>
        ground.ExpectedPlanOf().ShouldBe(plan);

    [Fact]
    public void Notices_AreExactlyTheSixNoticeGrounds() =>
        ReferralGrounds.Notices.ShouldBe(
        [
            ReferralGround.BasicAmountReduced,
            ReferralGround.UnemployedUnder25FourMonths,
            ReferralGround.Unemployed25OrOverTwelveMonths,
            ReferralGround.ClientRequestsAssessment,
            ReferralGround.ObviousNeedForSocialCare,
            ReferralGround.ImmigrantOverTwoMonths,
        ]);

    [Theory]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication, ReferralKind.ApplicationTransfer)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths, ReferralKind.Notice)]
    public void Kind_SentReferral_FollowsItsGround(ReferralGround ground, ReferralKind kind) =>
        Send(ground, urgent: false).Value.Kind.ShouldBe(kind);

    [Theory]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication)]
    [InlineData(ReferralGround.PreventiveAssistanceApplication)]
    public void Send_UrgentApplicationTransfer_StoredAsUrgent(ReferralGround ground) =>
        Send(ground, urgent: true).Value.Urgent.ShouldBeTrue();

    [Theory]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication)]
    [InlineData(ReferralGround.BasicAmountReduced)]
    public void Send_NotUrgent_StoredAsNotUrgent(ReferralGround ground) =>
        Send(ground, urgent: false).Value.Urgent.ShouldBeFalse();

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced)]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths)]
    [InlineData(ReferralGround.Unemployed25OrOverTwelveMonths)]
    [InlineData(ReferralGround.ClientRequestsAssessment)]
    [InlineData(ReferralGround.ObviousNeedForSocialCare)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths)]
    public void Send_UrgentNotice_FailsWithUrgentOnlyForApplications(ReferralGround ground)
    {
        var result = Send(ground, urgent: true);

        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe("Referral.UrgentOnlyForApplications");
        error.Field.ShouldBe("Urgent");
    }

    [Fact]
    public void Send_UrgentNoticeWithIncompleteConsent_ReportsBoth()
    {
        var consent = new ConsentRecord(true, null, ConsentMethod.Phone, true, false);
        var content = new ReferralContent(ReferralGround.ClientRequestsAssessment, consent, "Kuvaus.", Urgent: true);

        var result = Referral.Send(Routing, _steps.Case, content, _steps.Handler, DayOf(Now), Now, ReferralDeadlinePolicy.Default);

        result.Errors.ShouldBe([ConsentRule.Errors.DateRequired, Referral.Errors.UrgentOnlyForApplications]);
    }

    private Result<Referral> Send(ReferralGround ground, bool urgent) =>
        Referral.Send(Routing, _steps.Case, new ReferralContent(ground, ConsentRecord.NotGiven, null, urgent), _steps.Handler, DayOf(Now), Now,
            ReferralDeadlinePolicy.Default);
}
