using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Cases.ProcessFixtures;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Cases;

/// <summary>Stage 4 (the decision and its rules) and the move on to the referral stage.</summary>
public class ClientCaseDecisionTests
{
    private static readonly DateTimeOffset Later = Morning.AddHours(2);

    private readonly Actor _handler = Member(Southern, "Kaisa Käsittelijä");
    private readonly Actor _decider = Member(Southern, "Pirjo Päättäjä");

    [Fact]
    public void RecordDecision_CaseNotTakenByTheDecider_FailsWithNotYourCase()
    {
        var untaken = CaseIn(CaseStage.Processing, _handler);
        var takenByAnother = CaseIn(CaseStage.Processing, _handler);
        takenByAnother.Take(_handler, Morning).ShouldSucceed();

        untaken.RecordDecision(_decider, Granted(), Today, Later).ShouldFailWith<ForbiddenError>("Case.NotYourCase");
        takenByAnother.RecordDecision(_decider, Granted(), Today, Later).ShouldFailWith<ForbiddenError>("Case.NotYourCase");
        untaken.Stage.ShouldBe(CaseStage.Processing);
        takenByAnother.Decision.ShouldBeNull();
    }

    [Fact]
    public void RecordDecision_InProcessing_StoresItAndMovesToDecision()
    {
        var clientCase = TakenByDecider();
        var decision = new CaseDecision(DecisionOutcome.PartlyGranted, Today, new BasicAmountReduction(20, ReductionReason.RefusedPlan), null,
            SignalToOtherBenefits: true, SignalToSocialServices: true, QualityRating.Adequate, QualityRating.Poor);

        clientCase.RecordDecision(_decider, decision, Today, Later).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Decision);
        clientCase.Decision.ShouldBe(decision);
        var recorded = clientCase.Events[^2];
        recorded.Kind.ShouldBe(CaseEventKind.DecisionRecorded);
        recorded.Detail.ShouldBe("PartlyGranted");
        recorded.Stage.ShouldBe(CaseStage.Processing);
        recorded.ActorUserId.ShouldBe(_decider.UserId);
        var changed = clientCase.Events[^1];
        changed.Kind.ShouldBe(CaseEventKind.StageChanged);
        changed.FromStage.ShouldBe(CaseStage.Processing);
        changed.Stage.ShouldBe(CaseStage.Decision);
        changed.At.ShouldBe(Later);
    }

    [Theory]
    [InlineData(CaseStage.Guidance)]
    [InlineData(CaseStage.Application)]
    [InlineData(CaseStage.Decision)]
    [InlineData(CaseStage.ReferralToSocialWork)]
    [InlineData(CaseStage.Cooperation)]
    public void RecordDecision_OutsideProcessing_FailsWithNotInProcessing(CaseStage stage)
    {
        var clientCase = CaseIn(stage, _handler);
        var before = clientCase.Decision;
        var eventsBefore = clientCase.Events.Count;

        var result = clientCase.RecordDecision(_decider, Granted(outcome: DecisionOutcome.Refused), Today, Later);

        result.ShouldFailWith<InvalidTransitionError>("Case.NotInProcessing");
        clientCase.Stage.ShouldBe(stage);
        clientCase.Decision.ShouldBe(before);
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void RecordDecision_DecidedMoreThanTenYearsAgo_FailsOnDecidedOn()
    {
        var clientCase = TakenByDecider();

        var result = clientCase.RecordDecision(_decider, Granted(decidedOn: new DateOnly(1, 1, 1)), Today, Later);

        result.Errors.ShouldContain(error => error.Code == "EnteredDate.TooEarly" && error.Field == "DecidedOn");
        clientCase.Decision.ShouldBeNull();
    }

    [Fact]
    public void RecordDecision_DecidedInTheFuture_FailsOnDecidedOnAndStaysInProcessing()
    {
        var clientCase = TakenByDecider();
        var eventsBefore = clientCase.Events.Count;

        var result = clientCase.RecordDecision(_decider, Granted(decidedOn: Tomorrow), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.DecidedInFuture", "DecidedOn");
        clientCase.Stage.ShouldBe(CaseStage.Processing);
        clientCase.Decision.ShouldBeNull();
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void RecordDecision_DecidedBeforeTheApplicationArrived_FailsOnDecidedOn()
    {
        var clientCase = TakenByDecider();

        var result = clientCase.RecordDecision(_decider, Granted(decidedOn: Today.AddDays(-1)), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.DecidedBeforeApplication", "DecidedOn");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(41)]
    [InlineData(100)]
    public void RecordDecision_ReductionOutOfRange_FailsWithReductionPercent(int percent)
    {
        var clientCase = TakenByDecider();

        var result = clientCase.RecordDecision(_decider, Granted(new BasicAmountReduction(percent, ReductionReason.RefusedWorkOrMeasure)), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.ReductionPercentOutOfRange", "Reduction");
        clientCase.Stage.ShouldBe(CaseStage.Processing);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(40)]
    public void RecordDecision_ReductionWithinLimits_IsAccepted(int percent)
    {
        var clientCase = TakenByDecider();

        clientCase.RecordDecision(_decider, Granted(new BasicAmountReduction(percent, ReductionReason.NeglectedJobseekerDuties)), Today, Later).ShouldSucceed();

        clientCase.Decision!.Reduction!.Percent.ShouldBe(percent);
    }

    [Theory]
    [InlineData(DecisionOutcome.Refused)]
    [InlineData(DecisionOutcome.LeftUnexamined)]
    public void RecordDecision_ReductionWithoutGrant_FailsWithReductionOnlyWhenGranted(DecisionOutcome outcome)
    {
        var clientCase = TakenByDecider();

        var result = clientCase.RecordDecision(_decider, Granted(new BasicAmountReduction(20, ReductionReason.RefusedPlan), outcome: outcome), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.ReductionOnlyWhenGranted", "Reduction");
    }

    [Theory]
    [InlineData(DecisionOutcome.Granted)]
    [InlineData(DecisionOutcome.PartlyGranted)]
    public void RecordDecision_PaymentCommitmentOnUrgentGrant_IsAccepted(DecisionOutcome outcome)
    {
        var clientCase = TakenByDecider(UrgentApplication);

        clientCase.RecordDecision(_decider, Granted(commitment: new PaymentCommitment("Kelan toimipiste, Kamppi"), outcome: outcome), Today, Later).ShouldSucceed();

        clientCase.Decision!.PaymentCommitment.ShouldBe(new PaymentCommitment("Kelan toimipiste, Kamppi"));
    }

    [Fact]
    public void RecordDecision_PaymentCommitmentOnNormalCase_FailsWithPaymentCommitmentOnlyUrgent()
    {
        var clientCase = TakenByDecider();

        var result = clientCase.RecordDecision(_decider, Granted(commitment: new PaymentCommitment("Sosiaalitoimisto")), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.PaymentCommitmentOnlyUrgent", "PaymentCommitment");
        clientCase.Decision.ShouldBeNull();
    }

    [Fact]
    public void RecordDecision_PaymentCommitmentAfterMoveToNormalQueue_FailsWithPaymentCommitmentOnlyUrgent()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler, UrgentApplication);
        clientCase.Take(_handler, Morning).ShouldSucceed();
        clientCase.MoveToNormalQueue(_handler, Morning).ShouldSucceed();

        var result = clientCase.RecordDecision(_handler, Granted(commitment: new PaymentCommitment("Sosiaalitoimisto")), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.PaymentCommitmentOnlyUrgent", "PaymentCommitment");
    }

    [Theory]
    [InlineData(DecisionOutcome.Refused)]
    [InlineData(DecisionOutcome.LeftUnexamined)]
    public void RecordDecision_PaymentCommitmentWithoutGrant_FailsWithPaymentCommitmentNeedsGrant(DecisionOutcome outcome)
    {
        var clientCase = TakenByDecider(UrgentApplication);

        var result = clientCase.RecordDecision(_decider, Granted(commitment: new PaymentCommitment("Sosiaalitoimisto"), outcome: outcome), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.PaymentCommitmentNeedsGrant", "PaymentCommitment");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RecordDecision_BlankPickUpPlace_FailsWithPickUpPlaceRequired(string place)
    {
        var clientCase = TakenByDecider(UrgentApplication);

        var result = clientCase.RecordDecision(_decider, Granted(commitment: new PaymentCommitment(place)), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.PickUpPlaceRequired", "PaymentCommitment");
    }

    [Fact]
    public void RecordDecision_PickUpPlaceTooLong_FailsWithPickUpPlaceRequired()
    {
        var clientCase = TakenByDecider(UrgentApplication);
        var place = new string('k', PaymentCommitment.PickUpPlaceMaxLength + 1);

        var result = clientCase.RecordDecision(_decider, Granted(commitment: new PaymentCommitment(place)), Today, Later);

        result.ShouldFailWith<ValidationError>("Decision.PickUpPlaceRequired", "PaymentCommitment");
    }

    [Fact]
    public void RecordDecision_PickUpPlaceOfMaxLengthWithSpaces_IsAccepted()
    {
        var clientCase = TakenByDecider(UrgentApplication);
        var place = $"  {new string('k', PaymentCommitment.PickUpPlaceMaxLength)} ";

        clientCase.RecordDecision(_decider, Granted(commitment: new PaymentCommitment(place)), Today, Later).ShouldSucceed();
    }

    [Fact]
    public void RecordDecision_SeveralRulesBroken_ReportsEveryError()
    {
        var clientCase = TakenByDecider();
        var decision = Granted(new BasicAmountReduction(41, ReductionReason.RefusedPlan), new PaymentCommitment(" "), DecisionOutcome.Refused, Tomorrow);

        var result = clientCase.RecordDecision(_decider, decision, Today, Later);

        result.Errors.Select(error => error.Code).ShouldBe(
        [
            "Decision.DecidedInFuture",
            "Decision.ReductionPercentOutOfRange",
            "Decision.ReductionOnlyWhenGranted",
            "Decision.PaymentCommitmentOnlyUrgent",
            "Decision.PaymentCommitmentNeedsGrant",
            "Decision.PickUpPlaceRequired",
        ]);
        result.Errors.ShouldAllBe(error => error is ValidationError);
    }

    [Fact]
    public void SuggestedReferralGround_WithReduction_IsBasicAmountReduced() =>
        Granted(new BasicAmountReduction(20, ReductionReason.RefusedWorkOrMeasure)).SuggestedReferralGround.ShouldBe(ReferralGround.BasicAmountReduced);

    [Theory]
    [InlineData(DecisionOutcome.Granted)]
    [InlineData(DecisionOutcome.PartlyGranted)]
    [InlineData(DecisionOutcome.Refused)]
    [InlineData(DecisionOutcome.LeftUnexamined)]
    public void SuggestedReferralGround_WithoutReduction_IsNull(DecisionOutcome outcome) =>
        Granted(outcome: outcome, commitment: new PaymentCommitment("Toimisto")).SuggestedReferralGround.ShouldBeNull();

    [Fact]
    public void NoteReferralSent_AfterTheDecision_MovesToReferralToSocialWork()
    {
        var clientCase = CaseIn(CaseStage.Decision, _handler);

        clientCase.NoteReferralSent(_decider, ReferralGround.BasicAmountReduced, Later);

        clientCase.Stage.ShouldBe(CaseStage.ReferralToSocialWork);
        var sent = clientCase.Events[^2];
        sent.Kind.ShouldBe(CaseEventKind.ReferralSent);
        sent.Detail.ShouldBe("BasicAmountReduced");
        sent.Stage.ShouldBe(CaseStage.Decision);
        sent.ActorUserId.ShouldBe(_decider.UserId);
        var changed = clientCase.Events[^1];
        changed.Kind.ShouldBe(CaseEventKind.StageChanged);
        changed.FromStage.ShouldBe(CaseStage.Decision);
        changed.Stage.ShouldBe(CaseStage.ReferralToSocialWork);
    }

    [Theory]
    [InlineData(CaseStage.Guidance)]
    [InlineData(CaseStage.Application)]
    [InlineData(CaseStage.Processing)]
    [InlineData(CaseStage.ReferralToSocialWork)]
    [InlineData(CaseStage.Cooperation)]
    public void NoteReferralSent_InOtherStages_OnlyAddsTheEvent(CaseStage stage)
    {
        var clientCase = CaseIn(stage, _handler);
        var eventsBefore = clientCase.Events.Count;

        clientCase.NoteReferralSent(_decider, ReferralGround.ClientRequestsAssessment, Later);

        clientCase.Stage.ShouldBe(stage);
        clientCase.Events.Count.ShouldBe(eventsBefore + 1);
        var sent = clientCase.Events[^1];
        sent.Kind.ShouldBe(CaseEventKind.ReferralSent);
        sent.Detail.ShouldBe("ClientRequestsAssessment");
        sent.Stage.ShouldBe(stage);
    }

    /// <summary>A case in processing, taken from the queue by the handler who then decides it.</summary>
    private ClientCase TakenByDecider(ApplicationDetails? application = null)
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler, application);
        clientCase.Take(_decider, Morning).ShouldSucceed();
        return clientCase;
    }
}
