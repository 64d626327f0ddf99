using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>The referral's timeline: every step, newest first, the same list on both sides (as far as consent lets Kela see).</summary>
[Collection(AppCollection.Name)]
public sealed class ReferralTimelineTests(AppFixture app)
{
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task Timeline_WholeLoop_NewestFirstWithSequenceBreakingTies()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: true);
        // Accepting straight from Sent records Received and Accepted at the same instant: the sequence orders them.
        await _steps.InAssessmentAsync(sent.ReferralId);
        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.AssessmentDone, PlanType.IntegrationPlan);

        var timeline = (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Timeline;

        timeline.Select(e => e.Kind).ShouldBe(
        [
            ReferralEventKind.Completed, ReferralEventKind.AssessmentStarted, ReferralEventKind.Accepted,
            ReferralEventKind.Received, ReferralEventKind.Sent,
        ]);
        timeline.Select(e => e.At).ShouldBeInOrder(SortDirection.Descending);
        timeline[2].At.ShouldBe(timeline[3].At);
        timeline.Select(e => e.Status).ShouldBe(
        [
            ReferralStatus.Completed, ReferralStatus.InAssessment, ReferralStatus.Accepted, ReferralStatus.Received, ReferralStatus.Sent,
        ]);
        timeline[^1].ActorName.ShouldBe(DemoDataSeeder.HandlerSouth.DisplayName);
        timeline[^1].ActorOrganisationId.ShouldBe(ReferralLoopSteps.Southern);
        timeline[^1].Detail?.Code.ShouldBe(nameof(ReferralGround.ObviousNeedForSocialCare));
        timeline[0].ActorName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
        timeline[0].ActorOrganisationId.ShouldBe(ReferralLoopSteps.CityOfHelsinki);
        timeline[0].Detail?.Code.ShouldBe("AssessmentDone.IntegrationPlan");
    }

    [Fact]
    public async Task Timeline_ConsentCoversFeedback_SameForSenderAndReceiver()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: true);
        await using (var receiver = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await ReferralLoopSteps.GetAsync(receiver, sent.ReferralId)).Status.ShouldBe(ReferralStatus.Received);
        }

        await _steps.InAssessmentAsync(sent.ReferralId);
        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.ClientDeclined, note: "Asiakas ei halunnut palvelua.");

        var sender = (await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId)).Timeline;
        var receiverTimeline = (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Timeline;

        sender.ShouldBe(receiverTimeline);
        sender.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Timeline_Rerouted_SameForSenderAndNewReceiver()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: true);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, "049");
        var westWorker = await _steps.NewWestUusimaaWorkerAsync();
        IReadOnlyList<ReferralTimelineEntry> receiverTimeline;
        await using (var west = await app.AsUserAsync(westWorker.Email!))
        {
            await ReferralLoopSteps.GetAsync(west, sent.ReferralId);
            receiverTimeline = (await ReferralLoopSteps.GetAsync(west, sent.ReferralId)).Timeline;
        }

        var sender = (await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId)).Timeline;

        sender.ShouldBe(receiverTimeline);
        sender.Select(e => e.Kind).ShouldBe(
        [
            ReferralEventKind.Received, ReferralEventKind.Rerouted, ReferralEventKind.Returned,
            ReferralEventKind.Accepted, ReferralEventKind.Received, ReferralEventKind.Sent,
        ]);
        sender[0].ActorName.ShouldBe(westWorker.DisplayName);
        sender[0].ActorOrganisationId.ShouldBe(ReferralLoopSteps.WestUusimaa);
    }

    /// <summary>
    /// Without the client's consent to feedback, Kela is told only that the referral was handled: the timeline the
    /// sender gets holds the same steps, but not the outcome, the plan or the return reason they carry.
    /// </summary>
    [Fact]
    public async Task Timeline_ConsentNotCoveringFeedback_SenderGetsTheStepsButNoOutcome()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: false);
        await _steps.InAssessmentAsync(sent.ReferralId);
        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.AssessmentDone, PlanType.ActivationPlan);

        var sender = (await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId)).Timeline;
        var receiver = (await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId)).Timeline;

        sender.Select(e => (e.At, e.ActorName, e.Kind, e.Status)).ShouldBe(receiver.Select(e => (e.At, e.ActorName, e.Kind, e.Status)));
        receiver[0].Detail?.Code.ShouldBe("AssessmentDone.ActivationPlan");
        var completed = sender.Single(e => e.Kind == ReferralEventKind.Completed);
        completed.Detail.ShouldBeNull();
    }
}
