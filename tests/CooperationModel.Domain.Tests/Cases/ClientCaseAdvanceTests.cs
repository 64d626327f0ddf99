using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Cases.ProcessFixtures;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Cases;

/// <summary>Moves by hand, and the timeline every change leaves.</summary>
public class ClientCaseAdvanceTests
{
    private static readonly DateTimeOffset Later = Morning.AddHours(3);

    private readonly Actor _handler = Member(Southern, "Kaisa Käsittelijä");
    private readonly Actor _colleague = Member(Southern, "Kalle Kollega");

    /// <summary>The moves a handler can make by hand: every legal move except into processing and decision.</summary>
    public static TheoryData<CaseStage, CaseStage> ManualMoves => new()
    {
        { CaseStage.Guidance, CaseStage.Application },
        { CaseStage.Application, CaseStage.Guidance },
        { CaseStage.Processing, CaseStage.Application },
        { CaseStage.Decision, CaseStage.ReferralToSocialWork },
        { CaseStage.Decision, CaseStage.Cooperation },
        { CaseStage.Decision, CaseStage.Application },
        { CaseStage.ReferralToSocialWork, CaseStage.Cooperation },
        { CaseStage.ReferralToSocialWork, CaseStage.Application },
        { CaseStage.Cooperation, CaseStage.Application },
        { CaseStage.Cooperation, CaseStage.ReferralToSocialWork },
    };

    public static TheoryData<CaseStage, CaseStage> IllegalManualMoves => new()
    {
        { CaseStage.Guidance, CaseStage.Guidance },
        { CaseStage.Guidance, CaseStage.Cooperation },
        { CaseStage.Guidance, CaseStage.ReferralToSocialWork },
        { CaseStage.Application, CaseStage.Application },
        { CaseStage.Application, CaseStage.Cooperation },
        { CaseStage.Processing, CaseStage.Guidance },
        { CaseStage.Processing, CaseStage.ReferralToSocialWork },
        { CaseStage.Decision, CaseStage.Guidance },
        { CaseStage.ReferralToSocialWork, CaseStage.ReferralToSocialWork },
        { CaseStage.Cooperation, CaseStage.Guidance },
    };

    [Theory]
    [MemberData(nameof(ManualMoves))]
    public void AdvanceTo_LegalManualMove_MovesWithStageChangedEvent(CaseStage from, CaseStage to)
    {
        var clientCase = CaseIn(from, _handler);

        clientCase.AdvanceTo(_colleague, to, Later).ShouldSucceed();

        clientCase.Stage.ShouldBe(to);
        var changed = clientCase.Events[^1];
        changed.Kind.ShouldBe(CaseEventKind.StageChanged);
        changed.FromStage.ShouldBe(from);
        changed.Stage.ShouldBe(to);
        changed.ActorUserId.ShouldBe(_colleague.UserId);
        changed.ActorName.ShouldBe("Kalle Kollega");
        changed.At.ShouldBe(Later);
    }

    [Theory]
    [MemberData(nameof(IllegalManualMoves))]
    public void AdvanceTo_IllegalMove_FailsWithIllegalTransitionNamingBothStages(CaseStage from, CaseStage to)
    {
        var clientCase = CaseIn(from, _handler);
        var eventsBefore = clientCase.Events.Count;

        var result = clientCase.AdvanceTo(_handler, to, Later);

        result.ShouldFailWith<InvalidTransitionError>("Case.IllegalTransition").ArgumentKeys.ShouldBe([$"Stage.{from}", $"Stage.{to}"]);
        clientCase.Stage.ShouldBe(from);
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(CaseStage.Application, CaseStage.Processing)]
    [InlineData(CaseStage.Processing, CaseStage.Decision)]
    public void AdvanceTo_LegalMoveThatNeedsItsData_FailsWithUseTheStageAction(CaseStage from, CaseStage to)
    {
        var clientCase = CaseIn(from, _handler);
        var eventsBefore = clientCase.Events.Count;

        clientCase.AdvanceTo(_handler, to, Later).ShouldFailWith<InvalidTransitionError>("Case.UseTheStageAction");

        clientCase.Stage.ShouldBe(from);
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(CaseStage.Guidance, CaseStage.Processing)]
    [InlineData(CaseStage.Processing, CaseStage.Processing)]
    [InlineData(CaseStage.Decision, CaseStage.Processing)]
    [InlineData(CaseStage.Cooperation, CaseStage.Processing)]
    [InlineData(CaseStage.Guidance, CaseStage.Decision)]
    [InlineData(CaseStage.Application, CaseStage.Decision)]
    [InlineData(CaseStage.Decision, CaseStage.Decision)]
    [InlineData(CaseStage.ReferralToSocialWork, CaseStage.Decision)]
    public void AdvanceTo_IllegalMoveIntoProcessingOrDecision_FailsWithIllegalTransition(CaseStage from, CaseStage to)
    {
        var clientCase = CaseIn(from, _handler);

        var result = clientCase.AdvanceTo(_handler, to, Later);

        result.ShouldFailWith<InvalidTransitionError>("Case.IllegalTransition").ArgumentKeys.ShouldBe([$"Stage.{from}", $"Stage.{to}"]);
        clientCase.Stage.ShouldBe(from);
    }

    [Fact]
    public void AdvanceTo_ApplicationFromProcessing_TakesTheCaseOutOfTheQueue()
    {
        var clientCase = CaseIn(CaseStage.Processing, _handler, UrgentApplication);
        clientCase.Take(_colleague, Morning).ShouldSucceed();
        clientCase.ConfirmUrgency(_colleague, Morning).ShouldSucceed();

        clientCase.AdvanceTo(_colleague, CaseStage.Application, Later).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Application);
        clientCase.Queue.ShouldBeNull();
        clientCase.QueuedAt.ShouldBeNull();
        clientCase.HandlerUserId.ShouldBeNull();
        clientCase.HandlerName.ShouldBeNull();
        clientCase.UrgencyConfirmed.ShouldBeFalse();
        clientCase.Decision.ShouldBeNull();
        clientCase.Application.ShouldBe(UrgentApplication);
    }

    [Fact]
    public void AdvanceTo_ApplicationFromDecision_ClearsTheOldDecisionAndQueue()
    {
        var clientCase = CaseIn(CaseStage.Decision, _handler);
        clientCase.Decision.ShouldNotBeNull();

        clientCase.AdvanceTo(_handler, CaseStage.Application, Later).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Application);
        clientCase.Decision.ShouldBeNull();
        clientCase.Queue.ShouldBeNull();
        clientCase.QueuedAt.ShouldBeNull();
        clientCase.HandlerUserId.ShouldBeNull();
    }

    /// <summary>
    /// Back in the application stage a new period starts (or the application turned out incomplete): the old deadline
    /// no longer applies until the application is recorded again. Otherwise a case waiting for its next application shows
    /// the previous period's deadline as overdue and lands in the near-deadline list, which counts the application stage.
    /// </summary>
    [Theory]
    [InlineData(CaseStage.Processing)]
    [InlineData(CaseStage.Decision)]
    [InlineData(CaseStage.ReferralToSocialWork)]
    [InlineData(CaseStage.Cooperation)]
    public void AdvanceTo_ApplicationFromALaterStage_ClearsTheDeadline(CaseStage from)
    {
        var clientCase = CaseIn(from, _handler, NormalApplication);
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 25));

        clientCase.AdvanceTo(_handler, CaseStage.Application, Later).ShouldSucceed();

        clientCase.DecisionDueOn.ShouldBeNull();
    }

    [Fact]
    public void AdvanceTo_ApplicationThenRecordApplication_CountsTheNewDeadline()
    {
        var clientCase = CaseIn(CaseStage.Decision, _handler, NormalApplication with { ReceivedOn = new DateOnly(2025, 3, 7), CompleteOn = new DateOnly(2025, 3, 7) });
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 3, 18));
        clientCase.AdvanceTo(_handler, CaseStage.Application, Later).ShouldSucceed();

        clientCase.RecordApplication(_handler, NormalApplication, Today, Later).ShouldSucceed();

        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 25));
        clientCase.SendToProcessing(_handler, Later).ShouldSucceed();
        clientCase.Queue.ShouldBe(ProcessingQueue.Normal);
    }

    [Fact]
    public void Events_WholeProcess_EachChangeLeavesAnEventWithActorAndStage()
    {
        var advisor = Member(Southern, "Anna Neuvoja");
        var decider = Member(Southern, "Pirjo Päättäjä");
        var t = Morning;

        var clientCase = Open(advisor);
        clientCase.RecordGuidance(advisor, GuidanceChannel.KelaOffice, true, true, t = t.AddMinutes(1)).ShouldSucceed();
        clientCase.RecordApplication(advisor, UrgentApplication, Today, t = t.AddMinutes(1)).ShouldSucceed();
        clientCase.SendToProcessing(advisor, t = t.AddMinutes(1)).ShouldSucceed();
        clientCase.Take(decider, t = t.AddMinutes(1)).ShouldSucceed();
        clientCase.ConfirmUrgency(decider, t = t.AddMinutes(1)).ShouldSucceed();
        clientCase.LogClientCall(decider, DecisionCollection.OmaKela, t = t.AddMinutes(1)).ShouldSucceed();
        clientCase.RecordDecision(decider, Granted(commitment: new PaymentCommitment("Kamppi")), Today, t = t.AddMinutes(1)).ShouldSucceed();
        clientCase.NoteReferralSent(decider, ReferralGround.ObviousNeedForSocialCare, t = t.AddMinutes(1));
        clientCase.AdvanceTo(advisor, CaseStage.Cooperation, t.AddMinutes(1)).ShouldSucceed();

        clientCase.Events.Select(e => (e.Kind, e.Stage, e.FromStage, e.ActorName)).ShouldBe(
        [
            (CaseEventKind.Opened, CaseStage.Guidance, null, "Anna Neuvoja"),
            (CaseEventKind.GuidanceRecorded, CaseStage.Guidance, null, "Anna Neuvoja"),
            (CaseEventKind.ApplicationRecorded, CaseStage.Guidance, null, "Anna Neuvoja"),
            (CaseEventKind.StageChanged, CaseStage.Application, CaseStage.Guidance, "Anna Neuvoja"),
            (CaseEventKind.StageChanged, CaseStage.Processing, CaseStage.Application, "Anna Neuvoja"),
            (CaseEventKind.Queued, CaseStage.Processing, null, "Anna Neuvoja"),
            (CaseEventKind.Taken, CaseStage.Processing, null, "Pirjo Päättäjä"),
            (CaseEventKind.UrgencyConfirmed, CaseStage.Processing, null, "Pirjo Päättäjä"),
            (CaseEventKind.ClientCalled, CaseStage.Processing, null, "Pirjo Päättäjä"),
            (CaseEventKind.DecisionRecorded, CaseStage.Processing, null, "Pirjo Päättäjä"),
            (CaseEventKind.StageChanged, CaseStage.Decision, CaseStage.Processing, "Pirjo Päättäjä"),
            (CaseEventKind.ReferralSent, CaseStage.Decision, null, "Pirjo Päättäjä"),
            (CaseEventKind.StageChanged, CaseStage.ReferralToSocialWork, CaseStage.Decision, "Pirjo Päättäjä"),
            (CaseEventKind.StageChanged, CaseStage.Cooperation, CaseStage.ReferralToSocialWork, "Anna Neuvoja"),
        ]);
        clientCase.Events.ShouldAllBe(e => e.CaseId == clientCase.Id && e.OrganisationId == Southern.Id);
        clientCase.Events.Select(e => e.At).ShouldBeInOrder();
        clientCase.Events.Select(e => e.Id).Distinct().Count().ShouldBe(clientCase.Events.Count);
        clientCase.Events.Where(e => e.ActorName == "Pirjo Päättäjä").ShouldAllBe(e => e.ActorUserId == decider.UserId);
    }

    [Fact]
    public void Events_FailedChanges_LeaveNoEvent()
    {
        var clientCase = CaseIn(CaseStage.Application, _handler);
        var eventsBefore = clientCase.Events.Count;

        clientCase.Take(_handler, Later).IsSuccess.ShouldBeFalse();
        clientCase.ConfirmUrgency(_handler, Later).IsSuccess.ShouldBeFalse();
        clientCase.MoveToNormalQueue(_handler, Later).IsSuccess.ShouldBeFalse();
        clientCase.LogClientCall(_handler, DecisionCollection.Post, Later).IsSuccess.ShouldBeFalse();
        clientCase.RecordDecision(_handler, Granted(), Today, Later).IsSuccess.ShouldBeFalse();
        clientCase.AdvanceTo(_handler, CaseStage.Decision, Later).IsSuccess.ShouldBeFalse();
        clientCase.AdvanceTo(_handler, CaseStage.Cooperation, Later).IsSuccess.ShouldBeFalse();
        clientCase.RecordApplication(_handler, NormalApplication with { ReceivedOn = Tomorrow }, Today, Later).IsSuccess.ShouldBeFalse();

        clientCase.Events.Count.ShouldBe(eventsBefore);
        clientCase.Stage.ShouldBe(CaseStage.Application);
    }
}
