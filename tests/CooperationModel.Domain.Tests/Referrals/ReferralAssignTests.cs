using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>A lead of the receiving organisation gives a referral to a colleague, who becomes its named worker.</summary>
public class ReferralAssignTests
{
    private readonly LoopSteps _steps = new();

    [Fact]
    public void Assign_Sent_AcceptedWithTheColleagueAsNamedWorker()
    {
        var referral = _steps.Send();

        referral.Assign(_steps.Worker, _steps.OtherWorker, Later).ShouldSucceed();

        referral.Status.ShouldBe(ReferralStatus.Accepted);
        referral.NamedWorkerUserId.ShouldBe(_steps.OtherWorker.UserId);
        referral.NamedWorkerName.ShouldBe(_steps.OtherWorker.DisplayName);
        referral.AcceptedAt.ShouldBe(Later);
        referral.Events.Select(e => e.Kind).ShouldBe([ReferralEventKind.Sent, ReferralEventKind.Received, ReferralEventKind.Assigned]);
        referral.Events[^1].ActorUserId.ShouldBe(_steps.Worker.UserId);
        referral.Events[^1].Detail.ShouldBe(_steps.OtherWorker.DisplayName);
    }

    [Fact]
    public void Assign_InAssessment_ChangesTheNamedWorkerOnly()
    {
        var referral = _steps.InAssessment();
        var acceptedAt = referral.AcceptedAt;

        referral.Assign(_steps.Worker, _steps.OtherWorker, Latest).ShouldSucceed();

        referral.Status.ShouldBe(ReferralStatus.InAssessment);
        referral.NamedWorkerUserId.ShouldBe(_steps.OtherWorker.UserId);
        referral.AcceptedAt.ShouldBe(acceptedAt);
    }

    [Fact]
    public void Assign_ToTheNamedWorkerAlready_NoNewStep()
    {
        var referral = _steps.Accepted();
        var steps = referral.Events.Count;

        referral.Assign(_steps.OtherWorker, _steps.Worker, Latest).ShouldSucceed();

        referral.Events.Count.ShouldBe(steps);
    }

    [Fact]
    public void Assign_ToAWorkerOfAnotherOrganiser_FailsWithNotTheReceiver()
    {
        var referral = _steps.Send();

        referral.Assign(_steps.Worker, _steps.WestWorker, Later).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);

        referral.Status.ShouldBe(ReferralStatus.Sent);
        referral.NamedWorkerUserId.ShouldBeNull();
    }

    [Fact]
    public void Assign_ByAnOutsider_FailsWithNotTheReceiver() =>
        _steps.Send().Assign(_steps.WestWorker, _steps.Worker, Later).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);

    [Fact]
    public void Assign_Completed_FailsWithClosed() =>
        _steps.Completed().Assign(_steps.Worker, _steps.OtherWorker, Latest).FirstError.ShouldBe(Referral.Errors.Closed);
}
