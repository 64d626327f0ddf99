using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals.AcceptReferral;

public interface IAcceptReferralHandler
{
    Task<Result> HandleAsync(Guid referralId, CancellationToken cancellationToken = default);
}

/// <summary>A social worker of the receiving organisation acknowledges a referral and becomes its named worker.</summary>
public sealed class AcceptReferralHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock) : IAcceptReferralHandler
{
    public async Task<Result> HandleAsync(Guid referralId, CancellationToken cancellationToken = default)
    {
        if (user.Role?.WorksReferrals() != true)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var referral = await db.FindForWorkAsync(referralId, cancellationToken);
        if (referral is null)
        {
            return GetReferral.GetReferralHandler.NotFound;
        }

        var accepted = db.ChangeNotifying(referral, r => r.Accept(user.ToActor(), clock.GetUtcNow()));
        if (!accepted.IsSuccess)
        {
            return accepted;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two workers accepted at once: the row's version changed under us, so the other one won.
            return Referral.Errors.AlreadyAccepted;
        }

        return Result.Success();
    }
}
