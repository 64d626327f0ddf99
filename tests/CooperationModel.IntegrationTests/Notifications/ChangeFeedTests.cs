using CooperationModel.Infrastructure.Notifications;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.IntegrationTests.Notifications;

/// <summary>
/// Live updates over PostgreSQL LISTEN/NOTIFY: a second instance of the app on the same database hears a change made
/// through the first, for the organisation it concerns; subscribers are independent of each other.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ChangeFeedTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Subscribe_ReferralSentThroughAnotherInstance_ReceiverOrganisationIsSignalled()
    {
        await using var instanceB = new AppFactory(app.Database);
        var feedB = instanceB.Services.GetRequiredService<PostgresChangeFeed>();
        await feedB.Listening.WaitAsync(Patience);
        var helsinki = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var northOstrobothnia = 0;
        using var toHelsinki = feedB.Subscribe(ReferralLoopSteps.CityOfHelsinki, () =>
        {
            helsinki.TrySetResult();
            return Task.CompletedTask;
        });
        using var toOulu = feedB.Subscribe(DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId, () =>
        {
            Interlocked.Increment(ref northOstrobothnia);
            return Task.CompletedTask;
        });
        helsinki.Task.IsCompleted.ShouldBeFalse("a signal before anything was sent");

        // Through the fixture's instance (A): B has no way to learn of it but the database.
        await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);

        await helsinki.Task.WaitAsync(Patience);
        Volatile.Read(ref northOstrobothnia).ShouldBe(0);
    }

    [Fact]
    public async Task Publish_OneSubscriberThrows_TheOthersAreStillToldAndADisposedOneIsNot()
    {
        var feed = app.Factory.Services.GetRequiredService<PostgresChangeFeed>();
        await feed.Listening.WaitAsync(Patience);
        var organisation = Guid.NewGuid();
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var toldAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var disposedCalls = 0;
        using var throwing = feed.Subscribe(organisation, () => throw new InvalidOperationException("subscriber bug"));
        using var failing = feed.Subscribe(organisation, () => Task.FromException(new InvalidOperationException("async subscriber bug")));
        using var good = feed.Subscribe(organisation, () =>
        {
            (Interlocked.Increment(ref calls) == 1 ? told : toldAgain).TrySetResult();
            return Task.CompletedTask;
        });
        var disposed = feed.Subscribe(organisation, () =>
        {
            Interlocked.Increment(ref disposedCalls);
            return Task.CompletedTask;
        });
        disposed.Dispose();

        await feed.PublishAsync(organisation);
        await told.Task.WaitAsync(Patience);
        // The feed still works after the failures.
        await feed.PublishAsync(organisation);
        await toldAgain.Task.WaitAsync(Patience);

        Volatile.Read(ref disposedCalls).ShouldBe(0);
    }
}
