using CooperationModel.Application.Directory;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.PartnerDirectory;

/// <summary>
/// The directory's panels on the case page and the referral page load their own data once: one connection and one query
/// each, however many entries there are (no query per entry or per organisation).
/// </summary>
public sealed class DirectoryPanelRoundTripTests(CountedApp fixture) : IClassFixture<CountedApp>
{
    private readonly AppFixture _app = fixture.App;

    [Fact]
    public async Task TheCasePanel_AndTheReferralPanel_EachUseOneConnectionAndOneQuery()
    {
        await using var handler = await _app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        await using var worker = await _app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var sender = DemoDataSeeder.HandlerSouth.OrganisationId;
        var receiver = DemoDataSeeder.WorkerHelsinki.OrganisationId;
        (string Panel, Func<Task<int>> Show)[] panels =
        [
            ("case panel", async () => (await handler.Get<IPartnerDirectory>().ForCaseAsync("091")).Value.Count),
            ("referral panel (Kela)", async () => (await handler.Get<IPartnerDirectory>().ForReferralAsync(sender, receiver, "091")).Value.Count),
            ("referral panel (social work)", async () => (await worker.Get<IPartnerDirectory>().ForReferralAsync(sender, receiver, "091")).Value.Count),
        ];
        foreach (var (panel, show) in panels)
        {
            (await show()).ShouldBeGreaterThan(0, panel);
            RoundTripCounter.Counting counted;
            using (counted = fixture.Counter.Start())
            {
                await show();
            }

            (counted.Connections, counted.Commands).ShouldBe((1, 1), $"{panel}: {counted.Describe()}");
        }
    }
}
