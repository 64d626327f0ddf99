using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Performance;

/// <summary>
/// The benchmark's hand-written SQL (make bench, docs/performance.md) returns the use case's rows in the use case's
/// order, and its counts (a list's total; a page's timeline, referrals, forwards, disclosures), on the app's role under
/// row-level security and as the owner: the comparison it times is fair. Results only; the times belong to the benchmark.
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

    /// <summary>The workspace lists the benchmark times, as the Southern district's handler.</summary>
    private static Dictionary<string, Func<VolumeSamples, ListCasesQuery>> CaseLists { get; } = new()
    {
        ["all cases"] = _ => new ListCasesQuery(null, Page),
        ["mine"] = _ => new ListCasesQuery(null, Page, CaseListFilter.Mine),
        ["urgent queue"] = _ => new ListCasesQuery(null, Page, CaseListFilter.UrgentQueue),
        ["normal queue"] = _ => new ListCasesQuery(null, Page, CaseListFilter.NormalQueue),
        ["near deadline"] = _ => new ListCasesQuery(null, Page, CaseListFilter.NearDeadline),
        ["awaiting feedback"] = _ => new ListCasesQuery(null, Page, CaseListFilter.AwaitingFeedback),
        ["search by name"] = _ => new ListCasesQuery(VolumeSamples.NameSearch, Page),
        ["search by identity code"] = samples => new ListCasesQuery(samples.SouthIdentityCode, Page),
        ["second page"] = _ => new ListCasesQuery(null, new PageRequest(2, PageRequest.DefaultPageSize)),
    };

    private static PageRequest Page => new(1, PageRequest.DefaultPageSize);

    public static TheoryData<string> Names => [.. Variants.Keys];

    public static TheoryData<string> CaseListNames => [.. CaseLists.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Inbox_HandWrittenSql_SameRowsInSameOrder(string variant)
    {
        var query = Variants[variant](fixture.Samples);
        await ShouldMatchAsync(DemoDataSeeder.WorkerHelsinki.Email, async services =>
        {
            var page = (await services.GetRequiredService<IListInboxHandler>().HandleAsync(query)).Value;
            return (new SqlRows([.. page.Items.Select(r => r.Id)], [page.TotalCount]), HandWrittenSql.Inbox(services, query));
        });
    }

    [Fact]
    public async Task Inbox_FirstPage_HasRowsToCompare()
    {
        IReadOnlyList<Guid> appIds = [];
        await fixture.RunAsync(DemoDataSeeder.WorkerHelsinki.Email, async services =>
            appIds = [.. (await services.GetRequiredService<IListInboxHandler>().HandleAsync(Variants["newest first"](fixture.Samples))).Value.Items.Select(r => r.Id)]);

        appIds.Count.ShouldBe(PageRequest.DefaultPageSize, "a full page, so that the comparison above compares rows");
    }

    [Theory]
    [MemberData(nameof(CaseListNames))]
    public async Task CaseList_HandWrittenSql_SameRowsInSameOrder(string variant)
    {
        var query = CaseLists[variant](fixture.Samples);
        var rows = await ShouldMatchAsync(DemoDataSeeder.HandlerSouth.Email, async services =>
        {
            var page = (await services.GetRequiredService<IListCasesHandler>().HandleAsync(query)).Value;
            return (new SqlRows([.. page.Items.Select(c => c.Id)], [page.TotalCount]), HandWrittenSql.Cases(services, query));
        });

        if (variant is "all cases" or "second page" or "awaiting feedback")
        {
            rows.Ids.Count.ShouldBe(PageRequest.DefaultPageSize, "a full page, so that the comparison compares rows");
        }
    }

    [Fact]
    public async Task WorkspaceCounts_HandWrittenSql_SameCounts()
    {
        var rows = await ShouldMatchAsync(DemoDataSeeder.HandlerSouth.Email, async services =>
        {
            var counts = await services.GetRequiredService<IListCasesHandler>().CountAsync();
            return (new SqlRows([], [counts.Mine, counts.UrgentQueue, counts.NormalQueue, counts.NearDeadline, counts.AwaitingFeedback]), HandWrittenSql.Counts(services));
        });

        rows.Counts.Count(c => c > 0).ShouldBeGreaterThanOrEqualTo(3, "most lists hold cases, so that the counts compare something");
    }

    [Fact]
    public async Task CasePage_HandWrittenSql_SameCaseReferralsAndTimeline()
    {
        var rows = await ShouldMatchAsync(DemoDataSeeder.HandlerSouth.Email, async services =>
        {
            var c = (await services.GetRequiredService<IGetCaseHandler>().HandleAsync(fixture.Samples.SouthCaseId)).Value;
            return (new SqlRows([c.Id, .. c.Referrals.Select(r => r.Id)], [c.Timeline.Count, c.Referrals.Count]), HandWrittenSql.CasePage(services, fixture.Samples.SouthCaseId));
        });

        rows.Ids.Count.ShouldBeGreaterThan(1, "the sample case has referrals");
    }

    [Theory]
    [InlineData("receiver")]
    [InlineData("sender")]
    public async Task ReferralPage_HandWrittenSql_SameTimelineForwardsAndDisclosures(string side)
    {
        var email = side == "receiver" ? DemoDataSeeder.WorkerHelsinki.Email : DemoDataSeeder.HandlerSouth.Email;
        var rows = await ShouldMatchAsync(email, async services =>
        {
            var r = (await services.GetRequiredService<IGetReferralHandler>().HandleAsync(fixture.Samples.HelsinkiReferralId)).Value;
            return (new SqlRows([r.Id], [r.Timeline.Count, r.Forwards.Count, r.Disclosures.Count]), HandWrittenSql.ReferralPage(services, fixture.Samples.HelsinkiReferralId));
        });

        rows.Counts[0].ShouldBeGreaterThan(1, "the sample referral has steps");
    }

    /// <summary>
    /// Runs the use case as the user and builds its SQL in the same scope, then checks that the SQL returns the same ids
    /// in the same order and the same counts, under RLS acting for the user's organisation and as the owner.
    /// </summary>
    private async Task<SqlRows> ShouldMatchAsync(string email, Func<IServiceProvider, Task<(SqlRows App, SqlBaseline Sql)>> run)
    {
        var app = SqlRows.None;
        SqlBaseline? sql = null;
        var organisation = Guid.Empty;
        await fixture.RunAsync(email, async services =>
        {
            organisation = services.GetRequiredService<ICurrentUser>().OrganisationId;
            (app, sql) = await run(services);
        });

        await using var rls = new NpgsqlConnection(fixture.App.ConnectionString);
        await rls.OpenAsync();
        await QueryPlans.ActForAsync(rls, organisation);
        await using var owner = new NpgsqlConnection(fixture.App.OwnerConnectionString);
        await owner.OpenAsync();

        var underRls = await sql!(rls, CancellationToken.None);
        underRls.Ids.ShouldBe(app.Ids, "ids in order, under row-level security");
        underRls.Counts.ShouldBe(app.Counts, "counts, under row-level security");
        var asOwner = await sql(owner, CancellationToken.None);
        asOwner.Ids.ShouldBe(app.Ids, "ids in order, as the owner");
        asOwner.Counts.ShouldBe(app.Counts, "counts, as the owner");
        return app;
    }
}
