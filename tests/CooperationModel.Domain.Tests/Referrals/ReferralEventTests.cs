using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>Every step of a referral is an event with the actor, their organisation, the status and an increasing sequence.</summary>
public class ReferralEventTests
{
    private readonly LoopSteps _steps = new();

    [Fact]
    public void Send_Referral_RecordsSentEventWithTheGround()
    {
        var referral = SendReferral(_steps.Case, ReferralGround.UnemployedUnder25FourMonths, false, null, _steps.Handler, Now).Value;

        var sent = referral.Events.ShouldHaveSingleItem();
        sent.Kind.ShouldBe(ReferralEventKind.Sent);
        sent.Detail.ShouldBe("UnemployedUnder25FourMonths");
        sent.Sequence.ShouldBe(1);
        sent.ReferralId.ShouldBe(referral.Id);
        sent.At.ShouldBe(Now);
        sent.Status.ShouldBe(ReferralStatus.Sent);
        sent.ActorUserId.ShouldBe(_steps.Handler.UserId);
        sent.ActorName.ShouldBe("Kaisa Käsittelijä");
        sent.ActorOrganisationId.ShouldBe(Southern.Id);
        sent.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void WholeLoop_EveryChange_AppendsAnEventWithActorOrganisationStatusAndNextSequence()
    {
        var referral = _steps.Send();
        referral.MarkReceived(_steps.OtherWorker, Now.AddMinutes(5));
        referral.Accept(_steps.Worker, Now.AddHours(1)).ShouldSucceed();
        referral.StartAssessment(_steps.Worker, Later).ShouldSucceed();
        referral.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, null, Latest).ShouldSucceed();

        referral.Events.Select(e => (e.Sequence, e.Kind, e.Status, e.ActorUserId, e.ActorOrganisationId, e.At)).ShouldBe(
        [
            (1, ReferralEventKind.Sent, ReferralStatus.Sent, _steps.Handler.UserId, Southern.Id, Now),
            (2, ReferralEventKind.Received, ReferralStatus.Received, _steps.OtherWorker.UserId, CityOfHelsinki.Id, Now.AddMinutes(5)),
            (3, ReferralEventKind.Accepted, ReferralStatus.Accepted, _steps.Worker.UserId, CityOfHelsinki.Id, Now.AddHours(1)),
            (4, ReferralEventKind.AssessmentStarted, ReferralStatus.InAssessment, _steps.Worker.UserId, CityOfHelsinki.Id, Later),
            (5, ReferralEventKind.Completed, ReferralStatus.Completed, _steps.Worker.UserId, CityOfHelsinki.Id, Latest),
        ]);
        referral.Events.ShouldAllBe(e => e.ReferralId == referral.Id);
        referral.Events.Select(e => e.Id).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void Accept_StraightFromSent_RecordsReceivedThenAccepted()
    {
        var referral = _steps.Send();

        referral.Accept(_steps.Worker, Later).ShouldSucceed();

        referral.Events.Select(e => (e.Sequence, e.Kind, e.Status)).ShouldBe(
        [
            (1, ReferralEventKind.Sent, ReferralStatus.Sent),
            (2, ReferralEventKind.Received, ReferralStatus.Received),
            (3, ReferralEventKind.Accepted, ReferralStatus.Accepted),
        ]);
        referral.Events[^1].ActorName.ShouldBe("Sanna Sosiaalityöntekijä");
    }

    [Fact]
    public void MarkReceived_Again_RecordsNothing()
    {
        var referral = _steps.Received();

        referral.MarkReceived(_steps.Worker, Later).ShouldBeFalse();

        referral.Events.Count(e => e.Kind == ReferralEventKind.Received).ShouldBe(1);
    }

    [Fact]
    public void Return_Closing_RecordsReturnedWithReasonAndStatus()
    {
        var referral = _steps.Returned(reason: ReturnReason.ReferredElsewhere);

        referral.Events.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4]);
        var returned = referral.Events[^1];
        returned.Kind.ShouldBe(ReferralEventKind.Returned);
        returned.Status.ShouldBe(ReferralStatus.Returned);
        returned.Detail.ShouldBe("ReferredElsewhere");
        returned.ActorOrganisationId.ShouldBe(CityOfHelsinki.Id);
    }

    [Fact]
    public void Events_FailedChanges_RecordNothing()
    {
        var referral = _steps.Accepted();
        var before = referral.Events.Count;

        referral.Complete(_steps.Worker, ReferralOutcome.AssessmentDone, null, null, Later).IsSuccess.ShouldBeFalse();
        referral.Complete(_steps.WestWorker, ReferralOutcome.NoNeedFound, null, null, Later).IsSuccess.ShouldBeFalse();
        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, null, ReferralDeadlinePolicy.Default, DayOf(Later), Later).IsSuccess.ShouldBeFalse();
        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Helsinki, ReferralDeadlinePolicy.Default, DayOf(Later), Later).IsSuccess.ShouldBeFalse();
        referral.Accept(_steps.OtherWorker, Later).IsSuccess.ShouldBeFalse();

        referral.Events.Count.ShouldBe(before);
    }

    [Fact]
    public void Rerouted_AndOnThroughTheLoop_SequenceKeepsIncreasing()
    {
        var referral = _steps.Rerouted();
        referral.Accept(_steps.WestWorker, Last).ShouldSucceed();
        referral.Complete(_steps.WestWorker, ReferralOutcome.ClientDeclined, null, null, Last.AddHours(1)).ShouldSucceed();

        referral.Events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, referral.Events.Count));
        referral.Events.Select(e => e.At).ShouldBeInOrder(SortDirection.Ascending);
        referral.Events.TakeLast(3).ShouldAllBe(e => e.ActorOrganisationId == WestUusimaaId);
    }
}
