using CooperationModel.Application.Referrals.AcceptReferral;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.Loop;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// Helsinki returns a referral that reached the wrong organiser, naming Espoo: it goes to West Uusimaa at once,
/// Helsinki loses sight of it, and Kela sees where it went and why.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RerouteReferralTests(AppFixture app)
{
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task Return_WrongOrganiserNamingEspoo_SavedAndHelsinkiNoLongerSeesIt()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        // The save guard lets the receiver hand it on: no exception, a success.
        var result = await worker.Get<IReferralLoopCommands>().ReturnAsync(
            new ReturnReferralCommand(sent.ReferralId, ReturnReason.WrongOrganiser, null, "049"));

        result.ShouldSucceed();
        var again = await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId);
        again.ShouldFailWith<NotFoundError>(GetReferralHandler.NotFound.Code);
        (await ReferralLoopSteps.InboxForClientAsync(worker, sent.IdentityCode)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Return_WrongOrganiser_WestUusimaaWorkerSeesItAsSentWithBothSteps()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, "049");
        var westWorker = await _steps.NewWestUusimaaWorkerAsync();
        await using var west = await app.AsUserAsync(westWorker.Email!);

        var row = (await ReferralLoopSteps.InboxForClientAsync(west, sent.IdentityCode)).ShouldHaveSingleItem();
        row.Id.ShouldBe(sent.ReferralId);
        row.Status.ShouldBe(ReferralStatus.Sent);
        row.HomeMunicipalityCode.ShouldBe("049");
        row.NamedWorkerName.ShouldBeNull();

        var details = await ReferralLoopSteps.GetAsync(west, sent.ReferralId);
        details.ReceiverOrganisationId.ShouldBe(ReferralLoopSteps.WestUusimaa);
        details.Status.ShouldBe(ReferralStatus.Received);
        details.NamedWorkerUserId.ShouldBeNull();
        details.ClientName.ShouldBe(sent.ClientName);
        var rerouted = details.Timeline.Single(e => e.Kind == ReferralEventKind.Rerouted);
        rerouted.Detail?.Code.ShouldBe("049");
        rerouted.Status.ShouldBe(ReferralStatus.Sent);
        rerouted.ActorOrganisationId.ShouldBe(ReferralLoopSteps.CityOfHelsinki);
        var returned = details.Timeline.Single(e => e.Kind == ReferralEventKind.Returned);
        returned.ActorName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
        returned.ActorOrganisationId.ShouldBe(ReferralLoopSteps.CityOfHelsinki);
        returned.Detail?.Code.ShouldBe(nameof(ReturnReason.WrongOrganiser));
        returned.At.ShouldBe(rerouted.At);
        var kinds = details.Timeline.Select(e => e.Kind).ToList();
        kinds.IndexOf(ReferralEventKind.Rerouted).ShouldBe(kinds.IndexOf(ReferralEventKind.Returned) - 1);
    }

    [Fact]
    public async Task Return_WrongOrganiser_SenderSeesTheNewReceiver()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: false);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, "049");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var details = await ReferralLoopSteps.GetAsync(handler, sent.ReferralId);
        details.ReceiverOrganisationId.ShouldBe(ReferralLoopSteps.WestUusimaa);
        details.HomeMunicipalityCode.ShouldBe("049");
        details.Status.ShouldBe(ReferralStatus.Sent);
        details.NamedWorkerName.ShouldBeNull();
        details.Timeline.ShouldContain(e => e.Kind == ReferralEventKind.Returned && e.Detail != null && e.Detail.Code == nameof(ReturnReason.WrongOrganiser));
        details.Timeline.ShouldContain(e => e.Kind == ReferralEventKind.Rerouted && e.Detail != null && e.Detail.Code == "049");
        var referral = (await ProcessSteps.GetAsync(handler, sent.CaseId)).Referrals.ShouldHaveSingleItem();
        referral.ReceiverOrganisationId.ShouldBe(ReferralLoopSteps.WestUusimaa);
        referral.Status.ShouldBe(ReferralStatus.Sent);
        referral.NamedWorkerName.ShouldBeNull();
        referral.AcceptedAt.ShouldBeNull();
    }

    /// <summary>A wrong organiser is no finding about the client: Kela is told so, whatever the consent covers.</summary>
    [Fact]
    public async Task Return_WrongOrganiser_SenderWithoutFeedbackConsentSeesTheReason()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: false);

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, "049");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await ReferralLoopSteps.GetAsync(handler, sent.ReferralId)).Feedback
            .ShouldBe(new ReferralFeedback(null, null, ReturnReason.WrongOrganiser, null, Withheld: false));
        (await ProcessSteps.GetAsync(handler, sent.CaseId)).Referrals.ShouldHaveSingleItem().Feedback.ReturnReason
            .ShouldBe(ReturnReason.WrongOrganiser);
    }

    [Fact]
    public async Task Return_WrongOrganiser_WestUusimaaTakesItThroughTheLoop()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth, coversFeedback: true);
        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, "049");
        var westWorker = await _steps.NewWestUusimaaWorkerAsync();
        await using (var west = await app.AsUserAsync(westWorker.Email!))
        {
            (await west.Get<IAcceptReferralHandler>().HandleAsync(sent.ReferralId)).ShouldSucceed();
            var loop = west.Get<IReferralLoopCommands>();
            (await loop.StartAssessmentAsync(sent.ReferralId)).ShouldSucceed();
            (await loop.CompleteAsync(new CompleteReferralCommand(sent.ReferralId, ReferralOutcome.AssessmentDone, PlanType.IndependentCopingPlan, null)))
                .ShouldSucceed();
        }

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var details = await ReferralLoopSteps.GetAsync(handler, sent.ReferralId);
        details.Status.ShouldBe(ReferralStatus.Completed);
        details.NamedWorkerName.ShouldBe(westWorker.DisplayName);
        details.Feedback.Outcome.ShouldBe(ReferralOutcome.AssessmentDone);
        details.Feedback.Plan.ShouldBe(PlanType.IndependentCopingPlan);
        details.Timeline.Select(e => e.Kind).ShouldBe(
        [
            ReferralEventKind.Completed, ReferralEventKind.AssessmentStarted, ReferralEventKind.Accepted, ReferralEventKind.Received,
            ReferralEventKind.Rerouted, ReferralEventKind.Returned, ReferralEventKind.Sent,
        ]);
    }

    [Fact]
    public async Task Return_WrongOrganiserAndBackToHelsinkiAgain_HelsinkiSeesItOnceMore()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, "049");
        var westWorker = await _steps.NewWestUusimaaWorkerAsync();
        await using (var west = await app.AsUserAsync(westWorker.Email!))
        {
            (await west.Get<IReferralLoopCommands>().ReturnAsync(
                new ReturnReferralCommand(sent.ReferralId, ReturnReason.WrongOrganiser, null, ProcessSteps.Helsinki))).ShouldSucceed();
            (await west.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).ShouldFailWith<NotFoundError>(GetReferralHandler.NotFound.Code);
        }

        var details = await _steps.GetAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        details.ReceiverOrganisationId.ShouldBe(ReferralLoopSteps.CityOfHelsinki);
        details.Timeline.Count(e => e.Kind == ReferralEventKind.Rerouted).ShouldBe(2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("999")]
    public async Task Return_WrongOrganiserWithoutAKnownMunicipality_MunicipalityRequired(string? municipalityCode)
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var result = await worker.Get<IReferralLoopCommands>().ReturnAsync(
            new ReturnReferralCommand(sent.ReferralId, ReturnReason.WrongOrganiser, null, municipalityCode));

        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Code == Referral.Errors.MunicipalityRequired.Code);
        ShouldStayInHelsinki(await ReferralLoopSteps.GetAsync(worker, sent.ReferralId));
    }

    [Fact]
    public async Task Return_WrongOrganiserNamingHelsinki_SameOrganiser()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);

        var result = await worker.Get<IReferralLoopCommands>().ReturnAsync(
            new ReturnReferralCommand(sent.ReferralId, ReturnReason.WrongOrganiser, null, ProcessSteps.Helsinki));

        result.ShouldFailWith<ValidationError>(Referral.Errors.SameOrganiser.Code).Field.ShouldBe("MunicipalityCode");
        ShouldStayInHelsinki(await ReferralLoopSteps.GetAsync(worker, sent.ReferralId));
    }

    private static void ShouldStayInHelsinki(ReferralDetails details)
    {
        details.ReceiverOrganisationId.ShouldBe(ReferralLoopSteps.CityOfHelsinki);
        details.HomeMunicipalityCode.ShouldBe(ProcessSteps.Helsinki);
        details.Status.ShouldNotBe(ReferralStatus.Returned);
        details.Timeline.ShouldNotContain(e => e.Kind == ReferralEventKind.Returned || e.Kind == ReferralEventKind.Rerouted);
    }
}
