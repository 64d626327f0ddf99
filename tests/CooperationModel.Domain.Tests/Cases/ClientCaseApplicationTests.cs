using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using static CooperationModel.Domain.Tests.Cases.ProcessFixtures;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Cases;

/// <summary>Stages 1 and 2: opening, guidance contacts and the application.</summary>
public class ClientCaseApplicationTests
{
    private readonly Actor _handler = Member(Southern, "Kaisa Käsittelijä");
    private readonly Actor _other = Member(Southern, "Olli Ohjaaja");

    [Fact]
    public void Open_ValidInput_StartsInGuidanceWithAnOpenedEvent()
    {
        var clientCase = Open(_handler);

        clientCase.Stage.ShouldBe(CaseStage.Guidance);
        clientCase.Application.ShouldBeNull();
        clientCase.Queue.ShouldBeNull();
        clientCase.DecisionDueOn.ShouldBeNull();
        clientCase.Decision.ShouldBeNull();
        clientCase.IsUrgent.ShouldBeFalse();
        var opened = clientCase.Events.ShouldHaveSingleItem();
        opened.Kind.ShouldBe(CaseEventKind.Opened);
        opened.Stage.ShouldBe(CaseStage.Guidance);
        opened.FromStage.ShouldBeNull();
        opened.ActorUserId.ShouldBe(_handler.UserId);
        opened.ActorName.ShouldBe("Kaisa Käsittelijä");
        opened.At.ShouldBe(Morning);
        opened.CaseId.ShouldBe(clientCase.Id);
        opened.OrganisationId.ShouldBe(Southern.Id);
    }

    [Fact]
    public void RecordGuidance_InGuidance_AddsContactAndEventAndKeepsTheStage()
    {
        var clientCase = Open(_handler);

        clientCase.RecordGuidance(_other, GuidanceChannel.PublicComputer, hasDevices: false, hasSkills: true, Morning.AddMinutes(5)).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Guidance);
        var contact = clientCase.GuidanceContacts.ShouldHaveSingleItem();
        contact.Channel.ShouldBe(GuidanceChannel.PublicComputer);
        contact.HasDevices.ShouldBeFalse();
        contact.HasSkills.ShouldBeTrue();
        contact.CaseId.ShouldBe(clientCase.Id);
        contact.OrganisationId.ShouldBe(Southern.Id);
        contact.RecordedByUserId.ShouldBe(_other.UserId);
        contact.At.ShouldBe(Morning.AddMinutes(5));
        var recorded = clientCase.Events[^1];
        recorded.Kind.ShouldBe(CaseEventKind.GuidanceRecorded);
        recorded.Detail.ShouldBe("PublicComputer");
        recorded.Stage.ShouldBe(CaseStage.Guidance);
        recorded.ActorUserId.ShouldBe(_other.UserId);
    }

    [Fact]
    public void RecordGuidance_Twice_KeepsBothContactsInOrder()
    {
        var clientCase = Open(_handler);

        clientCase.RecordGuidance(_handler, GuidanceChannel.KelaOffice, true, false, Morning).ShouldSucceed();
        clientCase.RecordGuidance(_handler, GuidanceChannel.SocialOffice, true, true, Morning.AddDays(1)).ShouldSucceed();

        clientCase.GuidanceContacts.Select(contact => contact.Channel).ShouldBe([GuidanceChannel.KelaOffice, GuidanceChannel.SocialOffice]);
        clientCase.Events.Count(e => e.Kind == CaseEventKind.GuidanceRecorded).ShouldBe(2);
    }

    [Fact]
    public void RecordApplication_InGuidance_MovesToApplicationWithStageChangedEvent()
    {
        var clientCase = Open(_handler);

        clientCase.RecordApplication(_other, NormalApplication, Today, Morning).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Application);
        clientCase.Application.ShouldBe(NormalApplication);
        clientCase.Events.Select(e => e.Kind).ShouldBe([CaseEventKind.Opened, CaseEventKind.ApplicationRecorded, CaseEventKind.StageChanged]);
        var recorded = clientCase.Events[1];
        recorded.Detail.ShouldBe("OnlineAtHome");
        recorded.Stage.ShouldBe(CaseStage.Guidance);
        var changed = clientCase.Events[2];
        changed.FromStage.ShouldBe(CaseStage.Guidance);
        changed.Stage.ShouldBe(CaseStage.Application);
        changed.ActorUserId.ShouldBe(_other.UserId);
    }

    [Fact]
    public void RecordApplication_InApplication_ReplacesTheDetailsWithoutAStageChange()
    {
        var clientCase = CaseIn(CaseStage.Application, _handler, NormalApplication with { CompleteOn = null });
        var eventsBefore = clientCase.Events.Count;

        clientCase.RecordApplication(_handler, NormalApplication, Today, Morning).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Application);
        clientCase.Application.ShouldBe(NormalApplication);
        clientCase.Events.Count.ShouldBe(eventsBefore + 1);
        clientCase.Events[^1].Kind.ShouldBe(CaseEventKind.ApplicationRecorded);
    }

    [Fact]
    public void RecordApplication_InProcessing_StaysInProcessingAndRecountsTheDeadline()
    {
        var late = new ApplicationDetails(ApplicationChannel.Paper, new DateOnly(2025, 3, 7), null, UrgentRequested: false);
        var clientCase = CaseIn(CaseStage.Processing, _handler, late);
        clientCase.DecisionDueOn.ShouldBeNull();

        clientCase.RecordApplication(_handler, late with { CompleteOn = new DateOnly(2025, 3, 10) }, Today, Morning).ShouldSucceed();

        clientCase.Stage.ShouldBe(CaseStage.Processing);
        clientCase.Queue.ShouldBe(ProcessingQueue.Normal);
        clientCase.Application!.CompleteOn.ShouldBe(new DateOnly(2025, 3, 10));
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 3, 19));
        clientCase.Events[^1].Kind.ShouldBe(CaseEventKind.ApplicationRecorded);
        clientCase.Events.ShouldNotContain(e => e.Kind == CaseEventKind.StageChanged && e.FromStage == CaseStage.Processing);
    }

    [Theory]
    [InlineData(CaseStage.Decision)]
    [InlineData(CaseStage.ReferralToSocialWork)]
    [InlineData(CaseStage.Cooperation)]
    public void RecordApplication_AfterTheDecision_FailsWithApplicationClosed(CaseStage stage)
    {
        var clientCase = CaseIn(stage, _handler);
        var eventsBefore = clientCase.Events.Count;

        var result = clientCase.RecordApplication(_handler, NormalApplication with { Channel = ApplicationChannel.Paper }, Today, Morning);

        result.ShouldFailWith<InvalidTransitionError>("Case.ApplicationClosed");
        clientCase.Application.ShouldBe(NormalApplication);
        clientCase.Stage.ShouldBe(stage);
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void RecordApplication_ReceivedInTheFuture_FailsOnReceivedOn()
    {
        var clientCase = Open(_handler);

        var result = clientCase.RecordApplication(_handler, NormalApplication with { ReceivedOn = Tomorrow, CompleteOn = null }, Today, Morning);

        result.ShouldFailWith<ValidationError>("Case.ReceivedInFuture", "ReceivedOn");
        clientCase.Stage.ShouldBe(CaseStage.Guidance);
        clientCase.Application.ShouldBeNull();
        clientCase.Events.ShouldHaveSingleItem();
    }

    [Fact]
    public void RecordApplication_ReceivedMoreThanTenYearsAgo_FailsOnReceivedOn()
    {
        var clientCase = Open(_handler);

        var result = clientCase.RecordApplication(_handler, NormalApplication with { ReceivedOn = new DateOnly(1, 1, 1), CompleteOn = null }, Today, Morning);

        result.ShouldFailWith<ValidationError>("EnteredDate.TooEarly", "ReceivedOn");
        clientCase.Application.ShouldBeNull();
    }

    [Fact]
    public void RecordApplication_CompleteBeforeReceived_FailsOnCompleteOn()
    {
        var clientCase = Open(_handler);

        var result = clientCase.RecordApplication(_handler, NormalApplication with { CompleteOn = Today.AddDays(-1) }, Today, Morning);

        result.ShouldFailWith<ValidationError>("Case.CompleteBeforeReceived", "CompleteOn");
        clientCase.Application.ShouldBeNull();
    }

    [Fact]
    public void RecordApplication_CompleteInTheFuture_FailsOnCompleteOn()
    {
        var clientCase = Open(_handler);

        var result = clientCase.RecordApplication(_handler, NormalApplication with { CompleteOn = Tomorrow }, Today, Morning);

        result.ShouldFailWith<ValidationError>("Case.CompleteInFuture", "CompleteOn");
        clientCase.Application.ShouldBeNull();
    }

    [Fact]
    public void RecordApplication_ReceivedAndCompleteInTheFuture_ReportsBothDates()
    {
        var clientCase = Open(_handler);

        var result = clientCase.RecordApplication(_handler, NormalApplication with { ReceivedOn = Today.AddDays(2), CompleteOn = Tomorrow }, Today, Morning);

        result.Errors.Select(error => error.Code).ShouldBe(["Case.ReceivedInFuture", "Case.CompleteBeforeReceived", "Case.CompleteInFuture"]);
    }

    [Fact]
    public void RecordApplication_ReceivedAndCompleteToday_IsAccepted()
    {
        var clientCase = Open(_handler);

        clientCase.RecordApplication(_handler, NormalApplication, Today, Morning).ShouldSucceed();

        clientCase.Application!.ReceivedOn.ShouldBe(Today);
    }

    [Fact]
    public void RecordApplication_NormalAndComplete_CountsTheNormalDeadline()
    {
        var clientCase = Open(_handler);

        clientCase.RecordApplication(_handler, NormalApplication, Today, Morning).ShouldSucceed();

        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 25)); // Mon 14.4. → Fri 25.4., Easter skipped
    }

    [Fact]
    public void RecordApplication_NormalAndIncomplete_HasNoDeadlineYet()
    {
        var clientCase = Open(_handler);

        clientCase.RecordApplication(_handler, NormalApplication with { CompleteOn = null }, Today, Morning).ShouldSucceed();

        clientCase.DecisionDueOn.ShouldBeNull();
    }

    [Fact]
    public void RecordApplication_UrgentRequested_CountsTheUrgentDeadlineFromReceipt()
    {
        var clientCase = Open(_handler);

        clientCase.RecordApplication(_handler, UrgentApplication, Today, Morning).ShouldSucceed();

        clientCase.IsUrgent.ShouldBeTrue();
        clientCase.DecisionDueOn.ShouldBe(new DateOnly(2025, 4, 15)); // Mon 14.4. → Tue 15.4.
    }
}
