using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.ListInbox;

/// <summary>How the inbox is ordered.</summary>
public enum InboxOrder
{
    NewestFirst = 1,
    OldestFirst = 2,
    ClientName = 3,
    Status = 4,
}

/// <summary>The referrals the user's organisation has received, filtered and ordered on the server.</summary>
public sealed record ListInboxQuery(
    string? Search,
    ReferralStatus? Status,
    PageRequest Page,
    ReferralGround? Ground = null,
    string? MunicipalityCode = null,
    bool OnlyMine = false,
    InboxOrder Order = InboxOrder.NewestFirst);

public sealed record InboxRow(
    Guid Id,
    string ClientName,
    PersonalIdentityCode ClientIdentityCode,
    string HomeMunicipalityCode,
    ReferralGround Ground,
    bool ConsentGiven,
    ReferralStatus Status,
    DateTimeOffset SentAt,
    string? NamedWorkerName);

public interface IListInboxHandler
{
    Task<Page<InboxRow>> HandleAsync(ListInboxQuery query, CancellationToken cancellationToken = default);
}

public sealed class ListInboxHandler(IAppDbContextFactory dbFactory, ICurrentUser user) : IListInboxHandler
{
    public async Task<Page<InboxRow>> HandleAsync(ListInboxQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var referrals = db.Referrals.AsNoTracking().Where(r => r.ReceiverOrganisationId == user.OrganisationId);

        if (query.Status is { } status)
        {
            referrals = referrals.Where(r => r.Status == status);
        }

        if (query.Ground is { } ground)
        {
            referrals = referrals.Where(r => r.Ground == ground);
        }

        if (!string.IsNullOrEmpty(query.MunicipalityCode))
        {
            referrals = referrals.Where(r => r.HomeMunicipalityCode == query.MunicipalityCode);
        }

        if (query.OnlyMine)
        {
            var me = user.UserId;
            referrals = referrals.Where(r => r.NamedWorkerUserId == me);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            referrals = PersonalIdentityCode.Parse(search).TryGetValue(out var code)
                ? referrals.Where(r => r.ClientIdentityCode == code)
                : referrals.Where(r => r.ClientName.ToLower().Contains(search.ToLowerInvariant()));
        }

        var total = await referrals.CountAsync(cancellationToken);
        referrals = query.Order switch
        {
            InboxOrder.NewestFirst => referrals.OrderByDescending(r => r.SentAt),
            InboxOrder.OldestFirst => referrals.OrderBy(r => r.SentAt),
            InboxOrder.ClientName => referrals.OrderBy(r => r.ClientName).ThenByDescending(r => r.SentAt),
            // The status is stored by name: order by its place in the loop, not alphabetically.
            InboxOrder.Status => referrals
                .OrderBy(r => r.Status == ReferralStatus.Sent ? 1
                    : r.Status == ReferralStatus.Received ? 2
                    : r.Status == ReferralStatus.Accepted ? 3
                    : r.Status == ReferralStatus.InAssessment ? 4
                    : r.Status == ReferralStatus.Completed ? 5
                    : 6)
                .ThenByDescending(r => r.SentAt),
        };

        var rows = await referrals
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .Select(r => new InboxRow(
                r.Id, r.ClientName, r.ClientIdentityCode, r.HomeMunicipalityCode, r.Ground, r.ConsentGiven,
                r.Status, r.SentAt, r.NamedWorkerName))
            .ToListAsync(cancellationToken);

        return new Page<InboxRow>(rows, total);
    }
}
