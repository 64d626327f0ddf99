using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>An app and database of their own, with a <see cref="RoundTripCounter"/> on the app's context options.</summary>
public sealed class CountedApp : IAsyncLifetime
{
    public RoundTripCounter Counter { get; } = new();

    public AppFixture App { get; }

    public CountedApp() =>
        App = AppFixture.With(new Dictionary<string, string>(), services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Counter)));

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// What one send costs the database (issue 13, referral creation against raw INSERTs): the round trips, transactions and
/// commits of SendReferral, pinned so that a change which adds one fails here. The rows it writes are checked by the
/// referral loop, disclosure, notification and access log tests; this test only counts.
/// </summary>
public sealed class SendRoundTripTests(CountedApp fixture) : IClassFixture<CountedApp>
{
    private readonly AppFixture _app = fixture.App;

    [Fact]
    public async Task SendReferral_NewCase_OneConnectionSevenRoundTripsOneCommit()
    {
        await using var handler = await _app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        // The first send of the app warms EF Core's model and plans; counted is a second one, from a new case.
        await ReferralLoopSteps.SendFromAsync(handler, (await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki)).Id);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);

        RoundTripCounter.Counting counted;
        using (counted = fixture.Counter.Start())
        {
            await ReferralLoopSteps.SendFromAsync(handler, opened.Id);
        }

        // One connection (one tenant setting), the case with its steps, the open-referral check, the receiver's deadlines;
        // then one transaction: the change signal (delivered at the commit), every row in one batch, the commit.
        var steps = counted.Describe();
        counted.Connections.ShouldBe(1, steps);
        counted.Transactions.ShouldBe(1, steps);
        counted.Commits.ShouldBe(1, steps);
        counted.Commands.ShouldBe(5, steps);
        counted.RoundTrips.ShouldBe(7, steps);
    }
}
