using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>After the named worker accepts: the assessment starts, and the referral is completed with an outcome.</summary>
public class ReferralLoopTests
{
    private readonly LoopSteps _steps = new();

    public static TheoryData<ReferralOutcome> OutcomesWithoutAssessment() =>
        [ReferralOutcome.NoNeedFound, ReferralOutcome.ClientNotReached, ReferralOutcome.ClientDeclined];

    [Theory]
    [InlineData("  Uusi huoli: häätöuhka. ", "Uusi huoli: häätöuhka.")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Send_RepeatReason_StoredTrimmedOrNotAtAll(string? given, string? stored)
    {
        var referral = Fixtures.SendReferral(
            _steps.Case, ReferralGround.BasicAmountReduced, false, null, _steps.Handler, Fixtures.Now, repeatReason: given).Value;

        referral.RepeatReason.ShouldBe(stored);
    }

    [Fact]
    public void StartAssessment_Accepted_MovesToInAssessmentAndRecordsIt()
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        var result = referral.StartAssessment(_steps.Worker, Later);

        result.IsSuccess.ShouldBeTrue();
        referral.Status.ShouldBe(ReferralStatus.InAssessment);
        referral.IsOpen.ShouldBeTrue();
        referral.Events.Count.ShouldBe(eventsBefore + 1);
        var recorded = referral.Events[^1];
        recorded.Kind.ShouldBe(ReferralEventKind.AssessmentStarted);
        recorded.Status.ShouldBe(ReferralStatus.InAssessment);
        recorded.At.ShouldBe(Later);
        recorded.ActorUserId.ShouldBe(_steps.Worker.UserId);
    }

    [Fact]
    public void StartAssessment_AnotherWorkerOfTheReceiver_Allowed()
    {
        var referral = _steps.Accepted();

        referral.StartAssessment(_steps.OtherWorker, Later).IsSuccess.ShouldBeTrue();

        referral.Status.ShouldBe(ReferralStatus.InAssessment);
        referral.NamedWorkerUserId.ShouldBe(_steps.Worker.UserId);
    }

    [Fact]
    public void StartAssessment_AlreadyInAssessment_SucceedsAndRecordsNothing()
    {
        var referral = _steps.InAssessment();
        var eventsBefore = referral.Events.Count;

        var result = referral.StartAssessment(_steps.Worker, Latest);

        result.IsSuccess.ShouldBeTrue();
        referral.Status.ShouldBe(ReferralStatus.InAssessment);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(ReferralStatus.Sent)]
    [InlineData(ReferralStatus.Received)]
    public void StartAssessment_NotYetAccepted_FailsWithNotAccepted(ReferralStatus status)
    {
        var referral = _steps.In(status);
        var eventsBefore = referral.Events.Count;

        var result = referral.StartAssessment(_steps.Worker, Later);

        result.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.NotAccepted")
            .ArgumentKeys.ShouldBe([$"ReferralStatus.{status}", "ReferralStatus.InAssessment"]);
        referral.Status.ShouldBe(status);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void StartAssessment_WorkerOfAnotherOrganiser_FailsWithNotTheReceiver()
    {
        var referral = _steps.Accepted();

        referral.StartAssessment(_steps.WestWorker, Later).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);

        referral.Status.ShouldBe(ReferralStatus.Accepted);
    }

    [Fact]
    public void StartAssessment_Sender_FailsWithNotTheReceiver()
    {
        var referral = _steps.Accepted();

        referral.StartAssessment(_steps.Handler, Later).FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Referral.NotTheReceiver");

        referral.Status.ShouldBe(ReferralStatus.Accepted);
    }

    [Theory]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Returned)]
    public void StartAssessment_Closed_FailsWithClosed(ReferralStatus status)
    {
        var referral = _steps.In(status);
        var eventsBefore = referral.Events.Count;

        var result = referral.StartAssessment(_steps.Worker, Latest);

        result.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.Closed")
            .ArgumentKeys.ShouldBe([$"ReferralStatus.{status}", "ReferralStatus.InAssessment"]);
        referral.Status.ShouldBe(status);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.InAssessment)]
    public void Complete_AssessmentDoneWithPlan_CompletesWithOutcomePlanAndNote(ReferralStatus from)
    {
        var referral = _steps.In(from);

        var result = referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, PlanType.ActivationPlan, "  Aktivointisuunnitelma tehty.\n", Latest);

        result.IsSuccess.ShouldBeTrue();
        referral.Status.ShouldBe(ReferralStatus.Completed);
        referral.IsOpen.ShouldBeFalse();
        referral.Outcome.ShouldBe(ReferralOutcome.AssessmentDone);
        referral.PlanMade.ShouldBe(PlanType.ActivationPlan);
        referral.CompletedAt.ShouldBe(Latest);
        referral.ClosingNote.ShouldBe("Aktivointisuunnitelma tehty.");
        referral.ReturnReason.ShouldBeNull();
        referral.ReturnedAt.ShouldBeNull();
        var recorded = referral.Events[^1];
        recorded.Kind.ShouldBe(ReferralEventKind.Completed);
        recorded.Detail.ShouldBe("AssessmentDone.ActivationPlan");
        recorded.Status.ShouldBe(ReferralStatus.Completed);
        recorded.At.ShouldBe(Latest);
    }

    [Theory]
    [InlineData(PlanType.IndependentCopingPlan)]
    [InlineData(PlanType.ActivationPlan)]
    [InlineData(PlanType.ClientPlan)]
    [InlineData(PlanType.IntegrationPlan)]
    public void Complete_EveryPlan_RecordsOutcomeAndPlanAsDetail(PlanType plan)
    {
        var referral = _steps.InAssessment();

        referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, plan, null, Latest).ShouldSucceed();

        referral.PlanMade.ShouldBe(plan);
        referral.Events[^1].Detail.ShouldBe($"AssessmentDone.{plan}");
    }

    [Theory]
    [MemberData(nameof(OutcomesWithoutAssessment))]
    public void Complete_OutcomeWithoutAssessment_CompletesWithoutPlan(ReferralOutcome outcome)
    {
        var referral = _steps.Accepted();

        referral.Complete(_steps.Worker, outcome, null, null, Latest).ShouldSucceed();

        referral.Status.ShouldBe(ReferralStatus.Completed);
        referral.Outcome.ShouldBe(outcome);
        referral.PlanMade.ShouldBeNull();
        referral.CompletedAt.ShouldBe(Latest);
        referral.Events[^1].Detail.ShouldBe(outcome.ToString());
    }

    [Fact]
    public void Complete_AssessmentDoneWithoutPlan_FailsWithPlanRequired()
    {
        var referral = _steps.InAssessment();
        var eventsBefore = referral.Events.Count;

        var result = referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, null, null, Latest);

        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe("Referral.PlanRequired");
        error.Field.ShouldBe("Plan");
        ShouldBeUnchanged(referral, ReferralStatus.InAssessment, eventsBefore);
    }

    [Theory]
    [MemberData(nameof(OutcomesWithoutAssessment))]
    public void Complete_OtherOutcomeWithPlan_FailsWithPlanOnlyWithAssessment(ReferralOutcome outcome)
    {
        var referral = _steps.InAssessment();
        var eventsBefore = referral.Events.Count;

        var result = referral.Complete(_steps.Worker, outcome, PlanType.ClientPlan, null, Latest);

        result.Errors.ShouldHaveSingleItem().ShouldBe(Referral.Errors.PlanOnlyWithAssessment);
        ShouldBeUnchanged(referral, ReferralStatus.InAssessment, eventsBefore);
    }

    [Fact]
    public void Complete_NoteTooLong_FailsWithNoteTooLong()
    {
        var referral = _steps.InAssessment();
        var eventsBefore = referral.Events.Count;

        var result = referral.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, new string('a', Referral.NoteMaxLength + 1), Latest);

        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe("Referral.NoteTooLong");
        error.Field.ShouldBe("Note");
        ShouldBeUnchanged(referral, ReferralStatus.InAssessment, eventsBefore);
    }

    [Fact]
    public void Complete_NoteOfMaxLength_Stored()
    {
        var referral = _steps.InAssessment();
        var note = new string('a', Referral.NoteMaxLength);

        referral.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, note, Latest).ShouldSucceed();

        referral.ClosingNote.ShouldBe(note);
    }

    [Fact]
    public void Complete_PlanAndNoteBothWrong_ReportsBoth()
    {
        var referral = _steps.InAssessment();

        var result = referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, null, new string('a', Referral.NoteMaxLength + 1), Latest);

        result.Errors.ShouldBe([Referral.Errors.PlanRequired, Referral.Errors.NoteTooLong]);
        referral.Status.ShouldBe(ReferralStatus.InAssessment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void Complete_BlankNote_StoresNoNote(string? note)
    {
        var referral = _steps.InAssessment();

        referral.Complete(_steps.Worker, ReferralOutcome.ClientNotReached, null, note, Latest).ShouldSucceed();

        referral.ClosingNote.ShouldBeNull();
    }

    [Theory]
    [InlineData(ReferralStatus.Sent)]
    [InlineData(ReferralStatus.Received)]
    public void Complete_NotYetAccepted_FailsWithNotAccepted(ReferralStatus status)
    {
        var referral = _steps.In(status);
        var eventsBefore = referral.Events.Count;

        var result = referral.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, null, Latest);

        result.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.NotAccepted")
            .ArgumentKeys.ShouldBe([$"ReferralStatus.{status}", "ReferralStatus.Completed"]);
        ShouldBeUnchanged(referral, status, eventsBefore);
    }

    [Theory]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Returned)]
    public void Complete_Closed_FailsWithClosedAndKeepsTheFirstEnding(ReferralStatus status)
    {
        var referral = _steps.In(status);
        var outcome = referral.Outcome;
        var eventsBefore = referral.Events.Count;

        var result = referral.Complete(_steps.Worker, ReferralOutcome.ClientDeclined, null, "Toinen.", Last);

        result.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.Closed")
            .ArgumentKeys.ShouldBe([$"ReferralStatus.{status}", "ReferralStatus.Completed"]);
        referral.Status.ShouldBe(status);
        referral.Outcome.ShouldBe(outcome);
        referral.CompletedAt.ShouldNotBe(Last);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void Complete_WorkerOfAnotherOrganiser_FailsWithNotTheReceiver()
    {
        var referral = _steps.InAssessment();
        var eventsBefore = referral.Events.Count;

        var result = referral.Complete(_steps.WestWorker, ReferralOutcome.NoNeedFound, null, null, Latest);

        result.FirstError.ShouldBe(Referral.Errors.NotTheReceiver);
        ShouldBeUnchanged(referral, ReferralStatus.InAssessment, eventsBefore);
    }

    [Fact]
    public void Complete_Sender_FailsWithNotTheReceiver()
    {
        var referral = _steps.InAssessment();

        referral.Complete(_steps.Handler, ReferralOutcome.NoNeedFound, null, null, Latest).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);

        referral.Status.ShouldBe(ReferralStatus.InAssessment);
    }

    [Theory]
    [InlineData(ReferralStatus.Sent, true)]
    [InlineData(ReferralStatus.Received, true)]
    [InlineData(ReferralStatus.Accepted, true)]
    [InlineData(ReferralStatus.InAssessment, true)]
    [InlineData(ReferralStatus.Completed, false)]
    [InlineData(ReferralStatus.Returned, false)]
    public void IsOpen_EachState_OpenUntilCompletedOrReturned(ReferralStatus status, bool open)
    {
        var referral = _steps.In(status);

        referral.Status.ShouldBe(status);
        referral.IsOpen.ShouldBe(open);
    }

    private static void ShouldBeUnchanged(Referral referral, ReferralStatus status, int eventCount)
    {
        referral.Status.ShouldBe(status);
        referral.Outcome.ShouldBeNull();
        referral.PlanMade.ShouldBeNull();
        referral.CompletedAt.ShouldBeNull();
        referral.ClosingNote.ShouldBeNull();
        referral.Events.Count.ShouldBe(eventCount);
    }
}
