using CooperationModel.Application.AccessLog;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperationModel.Application.Cases.ListCases;

/// <summary>The lists of the handler's workspace; every one is paged on the server and stays within the district.</summary>
public enum CaseListFilter
{
    /// <summary>Every case of the district, newest first.</summary>
    All = 1,
    /// <summary>Cases the handler holds in processing, or opened and has not yet sent to processing.</summary>
    Mine = 2,
    /// <summary>The district's urgent queue: untaken urgent cases in order of arrival.</summary>
    UrgentQueue = 3,
    /// <summary>The district's normal queue: untaken cases, earliest deadline first.</summary>
    NormalQueue = 4,
    /// <summary>Undecided cases near or past their decision deadline, earliest first.</summary>
    NearDeadline = 5,
    /// <summary>Cases with a referral still open after the expected working days: sent, but no feedback yet.</summary>
    AwaitingFeedback = 6,
}

public sealed record ListCasesQuery(string? Search, PageRequest Page, CaseListFilter Filter = CaseListFilter.All);

public sealed record CaseRow(
    Guid Id,
    string ClientName,
    PersonalIdentityCode IdentityCode,
    string HomeMunicipalityCode,
    DateTimeOffset OpenedAt,
    CaseStage Stage,
    ProcessingQueue? Queue,
    DateTimeOffset? QueuedAt,
    string? HandlerName,
    DateOnly? DecisionDueOn,
    ReferralStatus? LatestReferralStatus)
{
    /// <summary>Who has the case now (<see cref="ClientCase.IsHeldByOpener"/>): the opener before processing, then the handler who took it.</summary>
    public string? HeldBy { get; init; }

    internal Guid OpenedByUserId { get; init; }

    /// <summary>Set for undecided cases with a deadline; the lists mark near and overdue ones.</summary>
    public DeadlineState? Deadline { get; init; }

    /// <summary>A referral of the case waits to be accepted past the receiver's deadline (<see cref="ReferralPredicates.Overdue"/>).</summary>
    public bool ReferralOverdue { get; init; }
}

/// <summary>How many cases each list of the workspace holds, for the tabs of the start page.</summary>
public sealed record WorkspaceCounts(int Mine, int UrgentQueue, int NormalQueue, int NearDeadline, int AwaitingFeedback);

public interface IListCasesHandler
{
    /// <summary>One page of a list; a search or page that breaks <see cref="ListRules"/> is a validation error.</summary>
    Task<Result<Page<CaseRow>>> HandleAsync(ListCasesQuery query, CancellationToken cancellationToken = default);

    Task<WorkspaceCounts> CountAsync(CancellationToken cancellationToken = default);
}

public sealed class ListCasesHandler(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    TimeProvider clock,
    IOptions<CaseProcessOptions> options,
    IIdentityCodeHasher identityCodes,
    IUserDirectory users,
    IAccessLog accessLog,
    IValidator<ListCasesQuery> validator) : IListCasesHandler
{
    public async Task<Result<Page<CaseRow>>> HandleAsync(ListCasesQuery query, CancellationToken cancellationToken = default)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<Page<CaseRow>>.Failure(valid.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Its queries (and the access log's save) on one connection: the tenant setting is sent once, not per query.
        await db.KeepConnectionOpenAsync(cancellationToken);
        var today = clock.Today();
        var nearDays = options.Value.NearDeadlineWorkingDays;
        var cases = db.Cases.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            cases = PersonalIdentityCode.Parse(search).TryGetValue(out var code)
                ? cases.WithIdentityCode(identityCodes.Hash(code))
                : cases.WithClientNameContaining(db, search);
        }

        // The district's own referrals, stated explicitly: the tenant filter's OR (sender, receiver, forwarded to) would
        // keep PostgreSQL from the tenant-first index (sender_organisation_id, …).
        var sent = SentBy(db.Referrals, user.OrganisationId);
        var overdue = sent.Where(ReferralPredicates.Overdue(today));
        cases = Order(Matching(cases, sent, query.Filter, today), sent, query.Filter);

        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .Select(c => new
            {
                Row = new CaseRow(
                    c.Id,
                    c.ClientName,
                    c.IdentityCode,
                    c.HomeMunicipalityCode,
                    c.OpenedAt,
                    c.Stage,
                    c.Queue,
                    c.QueuedAt,
                    c.HandlerName,
                    c.DecisionDueOn,
                    sent.Where(r => r.CaseId == c.Id).OrderByDescending(r => r.SentAt).Select(r => (ReferralStatus?)r.Status).FirstOrDefault())
                {
                    OpenedByUserId = c.OpenedByUserId,
                },
                ReferralOverdue = overdue.Any(r => r.CaseId == c.Id),
            })
            .ToListAsync(cancellationToken);

        accessLog.Listed(db, AccessRecordType.Case, rows.Select(r => (r.Row.Id, r.Row.IdentityCode)));
        await db.SaveChangesAsync(cancellationToken);

        var openers = await users.NamesAsync(
            rows.Where(r => ClientCase.IsHeldByOpener(r.Row.Stage)).Select(r => r.Row.OpenedByUserId).Distinct().ToList(), cancellationToken);
        return new Page<CaseRow>(
            rows.Select(r => r.Row with
            {
                Deadline = DeadlineOf(r.Row.Stage, r.Row.DecisionDueOn, today, nearDays),
                ReferralOverdue = r.ReferralOverdue,
                HeldBy = ClientCase.IsHeldByOpener(r.Row.Stage) ? openers.GetValueOrDefault(r.Row.OpenedByUserId) : r.Row.HandlerName,
            }).ToList(),
            total);
    }

    public async Task<WorkspaceCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Its queries (and the access log's save) on one connection: the tenant setting is sent once, not per query.
        await db.KeepConnectionOpenAsync(cancellationToken);
        var today = clock.Today();
        var sent = SentBy(db.Referrals, user.OrganisationId);
        Task<int> Count(CaseListFilter filter) => Matching(db.Cases.AsNoTracking(), sent, filter, today).CountAsync(cancellationToken);

        // One context runs one query at a time: count the lists in turn.
        var mine = await Count(CaseListFilter.Mine);
        var urgent = await Count(CaseListFilter.UrgentQueue);
        var normal = await Count(CaseListFilter.NormalQueue);
        var near = await Count(CaseListFilter.NearDeadline);
        var awaiting = await Count(CaseListFilter.AwaitingFeedback);
        return new WorkspaceCounts(mine, urgent, normal, near, awaiting);
    }

    /// <summary>Which cases a list holds; the tenant filter has already limited them to the district.</summary>
    private IQueryable<ClientCase> Matching(IQueryable<ClientCase> cases, IQueryable<Referral> referrals, CaseListFilter filter, DateOnly today)
    {
        var me = user.UserId;
        var nearLimit = FinnishCalendar.AddWorkingDays(today, options.Value.NearDeadlineWorkingDays);
        var awaitingFeedback = referrals.Where(
            ReferralPredicates.AwaitingFeedback(FinnishTime.StartOf(WorkingDaysBefore(today, options.Value.FeedbackExpectedWorkingDays))));
        return filter switch
        {
            CaseListFilter.All => cases,
            CaseListFilter.Mine => cases.Where(c => (c.HandlerUserId == me && c.Stage == CaseStage.Processing)
                || (c.OpenedByUserId == me && (c.Stage == CaseStage.Guidance || c.Stage == CaseStage.Application))),
            CaseListFilter.UrgentQueue => cases.Where(c => c.Stage == CaseStage.Processing && c.Queue == ProcessingQueue.Urgent && c.HandlerUserId == null),
            CaseListFilter.NormalQueue => cases.Where(c => c.Stage == CaseStage.Processing && c.Queue == ProcessingQueue.Normal && c.HandlerUserId == null),
            CaseListFilter.NearDeadline => cases.Where(c => (c.Stage == CaseStage.Application || c.Stage == CaseStage.Processing)
                && c.DecisionDueOn != null && c.DecisionDueOn <= nearLimit),
            CaseListFilter.AwaitingFeedback => cases.Where(c => awaitingFeedback.Any(r => r.CaseId == c.Id)),
        };
    }

    private static IQueryable<Referral> SentBy(IQueryable<Referral> referrals, Guid district) =>
        referrals.Where(r => r.SenderOrganisationId == district);

    /// <summary>The day <paramref name="workingDays"/> working days before <paramref name="day"/>.</summary>
    private static DateOnly WorkingDaysBefore(DateOnly day, int workingDays)
    {
        var result = day;
        for (var counted = 0; counted < workingDays;)
        {
            result = result.AddDays(-1);
            counted += FinnishCalendar.IsWorkingDay(result) ? 1 : 0;
        }

        return result;
    }

    /// <summary>The order each list is worked in: queues by arrival or deadline, everything else newest first.</summary>
    private static IQueryable<ClientCase> Order(IQueryable<ClientCase> cases, IQueryable<Referral> referrals, CaseListFilter filter)
    {
        var open = referrals.Where(ReferralPredicates.Open);
        return filter switch
        {
            CaseListFilter.All => cases.OrderByDescending(c => c.OpenedAt),
            CaseListFilter.Mine => cases.OrderBy(c => c.DecisionDueOn == null).ThenBy(c => c.DecisionDueOn).ThenByDescending(c => c.OpenedAt),
            CaseListFilter.UrgentQueue => cases.OrderBy(c => c.QueuedAt),
            CaseListFilter.NormalQueue => cases.OrderBy(c => c.DecisionDueOn == null).ThenBy(c => c.DecisionDueOn).ThenBy(c => c.QueuedAt),
            CaseListFilter.NearDeadline => cases.OrderBy(c => c.DecisionDueOn),
            CaseListFilter.AwaitingFeedback => cases.OrderBy(c => open.Where(r => r.CaseId == c.Id).Min(r => r.SentAt)),
        };
    }

    /// <summary>Only an undecided case can be near or past its deadline.</summary>
    public static DeadlineState? DeadlineOf(CaseStage stage, DateOnly? dueOn, DateOnly today, int nearDays) =>
        dueOn is { } due && stage is CaseStage.Application or CaseStage.Processing
            ? DecisionDeadline.Assess(due, today, nearDays)
            : null;
}
