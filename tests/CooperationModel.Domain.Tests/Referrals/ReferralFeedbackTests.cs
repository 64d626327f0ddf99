using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// What each side sees of how a referral ended: the receiver everything, Kela only what the client's consent covers,
/// and a return to the wrong organiser always.
/// </summary>
public class ReferralFeedbackTests
{
    private readonly LoopSteps _steps = new();

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    public void Send_ConsentCoversFeedback_OnlyWithConsent(bool consent, bool coversFeedback, bool stored)
    {
        // The record as a careless caller might build it: "covers feedback" ticked although no consent was given.
        var record = new ConsentRecord(consent, consent ? DayOf(Now) : null, consent ? ConsentMethod.InPerson : null, consent, coversFeedback);
        var referral = Referral.Send(Routing, _steps.Case, new ReferralContent(ReferralGround.ObviousNeedForSocialCare, record, consent ? "Kuvaus." : null),
            _steps.Handler, DayOf(Now), Now, ReferralDeadlinePolicy.Default).Value;

        referral.ConsentGiven.ShouldBe(consent);
        referral.ConsentCoversFeedback.ShouldBe(stored);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FeedbackVisibleTo_ReceiverOfCompleted_SeesEverything(bool coversFeedback)
    {
        var referral = _steps.Completed(coversFeedback, note: "Aktivointisuunnitelma tehty.");

        referral.FeedbackVisibleTo(CityOfHelsinki.Id).ShouldBe(
            new ReferralFeedback(ReferralOutcome.AssessmentDone, PlanType.ActivationPlan, null, "Aktivointisuunnitelma tehty.", Withheld: false));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FeedbackVisibleTo_ReceiverOfReturned_SeesReasonAndNote(bool coversFeedback)
    {
        var referral = _steps.Returned(coversFeedback, ReturnReason.Declined, "Asiakas kieltäytyi palvelusta.");

        referral.FeedbackVisibleTo(CityOfHelsinki.Id).ShouldBe(
            new ReferralFeedback(null, null, ReturnReason.Declined, "Asiakas kieltäytyi palvelusta.", Withheld: false));
    }

    [Fact]
    public void FeedbackVisibleTo_SenderWithConsentCoveringFeedback_SeesOutcomePlanAndNote()
    {
        var referral = _steps.Completed(coversFeedback: true, note: "Aktivointisuunnitelma tehty.");

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(
            new ReferralFeedback(ReferralOutcome.AssessmentDone, PlanType.ActivationPlan, null, "Aktivointisuunnitelma tehty.", Withheld: false));
    }

    [Fact]
    public void FeedbackVisibleTo_SenderWithConsentCoveringFeedback_SeesReturnReasonAndNote()
    {
        var referral = _steps.Returned(coversFeedback: true, ReturnReason.NotReached, "Ei tavoitettu kolmesta yrityksestä.");

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(
            new ReferralFeedback(null, null, ReturnReason.NotReached, "Ei tavoitettu kolmesta yrityksestä.", Withheld: false));
    }

    [Fact]
    public void FeedbackVisibleTo_SenderWithoutFeedbackConsent_CompletedIsWithheld()
    {
        var referral = _steps.Completed(coversFeedback: false, note: "Aktivointisuunnitelma tehty.");

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: true));
    }

    [Theory]
    [InlineData(ReturnReason.NotReached)]
    [InlineData(ReturnReason.Declined)]
    [InlineData(ReturnReason.NoNeed)]
    [InlineData(ReturnReason.ReferredElsewhere)]
    [InlineData(ReturnReason.NoCapacity)]
    public void FeedbackVisibleTo_SenderWithoutFeedbackConsent_ReturnIsWithheld(ReturnReason reason)
    {
        var referral = _steps.Returned(coversFeedback: false, reason, "Huomio.");

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: true));
    }

    [Fact]
    public void FeedbackVisibleTo_SenderWithoutAnyConsent_CompletedIsWithheld()
    {
        var referral = _steps.Send(consent: false, coversFeedback: true);
        referral.Accept(_steps.Worker, Later).ShouldSucceed();
        referral.Complete(_steps.Worker, ReferralOutcome.ClientNotReached, null, "Ei tavoitettu.", Latest).ShouldSucceed();

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: true));
    }

    [Theory]
    [InlineData(ReferralStatus.Sent)]
    [InlineData(ReferralStatus.Received)]
    [InlineData(ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.InAssessment)]
    public void FeedbackVisibleTo_SenderWithoutFeedbackConsentWhileOpen_NothingYetAndNotWithheld(ReferralStatus status)
    {
        var referral = _steps.In(status);
        referral.ConsentCoversFeedback.ShouldBeFalse();

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: false));
    }

    [Fact]
    public void FeedbackVisibleTo_SenderWithConsentWhileOpen_NothingYet()
    {
        var referral = _steps.InAssessment(coversFeedback: true);

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: false));
    }

    /// <summary>A return to the wrong organiser is no finding about the client: Kela is told whatever the consent.</summary>
    [Fact]
    public void FeedbackVisibleTo_SenderWithoutFeedbackConsentAfterReroute_SeesWrongOrganiser()
    {
        var referral = _steps.Rerouted(coversFeedback: false);

        var feedback = referral.FeedbackVisibleTo(Southern.Id);

        feedback.ReturnReason.ShouldBe(ReturnReason.WrongOrganiser);
        feedback.Withheld.ShouldBeFalse();
        feedback.Outcome.ShouldBeNull();
        feedback.Note.ShouldBeNull();
    }

    [Fact]
    public void FeedbackVisibleTo_NewReceiverAfterReroute_SeesWrongOrganiser()
    {
        var referral = _steps.Rerouted();

        referral.FeedbackVisibleTo(WestUusimaaId).ReturnReason.ShouldBe(ReturnReason.WrongOrganiser);
    }

    [Fact]
    public void FeedbackVisibleTo_SenderWithoutFeedbackConsent_ReroutedThenCompleted_WithheldButWrongOrganiserShown()
    {
        var referral = _steps.Rerouted(coversFeedback: false);
        referral.Accept(_steps.WestWorker, Last).ShouldSucceed();
        referral.Complete(_steps.WestWorker, ReferralOutcome.NoNeedFound, null, "Ei tarvetta.", Last.AddHours(1)).ShouldSucceed();

        referral.FeedbackVisibleTo(Southern.Id).ShouldBe(new ReferralFeedback(null, null, ReturnReason.WrongOrganiser, null, Withheld: true));
    }

    [Fact]
    public void FeedbackVisibleTo_OldReceiverAfterReroute_IsNoLongerTheReceiver()
    {
        var referral = _steps.Rerouted(coversFeedback: false);
        referral.Accept(_steps.WestWorker, Last).ShouldSucceed();
        referral.Complete(_steps.WestWorker, ReferralOutcome.NoNeedFound, null, "Ei tarvetta.", Last.AddHours(1)).ShouldSucceed();

        var feedback = referral.FeedbackVisibleTo(CityOfHelsinki.Id);

        feedback.Outcome.ShouldBeNull();
        feedback.Note.ShouldBeNull();
        // Not the sender either: no feedback is owed to it, so none is "withheld".
        feedback.Withheld.ShouldBeFalse();
    }
}
