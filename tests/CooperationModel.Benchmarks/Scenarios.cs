using System.Globalization;
using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Benchmarks;

/// <summary>
/// What a use case returned: a short description, and what its hand-written SQL must return too: the ids of its rows in
/// order and its counts (<see cref="SqlRows"/>).
/// </summary>
public sealed record Outcome(string Result, SqlRows Rows);

/// <summary>
/// One use case as a signed-in user runs it. <see cref="HandWritten"/>, when set, builds the hand-written SQL that
/// computes the same rows (from the signed-in scope's services); without it the use case's own queries are replayed.
/// <see cref="Breakdown"/>: where its time goes is reported (Report.Breakdown): the use case's own queries replayed are
/// timed too, and <see cref="WithoutLog"/> runs it without the access-log insert.
/// </summary>
public sealed record Scenario(
    string Group,
    string Name,
    string UserEmail,
    Func<IServiceProvider, CancellationToken, Task<Outcome>> RunAsync,
    Func<IServiceProvider, SqlBaseline>? HandWritten = null)
{
    public bool Breakdown { get; init; }

    public Func<IServiceProvider, CancellationToken, Task<Outcome>>? WithoutLog { get; init; }
}

/// <summary>The use cases measured: the lists and pages people open all day, through the Application layer.</summary>
public static class Scenarios
{
    private static readonly PageRequest FirstPage = new(1, PageRequest.DefaultPageSize);

    public static IReadOnlyList<Scenario> All(VolumeSamples samples)
    {
        var helsinki = DemoDataSeeder.WorkerHelsinki.Email;
        var south = DemoDataSeeder.HandlerSouth.Email;
        var largestOrganiser = $"Social worker, {samples.LargestOrganiser.NameEn} (largest organiser)";
        var largestDistrict = $"Kela handler, {samples.LargestDistrict.NameEn} (largest district)";
        const string Inbox = "Social worker, Helsinki: inbox";
        const string Workspace = "Kela handler, Southern district: workspace";
        const string Pages = "Case and referral pages";

        return
        [
            InboxList(Inbox, "first page, newest first", helsinki, new ListInboxQuery(null, null, FirstPage)) with
            {
                Breakdown = true,
                WithoutLog = ShownAgainRun(new ListInboxQuery(null, null, FirstPage)),
            },
            ShownAgain(Inbox, "first page again, already shown (no access-log insert)", helsinki, new ListInboxQuery(null, null, FirstPage)),
            InboxList(Inbox, "status filter: new (Sent)", helsinki, new ListInboxQuery(null, ReferralStatus.Sent, FirstPage)),
            InboxList(Inbox, "status filter: Completed", helsinki, new ListInboxQuery(null, ReferralStatus.Completed, FirstPage)),
            InboxList(Inbox, $"search by name ('{VolumeSamples.NameSearch}')", helsinki, new ListInboxQuery(VolumeSamples.NameSearch, null, FirstPage)),
            InboxList(Inbox, "search by identity code", helsinki, new ListInboxQuery(samples.HelsinkiIdentityCode, null, FirstPage)),
            InboxList(Inbox, "only mine", helsinki, new ListInboxQuery(null, null, FirstPage, OnlyMine: true)),
            InboxList(Inbox, "ordered by client name", helsinki, new ListInboxQuery(null, null, FirstPage, Order: InboxOrder.ClientName)),
            InboxList(Inbox, "ordered by status", helsinki, new ListInboxQuery(null, null, FirstPage, Order: InboxOrder.Status)),

            InboxList(largestOrganiser, "inbox first page, newest first", samples.LargestOrganiserWorker, new ListInboxQuery(null, null, FirstPage)),
            InboxList(largestOrganiser, "inbox status filter: Completed", samples.LargestOrganiserWorker, new ListInboxQuery(null, ReferralStatus.Completed, FirstPage)),
            InboxList(largestOrganiser, $"inbox search by name ('{VolumeSamples.NameSearch}')", samples.LargestOrganiserWorker, new ListInboxQuery(VolumeSamples.NameSearch, null, FirstPage)),
            InboxList(largestOrganiser, "inbox only mine", samples.LargestOrganiserWorker, new ListInboxQuery(null, null, FirstPage, OnlyMine: true)),
            InboxList(largestOrganiser, "inbox ordered by client name", samples.LargestOrganiserWorker, new ListInboxQuery(null, null, FirstPage, Order: InboxOrder.ClientName)),

            Counts(Workspace, "tab counts (5 lists)", south),
            Cases(Workspace, "all cases, first page", south, new ListCasesQuery(null, FirstPage)),
            Cases(Workspace, "mine", south, new ListCasesQuery(null, FirstPage, CaseListFilter.Mine)),
            Cases(Workspace, "urgent queue", south, new ListCasesQuery(null, FirstPage, CaseListFilter.UrgentQueue)),
            Cases(Workspace, "normal queue", south, new ListCasesQuery(null, FirstPage, CaseListFilter.NormalQueue)),
            Cases(Workspace, "near deadline", south, new ListCasesQuery(null, FirstPage, CaseListFilter.NearDeadline)),
            Cases(Workspace, "awaiting feedback", south, new ListCasesQuery(null, FirstPage, CaseListFilter.AwaitingFeedback)),
            Cases(Workspace, $"all cases, search by name ('{VolumeSamples.NameSearch}')", south, new ListCasesQuery(VolumeSamples.NameSearch, FirstPage)),
            Cases(Workspace, "all cases, search by identity code", south, new ListCasesQuery(samples.SouthIdentityCode, FirstPage)),

            Counts(largestDistrict, "tab counts (5 lists)", samples.LargestDistrictHandler),
            Cases(largestDistrict, "all cases, first page", samples.LargestDistrictHandler, new ListCasesQuery(null, FirstPage)),
            Cases(largestDistrict, "awaiting feedback", samples.LargestDistrictHandler, new ListCasesQuery(null, FirstPage, CaseListFilter.AwaitingFeedback)),

            new(Pages, "case page (Kela handler; a case with two referrals)", south, (services, ct) => CasePage(services, samples.SouthCaseId, logView: true, ct),
                services => HandWrittenSql.CasePage(services, samples.SouthCaseId))
            {
                Breakdown = true,
                // The page's interactive render after its prerender (already logged): the same reads, no access-log insert.
                WithoutLog = (services, ct) => CasePage(services, samples.SouthCaseId, logView: false, ct),
            },
            Referral(Pages, "referral page (social worker, receiver; forwarded, with messages)", helsinki, samples.HelsinkiReferralId),
            Referral(Pages, "referral page (Kela handler, sender)", south, samples.HelsinkiReferralId),
        ];
    }

    private static Scenario InboxList(string group, string name, string user, ListInboxQuery query) => new(
        group,
        name,
        user,
        async (services, ct) =>
        {
            var page = (await services.GetRequiredService<IListInboxHandler>().HandleAsync(query, ct)).Value;
            return new Outcome(Invariant($"{page.Items.Count} of {page.TotalCount:N0}"), new([.. page.Items.Select(r => r.Id)], [page.TotalCount]));
        },
        services => HandWrittenSql.Inbox(services, query));

    /// <summary>
    /// The inbox page shown again after a change with the same rows (<see cref="ListInboxQuery.AlreadyShown"/>): nothing is
    /// logged, so its difference to the first showing is the access-log insert and its commit. The first call finds the rows.
    /// </summary>
    private static Scenario ShownAgain(string group, string name, string user, ListInboxQuery query) =>
        new(group, name, user, ShownAgainRun(query), services => HandWrittenSql.Inbox(services, query));

    private static Func<IServiceProvider, CancellationToken, Task<Outcome>> ShownAgainRun(ListInboxQuery query)
    {
        IReadOnlySet<Guid>? shown = null;
        return async (services, ct) =>
        {
            var handler = services.GetRequiredService<IListInboxHandler>();
            var page = (await handler.HandleAsync(query with { AlreadyShown = shown }, ct)).Value;
            shown ??= page.Items.Select(r => r.Id).ToHashSet();
            return new Outcome(Invariant($"{page.Items.Count} of {page.TotalCount:N0}"), new([.. page.Items.Select(r => r.Id)], [page.TotalCount]));
        };
    }

    private static Scenario Cases(string group, string name, string user, ListCasesQuery query) => new(
        group,
        name,
        user,
        async (services, ct) =>
        {
            var page = (await services.GetRequiredService<IListCasesHandler>().HandleAsync(query, ct)).Value;
            return new Outcome(Invariant($"{page.Items.Count} of {page.TotalCount:N0}"), new([.. page.Items.Select(c => c.Id)], [page.TotalCount]));
        },
        services => HandWrittenSql.Cases(services, query));

    private static Scenario Counts(string group, string name, string user) => new(
        group,
        name,
        user,
        async (services, ct) =>
        {
            var counts = await services.GetRequiredService<IListCasesHandler>().CountAsync(ct);
            return new Outcome(
                Invariant($"{counts.Mine:N0} / {counts.UrgentQueue:N0} / {counts.NormalQueue:N0} / {counts.NearDeadline:N0} / {counts.AwaitingFeedback:N0}"),
                new([], [counts.Mine, counts.UrgentQueue, counts.NormalQueue, counts.NearDeadline, counts.AwaitingFeedback]));
        },
        HandWrittenSql.Counts);

    private static async Task<Outcome> CasePage(IServiceProvider services, Guid caseId, bool logView, CancellationToken ct)
    {
        var handler = services.GetRequiredService<IGetCaseHandler>();
        var result = logView ? await handler.HandleAsync(caseId, ct) : await handler.RereadAsync(caseId, ct);
        var c = result.IsSuccess ? result.Value : throw new InvalidOperationException("The sample case was not found.");
        return new Outcome(
            Invariant($"{c.Timeline.Count} events, {c.Referrals.Count} referrals"),
            new([c.Id, .. c.Referrals.Select(r => r.Id)], [c.Timeline.Count, c.Referrals.Count]));
    }

    private static Scenario Referral(string group, string name, string user, Guid referralId) => new(
        group,
        name,
        user,
        async (services, ct) =>
        {
            var result = await services.GetRequiredService<IGetReferralHandler>().HandleAsync(referralId, ct);
            var r = result.IsSuccess ? result.Value : throw new InvalidOperationException("The sample referral was not found.");
            return new Outcome(
                Invariant($"{r.Timeline.Count} events, {r.Forwards.Count} forwards, {r.Disclosures.Count} disclosures"),
                new([r.Id], [r.Timeline.Count, r.Forwards.Count, r.Disclosures.Count]));
        },
        services => HandWrittenSql.ReferralPage(services, referralId));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
