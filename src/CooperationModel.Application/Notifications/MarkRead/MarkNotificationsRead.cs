using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Notifications.MarkRead;

public interface IMarkNotificationsReadHandler
{
    /// <summary>The user opened one notification. Reading it again changes nothing.</summary>
    Task<Result> MarkReadAsync(Guid notificationId, CancellationToken cancellationToken = default);

    /// <summary>Marks every unread notification of the user read; returns how many there were.</summary>
    Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Marks notifications read. A shared notification of the organisation (a new referral) is read for all of it once
/// someone opened it: it points to the shared inbox, where the referral itself shows whether anyone took it.
/// </summary>
public sealed class MarkNotificationsReadHandler(
    IAppDbContextFactory dbFactory, ICurrentUser user, IChangeFeed changes, TimeProvider clock) : IMarkNotificationsReadHandler
{
    public static NotFoundError NotFound => new("Notification.NotFound");

    public async Task<Result> MarkReadAsync(Guid notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var notification = await db.Notifications.AddressedTo(user).SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken);
        if (notification is null)
        {
            return NotFound;
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            return 0;
        }

        // One statement however many there are; a bulk update passes no save, so it signals the change itself.
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var marked = await db.Notifications
            .AddressedTo(user)
            .Where(n => n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (marked > 0)
        {
            await changes.PublishAsync(user.OrganisationId, cancellationToken);
        }

        return marked;
    }
}
