using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using static CooperationModel.Domain.Tests.Cases.ProcessFixtures;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Cases;

/// <summary>Stage 3: the queues, taking a case, urgency and the call with the client.</summary>
public class ClientCaseQueueTests
{
    private static readonly DateTimeOffset Later = Morning.AddHours(1);

    private readonly Actor _handler = Member(Southern, "Kaisa Käsittelijä");
    private readonly Actor _colleague = Member(Southern, "Kalle Kollega");

    [Fact]
    public void SendToProcessing_WithoutApplication_FailsWithNoApplication()
    {
        var clientCase = Open(_handler);

        var result = clientCase.SendToProcessing(_handler, Morning);

        result.ShouldFailWith<InvalidTransitionError>("Case.NoApplication");
        clientCase.Stage.ShouldBe(CaseStage.Guidance);
        clientCase.Queue.ShouldBeNull();
    }

    [Fact]
    public void SendToProcessing_UrgentRequested_GoesToTheUrgentQueueWithTheUrgentDeadline()
    {
        var clientCase = CaseIn(CaseStage.Application, _handler, UrgentApplication);

        clientCase.SendToProcessing(_colleague, Later).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Processing);
        clientCase.Queue.ShouldBe(ProcessingQueue.Urgent);
        clientCase.QueuedAt.ShouldBe(Later);
        clientCase.IsUrgent.ShouldBeTrue();
        clientCase.HandlerUserId.ShouldBeNull();
        clientCase.UrgencyConfirmed.ShouldBeFalse();
        clientCase.DecisionDueOn.ShouldBe(DecisionDeadline.For(UrgentApplication.ReceivedOn, urgent: true));
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 15));
        var changed = clientCase.Events[^2];
        changed.Kind.ShouldBe(CaseEventKind.StageChanged);
        changed.FromStage.ShouldBe(CaseStage.Application);
        changed.Stage.ShouldBe(CaseStage.Processing);
        var queued = clientCase.Events[^1];
        queued.Kind.ShouldBe(CaseEventKind.Queued);
        queued.Detail.ShouldBe("Urgent");
        queued.ActorUserId.ShouldBe(_colleague.UserId);
        queued.At.ShouldBe(Later);
    }

    [Fact]
    public void SendToProcessing_UrgentReceivedOnFriday_IsDueOnMonday()
    {
        var friday = new ApplicationDetails(ApplicationChannel.OralByPhone, new DateOnly(2025, 3, 7), null, UrgentRequested: true);
        var clientCase = CaseIn(CaseStage.Application, _handler, friday);

        clientCase.SendToProcessing(_handler, Morning).ShouldSucceed();

        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 3, 10));
    }

    [Fact]
    public void SendToProcessing_NormalAndComplete_GoesToTheNormalQueueWithTheNormalDeadline()
    {
        var clientCase = CaseIn(CaseStage.Application, _handler, NormalApplication);

        clientCase.SendToProcessing(_handler, Later).ShouldSucceed();

        clientCase.Queue.ShouldBe(ProcessingQueue.Normal);
        clientCase.IsUrgent.ShouldBeFalse();
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 25));
        clientCase.Events[^1].Detail.ShouldBe("Normal");
    }

    [Fact]
    public void SendToProcessing_NormalAndIncomplete_GoesToTheNormalQueueWithoutDeadline()
    {
        var clientCase = CaseIn(CaseStage.Application, _handler, NormalApplication with { CompleteOn = null });

        clientCase.SendToProcessing(_handler, Later).ShouldSucceed();

        clientCase.Queue.ShouldBe(ProcessingQueue.Normal);
        clientCase.DecisionDueOn.ShouldBeNull();
    }

    [Fact]
    public void SendToProcessing_AlreadyInProcessing_FailsWithIllegalTransition()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler);
        clientCase.Take(_handler, Morning).ShouldSucceed();

        var result = clientCase.SendToProcessing(_colleague, Later);

        result.ShouldFailWith<InvalidTransitionError>("Case.IllegalTransition").ArgumentKeys.ShouldBe(["Stage.Processing", "Stage.Processing"]);
        clientCase.HandlerUserId.ShouldBe(_handler.UserId);
        clientCase.QueuedAt.ShouldBe(Morning);
    }

    [Fact]
    public void SendToProcessing_BackInGuidanceWithAnApplication_FailsWithIllegalTransition()
    {
        var clientCase = CaseIn(CaseStage.Application, _handler);
        clientCase.AdvanceTo(_handler, CaseStage.Guidance, Morning).ShouldSucceed();

        var result = clientCase.SendToProcessing(_handler, Morning);

        result.ShouldFailWith<InvalidTransitionError>("Case.IllegalTransition").ArgumentKeys.ShouldBe(["Stage.Guidance", "Stage.Processing"]);
        clientCase.Queue.ShouldBeNull();
    }

    [Fact]
    public void Take_UntakenCase_MakesTheActorTheHandler()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler, UrgentApplication);

        clientCase.Take(_colleague, Later).ShouldSucceed();

        clientCase.HandlerUserId.ShouldBe(_colleague.UserId);
        clientCase.HandlerName.ShouldBe("Kalle Kollega");
        clientCase.Stage.ShouldBe(CaseStage.Processing);
        var taken = clientCase.Events[^1];
        taken.Kind.ShouldBe(CaseEventKind.Taken);
        taken.Detail.ShouldBe("Urgent");
        taken.ActorUserId.ShouldBe(_colleague.UserId);
    }

    [Fact]
    public void Take_BySecondHandler_FailsWithAlreadyTakenAndFirstKeepsIt()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler);
        clientCase.Take(_handler, Morning).ShouldSucceed();
        var eventsBefore = clientCase.Events.Count;

        var result = clientCase.Take(_colleague, Later);

        result.ShouldFailWith<ConflictError>("Case.AlreadyTaken");
        clientCase.HandlerUserId.ShouldBe(_handler.UserId);
        clientCase.HandlerName.ShouldBe("Kaisa Käsittelijä");
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void Take_SameHandlerAgain_SucceedsWithoutAnotherEvent()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler);
        clientCase.Take(_handler, Morning).ShouldSucceed();
        var eventsBefore = clientCase.Events.Count;

        clientCase.Take(_handler, Later).ShouldSucceed();

        clientCase.HandlerUserId.ShouldBe(_handler.UserId);
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(CaseStage.Guidance)]
    [InlineData(CaseStage.Application)]
    [InlineData(CaseStage.Decision)]
    public void Take_OutsideProcessing_FailsWithNotInProcessing(CaseStage stage)
    {
        var clientCase = CaseIn(stage, _handler);
        var holderBefore = clientCase.HandlerUserId;
        var eventsBefore = clientCase.Events.Count;

        clientCase.Take(_handler, Morning).ShouldFailWith<InvalidTransitionError>("Case.NotInProcessing");

        clientCase.HandlerUserId.ShouldBe(holderBefore);
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void ConfirmUrgency_ByTheTakerInTheUrgentQueue_ConfirmsIt()
    {
        var clientCase = TakenUrgentCase();

        clientCase.ConfirmUrgency(_handler, Later).ShouldSucceed();

        clientCase.UrgencyConfirmed.ShouldBeTrue();
        clientCase.Queue.ShouldBe(ProcessingQueue.Urgent);
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 15));
        var confirmed = clientCase.Events[^1];
        confirmed.Kind.ShouldBe(CaseEventKind.UrgencyConfirmed);
        confirmed.ActorUserId.ShouldBe(_handler.UserId);
        confirmed.Stage.ShouldBe(CaseStage.Processing);
    }

    [Fact]
    public void ConfirmUrgency_ByAnotherHandler_FailsWithNotYourCase()
    {
        var clientCase = TakenUrgentCase();

        clientCase.ConfirmUrgency(_colleague, Later).ShouldFailWith<ForbiddenError>("Case.NotYourCase");

        clientCase.UrgencyConfirmed.ShouldBeFalse();
    }

    [Fact]
    public void ConfirmUrgency_UntakenUrgentCase_FailsWithNotYourCase()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler, UrgentApplication);

        clientCase.ConfirmUrgency(_handler, Later).ShouldFailWith<ForbiddenError>("Case.NotYourCase");
    }

    [Fact]
    public void ConfirmUrgency_InTheNormalQueue_FailsWithNotInUrgentQueue()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler);
        clientCase.Take(_handler, Morning).ShouldSucceed();

        clientCase.ConfirmUrgency(_handler, Later).ShouldFailWith<InvalidTransitionError>("Case.NotInUrgentQueue");

        clientCase.UrgencyConfirmed.ShouldBeFalse();
    }

    [Fact]
    public void ConfirmUrgency_BeforeProcessing_FailsWithNotInProcessing()
    {
        var clientCase = CaseIn(CaseStage.Application, _handler, UrgentApplication);

        clientCase.ConfirmUrgency(_handler, Later).ShouldFailWith<InvalidTransitionError>("Case.NotInProcessing");
    }

    [Fact]
    public void MoveToNormalQueue_ByTheTaker_MovesItAndCountsTheNormalDeadline()
    {
        var friday = new ApplicationDetails(ApplicationChannel.OralByPhone, new DateOnly(2025, 3, 7), new DateOnly(2025, 3, 10), UrgentRequested: true);
        var clientCase = TakenUrgentCase(friday);
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 3, 10)); // urgent: received Fri 7.3. → Mon 10.3.
        clientCase.ConfirmUrgency(_handler, Morning).ShouldSucceed();

        clientCase.MoveToNormalQueue(_handler, Later).ShouldSucceed();

        clientCase.Queue.ShouldBe(ProcessingQueue.Normal);
        clientCase.IsUrgent.ShouldBeFalse();
        clientCase.UrgencyConfirmed.ShouldBeFalse();
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 3, 19)); // normal: complete Mon 10.3. → Wed 19.3.
        clientCase.DecisionDueOn.ShouldBe(DecisionDeadline.For(friday.CompleteOn!.Value, urgent: false));
        clientCase.HandlerUserId.ShouldBe(_handler.UserId);
        clientCase.Stage.ShouldBe(CaseStage.Processing);
        var moved = clientCase.Events[^1];
        moved.Kind.ShouldBe(CaseEventKind.MovedToNormalQueue);
        moved.ActorUserId.ShouldBe(_handler.UserId);
        moved.At.ShouldBe(Later);
    }

    [Fact]
    public void MoveToNormalQueue_UrgentCaseWithoutCompleteDate_LeavesNoDeadline()
    {
        var clientCase = TakenUrgentCase();

        clientCase.MoveToNormalQueue(_handler, Later).ShouldSucceed();

        clientCase.DecisionDueOn.ShouldBeNull();
    }

    [Fact]
    public void MoveToNormalQueue_ByAnotherHandler_FailsWithNotYourCase()
    {
        var clientCase = TakenUrgentCase();

        clientCase.MoveToNormalQueue(_colleague, Later).ShouldFailWith<ForbiddenError>("Case.NotYourCase");

        clientCase.Queue.ShouldBe(ProcessingQueue.Urgent);
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 15));
    }

    [Fact]
    public void MoveToNormalQueue_AlreadyInTheNormalQueue_FailsWithNotInUrgentQueue()
    {
        var clientCase = TakenUrgentCase();
        clientCase.MoveToNormalQueue(_handler, Morning).ShouldSucceed();

        clientCase.MoveToNormalQueue(_handler, Later).ShouldFailWith<InvalidTransitionError>("Case.NotInUrgentQueue");
    }

    [Theory]
    [InlineData(CaseStage.Processing)]
    [InlineData(CaseStage.Decision)]
    public void LogClientCall_InProcessingOrDecision_RecordsTheAgreedCollection(CaseStage stage)
    {
        var clientCase = CaseIn(stage, _handler);

        clientCase.LogClientCall(_colleague, DecisionCollection.ServicePoint, Later).ShouldSucceed();

        clientCase.AgreedCollection.ShouldBe(DecisionCollection.ServicePoint);
        clientCase.Stage.ShouldBe(stage);
        var called = clientCase.Events[^1];
        called.Kind.ShouldBe(CaseEventKind.ClientCalled);
        called.Detail.ShouldBe("ServicePoint");
        called.ActorUserId.ShouldBe(_colleague.UserId);
        called.Stage.ShouldBe(stage);
    }

    [Theory]
    [InlineData(CaseStage.Guidance)]
    [InlineData(CaseStage.Application)]
    [InlineData(CaseStage.ReferralToSocialWork)]
    [InlineData(CaseStage.Cooperation)]
    public void LogClientCall_InOtherStages_FailsWithNotInProcessing(CaseStage stage)
    {
        var clientCase = CaseIn(stage, _handler);
        var eventsBefore = clientCase.Events.Count;

        clientCase.LogClientCall(_handler, DecisionCollection.Post, Later).ShouldFailWith<InvalidTransitionError>("Case.NotInProcessing");

        clientCase.AgreedCollection.ShouldBeNull();
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    private ClientCase TakenUrgentCase(ApplicationDetails? application = null)
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler, application ?? UrgentApplication);
        clientCase.Take(_handler, Morning).ShouldSucceed();
        return clientCase;
    }
}
