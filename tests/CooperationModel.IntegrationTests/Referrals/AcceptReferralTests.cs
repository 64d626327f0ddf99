using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Referrals.AcceptReferral;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>The loop through the use cases: sent, received, accepted by a named worker, followed by the sender.</summary>
[Collection(AppCollection.Name)]
public sealed class AcceptReferralTests(AppFixture app)
{
    [Fact]
    public async Task GetReferral_ReceiverOpensFirstTime_MarksReceived()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var opened = (await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value;

        opened.Status.ShouldBe(ReferralStatus.Received);
        opened.ReceivedAt.ShouldNotBeNull();
        opened.NamedWorkerName.ShouldBeNull();
    }

    [Fact]
    public async Task GetReferral_SenderOpens_StaysSent()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await handler.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value.Status.ShouldBe(ReferralStatus.Sent);
        (await handler.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value.Status.ShouldBe(ReferralStatus.Sent);
    }

    [Fact]
    public async Task Accept_ReceivingWorker_BecomesNamedWorkerAndSenderSeesIt()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value.Status.ShouldBe(ReferralStatus.Received);

            var accepted = await worker.Get<IAcceptReferralHandler>().HandleAsync(sent.ReferralId);
            accepted.IsSuccess.ShouldBeTrue();

            var stored = (await worker.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value;
            stored.Status.ShouldBe(ReferralStatus.Accepted);
            stored.NamedWorkerName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
            stored.NamedWorkerUserId.ShouldBe(worker.User.Id);
            stored.AcceptedAt.ShouldNotBeNull();
        }

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var clientCase = (await handler.Get<IGetCaseHandler>().HandleAsync(sent.CaseId)).Value;
        var referral = clientCase.Referrals.ShouldHaveSingleItem();
        referral.Id.ShouldBe(sent.ReferralId);
        referral.Status.ShouldBe(ReferralStatus.Accepted);
        referral.NamedWorkerName.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
        referral.AcceptedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task CasePage_AfterAccept_SenderSeesNamedWorker()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using (var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki))
        {
            (await worker.Get<IAcceptReferralHandler>().HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeTrue();
        }

        var client = await app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);
        var html = await client.GetPageAsync($"/cases/{sent.CaseId}");

        html.ShouldContain(sent.ClientName);
        html.ShouldContain("data-testid=\"named-worker\"");
        html.ShouldContain(DemoDataSeeder.WorkerHelsinki.DisplayName);
    }

    [Fact]
    public async Task Accept_SecondTime_AlreadyAccepted()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var accept = worker.Get<IAcceptReferralHandler>();
        (await accept.HandleAsync(sent.ReferralId)).IsSuccess.ShouldBeTrue();

        var again = await accept.HandleAsync(sent.ReferralId);

        again.IsSuccess.ShouldBeFalse();
        again.FirstError.ShouldBeOfType<ConflictError>().Code.ShouldBe(Referral.Errors.AlreadyAccepted.Code);
    }

    [Fact]
    public async Task Accept_WorkerOfOtherOrganiser_NotFoundAndNothingChanges()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");

        await using (var north = await app.AsUserAsync(DemoDataSeeder.WorkerNorthOstrobothnia))
        {
            var result = await north.Get<IAcceptReferralHandler>().HandleAsync(sent.ReferralId);

            result.IsSuccess.ShouldBeFalse();
            result.FirstError.ShouldBeOfType<NotFoundError>().Code.ShouldBe(GetReferralHandler.NotFound.Code);
        }

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var stored = (await handler.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value;
        stored.Status.ShouldBe(ReferralStatus.Sent);
        stored.NamedWorkerUserId.ShouldBeNull();
        stored.NamedWorkerName.ShouldBeNull();
    }

    [Fact]
    public async Task Accept_KelaHandler_WrongRole()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var result = await handler.Get<IAcceptReferralHandler>().HandleAsync(sent.ReferralId);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Code.ShouldBe("Common.WrongRole");
        (await handler.Get<IGetReferralHandler>().HandleAsync(sent.ReferralId)).Value.NamedWorkerName.ShouldBeNull();
    }

    [Fact]
    public async Task Accept_AdminOfReceivingOrganisation_WrongRole()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);

        var result = await admin.Get<IAcceptReferralHandler>().HandleAsync(sent.ReferralId);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Code.ShouldBe("Common.WrongRole");
    }
}
