using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// The loop through the use cases as real users: Helsinki assesses and completes, Kela follows the case and is told
/// the outcome only as far as the client's consent covers it; nobody else may move the referral.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReferralLoopIntegrationTests(AppFixture app)
{
    private const string CommonWrongRole = "Common.WrongRole";

    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task StartAssessment_NamedWorker_BothSidesSeeInAssessment()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await worker.Get<IReferralLoopCommands>().StartAssessmentAsync(sent.ReferralId)).ShouldSucceed();
            (await worker.Get<IReferralLoopCommands>().StartAssessmentAsync(sent.ReferralId)).ShouldSucceed();
        }

        (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Status.ShouldBe(ReferralStatus.InAssessment);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await ProcessSteps.GetAsync(handler, sent.CaseId)).Referrals.ShouldHaveSingleItem().Status.ShouldBe(ReferralStatus.InAssessment);
        var timeline = (await ReferralLoopSteps.GetAsync(handler, sent.ReferralId)).Timeline;
        timeline.Count(e => e.Kind == ReferralEventKind.AssessmentStarted).ShouldBe(1);
    }

    [Fact]
    public async Task StartAssessment_NotYetAccepted_NotAccepted()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var result = await worker.Get<IReferralLoopCommands>().StartAssessmentAsync(sent.ReferralId);

        result.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.NotAccepted").ArgumentKeys[^1].ShouldBe("ReferralStatus.InAssessment");
        (await ReferralLoopSteps.GetAsync(worker, sent.ReferralId)).Status.ShouldBe(ReferralStatus.Received);
    }

    [Fact]
    public async Task Complete_ConsentCoversFeedback_SenderCaseShowsOutcomeAndPlan()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: true);
        await _steps.InAssessmentAsync(sent.ReferralId);

        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.AssessmentDone, PlanType.ActivationPlan, "  Aktivointisuunnitelma laadittu. ");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var referral = (await ProcessSteps.GetAsync(handler, sent.CaseId)).Referrals.ShouldHaveSingleItem();
        referral.Status.ShouldBe(ReferralStatus.Completed);
        referral.Feedback.ShouldBe(new ReferralFeedback(
            ReferralOutcome.AssessmentDone, PlanType.ActivationPlan, null, "Aktivointisuunnitelma laadittu.", Withheld: false));
        var details = await ReferralLoopSteps.GetAsync(handler, sent.ReferralId);
        details.ConsentCoversFeedback.ShouldBeTrue();
        details.CompletedAt.ShouldNotBeNull();
        details.Feedback.ShouldBe(referral.Feedback);
    }

    [Fact]
    public async Task Complete_ConsentNotCoveringFeedback_SenderSeesOnlyThatItWasHandled()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: false);
        await _steps.InAssessmentAsync(sent.ReferralId);

        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.AssessmentDone, PlanType.ClientPlan, "Asiakassuunnitelma laadittu.");

        await using (var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            var referral = (await ProcessSteps.GetAsync(handler, sent.CaseId)).Referrals.ShouldHaveSingleItem();
            referral.Status.ShouldBe(ReferralStatus.Completed);
            referral.Feedback.ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: true));
            var details = await ReferralLoopSteps.GetAsync(handler, sent.ReferralId);
            details.ConsentCoversFeedback.ShouldBeFalse();
            details.Feedback.ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: true));
        }

        var receiver = await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        receiver.Feedback.ShouldBe(new ReferralFeedback(
            ReferralOutcome.AssessmentDone, PlanType.ClientPlan, null, "Asiakassuunnitelma laadittu.", Withheld: false));
    }

    [Fact]
    public async Task Complete_WithoutConsentAtAll_SenderSeesWithheld()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, consent: false, coversFeedback: true);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.ClientNotReached, note: "Ei tavoitettu.");

        var details = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);
        details.ConsentCoversFeedback.ShouldBeFalse();
        details.Feedback.ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: true));
    }

    [Fact]
    public async Task Complete_WhileOpen_SenderWithoutFeedbackConsentIsNotYetWithheld()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: false);
        await _steps.InAssessmentAsync(sent.ReferralId);

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var referral = (await ProcessSteps.GetAsync(handler, sent.CaseId)).Referrals.ShouldHaveSingleItem();

        referral.Feedback.ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: false));
    }

    [Fact]
    public async Task Complete_AssessmentDoneWithoutPlan_PlanRequiredAndStillOpen()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.InAssessmentAsync(sent.ReferralId);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var result = await worker.Get<IReferralLoopCommands>().CompleteAsync(
            new CompleteReferralCommand(sent.ReferralId, ReferralOutcome.AssessmentDone, null, null));

        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Code == Referral.Errors.PlanRequired.Code);
        var stored = await ReferralLoopSteps.GetAsync(worker, sent.ReferralId);
        stored.Status.ShouldBe(ReferralStatus.InAssessment);
        stored.Feedback.Outcome.ShouldBeNull();
    }

    [Fact]
    public async Task Complete_NoOutcome_OutcomeRequired()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.InAssessmentAsync(sent.ReferralId);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var result = await worker.Get<IReferralLoopCommands>().CompleteAsync(new CompleteReferralCommand(sent.ReferralId, null, null, null));

        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Code == "Referral.OutcomeRequired");
        (await ReferralLoopSteps.GetAsync(worker, sent.ReferralId)).Status.ShouldBe(ReferralStatus.InAssessment);
    }

    [Fact]
    public async Task Complete_Twice_ClosedAndFirstOutcomeKept()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.InAssessmentAsync(sent.ReferralId);
        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.NoNeedFound);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var again = await worker.Get<IReferralLoopCommands>().CompleteAsync(
            new CompleteReferralCommand(sent.ReferralId, ReferralOutcome.ClientDeclined, null, null));

        again.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.Closed").ArgumentKeys.ShouldBe(["ReferralStatus.Completed", "ReferralStatus.Completed"]);
        (await ReferralLoopSteps.GetAsync(worker, sent.ReferralId)).Feedback.Outcome.ShouldBe(ReferralOutcome.NoNeedFound);
    }

    [Fact]
    public async Task Return_Closing_SenderWithoutFeedbackConsentSeesWithheldReceiverSeesReason()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: false);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.ReferredElsewhere, note: "Ohjattu päihdepalveluihin.");

        var sender = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);
        sender.Status.ShouldBe(ReferralStatus.Returned);
        sender.ReturnedAt.ShouldNotBeNull();
        sender.Feedback.ShouldBe(new ReferralFeedback(null, null, null, null, Withheld: true));
        var receiver = await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        receiver.Feedback.ShouldBe(new ReferralFeedback(null, null, ReturnReason.ReferredElsewhere, "Ohjattu päihdepalveluihin.", Withheld: false));
    }

    [Fact]
    public async Task Return_ConsentCoversFeedback_SenderSeesReasonAndNote()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: true);

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.NoCapacity, note: "Ei resursseja.");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var referral = (await ProcessSteps.GetAsync(handler, sent.CaseId)).Referrals.ShouldHaveSingleItem();
        referral.Status.ShouldBe(ReferralStatus.Returned);
        referral.Feedback.ShouldBe(new ReferralFeedback(null, null, ReturnReason.NoCapacity, "Ei resursseja.", Withheld: false));
    }

    [Fact]
    public async Task LoopCommands_WorkerOfAnotherOrganiser_NotFoundAndNothingChanges()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await using (var north = await app.AsUserAsync(DemoDataSeeder.WorkerNorthOstrobothnia))
        {
            var loop = north.Get<IReferralLoopCommands>();

            (await loop.StartAssessmentAsync(sent.ReferralId)).ShouldFailWith<NotFoundError>(GetReferralHandler.NotFound.Code);
            (await loop.CompleteAsync(new CompleteReferralCommand(sent.ReferralId, ReferralOutcome.NoNeedFound, null, null)))
                .ShouldFailWith<NotFoundError>(GetReferralHandler.NotFound.Code);
            (await loop.ReturnAsync(new ReturnReferralCommand(sent.ReferralId, ReturnReason.NoNeed, null, null)))
                .ShouldFailWith<NotFoundError>(GetReferralHandler.NotFound.Code);
            (await loop.ReturnAsync(new ReturnReferralCommand(sent.ReferralId, ReturnReason.WrongOrganiser, null, "564")))
                .ShouldFailWith<NotFoundError>(GetReferralHandler.NotFound.Code);
        }

        var stored = await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        stored.Status.ShouldBe(ReferralStatus.Accepted);
        stored.ReceiverOrganisationId.ShouldBe(ReferralLoopSteps.CityOfHelsinki);
        stored.Timeline.ShouldAllBe(e => e.ActorName != DemoDataSeeder.WorkerNorthOstrobothnia.DisplayName);
    }

    [Fact]
    public async Task LoopCommands_KelaHandler_WrongRole()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var loop = handler.Get<IReferralLoopCommands>();

        (await loop.StartAssessmentAsync(sent.ReferralId)).ShouldFailWith<ForbiddenError>(CommonWrongRole);
        (await loop.CompleteAsync(new CompleteReferralCommand(sent.ReferralId, ReferralOutcome.NoNeedFound, null, null)))
            .ShouldFailWith<ForbiddenError>(CommonWrongRole);
        (await loop.ReturnAsync(new ReturnReferralCommand(sent.ReferralId, ReturnReason.NoNeed, null, null)))
            .ShouldFailWith<ForbiddenError>(CommonWrongRole);

        (await ReferralLoopSteps.GetAsync(handler, sent.ReferralId)).Status.ShouldBe(ReferralStatus.Accepted);
    }

    [Fact]
    public async Task LoopCommands_AdminOfTheReceiver_WrongRole()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await using var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);

        (await admin.Get<IReferralLoopCommands>().StartAssessmentAsync(sent.ReferralId)).ShouldFailWith<ForbiddenError>(CommonWrongRole);
        (await admin.Get<IReferralLoopCommands>().ReturnAsync(new ReturnReferralCommand(sent.ReferralId, ReturnReason.NoNeed, null, null)))
            .ShouldFailWith<ForbiddenError>(CommonWrongRole);

        (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Status.ShouldBe(ReferralStatus.Accepted);
    }

    [Fact]
    public async Task LoopCommands_UnknownReferral_NotFound()
    {
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        (await worker.Get<IReferralLoopCommands>().StartAssessmentAsync(Guid.NewGuid()))
            .ShouldFailWith<NotFoundError>(GetReferralHandler.NotFound.Code);
    }
}
