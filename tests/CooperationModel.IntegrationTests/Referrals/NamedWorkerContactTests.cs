using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>Once a worker acknowledges a referral, Kela sees how to reach them: the loop closes person to person.</summary>
[Collection(AppCollection.Name)]
public sealed class NamedWorkerContactTests(AppFixture app)
{
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task GetReferral_Accepted_SenderSeesTheNamedWorkersEmailAndPhone()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);

        var details = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);

        var contact = details.NamedWorkerContact.ShouldNotBeNull();
        contact.Name.ShouldBe(DemoDataSeeder.WorkerHelsinki.DisplayName);
        contact.Email.ShouldBe(DemoDataSeeder.WorkerHelsinki.Email);
        contact.Phone.ShouldBe(DemoDataSeeder.WorkerHelsinki.Phone);
    }

    [Fact]
    public async Task GetReferral_NotYetAccepted_NoContact()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);

        var details = await _steps.GetAsync(DemoDataSeeder.HandlerSouth, sent.ReferralId);

        details.NamedWorkerContact.ShouldBeNull();
    }
}
