using CooperationModel.Application.Common;
using CooperationModel.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Notifications.CountUnread;

/// <summary>
/// The counts in the menu: unread notifications, and unread messages on the referrals the user works (null for roles
/// that write no messages).
/// </summary>
public sealed record UnreadCounts(int Notifications, int? Messages)
{
    /// <summary>For a Kela handler, the referral whose thread holds the oldest unread message: where the icon leads.</summary>
    public Guid? OldestUnreadReferralId { get; init; }
}

public interface ICountUnreadHandler
{
    Task<UnreadCounts> HandleAsync(CancellationToken cancellationToken = default);
}

public sealed class CountUnreadHandler(IAppDbContextFactory dbFactory, ICurrentUser user) : ICountUnreadHandler
{
    public async Task<UnreadCounts> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            return new UnreadCounts(0, null);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var notifications = await db.Notifications.AddressedTo(user).CountAsync(n => n.ReadAt == null, cancellationToken);
        if (user.Role == UserRole.KelaHandler)
        {
            var unread = UnreadOnSentReferrals(db);
            var count = await unread.CountAsync(cancellationToken);
            var oldest = count == 0
                ? null
                : await unread.OrderBy(m => m.SentAt).Select(m => (Guid?)m.ReferralId).FirstOrDefaultAsync(cancellationToken);
            return new UnreadCounts(notifications, count) { OldestUnreadReferralId = oldest };
        }

        var messages = user.Role is { } role && role.Receives() ? await UnreadOnWorkedReferralsAsync(db, cancellationToken) : (int?)null;
        return new UnreadCounts(notifications, messages);
    }

    /// <summary>
    /// Messages to the organisation on referrals (or forwards to it) whose named worker is the user or nobody yet:
    /// what is waiting for this worker, not for a colleague.
    /// </summary>
    private async Task<int> UnreadOnWorkedReferralsAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = user.OrganisationId;
        var me = user.UserId;
        return await db.Messages
            .Where(m => m.ToOrganisationId == organisationId && m.ReadAt == null)
            .Where(m => db.Referrals.Any(r => r.Id == m.ReferralId
                && ((r.ReceiverOrganisationId == organisationId && (r.NamedWorkerUserId == null || r.NamedWorkerUserId == me))
                    || r.Forwards.Any(f => f.ToOrganisationId == organisationId && (f.NamedWorkerUserId == null || f.NamedWorkerUserId == me)))))
            .CountAsync(cancellationToken);
    }

    /// <summary>Messages to the district on the referrals this handler sent.</summary>
    private IQueryable<Domain.Messages.ReferralMessage> UnreadOnSentReferrals(IAppDbContext db)
    {
        var organisationId = user.OrganisationId;
        var me = user.UserId;
        return db.Messages
            .Where(m => m.ToOrganisationId == organisationId && m.ReadAt == null)
            .Where(m => db.Referrals.Any(r => r.Id == m.ReferralId && r.SentByUserId == me));
    }
}
