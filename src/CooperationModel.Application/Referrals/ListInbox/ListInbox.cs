using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.ListInbox;

/// <summary>The referrals the user's organisation has received, newest first.</summary>
public sealed record ListInboxQuery(string? Search, ReferralStatus? Status, PageRequest Page);

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

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            referrals = PersonalIdentityCode.Parse(search).TryGetValue(out var code)
                ? referrals.Where(r => r.ClientIdentityCode == code)
                : referrals.Where(r => r.ClientName.ToLower().Contains(search.ToLowerInvariant()));
        }

        var total = await referrals.CountAsync(cancellationToken);
        var rows = await referrals
            .OrderByDescending(r => r.SentAt)
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .Select(r => new InboxRow(
                r.Id, r.ClientName, r.ClientIdentityCode, r.HomeMunicipalityCode, r.Ground, r.ConsentGiven,
                r.Status, r.SentAt, r.NamedWorkerName))
            .ToListAsync(cancellationToken);

        return new Page<InboxRow>(rows, total);
    }
}
