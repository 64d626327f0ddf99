using System.Data.Common;
using System.Runtime.CompilerServices;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CooperationModel.Infrastructure.Notifications;

/// <summary>
/// The one place notifications are written. Before a save it reads what the save adds (a referral, a step of one, a
/// forward, a message) and adds the notifications in the same transaction; after the save succeeded it signals every
/// organisation whose data changed on <see cref="PostgresChangeFeed.Channel"/>, so open pages of every instance reload.
/// A notification names a referral by id and a kind; nothing else.
/// </summary>
public sealed partial class NotificationWriter(ILogger<NotificationWriter> logger) : SaveChangesInterceptor
{
    /// <summary>The organisations to signal once a context's save succeeds.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            var changes = Changes.Of(db);
            var chains = changes.UnknownChains.Count == 0
                ? []
                : await ChainQuery(db, changes.UnknownChains).ToDictionaryAsync(c => c.ReferralId, cancellationToken);
            Write(db, changes, chains);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            var changes = Changes.Of(db);
            var chains = changes.UnknownChains.Count == 0 ? [] : ChainQuery(db, changes.UnknownChains).ToDictionary(c => c.ReferralId);
            Write(db, changes, chains);
        }

        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakeSignals(eventData.Context) is { } signals)
        {
            try
            {
                // The save is done: the signal goes out even if the caller gave up waiting.
                await eventData.Context!.Database.ExecuteSqlAsync(SignalSql(signals), CancellationToken.None);
            }
            catch (DbException exception)
            {
                LogSignalFailed(logger, signals.Length, exception);
            }
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakeSignals(eventData.Context) is { } signals)
        {
            try
            {
                eventData.Context!.Database.ExecuteSql(SignalSql(signals));
            }
            catch (DbException exception)
            {
                LogSignalFailed(logger, signals.Length, exception);
            }
        }

        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        TakeSignals(eventData.Context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeSignals(eventData.Context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    /// <summary>One statement for every organisation; the payload is the organisation id and nothing else.</summary>
    private static FormattableString SignalSql(string[] organisationIds) =>
        $"SELECT pg_notify({PostgresChangeFeed.Channel}, o) FROM unnest({organisationIds}) AS o";

    private string[]? TakeSignals(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var organisations))
        {
            return null;
        }

        _pending.Remove(context);
        return organisations.Count == 0 ? null : [.. organisations.Select(id => id.ToString())];
    }

    private void Write(AppDbContext db, Changes changes, Dictionary<Guid, Chain> fetched)
    {
        var written = new List<Notification>();
        void Add(Guid organisationId, Guid? userId, NotificationKind kind, Guid referralId, DateTimeOffset at)
        {
            // A save retried on the same context still holds what the failed attempt added.
            var already = changes.AddedNotifications.Concat(written).Any(n =>
                n.OrganisationId == organisationId && n.UserId == userId && n.Kind == kind && n.ReferralId == referralId);
            if (!already)
            {
                written.Add(Notification.Create(organisationId, userId, kind, referralId, at));
            }
        }

        foreach (var referral in changes.AddedReferrals)
        {
            Add(referral.ReceiverOrganisationId, null, NotificationKind.NewReferral, referral.Id, referral.SentAt);
        }

        foreach (var steps in changes.AddedEvents.GroupBy(e => e.ReferralId))
        {
            if (!changes.Referrals.TryGetValue(steps.Key, out var referral))
            {
                LogUntrackedReferral(logger);
                continue;
            }

            // A return to the wrong organiser is followed by its re-route in the same save: the referral goes on.
            var rerouted = steps.Any(e => e.Kind == ReferralEventKind.Rerouted);
            foreach (var step in steps.OrderBy(e => e.Sequence))
            {
                switch (step.Kind)
                {
                    case ReferralEventKind.Rerouted:
                        Add(referral.ReceiverOrganisationId, null, NotificationKind.NewReferral, referral.Id, step.At);
                        break;
                    // Given to a colleague: the new named worker is told (a new referral for them).
                    case ReferralEventKind.Assigned when referral.NamedWorkerUserId != step.ActorUserId:
                        Add(referral.ReceiverOrganisationId, referral.NamedWorkerUserId, NotificationKind.NewReferral, referral.Id, step.At);
                        break;
                    case ReferralEventKind.Completed:
                    case ReferralEventKind.Returned when !rerouted:
                        Add(referral.SenderOrganisationId, referral.SentByUserId, NotificationKind.Feedback, referral.Id, step.At);
                        break;
                    case ReferralEventKind.Forwarded when LatestForward(referral, f => f.Target.ToString() == step.Detail) is { } forward:
                        Add(forward.ToOrganisationId, null, NotificationKind.Forwarded, referral.Id, step.At);
                        break;
                    case ReferralEventKind.ForwardCompleted or ReferralEventKind.ForwardReturned:
                        var closed = LatestForward(referral, f => f.ToOrganisationId == step.ActorOrganisationId);
                        Add(closed?.FromOrganisationId ?? referral.ReceiverOrganisationId, referral.NamedWorkerUserId, NotificationKind.Feedback, referral.Id, step.At);
                        break;
                }
            }
        }

        foreach (var message in changes.AddedMessages)
        {
            var chain = changes.KnownChain(message) ?? fetched.GetValueOrDefault(message.ReferralId);
            if (chain is null)
            {
                LogUntrackedReferral(logger);
                continue;
            }

            Add(message.ToOrganisationId, chain.WorkerAt(message.ToOrganisationId), NotificationKind.NewMessage, message.ReferralId, message.SentAt);
        }

        db.Notifications.AddRange(written);

        var signals = changes.ChangedOrganisations;
        signals.UnionWith(written.Select(n => n.OrganisationId));
        _pending.AddOrUpdate(db, signals);
    }

    private static ReferralForward? LatestForward(Referral referral, Func<ReferralForward, bool> match) =>
        referral.Forwards.Where(match).MaxBy(f => f.ForwardedAt);

    /// <summary>Who works a referral in each organisation of its chain (a referral read without tracking is queried).</summary>
    private static IQueryable<Chain> ChainQuery(AppDbContext db, IReadOnlyCollection<Guid> referralIds) =>
        db.Referrals.AsNoTracking()
            .Where(r => referralIds.Contains(r.Id))
            .Select(r => new Chain(
                r.Id,
                r.SenderOrganisationId,
                r.SentByUserId,
                r.ReceiverOrganisationId,
                r.NamedWorkerUserId,
                r.Forwards.Select(f => new Partner(f.ToOrganisationId, f.NamedWorkerUserId, f.ForwardedAt)).ToList()));

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "A change signal for {OrganisationCount} organisations could not be sent; open pages reload on the next one")]
    private static partial void LogSignalFailed(ILogger logger, int organisationCount, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "A referral step or message was saved without its referral; no notification written")]
    private static partial void LogUntrackedReferral(ILogger logger);

    /// <summary>A partner the referral was forwarded to, and its named worker there.</summary>
    private sealed record Partner(Guid OrganisationId, Guid? NamedWorkerUserId, DateTimeOffset ForwardedAt);

    /// <summary>The organisations of a referral's chain and the person who works it in each.</summary>
    private sealed record Chain(
        Guid ReferralId, Guid SenderOrganisationId, Guid SentByUserId, Guid ReceiverOrganisationId, Guid? NamedWorkerUserId, List<Partner> Partners)
    {
        public static Chain Of(Referral referral) => new(
            referral.Id,
            referral.SenderOrganisationId,
            referral.SentByUserId,
            referral.ReceiverOrganisationId,
            referral.NamedWorkerUserId,
            [.. referral.Forwards.Select(f => new Partner(f.ToOrganisationId, f.NamedWorkerUserId, f.ForwardedAt))]);

        public bool Includes(Guid organisationId) =>
            organisationId == SenderOrganisationId || organisationId == ReceiverOrganisationId
            || Partners.Any(p => p.OrganisationId == organisationId);

        /// <summary>The sending handler at Kela, the named worker at social services or a partner; null: nobody yet.</summary>
        public Guid? WorkerAt(Guid organisationId) =>
            organisationId == SenderOrganisationId ? SentByUserId
            : organisationId == ReceiverOrganisationId ? NamedWorkerUserId
            : Partners.Where(p => p.OrganisationId == organisationId).MaxBy(p => p.ForwardedAt)?.NamedWorkerUserId;
    }

    /// <summary>What one save changes, read once from the change tracker.</summary>
    private sealed class Changes
    {
        public Dictionary<Guid, Referral> Referrals { get; } = [];

        public List<Referral> AddedReferrals { get; } = [];

        public List<ReferralEvent> AddedEvents { get; } = [];

        public List<ReferralMessage> AddedMessages { get; } = [];

        public List<Notification> AddedNotifications { get; } = [];

        public HashSet<Guid> ChangedOrganisations { get; } = [];

        /// <summary>Referrals of new messages that this context does not hold with the thread's counterpart.</summary>
        public List<Guid> UnknownChains { get; } = [];

        public static Changes Of(DbContext db)
        {
            var changes = new Changes();
            // Entries() detects changes first, so steps and forwards added through a referral's lists are here.
            var entries = db.ChangeTracker.Entries().ToList();
            foreach (var entry in entries)
            {
                changes.Read(entry);
            }

            changes.UnknownChains.AddRange(changes.AddedMessages
                .Where(m => changes.KnownChain(m) is null)
                .Select(m => m.ReferralId)
                .Distinct());
            return changes;
        }

        public Chain? KnownChain(ReferralMessage message) =>
            Referrals.TryGetValue(message.ReferralId, out var referral) && Chain.Of(referral) is var chain && chain.Includes(message.ToOrganisationId)
                ? chain
                : null;

        private void Read(EntityEntry entry)
        {
            var added = entry.State == EntityState.Added;
            var changed = added || entry.State is EntityState.Modified or EntityState.Deleted;
            switch (entry.Entity)
            {
                case Referral referral:
                    Referrals[referral.Id] = referral;
                    if (added)
                    {
                        AddedReferrals.Add(referral);
                    }

                    if (changed)
                    {
                        ChangedOrganisations.Add(referral.SenderOrganisationId);
                        ChangedOrganisations.Add(referral.ReceiverOrganisationId);
                        // A re-routed referral leaves the old receiver's inbox.
                        if (!added && entry.Property(nameof(Referral.ReceiverOrganisationId)).OriginalValue is Guid before)
                        {
                            ChangedOrganisations.Add(before);
                        }
                    }

                    break;
                case ReferralEvent referralEvent when added:
                    AddedEvents.Add(referralEvent);
                    break;
                case ReferralForward forward when changed:
                    ChangedOrganisations.Add(forward.FromOrganisationId);
                    ChangedOrganisations.Add(forward.ToOrganisationId);
                    break;
                case ReferralMessage message when changed:
                    if (added)
                    {
                        AddedMessages.Add(message);
                    }

                    ChangedOrganisations.Add(message.FromOrganisationId);
                    ChangedOrganisations.Add(message.ToOrganisationId);
                    break;
                case Notification notification when added:
                    AddedNotifications.Add(notification);
                    ChangedOrganisations.Add(notification.OrganisationId);
                    break;
                // Read or unread changes the counts in the menu; the mailer's mark does not.
                case Notification notification when entry.State == EntityState.Modified && entry.Property(nameof(Notification.ReadAt)).IsModified:
                    ChangedOrganisations.Add(notification.OrganisationId);
                    break;
            }
        }
    }
}
