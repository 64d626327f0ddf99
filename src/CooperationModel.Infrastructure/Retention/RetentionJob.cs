using System.Linq.Expressions;
using CooperationModel.Application.Common;
using CooperationModel.Application.Retention;
using CooperationModel.Domain.AccessLog;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Retention;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperationModel.Infrastructure.Retention;

/// <summary>
/// Removes or anonymises what has outlived its retention period (<see cref="RetentionPeriods"/>), once a day by
/// default. Row-level security shows a job no organisation's data, so it works organisation by organisation, as that
/// organisation's system user, and writes one entry per record into that organisation's access log (action Remove or
/// Anonymise, purpose LegalDuty, the client named by the identity code hash from before). In order, over all
/// organisations: the messages (and their files) of expired referrals, by the organisation they were sent to; the
/// expired referrals, by their receiver (social services' period governs the shared record); the expired cases, by
/// their district; old notifications. Several instances may run it: a PostgreSQL advisory lock lets one run at a time.
/// </summary>
public sealed partial class RetentionJob(
    IServiceScopeFactory scopes,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionJob> logger) : BackgroundService, IRetentionJob
{
    /// <summary>The advisory lock key of this job (any fixed number no other job of the database uses).</summary>
    private const long LockKey = 0x636D_7265_7465;

    public async Task<RetentionReport> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return RetentionReport.NotRun;
        }

        await using var scope = scopes.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var lockDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await lockDb.Database.BeginTransactionAsync(cancellationToken);
        var ours = await lockDb.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!ours)
        {
            return RetentionReport.NotRun;
        }

        // Reference data, readable without an organisation. National coordination sees aggregates only: no client data.
        var organisations = await lockDb.Organisations
            .Where(o => o.Kind != OrganisationKind.NationalCoordination)
            .OrderBy(o => o.Id)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);

        var run = new Run(
            scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(),
            scope.ServiceProvider.GetRequiredService<PersonalDataProtector>(),
            settings.Periods,
            settings.BatchSize,
            now);

        // Messages first, everywhere: while their referral still has its client, their entries can name the client.
        var (messages, attachments) = (0, 0);
        foreach (var organisationId in organisations)
        {
            var (m, a) = await run.RemoveMessagesAsync(organisationId, cancellationToken);
            messages += m;
            attachments += a;
        }

        var (referrals, cases, notifications) = (0, 0, 0);
        foreach (var organisationId in organisations)
        {
            referrals += await run.AnonymiseReferralsAsync(organisationId, cancellationToken);
        }

        foreach (var organisationId in organisations)
        {
            cases += await run.AnonymiseCasesAsync(organisationId, cancellationToken);
            notifications += await run.RemoveNotificationsAsync(organisationId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var report = new RetentionReport(true, cases, referrals, messages, attachments, notifications);
        LogRun(logger, cases, referrals, messages, attachments, notifications);
        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogOff(logger);
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        try
        {
            // Soon after start-up, then on the interval: a restart never postpones retention by a whole interval.
            await Task.Delay(settings.FirstRunAfter, clock, stoppingToken);
            do
            {
                try
                {
                    await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Not the message: a database error may quote a row. The next round tries again.
                    LogRoundFailed(logger, exception.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One run's settings and clock; each step opens a context per organisation and saves batch by batch.</summary>
    private sealed class Run(
        DbContextOptions<AppDbContext> contextOptions, PersonalDataProtector protector, RetentionPeriods periods, int batchSize, DateTimeOffset now)
    {
        private readonly string _anonymousHash = protector.Hash(PersonalIdentityCode.Anonymous);

        private readonly DateTimeOffset _referralCutoff = periods.ReferralCutoff(now);

        private string ReferralRule => AccessLogDetails.RetentionReferral(periods.ReferralYears);

        /// <summary>Completed or returned at or before the cutoff (a re-routed referral is open again).</summary>
        private Expression<Func<Referral, bool>> ReferralExpired => ReferralPredicates.ClosedOnOrBefore(_referralCutoff);

        /// <summary>The messages sent to the organisation on expired referrals (the tenant guard lets the addressee remove them).</summary>
        public async Task<(int Messages, int Attachments)> RemoveMessagesAsync(Guid organisationId, CancellationToken cancellationToken)
        {
            var (messages, attachments) = (0, 0);
            while (true)
            {
                await using var db = Context(organisationId);
                var batch = await db.Messages
                    .Where(m => m.ToOrganisationId == organisationId)
                    .Join(
                        db.Referrals.Where(ReferralExpired),
                        m => m.ReferralId,
                        r => r.Id,
                        (m, r) => new { Message = m, ClientKey = EF.Property<string>(r, IdentityCodeLookup.HashProperty) })
                    .OrderBy(x => x.Message.SentAt)
                    .Take(batchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return (messages, attachments);
                }

                var ids = batch.Select(x => x.Message.Id).ToList();
                var files = await db.Attachments
                    .Where(a => ids.Contains(a.MessageId))
                    .Select(a => new { a.Id, a.MessageId })
                    .ToListAsync(cancellationToken);
                foreach (var (message, hash) in batch.Select(x => (x.Message, x.ClientKey)))
                {
                    // A referral anonymised before (a re-routed one's earlier receiver) no longer names its client.
                    var clientKey = hash == _anonymousHash ? null : hash;
                    foreach (var file in files.Where(f => f.MessageId == message.Id))
                    {
                        Log(db, organisationId, AccessRecordType.Attachment, file.Id, clientKey, AccessAction.Remove, ReferralRule);
                    }

                    Log(db, organisationId, AccessRecordType.Message, message.Id, clientKey, AccessAction.Remove, ReferralRule);
                    db.Messages.Remove(message); // Its files go with it (cascade).
                }

                await db.SaveChangesAsync(cancellationToken);
                messages += batch.Count;
                attachments += files.Count;
            }
        }

        /// <summary>
        /// The expired referrals the organisation received. The receiver governs: social services keeps its client
        /// documents longer than Kela, and the referral is one record both see.
        /// </summary>
        public async Task<int> AnonymiseReferralsAsync(Guid organisationId, CancellationToken cancellationToken)
        {
            var count = 0;
            while (true)
            {
                await using var db = Context(organisationId);
                var batch = await db.Referrals
                    .Include(r => r.Forwards.Where(f => f.FromOrganisationId == organisationId || f.ToOrganisationId == organisationId))
                    .Where(r => r.ReceiverOrganisationId == organisationId)
                    .Where(ReferralExpired)
                    .Where(r => EF.Property<string>(r, IdentityCodeLookup.HashProperty) != _anonymousHash)
                    .OrderBy(r => r.SentAt)
                    .Take(batchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return count;
                }

                var before = count;
                foreach (var referral in batch)
                {
                    var clientKey = db.Entry(referral).Property<string>(IdentityCodeLookup.HashProperty).CurrentValue;
                    if (referral.Anonymise())
                    {
                        Log(db, organisationId, AccessRecordType.Referral, referral.Id, clientKey, AccessAction.Anonymise, ReferralRule);
                        count++;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                if (count == before)
                {
                    return count; // Nothing could be changed: never loop on the same rows.
                }
            }
        }

        /// <summary>The district's cases without an event since the cutoff and without an open referral.</summary>
        public async Task<int> AnonymiseCasesAsync(Guid organisationId, CancellationToken cancellationToken)
        {
            var cutoff = periods.CaseCutoff(now);
            var rule = AccessLogDetails.RetentionCase(periods.CaseYears);
            var count = 0;
            while (true)
            {
                await using var db = Context(organisationId);
                var open = db.Referrals.Where(ReferralPredicates.Open);
                var batch = await db.Cases
                    .Where(c => c.OrganisationId == organisationId)
                    .Where(c => EF.Property<string>(c, IdentityCodeLookup.HashProperty) != _anonymousHash)
                    .Where(c => !db.CaseEvents.Any(e => e.CaseId == c.Id && e.At > cutoff))
                    .Where(c => !open.Any(r => r.CaseId == c.Id))
                    .OrderBy(c => c.OpenedAt)
                    .Take(batchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return count;
                }

                var before = count;
                foreach (var clientCase in batch)
                {
                    var clientKey = db.Entry(clientCase).Property<string>(IdentityCodeLookup.HashProperty).CurrentValue;
                    if (clientCase.Anonymise())
                    {
                        Log(db, organisationId, AccessRecordType.Case, clientCase.Id, clientKey, AccessAction.Anonymise, rule);
                        count++;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                if (count == before)
                {
                    return count; // Nothing could be changed: never loop on the same rows.
                }
            }
        }

        /// <summary>
        /// Old notifications, in one statement. A notification names a referral by id only and holds no client data,
        /// so its removal is no use of client data and writes no access log entry (the job's log line counts them).
        /// </summary>
        public async Task<int> RemoveNotificationsAsync(Guid organisationId, CancellationToken cancellationToken)
        {
            var cutoff = periods.NotificationCutoff(now);
            await using var db = Context(organisationId);
            return await db.Notifications
                .Where(n => n.OrganisationId == organisationId && n.CreatedAt <= cutoff)
                .ExecuteDeleteAsync(cancellationToken);
        }

        private AppDbContext Context(Guid organisationId) => new(contextOptions, FixedUser.System(organisationId), protector);

        private void Log(AppDbContext db, Guid organisationId, AccessRecordType type, Guid id, string? clientKey, AccessAction action, string rule) =>
            db.AccessLog.Add(AccessLogEntry.Create(
                now, AccessLogUser.System(organisationId), type, id, clientKey, action, AccessPurpose.LegalDuty, detail: rule));
    }

    [LoggerMessage(EventId = 7030, Level = LogLevel.Information, Message = "The retention job is off (Retention:Enabled is false)")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(EventId = 7031, Level = LogLevel.Information, Message = "Retention: anonymised {CaseCount} cases and {ReferralCount} referrals, removed {MessageCount} messages, {AttachmentCount} files and {NotificationCount} notifications")]
    private static partial void LogRun(ILogger logger, int caseCount, int referralCount, int messageCount, int attachmentCount, int notificationCount);

    [LoggerMessage(EventId = 7032, Level = LogLevel.Error, Message = "A retention run failed ({ExceptionType}); the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}

/// <summary>Refuses to start with retention settings that cannot be used, naming each key and its allowed range.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        options.Problems().ToList() is [_, ..] problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
