using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// What each organisation of the chain sees: how a forward ended is shown to the receiver and to the partner that
/// recorded it, to Kela only with consent that covers feedback; a partner gets no feedback on the referral itself.
/// </summary>
public class ChainVisibilityTests
{
    private readonly LoopSteps _steps = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DetailVisibleTo_ForwardEndingToSenderWithoutFeedbackConsent_Hidden(bool returned)
    {
        var referral = ForwardEnded(coversFeedback: false, returned);

        referral.DetailVisibleTo(referral.Events[^1], Southern.Id)?.Code.ShouldBeNull();
    }

    [Theory]
    [InlineData(false, "HealthCare")]
    [InlineData(true, "NoCapacity")]
    public void DetailVisibleTo_ForwardEndingToSenderWithFeedbackConsent_Shown(bool returned, string detail)
    {
        var referral = ForwardEnded(coversFeedback: true, returned);

        referral.DetailVisibleTo(referral.Events[^1], Southern.Id)?.Code.ShouldBe(detail);
    }

    [Theory]
    [InlineData(false, false, "HealthCare")]
    [InlineData(false, true, "NoCapacity")]
    [InlineData(true, false, "HealthCare")]
    [InlineData(true, true, "NoCapacity")]
    public void DetailVisibleTo_ForwardEndingToReceiver_Shown(bool coversFeedback, bool returned, string detail)
    {
        var referral = ForwardEnded(coversFeedback, returned);

        referral.DetailVisibleTo(referral.Events[^1], CityOfHelsinki.Id)?.Code.ShouldBe(detail);
    }

    [Theory]
    [InlineData(false, "HealthCare")]
    [InlineData(true, "NoCapacity")]
    public void DetailVisibleTo_ForwardEndingToThePartnerThatRecordedIt_Shown(bool returned, string detail)
    {
        var referral = ForwardEnded(coversFeedback: false, returned);

        referral.DetailVisibleTo(referral.Events[^1], HelsinkiHealthCareId)?.Code.ShouldBe(detail);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DetailVisibleTo_ForwardEndingToAnotherPartner_Hidden(bool returned)
    {
        var referral = _steps.ForwardAccepted();
        referral.Forward(Routing, _steps.Worker, ForwardTarget.OutreachYouthWork, null, Later).ShouldSucceed();
        End(referral, returned);

        referral.DetailVisibleTo(referral.Events[^1], HelsinkiYouthWorkId)?.Code.ShouldBeNull();
    }

    [Fact]
    public void DetailVisibleTo_ReferralsOwnEndingToAPartner_Hidden()
    {
        var referral = _steps.Forwarded(coversFeedback: true);
        referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, PlanType.ClientPlan, null, Latest).ShouldSucceed();

        referral.DetailVisibleTo(referral.Events[^1], HelsinkiHealthCareId)?.Code.ShouldBeNull();
    }

    [Fact]
    public void DetailVisibleTo_ForwardStepsBeforeTheEndingToSenderWithoutFeedbackConsent_Shown()
    {
        var referral = _steps.Forwarded(coversFeedback: false);
        referral.MarkForwardReceived(_steps.Nurse, Later).ShouldBeTrue();
        referral.AcceptForward(_steps.Nurse, Latest).ShouldSucceed();

        referral.Events.TakeLast(3).Select(e => referral.DetailVisibleTo(e, Southern.Id)?.Code).ShouldBe(["HealthCare", "HealthCare", "HealthCare"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FeedbackVisibleTo_PartnerOfACompletedReferral_NothingAndNotWithheld(bool coversFeedback)
    {
        var referral = _steps.ForwardAccepted(coversFeedback);
        referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, PlanType.ClientPlan, "Suunnitelma tehty.", Latest).ShouldSucceed();

        referral.FeedbackVisibleTo(HelsinkiHealthCareId).ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: false));
    }

    [Fact]
    public void FeedbackVisibleTo_PartnerOfAReturnedReferral_NothingAndNotWithheld()
    {
        var referral = _steps.Forwarded(coversFeedback: true);
        referral.Return(Routing, _steps.Worker, ReturnReason.Declined, "Kieltäytyi.", null, ReferralDeadlinePolicy.Default, DayOf(Latest), Latest)
            .ShouldSucceed();

        referral.FeedbackVisibleTo(HelsinkiHealthCareId).ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: false));
    }

    /// <summary>Forwarded to health care, accepted by the nurse, then completed or returned (NoCapacity) by the nurse.</summary>
    private Referral ForwardEnded(bool coversFeedback, bool returned)
    {
        var referral = _steps.ForwardAccepted(coversFeedback);
        End(referral, returned);
        referral.Events[^1].Kind.ShouldBe(returned ? ReferralEventKind.ForwardReturned : ReferralEventKind.ForwardCompleted);
        return referral;
    }

    private void End(Referral referral, bool returned)
    {
        var result = returned
            ? referral.ReturnForward(_steps.Nurse, ReturnReason.NoCapacity, "Ei aikoja.", Latest)
            : referral.CompleteForward(_steps.Nurse, "Hoitoaika varattu.", Latest);
        result.ShouldSucceed();
    }
}
