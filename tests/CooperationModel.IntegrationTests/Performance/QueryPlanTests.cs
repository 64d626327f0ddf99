using System.Text.RegularExpressions;
using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Performance;

/// <summary>
/// The main queries, as the handlers build them, explained on a database with volume: no client table is read whole,
/// every index used starts with the tenant column (or is the primary key), and the number of round trips does not grow
/// with the page (no N+1). Plans only: timings belong to the benchmark (make bench).
/// The known exceptions below are gaps the benchmark found (docs/development.md, "Benchmark"); when one is fixed,
/// remove it here so that the test guards the fix.
/// </summary>
public sealed class QueryPlanTests(PlanCheckFixture fixture) : IClassFixture<PlanCheckFixture>
{
    /// <summary>The referrals of one case on the page (its latest status, whether one is overdue): a correlated lookup by the
    /// case's key, bounded by the page. Even with the district stated, PostgreSQL prefers the smaller foreign-key index on
    /// case_id to (sender_organisation_id, case_id, sent_at); both find the same few rows.</summary>
    private const string ReferralsOfOneCase = "ix_referrals_case_id";

    /// <summary>A use case's round trips: a count and a page, or a row and its children; never one per row.</summary>
    private const int FewRoundTrips = 4;

    /// <summary>Children of one referral, found by its key after the referral passed the tenant filter
    /// (referral_events has no tenant column at all).</summary>
    private static readonly string[] ChildrenOfOneReferral =
        ["ix_referral_events_referral_id_sequence", "ix_referral_forwards_referral_id", "ix_disclosures_referral_id"];

    /// <summary>Children of one case by its key: at volume PostgreSQL prefers the foreign-key index on case_id to
    /// (organisation_id, case_id, at).</summary>
    private static readonly string[] ChildrenOfOneCase = ["ix_case_events_case_id", "ix_guidance_contacts_case_id"];

    private static readonly string Helsinki = DemoDataSeeder.WorkerHelsinki.Email;
    private static readonly string South = DemoDataSeeder.HandlerSouth.Email;

    public static TheoryData<string> InboxVariants => [.. Inbox.Keys];

    public static TheoryData<CaseListFilter> CaseLists => [.. Enum.GetValues<CaseListFilter>()];

    private static Dictionary<string, Func<VolumeSamples, PageRequest, ListInboxQuery>> Inbox { get; } = new()
    {
        ["newest first"] = (_, page) => new ListInboxQuery(null, null, page),
        ["oldest first"] = (_, page) => new ListInboxQuery(null, null, page, Order: InboxOrder.OldestFirst),
        ["status Sent"] = (_, page) => new ListInboxQuery(null, ReferralStatus.Sent, page),
        ["status Completed"] = (_, page) => new ListInboxQuery(null, ReferralStatus.Completed, page),
        ["ground"] = (_, page) => new ListInboxQuery(null, null, page, ReferralGround.ObviousNeedForSocialCare),
        ["municipality"] = (_, page) => new ListInboxQuery(null, null, page, MunicipalityCode: "091"),
        ["search by name"] = (_, page) => new ListInboxQuery(VolumeSamples.NameSearch, null, page),
        ["search by identity code"] = (samples, page) => new ListInboxQuery(samples.HelsinkiIdentityCode, null, page),
        ["only mine"] = (_, page) => new ListInboxQuery(null, null, page, OnlyMine: true),
        ["ordered by client name"] = (_, page) => new ListInboxQuery(null, null, page, Order: InboxOrder.ClientName),
        ["ordered by status"] = (_, page) => new ListInboxQuery(null, null, page, Order: InboxOrder.Status),
        ["overdue"] = (_, page) => new ListInboxQuery(null, null, page, Overdue: true),
        ["not overdue"] = (_, page) => new ListInboxQuery(null, null, page, Overdue: false),
    };

    [Theory]
    [MemberData(nameof(InboxVariants))]
    public async Task ListInbox_FilterOrOrder_TenantIndexesAndRoundTripsIndependentOfPage(string variant)
    {
        Task<PlanCheck> Run(int pageSize) => fixture.RunAsync(Helsinki, services =>
            services.GetRequiredService<IListInboxHandler>().HandleAsync(Inbox[variant](fixture.Samples, new PageRequest(1, pageSize))));

        var small = await Run(5);
        var large = await Run(PageRequest.MaxPageSize);

        large.Commands.Count.ShouldBe(small.Commands.Count, "more rows on the page must not mean more round trips");
        large.Commands.Count.ShouldBeLessThanOrEqualTo(FewRoundTrips);
        large.ShouldUseTenantIndexes();
    }

    [Theory]
    [MemberData(nameof(CaseLists))]
    public async Task ListCases_EachList_TenantIndexesAndRoundTripsIndependentOfPage(CaseListFilter filter)
    {
        Task<PlanCheck> Run(int pageSize) => fixture.RunAsync(South, services =>
            services.GetRequiredService<IListCasesHandler>().HandleAsync(new ListCasesQuery(null, new PageRequest(1, pageSize), filter)));

        var small = await Run(5);
        var large = await Run(PageRequest.MaxPageSize);

        large.Commands.Count.ShouldBe(small.Commands.Count, "more rows on the page must not mean more round trips");
        large.Commands.Count.ShouldBeLessThanOrEqualTo(FewRoundTrips);
        large.ShouldUseTenantIndexes(ReferralsOfOneCase);
    }

    [Fact]
    public async Task ListCases_SearchByIdentityCode_TenantIndexes()
    {
        var check = await fixture.RunAsync(South, services => services.GetRequiredService<IListCasesHandler>()
            .HandleAsync(new ListCasesQuery(fixture.Samples.SouthIdentityCode, new PageRequest(1, PageRequest.MaxPageSize))));

        check.ShouldUseTenantIndexes(ReferralsOfOneCase);
    }

    [Fact]
    public async Task ListCases_SearchByName_TenantIndexes()
    {
        var check = await fixture.RunAsync(South, services => services.GetRequiredService<IListCasesHandler>()
            .HandleAsync(new ListCasesQuery(VolumeSamples.NameSearch, new PageRequest(1, PageRequest.MaxPageSize))));

        // A substring search (LIKE '%…%') finds the district's matching names through app_case_ids_named (below).
        check.ShouldUseTenantIndexes(ReferralsOfOneCase);
        check.Commands.ShouldContain(c => c.Sql.Contains("app_case_ids_named("));
    }

    /// <summary>
    /// The name search's functions (migration NameSearch) read the trigram index that starts with the tenant: their
    /// bodies explained as they run, as the owner for the organisation the session is set to (the one with most rows).
    /// </summary>
    [Theory]
    [InlineData("app_case_ids_named", "ix_cases_organisation_id_client_name_folded", "SELECT organisation_id FROM cases")]
    [InlineData(
        "app_received_referral_ids_named", "ix_referrals_receiver_organisation_id_client_name_folded", "SELECT receiver_organisation_id FROM referrals")]
    public async Task NameSearchFunction_ReadsTheTrigramIndex(string function, string index, string tenants)
    {
        await using var connection = new NpgsqlConnection(fixture.App.OwnerConnectionString);
        await connection.OpenAsync();
        await using var largest = new NpgsqlCommand($"{tenants} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", connection);
        await QueryPlans.ActForAsync(connection, (Guid)(await largest.ExecuteScalarAsync())!);
        await using var source = new NpgsqlCommand("SELECT prosrc FROM pg_proc WHERE proname = @name", connection);
        source.Parameters.AddWithValue("name", function);
        var body = Regex.Replace((string)(await source.ExecuteScalarAsync())!, @"\bfolded\b", "@folded");
        var command = new RecordedCommand(body, [new NpgsqlParameter("folded", VolumeSamples.NameSearch)]);

        var plan = await QueryPlans.ExplainAsync(connection, command);

        plan.Scans.ShouldContain(scan => scan.Index == index, plan.PlanText);
    }

    [Fact]
    public async Task CountWorkspace_FiveLists_OneCountEachOnTenantIndexes()
    {
        var check = await fixture.RunAsync(South, services => services.GetRequiredService<IListCasesHandler>().CountAsync());

        check.Commands.Count.ShouldBeLessThanOrEqualTo(5);
        check.ShouldUseTenantIndexes();
    }

    [Fact]
    public async Task GetCase_CaseWithReferrals_FewQueriesOnTenantIndexes()
    {
        var check = await fixture.RunAsync(South, async services =>
            (await services.GetRequiredService<IGetCaseHandler>().HandleAsync(fixture.Samples.SouthCaseId)).ShouldSucceed());

        // The case has events, guidance and two referrals: one query per child row would show here.
        check.Commands.Count.ShouldBeLessThanOrEqualTo(FewRoundTrips);
        check.ShouldUseTenantIndexes(ChildrenOfOneCase);
    }

    [Theory]
    [InlineData("receiver")]
    [InlineData("sender")]
    public async Task GetReferral_ForwardedWithDisclosures_FewQueriesOnTenantIndexes(string side)
    {
        var user = side == "receiver" ? Helsinki : South;
        // Opened once first: the receiver's first opening marks it received (a write), not part of reading the page.
        await fixture.RunAsync(user, services => services.GetRequiredService<IGetReferralHandler>().HandleAsync(fixture.Samples.HelsinkiReferralId));

        var check = await fixture.RunAsync(user, async services =>
            (await services.GetRequiredService<IGetReferralHandler>().HandleAsync(fixture.Samples.HelsinkiReferralId)).ShouldSucceed());

        // The referral has events, a forward and several disclosures: one query per child row would show here.
        check.Commands.Count.ShouldBeLessThanOrEqualTo(FewRoundTrips);
        check.ShouldUseTenantIndexes(ChildrenOfOneReferral);
    }

    [Fact]
    public async Task SendReferral_OpenReferralCheck_TenantIndexes()
    {
        var check = await fixture.RunAsync(South, async services =>
            (await services.GetRequiredService<ISendReferralHandler>().HandleAsync(new SendReferralCommand(
                fixture.Samples.SouthCaseId, ReferralGround.ClientRequestsAssessment, ConsentGiven: false, SituationDescription: null,
                RepeatReason: "Uusi tilanne.")))
            .ShouldSucceed());

        check.ShouldUseTenantIndexes();
    }
}
