using CooperationModel.Application.Directory.Environments;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Performance;

/// <summary>
/// The case page's operating-environment panel reads its data in one round trip: one connection, one query (the
/// environment row; the advice and the names come from the domain and the catalog). Pinned beside
/// <see cref="PageRoundTripTests"/>, whose counts for the case page's own data stay as they are.
/// </summary>
public sealed class EnvironmentPanelRoundTripTests(CountedApp fixture) : IClassFixture<CountedApp>
{
    [Fact]
    public async Task TheCasePanel_UsesOneConnectionAndOneQuery()
    {
        await using var handler = await fixture.App.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var environments = handler.Get<IOperatingEnvironments>();
        (await environments.ForCaseAsync("091", ClientType.NoDevices)).IsSuccess.ShouldBeTrue();

        RoundTripCounter.Counting counted;
        using (counted = fixture.Counter.Start())
        {
            (await environments.ForCaseAsync("576", ClientType.NoDevicesReducedSkills)).IsSuccess.ShouldBeTrue();
        }

        counted.Connections.ShouldBe(1, counted.Describe());
        counted.Commands.ShouldBe(1, counted.Describe());
    }
}
