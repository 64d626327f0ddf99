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
/// After a save succeeded, signals every organisation whose referral data or notifications it changed on
/// <see cref="PostgresChangeFeed.Channel"/>, so open pages of every instance reload. That is all it does: it decides
/// nobody's notifications (the use cases add them, as Domain/Notifications/ReferralNotifications decides) and adds
/// nothing to the save. Before the save it only reads the change tracker, and the rows it reads (referrals, forwards,
/// messages, notifications) are added and changed by the use case alone, never by another interceptor; so its place in
/// the interceptor order does not matter.
/// <para>
/// The signal goes in the save's transaction (<see cref="AppDbContext"/> begins one for a save that signals), so it costs
/// no commit of its own, and PostgreSQL delivers it at the commit, never for a save rolled back. There a failed signal
/// fails the save (a statement that failed spoils the transaction); outside a transaction it is logged and the save kept.
/// </para>
/// </summary>
public sealed partial class ChangeSignalInterceptor(ILogger<ChangeSignalInterceptor> logger) : SaveChangesInterceptor
{
    /// <summary>The organisations to signal once a context's save succeeds.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
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
            catch (DbException exception) when (eventData.Context!.Database.CurrentTransaction is null)
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
            catch (DbException exception) when (eventData.Context!.Database.CurrentTransaction is null)
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

    /// <summary>What this save changes, read once; a save retried on the same context reads it again and replaces it.</summary>
    private void Remember(DbContext? context)
    {
        if (context is AppDbContext db)
        {
            _pending.AddOrUpdate(db, ChangedOrganisations(db));
        }
    }

    private string[]? TakeSignals(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var organisations))
        {
            return null;
        }

        _pending.Remove(context);
        return organisations.Count == 0 ? null : [.. organisations.Select(id => id.ToString())];
    }

    /// <summary>Whether a save of the context would signal anyone (it changes referral data or notifications).</summary>
    internal static bool Signals(AppDbContext db) => ChangedOrganisations(db).Count > 0;

    /// <summary>The organisations whose open pages show something this save changes.</summary>
    private static HashSet<Guid> ChangedOrganisations(AppDbContext db)
    {
        var organisations = new HashSet<Guid>();
        // Entries() detects changes first, so steps and forwards added through a referral's lists are here.
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            Read(entry, organisations);
        }

        return organisations;
    }

    private static void Read(EntityEntry entry, HashSet<Guid> organisations)
    {
        var added = entry.State == EntityState.Added;
        var changed = added || entry.State is EntityState.Modified or EntityState.Deleted;
        switch (entry.Entity)
        {
            case Referral referral when changed:
                organisations.Add(referral.SenderOrganisationId);
                organisations.Add(referral.ReceiverOrganisationId);
                // A re-routed referral leaves the old receiver's inbox.
                if (!added && entry.Property(nameof(Referral.ReceiverOrganisationId)).OriginalValue is Guid before)
                {
                    organisations.Add(before);
                }

                break;
            case ReferralForward forward when changed:
                organisations.Add(forward.FromOrganisationId);
                organisations.Add(forward.ToOrganisationId);
                break;
            case ReferralMessage message when changed:
                organisations.Add(message.FromOrganisationId);
                organisations.Add(message.ToOrganisationId);
                break;
            // A new notification changes the counts in the menu of the organisation told.
            case Notification notification when added:
                organisations.Add(notification.OrganisationId);
                break;
            // Read or unread changes the counts in the menu; the mailer's mark does not.
            case Notification notification when entry.State == EntityState.Modified && entry.Property(nameof(Notification.ReadAt)).IsModified:
                organisations.Add(notification.OrganisationId);
                break;
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "A change signal for {OrganisationCount} organisations could not be sent; open pages reload on the next one")]
    private static partial void LogSignalFailed(ILogger logger, int organisationCount, Exception exception);
}
