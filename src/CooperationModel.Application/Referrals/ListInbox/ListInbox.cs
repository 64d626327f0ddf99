using CooperationModel.Application.AccessLog;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using FluentValidation;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.ListInbox;

/// <summary>How the inbox is ordered.</summary>
public enum InboxOrder
{
    NewestFirst = 1,
    OldestFirst = 2,
    ClientName = 3,
    Status = 4,
    /// <summary>The earliest deadline to accept first; referrals without one last.</summary>
    RespondBy = 5,
}

/// <summary>
/// The referrals the user's organisation has received, filtered and ordered on the server. <see cref="Overdue"/>:
/// true for only those waiting past their deadline, false for only the others, null for both.
/// </summary>
public sealed record ListInboxQuery(
    string? Search,
    ReferralStatus? Status,
    PageRequest Page,
    ReferralGround? Ground = null,
    string? MunicipalityCode = null,
    bool OnlyMine = false,
    InboxOrder Order = InboxOrder.NewestFirst,
    bool? Overdue = null)
{
    /// <summary>
    /// The referrals of the page the user already sees, when it is shown again after a change: they are not logged again,
    /// only rows the refresh brings in are (<see cref="IAccessLog.Listed"/>).
    /// </summary>
    public IReadOnlySet<Guid>? AlreadyShown { get; init; }
}

/// <summary>
/// One referral of the inbox. For a partner (health care, outreach youth work) the status, time and named worker are
/// those of the forward to it, and <see cref="ForwardTarget"/> is set.
/// </summary>
public sealed record InboxRow(
    Guid Id,
    string ClientName,
    PersonalIdentityCode ClientIdentityCode,
    string HomeMunicipalityCode,
    ReferralGround Ground,
    bool ConsentGiven,
    ReferralStatus Status,
    DateTimeOffset SentAt,
    string? NamedWorkerName)
{
    /// <summary>An urgent application transfer.</summary>
    public bool Urgent { get; init; }

    /// <summary>The receiver's deadline to accept it; none on a partner's row.</summary>
    public DateOnly? RespondBy { get; init; }

    /// <summary>Waiting to be accepted past <see cref="RespondBy"/> (<see cref="ReferralPredicates.Overdue"/>, in the query).</summary>
    public bool IsOverdue { get; init; }

    public ForwardTarget? ForwardTarget { get; init; }
}

public interface IListInboxHandler
{
    /// <summary>One page of the inbox; a search or page that breaks <see cref="ListRules"/> is a validation error.</summary>
    Task<Result<Page<InboxRow>>> HandleAsync(ListInboxQuery query, CancellationToken cancellationToken = default);
}

public sealed class ListInboxHandler(
    IAppDbContextFactory dbFactory,
    ICurrentUser user,
    TimeProvider clock,
    IIdentityCodeHasher identityCodes,
    IAccessLog accessLog,
    IValidator<ListInboxQuery> validator) : IListInboxHandler
{
    /// <summary>The organisations whose inbox holds what social services forwarded to them.</summary>
    public static bool IsPartner(OrganisationKind kind) => kind is OrganisationKind.HealthCare or OrganisationKind.OutreachYouthWork;

    /// <summary>
    /// The states an inbox can be filtered by: a partner's rows are its forwards, which have no assessment state
    /// (<see cref="ForwardStatus"/>, shown under the referral's names).
    /// </summary>
    public static IReadOnlyList<ReferralStatus> StatusesFor(OrganisationKind kind) => IsPartner(kind)
        ? [.. Enum.GetValues<ForwardStatus>().Select(ReferralLifecycle.AsReferralStatus)]
        : Enum.GetValues<ReferralStatus>();

    /// <summary>Whether the inbox's rows have a deadline (to order by and to be overdue): a forward has none of its own.</summary>
    public static bool HasDeadlines(OrganisationKind kind) => !IsPartner(kind);

    /// <summary>The orders an inbox offers: by deadline only where its rows have one.</summary>
    public static IReadOnlyList<InboxOrder> OrdersFor(OrganisationKind kind) =>
        [.. Enum.GetValues<InboxOrder>().Where(order => HasDeadlines(kind) || order != InboxOrder.RespondBy)];

    public async Task<Result<Page<InboxRow>>> HandleAsync(ListInboxQuery query, CancellationToken cancellationToken = default)
    {
        var valid = await validator.CheckAsync(query, cancellationToken);
        if (!valid.IsSuccess)
        {
            return Result<Page<InboxRow>>.Failure(valid.Errors);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Its queries (and the access log's save) on one connection: the tenant setting is sent once, not per query.
        await db.KeepConnectionOpenAsync(cancellationToken);
        var today = clock.Today();
        var page = IsPartner(user.OrganisationKind)
            ? await ForwardedAsync(db, query, cancellationToken)
            : await ReceivedAsync(db, query, today, cancellationToken);

        // Each client shown is a use of their data: one entry per row of the page, in one insert.
        accessLog.Listed(
            db,
            AccessRecordType.Referral,
            page.Items.Where(r => query.AlreadyShown?.Contains(r.Id) != true).Select(r => (r.Id, r.ClientIdentityCode)));
        await db.SaveChangesAsync(cancellationToken);
        return page;
    }

    /// <summary>Social services: the referrals it receives (index: receiver, status, respond by).</summary>
    private async Task<Page<InboxRow>> ReceivedAsync(IAppDbContext db, ListInboxQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        var referrals = Matching(
            db.Referrals.AsNoTracking().Where(r => r.ReceiverOrganisationId == user.OrganisationId),
            query,
            (received, part) => received.WithClientNameContaining(db, part));

        if (query.Status is { } status)
        {
            referrals = referrals.Where(r => r.Status == status);
        }

        if (query.OnlyMine)
        {
            var me = user.UserId;
            referrals = referrals.Where(r => r.NamedWorkerUserId == me);
        }

        var isOverdue = ReferralPredicates.Overdue(today);
        if (query.Overdue is { } overdue)
        {
            referrals = overdue ? referrals.Where(isOverdue) : referrals.AsExpandable().Where(r => !isOverdue.Invoke(r));
        }

        var total = await referrals.CountAsync(cancellationToken);
        referrals = query.Order switch
        {
            InboxOrder.NewestFirst => referrals.OrderByDescending(r => r.SentAt),
            InboxOrder.OldestFirst => referrals.OrderBy(r => r.SentAt),
            InboxOrder.ClientName => referrals.OrderBy(r => r.ClientName).ThenByDescending(r => r.SentAt),
            // The status is stored by name: order by its place in the loop, not alphabetically.
            InboxOrder.Status => referrals.OrderBy(r => r.Status == ReferralStatus.Sent ? 1
                    : r.Status == ReferralStatus.Received ? 2
                    : r.Status == ReferralStatus.Accepted ? 3
                    : r.Status == ReferralStatus.InAssessment ? 4
                    : r.Status == ReferralStatus.Completed ? 5
                    : 6)
                .ThenByDescending(r => r.SentAt),
            InboxOrder.RespondBy => referrals.OrderBy(r => r.RespondBy == null).ThenBy(r => r.RespondBy).ThenBy(r => r.SentAt),
        };

        var rows = await referrals
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .AsExpandable()
            .Select(r => new
            {
                r.Id, r.ClientName, r.ClientIdentityCode, r.HomeMunicipalityCode, r.Ground, r.ConsentGiven,
                r.Status, r.SentAt, r.NamedWorkerName, r.Urgent, r.RespondBy, IsOverdue = isOverdue.Invoke(r),
            })
            .ToListAsync(cancellationToken);

        return new Page<InboxRow>(
            rows.Select(r => new InboxRow(
                r.Id, r.ClientName, r.ClientIdentityCode, r.HomeMunicipalityCode, r.Ground, r.ConsentGiven, r.Status, r.SentAt, r.NamedWorkerName)
            {
                Urgent = r.Urgent,
                RespondBy = r.RespondBy,
                IsOverdue = r.IsOverdue,
            }).ToList(),
            total);
    }

    /// <summary>
    /// A partner: the referrals social services forwarded to it, each with the latest forward to it (its status and
    /// named worker). Starts from the forwards to the partner (index: to organisation, forwarded at / referral);
    /// the referral's tenant filter lets the partner read each one only because it was forwarded there.
    /// </summary>
    private async Task<Page<InboxRow>> ForwardedAsync(IAppDbContext db, ListInboxQuery query, CancellationToken cancellationToken)
    {
        var us = user.OrganisationId;
        var forwards = db.ReferralForwards.AsNoTracking()
            .Where(f => f.ToOrganisationId == us
                && !db.ReferralForwards.Any(later => later.ToOrganisationId == us && later.ReferralId == f.ReferralId && later.ForwardedAt > f.ForwardedAt));
        // A partner's forwards are few: their names are compared row by row.
        var referrals = Matching(db.Referrals.AsNoTracking(), query, (forwarded, part) => forwarded.FilterByClientName(part));
        var rows = forwards.Join(referrals, f => f.ReferralId, r => r.Id, (f, r) => new { Forward = f, Referral = r });

        // A forward has the referral's states without the assessment: asking for that state finds none.
        if (query.Status is { } status)
        {
            rows = ReferralLifecycle.AsForwardStatus(status) is { } forwardStatus
                ? rows.Where(x => x.Forward.Status == forwardStatus)
                : rows.Where(x => false);
        }

        if (query.OnlyMine)
        {
            var me = user.UserId;
            rows = rows.Where(x => x.Forward.NamedWorkerUserId == me);
        }

        // A forward has no deadline of its own: nothing of a partner's is overdue.
        if (query.Overdue == true)
        {
            rows = rows.Where(x => false);
        }

        var total = await rows.CountAsync(cancellationToken);
        rows = query.Order switch
        {
            InboxOrder.NewestFirst => rows.OrderByDescending(x => x.Forward.ForwardedAt),
            InboxOrder.OldestFirst or InboxOrder.RespondBy => rows.OrderBy(x => x.Forward.ForwardedAt),
            InboxOrder.ClientName => rows.OrderBy(x => x.Referral.ClientName).ThenByDescending(x => x.Forward.ForwardedAt),
            InboxOrder.Status => rows.OrderBy(x => x.Forward.Status == ForwardStatus.Sent ? 1
                    : x.Forward.Status == ForwardStatus.Received ? 2
                    : x.Forward.Status == ForwardStatus.Accepted ? 3
                    : x.Forward.Status == ForwardStatus.Completed ? 5
                    : 6)
                .ThenByDescending(x => x.Forward.ForwardedAt),
        };

        var page = await rows
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .Select(x => new
            {
                x.Referral.Id, x.Referral.ClientName, x.Referral.ClientIdentityCode, x.Referral.HomeMunicipalityCode, x.Referral.Ground,
                x.Referral.ConsentGiven, x.Referral.Urgent, x.Forward.Status, x.Forward.ForwardedAt, x.Forward.NamedWorkerName, x.Forward.Target,
            })
            .ToListAsync(cancellationToken);

        return new Page<InboxRow>(
            page.Select(r => new InboxRow(
                r.Id, r.ClientName, r.ClientIdentityCode, r.HomeMunicipalityCode, r.Ground, r.ConsentGiven,
                ReferralLifecycle.AsReferralStatus(r.Status), r.ForwardedAt, r.NamedWorkerName)
            {
                Urgent = r.Urgent,
                ForwardTarget = r.Target,
            }).ToList(),
            total);
    }

    /// <summary>The filters on the referral itself, the same for social services and the partners (each with its name search).</summary>
    private IQueryable<Referral> Matching(
        IQueryable<Referral> referrals, ListInboxQuery query, Func<IQueryable<Referral>, string, IQueryable<Referral>> named)
    {
        if (query.Ground is { } ground)
        {
            referrals = referrals.Where(r => r.Ground == ground);
        }

        if (!string.IsNullOrEmpty(query.MunicipalityCode))
        {
            referrals = referrals.Where(r => r.HomeMunicipalityCode == query.MunicipalityCode);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            referrals = PersonalIdentityCode.Parse(search).TryGetValue(out var code)
                ? referrals.WithIdentityCode(identityCodes.Hash(code))
                : named(referrals, search);
        }

        return referrals;
    }
}
