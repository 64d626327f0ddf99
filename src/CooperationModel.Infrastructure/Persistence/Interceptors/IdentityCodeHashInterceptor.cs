using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperationModel.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Keeps the keyed hash beside every encrypted identity code (<see cref="IdentityCodeLookup"/>): set when a case or
/// a referral is added, or when its code changes.
/// </summary>
public sealed class IdentityCodeHashInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SetHashes(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SetHashes(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void SetHashes(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            (string Property, PersonalIdentityCode Code)? identity = entry.Entity switch
            {
                ClientCase clientCase => (nameof(ClientCase.IdentityCode), clientCase.IdentityCode),
                Referral referral => (nameof(Referral.ClientIdentityCode), referral.ClientIdentityCode),
                _ => null,
            };
            if (identity is not var (codeProperty, code))
            {
                continue;
            }

            var hash = entry.Property(IdentityCodeLookup.HashProperty);
            if (entry.State == EntityState.Added || entry.Property(codeProperty).IsModified || string.IsNullOrEmpty(hash.CurrentValue as string))
            {
                hash.CurrentValue = db.Protector.Hash(code);
            }
        }
    }
}
