using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals;

/// <summary>How a use case works on one referral, the same way everywhere.</summary>
public static class ReferralWork
{
    /// <summary>
    /// A referral to work on, within the tenant, with its steps (a new step is numbered after them) and its forwarding
    /// chain (the rules on partners, threads and re-routing read it). Null when it does not exist or cannot be seen.
    /// </summary>
    public static Task<Referral?> FindForWorkAsync(this IAppDbContext db, Guid referralId, CancellationToken cancellationToken) =>
        db.Referrals.Include(r => r.Events).Include(r => r.Forwards).SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);

    /// <summary>
    /// Runs one change on a referral loaded for work and adds to the save the notifications that the steps it added
    /// cause, as <see cref="ReferralNotifications"/> decides. Every use case that adds steps to an existing referral
    /// changes it through here (most through <see cref="ChangeReferralAsync"/>); a failed change adds no step, so no
    /// notification.
    /// </summary>
    public static T ChangeNotifying<T>(this IAppDbContext db, Referral referral, Func<Referral, T> change)
    {
        var stepsBefore = referral.Events.Count;
        var result = change(referral);
        db.Notifications.AddRange(ReferralNotifications.OfSteps(referral, referral.Events.Skip(stepsBefore)));
        return result;
    }

    /// <summary>
    /// The referral loaded for work, one domain method, one save: the new steps, the changed rows, the disclosures the
    /// step recorded and the notifications its steps cause go in together; someone else's change first is a conflict to
    /// show.
    /// </summary>
    public static async Task<Result> ChangeReferralAsync(
        this IAppDbContextFactory dbFactory, Guid referralId, Func<Referral, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.FindForWorkAsync(referralId, cancellationToken) is not { } referral)
        {
            return GetReferralHandler.NotFound;
        }

        var result = db.ChangeNotifying(referral, change);
        if (!result.IsSuccess)
        {
            return result;
        }

        var saved = await db.SaveOrConflictAsync(cancellationToken);
        return saved.IsSuccess ? Result.Success() : saved;
    }
}
