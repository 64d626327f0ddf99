using CooperationModel.Application.AccessLog;
using CooperationModel.Application.Common;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperationModel.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Logs creations and changes of client data in the use log, in the same transaction as the save: one entry per
/// record per save (a case with its new steps is one entry, not one per step). Runs after
/// <see cref="IdentityCodeHashInterceptor"/>, so the client key (the identity code hash) of a new case or referral is
/// already set. Only a signed-in user's saves are logged here; a system job writes its own entries. A change to a record
/// the handler logged a view of in this save (opening a referral marks it received) is not logged twice.
/// </summary>
public sealed class AccessLogInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext { User.IsAuthenticated: true } db && Touched(db) is { Count: > 0 } touched)
        {
            var keys = await ClientKeysAsync(db, touched, cancellationToken);
            Write(db, touched, keys);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext { User.IsAuthenticated: true } db && Touched(db) is { Count: > 0 } touched)
        {
            var keys = ClientKeysAsync(db, touched, CancellationToken.None).GetAwaiter().GetResult();
            Write(db, touched, keys);
        }

        return base.SavingChanges(eventData, result);
    }

    /// <summary>One record the save creates or changes; the client is found through its case or its referral.</summary>
    private sealed record Touch(AccessRecordType Type, Guid Id, string? Section, AccessAction Action, Guid? CaseId, Guid? ReferralId, Guid? MessageId);

    private static List<Touch> Touched(AppDbContext db)
    {
        var touches = new Dictionary<(AccessRecordType, Guid, string?), Touch>();
        // The records a handler logged a view of in this save: opening them marks them received or read, a change that
        // the view already stands for. A creation is always logged.
        var viewed = db.ChangeTracker.Entries<AccessLogEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Action == AccessAction.View
                && e.Entity.Result == AccessResult.Allowed && e.Entity.RecordId is not null)
            .Select(e => (e.Entity.RecordType, e.Entity.RecordId!.Value))
            .ToHashSet();

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var action = entry.State == EntityState.Added ? AccessAction.Create : AccessAction.Change;
            Touch? touch = entry.Entity switch
            {
                ClientCase c => new(AccessRecordType.Case, c.Id, null, action, c.Id, null, null),
                // A new step or guidance contact changes its case.
                CaseEvent e => new(AccessRecordType.Case, e.CaseId, null, AccessAction.Change, e.CaseId, null, null),
                GuidanceContact g => new(AccessRecordType.Case, g.CaseId, null, AccessAction.Change, g.CaseId, null, null),
                Referral r => new(AccessRecordType.Referral, r.Id, null, action, null, r.Id, null),
                ReferralEvent e => new(AccessRecordType.Referral, e.ReferralId, null, AccessAction.Change, null, e.ReferralId, null),
                ReferralForward f => new(AccessRecordType.Referral, f.ReferralId, AccessSections.Forward, action, null, f.ReferralId, null),
                ReferralMessage m => new(AccessRecordType.Message, m.Id, AccessSections.Messages, action, null, m.ReferralId, null),
                MessageAttachment a => new(AccessRecordType.Attachment, a.Id, null, action, null, null, a.MessageId),
                _ => null,
            };
            if (touch is null
                || (touch.Action == AccessAction.Change
                    && (viewed.Contains((touch.Type, touch.Id))
                        || (touch.ReferralId is { } referralId && viewed.Contains((AccessRecordType.Referral, referralId)))
                        || (touch.CaseId is { } caseId && viewed.Contains((AccessRecordType.Case, caseId))))))
            {
                continue;
            }

            var key = (touch.Type, touch.Id, touch.Section);
            // The record itself created wins over a step added to it.
            if (!touches.TryGetValue(key, out var earlier) || (earlier.Action == AccessAction.Change && touch.Action == AccessAction.Create))
            {
                touches[key] = touch;
            }
        }

        return touches.Values.ToList();
    }

    /// <summary>The identity code hash of each touched record's client: from the tracked case or referral, else one query each.</summary>
    private static async Task<Dictionary<Touch, string?>> ClientKeysAsync(AppDbContext db, List<Touch> touched, CancellationToken cancellationToken)
    {
        var caseKeys = db.ChangeTracker.Entries<ClientCase>()
            .ToDictionary(e => e.Entity.Id, e => e.Property<string>(IdentityCodeLookup.HashProperty).CurrentValue);
        var referralKeys = db.ChangeTracker.Entries<Referral>()
            .ToDictionary(e => e.Entity.Id, e => e.Property<string>(IdentityCodeLookup.HashProperty).CurrentValue);
        var messageReferrals = db.ChangeTracker.Entries<ReferralMessage>().ToDictionary(e => e.Entity.Id, e => e.Entity.ReferralId);

        var unknownMessages = touched.Where(t => t.MessageId is { } m && !messageReferrals.ContainsKey(m)).Select(t => t.MessageId!.Value).Distinct().ToList();
        if (unknownMessages.Count > 0)
        {
            foreach (var m in await db.Messages.AsNoTracking().Where(m => unknownMessages.Contains(m.Id))
                         .Select(m => new { m.Id, m.ReferralId }).ToListAsync(cancellationToken))
            {
                messageReferrals[m.Id] = m.ReferralId;
            }
        }

        Guid? ReferralOf(Touch t) => t.ReferralId ?? (t.MessageId is { } m && messageReferrals.TryGetValue(m, out var r) ? r : null);

        var unknownCases = touched.Where(t => t.CaseId is { } c && !caseKeys.ContainsKey(c)).Select(t => t.CaseId!.Value).Distinct().ToList();
        if (unknownCases.Count > 0)
        {
            foreach (var c in await db.Cases.AsNoTracking().Where(c => unknownCases.Contains(c.Id))
                         .Select(c => new { c.Id, Key = EF.Property<string>(c, IdentityCodeLookup.HashProperty) }).ToListAsync(cancellationToken))
            {
                caseKeys[c.Id] = c.Key;
            }
        }

        var unknownReferrals = touched.Select(ReferralOf).OfType<Guid>().Where(r => !referralKeys.ContainsKey(r)).Distinct().ToList();
        if (unknownReferrals.Count > 0)
        {
            foreach (var r in await db.Referrals.AsNoTracking().Where(r => unknownReferrals.Contains(r.Id))
                         .Select(r => new { r.Id, Key = EF.Property<string>(r, IdentityCodeLookup.HashProperty) }).ToListAsync(cancellationToken))
            {
                referralKeys[r.Id] = r.Key;
            }
        }

        return touched.ToDictionary(
            t => t,
            t => t.CaseId is { } c ? caseKeys.GetValueOrDefault(c)
                : ReferralOf(t) is { } r ? referralKeys.GetValueOrDefault(r)
                : null);
    }

    private void Write(AppDbContext db, List<Touch> touched, Dictionary<Touch, string?> keys)
    {
        var now = clock.GetUtcNow();
        var user = AccessLogWriter.UserOf(db.User);
        foreach (var touch in touched)
        {
            db.AccessLog.Add(AccessLogEntry.Create(
                now, user, touch.Type, touch.Id, keys[touch], touch.Action, AccessPurpose.ClientRelationship, section: touch.Section));
        }
    }
}
