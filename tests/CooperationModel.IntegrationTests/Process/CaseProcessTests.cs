using CooperationModel.Application.Cases.Process;
using CooperationModel.Application.Cases.RecordDecision;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Process;

/// <summary>The southern handler moves cases through the stages with the use cases; the case page shows the result.</summary>
[Collection(AppCollection.Name)]
public sealed class CaseProcessTests(AppFixture app)
{
    private const string PickUpPlace = "Kelan toimipiste, Helsinki";

    private readonly ProcessSteps _steps = new(app);

    [Fact]
    public async Task ConfirmUrgency_HandlerWhoTookIt_Confirmed()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var commands = handler.Get<IProcessCommands>();
        (await commands.TakeAsync(queued.Id)).ShouldSucceed();

        (await commands.ConfirmUrgencyAsync(queued.Id)).ShouldSucceed();

        var stored = await ProcessSteps.GetAsync(handler, queued.Id);
        stored.UrgencyConfirmed.ShouldBeTrue();
        stored.IsUrgent.ShouldBeTrue();
        stored.Queue.ShouldBe(ProcessingQueue.Urgent);
        stored.Timeline.First().Kind.ShouldBe(CaseEventKind.UrgencyConfirmed);
        stored.Timeline.First().ActorName.ShouldBe(DemoDataSeeder.HandlerSouth.DisplayName);
    }

    [Fact]
    public async Task ConfirmUrgencyAndMoveToNormalQueue_OtherHandlerOrNobodyTookIt_NotYourCase()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        await using var colleague = await _steps.AsAsync(await _steps.NewHandlerAsync("etelainen", "Kollega Etelä"));
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var commands = handler.Get<IProcessCommands>();

        // Nobody holds it yet.
        (await commands.ConfirmUrgencyAsync(queued.Id)).ShouldFailWith<ForbiddenError>("Case.NotYourCase");

        (await colleague.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldSucceed();
        (await commands.ConfirmUrgencyAsync(queued.Id)).ShouldFailWith<ForbiddenError>("Case.NotYourCase");
        (await commands.MoveToNormalQueueAsync(queued.Id)).ShouldFailWith<ForbiddenError>("Case.NotYourCase");

        var stored = await ProcessSteps.GetAsync(handler, queued.Id);
        stored.UrgencyConfirmed.ShouldBeFalse();
        stored.Queue.ShouldBe(ProcessingQueue.Urgent);
        stored.HandlerUserId.ShouldBe(colleague.User.Id);
        stored.Timeline.First().Kind.ShouldBe(CaseEventKind.Taken);
    }

    [Fact]
    public async Task ConfirmUrgency_CaseInNormalQueue_NotInUrgentQueue()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false);
        var commands = handler.Get<IProcessCommands>();
        (await commands.TakeAsync(queued.Id)).ShouldSucceed();

        (await commands.ConfirmUrgencyAsync(queued.Id)).ShouldFailWith<InvalidTransitionError>("Case.NotInUrgentQueue");

        (await ProcessSteps.GetAsync(handler, queued.Id)).UrgencyConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task MoveToNormalQueue_HandlerWhoTookIt_DeadlineFromUrgentRuleToNormalRule()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var received = _steps.Today.AddDays(-2);
        var complete = _steps.Today.AddDays(-1);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true, received, complete);
        var commands = handler.Get<IProcessCommands>();
        (await commands.TakeAsync(queued.Id)).ShouldSucceed();
        var before = await ProcessSteps.GetAsync(handler, queued.Id);
        before.DecisionDueOn.ShouldBe(DecisionDeadline.For(received, urgent: true));
        before.IsUrgent.ShouldBeTrue();

        (await commands.MoveToNormalQueueAsync(queued.Id)).ShouldSucceed();

        var after = await ProcessSteps.GetAsync(handler, queued.Id);
        after.Queue.ShouldBe(ProcessingQueue.Normal);
        after.IsUrgent.ShouldBeFalse();
        after.UrgencyConfirmed.ShouldBeFalse();
        after.DecisionDueOn.ShouldBe(DecisionDeadline.For(complete, urgent: false));
        after.DecisionDueOn.ShouldNotBe(before.DecisionDueOn);
        after.Timeline.First().Kind.ShouldBe(CaseEventKind.MovedToNormalQueue);
        after.Timeline.First().ActorName.ShouldBe(DemoDataSeeder.HandlerSouth.DisplayName);
    }

    [Fact]
    public async Task MoveToNormalQueue_ApplicationNotComplete_NoDeadlineYet()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var received = _steps.Today.AddDays(-1);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        var commands = handler.Get<IProcessCommands>();
        (await commands.RecordApplicationAsync(new RecordApplicationCommand(
            opened.Id, ApplicationChannel.OralByPhone, received, CompleteOn: null, UrgentRequested: true))).ShouldSucceed();
        (await commands.SendToProcessingAsync(opened.Id)).ShouldSucceed();
        (await commands.TakeAsync(opened.Id)).ShouldSucceed();
        (await ProcessSteps.GetAsync(handler, opened.Id)).DecisionDueOn.ShouldBe(DecisionDeadline.For(received, urgent: true));

        (await commands.MoveToNormalQueueAsync(opened.Id)).ShouldSucceed();

        (await ProcessSteps.GetAsync(handler, opened.Id)).DecisionDueOn.ShouldBeNull();
    }

    [Fact]
    public async Task LogClientCall_InProcessing_StoresAgreedCollection()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var commands = handler.Get<IProcessCommands>();
        (await commands.TakeAsync(queued.Id)).ShouldSucceed();

        (await commands.LogClientCallAsync(new LogClientCallCommand(queued.Id, DecisionCollection.ServicePoint))).ShouldSucceed();

        var stored = await ProcessSteps.GetAsync(handler, queued.Id);
        stored.AgreedCollection.ShouldBe(DecisionCollection.ServicePoint);
        var call = stored.Timeline.First();
        call.Kind.ShouldBe(CaseEventKind.ClientCalled);
        call.Detail.ShouldBe(nameof(DecisionCollection.ServicePoint));
        call.ActorName.ShouldBe(DemoDataSeeder.HandlerSouth.DisplayName);
    }

    [Fact]
    public async Task LogClientCall_BeforeProcessing_NotInProcessing()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var applied = await _steps.OpenWithApplicationAsync(handler, ProcessSteps.Helsinki, urgent: true);

        var result = await handler.Get<IProcessCommands>().LogClientCallAsync(new LogClientCallCommand(applied.Id, DecisionCollection.OmaKela));

        result.ShouldFailWith<InvalidTransitionError>("Case.NotInProcessing");
        (await ProcessSteps.GetAsync(handler, applied.Id)).AgreedCollection.ShouldBeNull();
    }

    [Fact]
    public async Task RecordDecision_PaymentCommitmentOnUrgentCase_DecisionStage()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var commands = handler.Get<IProcessCommands>();
        (await commands.TakeAsync(queued.Id)).ShouldSucceed();
        (await commands.ConfirmUrgencyAsync(queued.Id)).ShouldSucceed();

        var result = await handler.Get<IRecordDecisionHandler>().HandleAsync(Decision(queued.Id, DecisionOutcome.Granted, pickUpPlace: PickUpPlace));

        result.ShouldSucceed();
        var stored = await ProcessSteps.GetAsync(handler, queued.Id);
        stored.Stage.ShouldBe(CaseStage.Decision);
        stored.NextStages.ShouldBe(CaseStages.NextFrom(CaseStage.Decision));
        stored.Decision.ShouldNotBeNull();
        stored.Decision.Outcome.ShouldBe(DecisionOutcome.Granted);
        stored.Decision.DecidedOn.ShouldBe(_steps.Today);
        stored.Decision.PaymentCommitment.ShouldBe(new PaymentCommitment(PickUpPlace));
        stored.Decision.Reduction.ShouldBeNull();
        stored.Deadline.ShouldBeNull();
    }

    [Fact]
    public async Task RecordDecision_CaseHeldByAnotherHandler_NotYourCaseAndNothingStored()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false);

        var untaken = await handler.Get<IRecordDecisionHandler>().HandleAsync(Decision(queued.Id, DecisionOutcome.Granted));

        untaken.ShouldFailWith<ForbiddenError>(ClientCase.Errors.NotYourCase.Code);
        (await ProcessSteps.GetAsync(handler, queued.Id)).Decision.ShouldBeNull();
    }

    [Fact]
    public async Task RecordDecision_PaymentCommitmentOnNormalQueueCase_PaymentCommitmentOnlyUrgent()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false);
        (await handler.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldSucceed();

        var result = await handler.Get<IRecordDecisionHandler>().HandleAsync(Decision(queued.Id, DecisionOutcome.Granted, pickUpPlace: PickUpPlace));

        result.ShouldFailWith<ValidationError>(CaseDecision.Errors.PaymentCommitmentOnlyUrgent.Code).Field.ShouldBe("PaymentCommitment");
        var stored = await ProcessSteps.GetAsync(handler, queued.Id);
        stored.Stage.ShouldBe(CaseStage.Processing);
        stored.Decision.ShouldBeNull();
        stored.Timeline.ShouldNotContain(e => e.Kind == CaseEventKind.DecisionRecorded);
    }

    [Fact]
    public async Task RecordDecision_UrgentCaseMovedToNormalQueue_PaymentCommitmentOnlyUrgent()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var commands = handler.Get<IProcessCommands>();
        (await commands.TakeAsync(queued.Id)).ShouldSucceed();
        (await commands.MoveToNormalQueueAsync(queued.Id)).ShouldSucceed();

        var result = await handler.Get<IRecordDecisionHandler>().HandleAsync(Decision(queued.Id, DecisionOutcome.Granted, pickUpPlace: PickUpPlace));

        result.ShouldFailWith<ValidationError>(CaseDecision.Errors.PaymentCommitmentOnlyUrgent.Code);
        (await ProcessSteps.GetAsync(handler, queued.Id)).Stage.ShouldBe(CaseStage.Processing);
    }

    [Fact]
    public async Task RecordDecision_GrantedWithReductionOf20Percent_SuggestsBasicAmountReducedGround()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false);
        (await ProcessSteps.GetAsync(handler, queued.Id)).Suggestions.ShouldBeEmpty();
        (await handler.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldSucceed();

        var result = await handler.Get<IRecordDecisionHandler>().HandleAsync(
            Decision(queued.Id, DecisionOutcome.Granted, reductionPercent: 20, reason: ReductionReason.RefusedWorkOrMeasure));

        result.ShouldSucceed();
        var stored = await ProcessSteps.GetAsync(handler, queued.Id);
        stored.Stage.ShouldBe(CaseStage.Decision);
        stored.Decision!.Reduction.ShouldBe(new BasicAmountReduction(20, ReductionReason.RefusedWorkOrMeasure));
        var suggestion = stored.Suggestions.ShouldHaveSingleItem();
        suggestion.Ground.ShouldBe(ReferralGround.BasicAmountReduced);
        suggestion.Reasons.ShouldBe([ConcernReason.BasicAmountReducedOrMeasureRefused]);
    }

    [Fact]
    public async Task Advance_GuidanceToCooperation_IllegalTransitionNamingBothStages()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);

        var result = await handler.Get<IProcessCommands>().AdvanceAsync(opened.Id, CaseStage.Cooperation);

        var error = result.ShouldFailWith<InvalidTransitionError>("Case.IllegalTransition");
        error.ArgumentKeys.ShouldBe(["Stage.Guidance", "Stage.Cooperation"]);
        var stored = await ProcessSteps.GetAsync(handler, opened.Id);
        stored.Stage.ShouldBe(CaseStage.Guidance);
        stored.Timeline.ShouldHaveSingleItem().Kind.ShouldBe(CaseEventKind.Opened);
    }

    [Fact]
    public async Task GetCase_WholeProcess_TimelineRecordsEachStepWithActorAndFromStage()
    {
        await using var opener = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var handlerUser = await _steps.NewHandlerAsync("etelainen", "Aikajana Käsittelijä");
        await using var handler = await _steps.AsAsync(handlerUser);
        var south = DemoDataSeeder.HandlerSouth.DisplayName;
        var taker = handlerUser.DisplayName;
        var opened = await ProcessSteps.OpenAsync(opener, ProcessSteps.Helsinki);
        var openerCommands = opener.Get<IProcessCommands>();
        var commands = handler.Get<IProcessCommands>();

        (await openerCommands.RecordGuidanceAsync(new RecordGuidanceCommand(opened.Id, GuidanceChannel.KelaOffice, true, false))).ShouldSucceed();
        (await openerCommands.RecordApplicationAsync(new RecordApplicationCommand(
            opened.Id, ApplicationChannel.GuidedOnline, _steps.Today, _steps.Today, UrgentRequested: true))).ShouldSucceed();
        (await openerCommands.SendToProcessingAsync(opened.Id)).ShouldSucceed();
        (await commands.TakeAsync(opened.Id)).ShouldSucceed();
        (await commands.ConfirmUrgencyAsync(opened.Id)).ShouldSucceed();
        (await commands.LogClientCallAsync(new LogClientCallCommand(opened.Id, DecisionCollection.OmaKela))).ShouldSucceed();
        (await handler.Get<IRecordDecisionHandler>().HandleAsync(Decision(opened.Id, DecisionOutcome.Granted, pickUpPlace: PickUpPlace))).ShouldSucceed();
        (await commands.AdvanceAsync(opened.Id, CaseStage.Cooperation)).ShouldSucceed();

        var stored = await ProcessSteps.GetAsync(handler, opened.Id);

        stored.Stage.ShouldBe(CaseStage.Cooperation);
        stored.Timeline.Select(e => e.At).ShouldBeInOrder(SortDirection.Descending);
        // Steps saved together share a moment; compare the steps, then their order in time.
        var steps = stored.Timeline.Select(e => (e.Kind, e.Stage, e.FromStage, e.ActorName, e.Detail)).ToList();
        (CaseEventKind, CaseStage, CaseStage?, string, string?)[] expected =
        [
            (CaseEventKind.Opened, CaseStage.Guidance, null, south, null),
            (CaseEventKind.GuidanceRecorded, CaseStage.Guidance, null, south, nameof(GuidanceChannel.KelaOffice)),
            (CaseEventKind.ApplicationRecorded, CaseStage.Guidance, null, south, nameof(ApplicationChannel.GuidedOnline)),
            (CaseEventKind.StageChanged, CaseStage.Application, CaseStage.Guidance, south, null),
            (CaseEventKind.StageChanged, CaseStage.Processing, CaseStage.Application, south, null),
            (CaseEventKind.Queued, CaseStage.Processing, null, south, nameof(ProcessingQueue.Urgent)),
            (CaseEventKind.Taken, CaseStage.Processing, null, taker, nameof(ProcessingQueue.Urgent)),
            (CaseEventKind.UrgencyConfirmed, CaseStage.Processing, null, taker, null),
            (CaseEventKind.ClientCalled, CaseStage.Processing, null, taker, nameof(DecisionCollection.OmaKela)),
            (CaseEventKind.DecisionRecorded, CaseStage.Processing, null, taker, nameof(DecisionOutcome.Granted)),
            (CaseEventKind.StageChanged, CaseStage.Decision, CaseStage.Processing, taker, null),
            (CaseEventKind.StageChanged, CaseStage.Cooperation, CaseStage.Decision, taker, null),
        ];
        steps.ShouldBe(expected, ignoreOrder: true);

        DateTimeOffset At(CaseEventKind kind, CaseStage stage) => stored.Timeline.Single(e => e.Kind == kind && e.Stage == stage).At;
        DateTimeOffset[] inTime =
        [
            At(CaseEventKind.Opened, CaseStage.Guidance),
            At(CaseEventKind.GuidanceRecorded, CaseStage.Guidance),
            At(CaseEventKind.StageChanged, CaseStage.Application),
            At(CaseEventKind.Queued, CaseStage.Processing),
            At(CaseEventKind.Taken, CaseStage.Processing),
            At(CaseEventKind.UrgencyConfirmed, CaseStage.Processing),
            At(CaseEventKind.ClientCalled, CaseStage.Processing),
            At(CaseEventKind.StageChanged, CaseStage.Decision),
            At(CaseEventKind.StageChanged, CaseStage.Cooperation),
        ];
        inTime.ShouldBeInOrder(SortDirection.Ascending);
        inTime.Distinct().Count().ShouldBe(inTime.Length, "each command is a step of its own");
    }

    [Fact]
    public async Task GetCase_StepThatSavesTwoEvents_TimelineKeepsTheOrderTheyHappened()
    {
        // Recording the application in guidance saves two events at the same moment: the application, then the stage
        // change it causes. Newest first, the stage change must come first, every time (16 times here, so an order
        // left to chance shows).
        const int Times = 16;
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        var commands = handler.Get<IProcessCommands>();
        var expected = new List<(CaseEventKind, CaseStage)> { (CaseEventKind.Opened, CaseStage.Guidance) };
        for (var i = 0; i < Times; i++)
        {
            (await commands.RecordApplicationAsync(new RecordApplicationCommand(
                opened.Id, ApplicationChannel.Paper, _steps.Today, _steps.Today, UrgentRequested: false))).ShouldSucceed();
            (await commands.AdvanceAsync(opened.Id, CaseStage.Guidance)).ShouldSucceed();
            expected.Add((CaseEventKind.ApplicationRecorded, CaseStage.Guidance));
            expected.Add((CaseEventKind.StageChanged, CaseStage.Application));
            expected.Add((CaseEventKind.StageChanged, CaseStage.Guidance));
        }

        var timeline = (await ProcessSteps.GetAsync(handler, opened.Id)).Timeline;

        timeline.Reverse().Select(e => (e.Kind, e.Stage)).ShouldBe(expected);
    }

    private RecordDecisionCommand Decision(
        Guid caseId, DecisionOutcome outcome, string? pickUpPlace = null, int? reductionPercent = null, ReductionReason? reason = null) =>
        new(caseId, outcome, _steps.Today, reductionPercent, reason, pickUpPlace,
            SignalToOtherBenefits: false, SignalToSocialServices: true, Clarity: QualityRating.Good, Correctness: QualityRating.Good);
}
