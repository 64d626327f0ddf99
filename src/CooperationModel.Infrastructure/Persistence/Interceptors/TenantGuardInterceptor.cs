using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperationModel.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The second lock of tenant isolation: refuses to save client data of an organisation other than the
/// current user's. A bug that got past the use case's checks fails here instead of writing across tenants.
/// </summary>
public sealed class TenantGuardInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var organisationId = db.User.OrganisationId;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var allowed = entry.Entity switch
            {
                // Feedback is sent by its organisation and triaged by the national coordination; nobody else writes it.
                ModelFeedback feedback when entry.State == EntityState.Added => feedback.OrganisationId == organisationId && organisationId != Guid.Empty,
                ModelFeedback feedback => feedback.CoordinationOrganisationId == organisationId,
                ITenantOwned owned => owned.OrganisationId == organisationId && organisationId != Guid.Empty,
                Referral referral when entry.State == EntityState.Added => referral.SenderOrganisationId == organisationId,
                // A receiver that re-routes a referral hands it on: it was the receiver when it loaded the row.
                Referral referral => referral.SenderOrganisationId == organisationId
                    || referral.ReceiverOrganisationId == organisationId
                    || entry.Property(nameof(Referral.ReceiverOrganisationId)).OriginalValue as Guid? == organisationId,
                ReferralForward forward => forward.FromOrganisationId == organisationId || forward.ToOrganisationId == organisationId,
                ReferralMessage message when entry.State == EntityState.Added => message.FromOrganisationId == organisationId,
                // Only the reading organisation sets the read marker.
                ReferralMessage message => message.ToOrganisationId == organisationId,
                Disclosure disclosure => entry.State == EntityState.Added && disclosure.FromOrganisationId == organisationId,
                _ => true,
            };

            if (!allowed)
            {
                throw new InvalidOperationException(
                    $"Refused to save a {entry.Metadata.ClrType.Name} of another organisation than the current user's.");
            }
        }
    }
}
