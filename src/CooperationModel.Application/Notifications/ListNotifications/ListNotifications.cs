using CooperationModel.Application.Common;
using CooperationModel.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Notifications.ListNotifications;

/// <summary>One notification as its list shows it: what happened, when, and which referral. No personal data.</summary>
public sealed record NotificationRow(Guid Id, NotificationKind Kind, Guid? ReferralId, Guid? ModelFeedbackId, DateTimeOffset CreatedAt, bool Read);

public interface IListNotificationsHandler
{
    Task<Page<NotificationRow>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default);
}

/// <summary>The signed-in user's notifications, newest first, one page at a time.</summary>
public sealed class ListNotificationsHandler(IAppDbContextFactory dbFactory, ICurrentUser user) : IListNotificationsHandler
{
    public async Task<Page<NotificationRow>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            return new Page<NotificationRow>([], 0);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var mine = db.Notifications.AddressedTo(user);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.ReferralId, n.ModelFeedbackId, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new Page<NotificationRow>(items, total);
    }
}
