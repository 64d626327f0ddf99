using CooperationModel.Application.Common;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Referrals;

public static class Deadlines
{
    /// <summary>A receiving organiser's deadlines: its own settings over the defaults.</summary>
    public static async Task<ReferralDeadlinePolicy> DeadlinePolicyOfAsync(
        this IAppDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        new(await db.DeadlineSettings.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync(cancellationToken));
}
