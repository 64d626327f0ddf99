using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Performance;

/// <summary>
/// The pages people keep open take one connection from the pool for their own data (issue 13, where the time goes):
/// every connection opened first sends the tenant setting, a round trip. Pinned so that a change which opens another fails here; what the
/// pages show is checked elsewhere, this test only counts.
/// </summary>
public sealed class PageRoundTripTests(CountedApp fixture) : IClassFixture<CountedApp>
{
    private readonly AppFixture _app = fixture.App;

    [Fact]
    public async Task The_inbox_the_referral_page_the_workspace_and_the_case_page_each_use_one_connection_for_their_own_data()
    {
        await using var worker = await _app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var inbox = new ListInboxQuery(null, null, new PageRequest());
        var referralId = (await worker.Get<IListInboxHandler>().HandleAsync(inbox)).Value.Items[0].Id;
        await using var handler = await _app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var workspace = new ListCasesQuery(null, new PageRequest());
        var caseId = (await handler.Get<IListCasesHandler>().HandleAsync(workspace)).Value.Items[0].Id;

        // Each shown once before (the model and plans warmed), then counted: a first showing, with its access-log save.
        // The workspace's second is the user directory's (the names of who holds a case at guidance), a context of its own.
        (string Page, Func<Task> Show, int Connections)[] pages =
        [
            ("inbox", () => worker.Get<IListInboxHandler>().HandleAsync(inbox), 1),
            ("referral page", () => worker.Get<IGetReferralHandler>().HandleAsync(referralId), 1),
            ("workspace", () => handler.Get<IListCasesHandler>().HandleAsync(workspace), 2),
            ("workspace counts", () => handler.Get<IListCasesHandler>().CountAsync(), 1),
            ("case page", () => handler.Get<IGetCaseHandler>().HandleAsync(caseId), 1),
        ];
        foreach (var (page, show, connections) in pages)
        {
            await show();
            RoundTripCounter.Counting counted;
            using (counted = fixture.Counter.Start())
            {
                await show();
            }

            counted.Connections.ShouldBe(connections, $"{page}: {counted.Describe()}");
        }
    }
}
