using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.GetReferral;
using CooperationModel.Domain.Common;
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
    /// The referral loaded for work, one domain method, one save: the new steps, the changed rows and the disclosures the
    /// step recorded go in together; someone else's change first is a conflict to show.
    /// </summary>
    public static async Task<Result> ChangeReferralAsync(
        this IAppDbContextFactory dbFactory, Guid referralId, Func<Referral, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.FindForWorkAsync(referralId, cancellationToken) is not { } referral)
        {
            return GetReferralHandler.NotFound;
        }

        var result = change(referral);
        if (!result.IsSuccess)
        {
            return result;
        }

        var saved = await db.SaveOrConflictAsync(cancellationToken);
        return saved.IsSuccess ? Result.Success() : saved;
    }
}
