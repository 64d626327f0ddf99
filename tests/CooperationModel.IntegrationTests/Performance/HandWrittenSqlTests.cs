using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Performance;

/// <summary>
/// The benchmark's hand-written inbox SQL (make bench, docs/performance.md) returns the use case's rows in the use
/// case's order, on the app's role under row-level security and as the owner: the comparison it times is fair. Results
/// only; the times belong to the benchmark.
/// </summary>
public sealed class HandWrittenSqlTests(PlanCheckFixture fixture) : IClassFixture<PlanCheckFixture>
{
    private static Dictionary<string, Func<VolumeSamples, ListInboxQuery>> Variants { get; } = new()
    {
        ["newest first"] = _ => new ListInboxQuery(null, null, Page),
        ["status Sent"] = _ => new ListInboxQuery(null, ReferralStatus.Sent, Page),
        ["status Completed"] = _ => new ListInboxQuery(null, ReferralStatus.Completed, Page),
        ["search by name"] = _ => new ListInboxQuery(VolumeSamples.NameSearch, null, Page),
        ["search by identity code"] = samples => new ListInboxQuery(samples.HelsinkiIdentityCode, null, Page),
        ["only mine"] = _ => new ListInboxQuery(null, null, Page, OnlyMine: true),
        ["ordered by client name"] = _ => new ListInboxQuery(null, null, Page, Order: InboxOrder.ClientName),
        ["ordered by status"] = _ => new ListInboxQuery(null, null, Page, Order: InboxOrder.Status),
    };

    private static PageRequest Page => new(1, PageRequest.DefaultPageSize);

    public static TheoryData<string> Names => [.. Variants.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Inbox_HandWrittenSql_SameRowsInSameOrder(string variant)
    {
        var query = Variants[variant](fixture.Samples);
        IReadOnlyList<Guid> appIds = [];
        SqlBaseline? sql = null;
        await fixture.RunAsync(DemoDataSeeder.WorkerHelsinki.Email, async services =>
        {
            appIds = [.. (await services.GetRequiredService<IListInboxHandler>().HandleAsync(query)).Value.Items.Select(r => r.Id)];
            sql = HandWrittenSql.Inbox(services, query);
        });

        await using var rls = new NpgsqlConnection(fixture.App.ConnectionString);
        await rls.OpenAsync();
        await QueryPlans.ActForAsync(rls, VolumeSamples.Helsinki);
        await using var owner = new NpgsqlConnection(fixture.App.OwnerConnectionString);
        await owner.OpenAsync();

        (await sql!(rls, CancellationToken.None)).ShouldBe(appIds, "under row-level security");
        (await sql(owner, CancellationToken.None)).ShouldBe(appIds, "as the owner");
    }

    [Fact]
    public async Task Inbox_FirstPage_HasRowsToCompare()
    {
        IReadOnlyList<Guid> appIds = [];
        await fixture.RunAsync(DemoDataSeeder.WorkerHelsinki.Email, async services =>
            appIds = [.. (await services.GetRequiredService<IListInboxHandler>().HandleAsync(Variants["newest first"](fixture.Samples))).Value.Items.Select(r => r.Id)]);

        appIds.Count.ShouldBe(PageRequest.DefaultPageSize, "a full page, so that the comparison above compares rows");
    }
}
