using CooperationModel.Application.Common;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Application.Notifications;

public static class NotificationAudience
{
    /// <summary>
    /// The notifications a user reads: their own, and their organisation's shared ones (a new referral in the inbox)
    /// when their role works referrals. The tenant filter already keeps them to the user's organisation.
    /// </summary>
    public static IQueryable<Notification> AddressedTo(this IQueryable<Notification> notifications, ICurrentUser user)
    {
        var me = user.UserId;
        var sharesInbox = user.Role is { } role && role.Receives();
        return notifications.Where(n => n.UserId == me || (sharesInbox && n.UserId == null));
    }
}
