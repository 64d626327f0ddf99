using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using CooperationModel.Application.Notifications;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperationModel.Infrastructure.Notifications;

/// <summary>
/// Where e-mail is configured, tells each user with unread notifications not yet e-mailed how many there are, in one
/// message with a link to the notifications page; nothing about the referrals. A shared notification of an
/// organisation goes to its users whose role works referrals. Several instances may run it: a PostgreSQL advisory lock
/// lets one send at a time.
/// </summary>
public sealed partial class NotificationMailer(
    IServiceScopeFactory scopes,
    IOptions<NotificationEmailOptions> options,
    INotificationMailText text,
    TimeProvider clock,
    ILogger<NotificationMailer> logger) : BackgroundService
{
    /// <summary>Notifications handled per round, oldest first; the rest wait for the next.</summary>
    public const int BatchSize = 2000;

    /// <summary>The advisory lock key of this job (any fixed number no other job of the database uses).</summary>
    private const long LockKey = 0x636D_6D61_696C;

    private static readonly UserRole[] ReceivingRoles = [.. Enum.GetValues<UserRole>().Where(role => role.Receives())];

    /// <summary>Sends what is pending now; returns how many mails went out. Safe to call while the job also runs.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Problems().Any())
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ours = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!ours)
        {
            return 0;
        }

        // Row-level security shows a job no organisation's notifications; the database names the organisations that have
        // unmailed ones (ids only), and the job reads and marks each organisation's own as that organisation.
        var organisations = await db.Database
            .SqlQuery<Guid>($"SELECT organisation_id AS \"Value\" FROM app_organisations_with_unmailed_notifications()")
            .ToListAsync(cancellationToken);
        var contextOptions = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var protector = scope.ServiceProvider.GetRequiredService<Protection.PersonalDataProtector>();
        using var smtp = Client(settings);
        var sent = 0;
        var handled = 0;
        foreach (var organisationId in organisations)
        {
            if (handled >= BatchSize)
            {
                break;
            }

            await using var organisationDb = new AppDbContext(contextOptions, FixedUser.System(organisationId), protector);
            var (mails, notifications) = await SendForAsync(organisationDb, smtp, settings, BatchSize - handled, cancellationToken);
            sent += mails;
            handled += notifications;
        }

        await transaction.CommitAsync(cancellationToken);
        LogSent(logger, sent, handled);
        return sent;
    }

    /// <summary>One organisation's unmailed notifications (at most <paramref name="limit"/>, oldest first): mails, then marks.</summary>
    private async Task<(int Mails, int Notifications)> SendForAsync(
        AppDbContext db, SmtpClient smtp, NotificationEmailOptions settings, int limit, CancellationToken cancellationToken)
    {
        var pending = await db.Notifications
            .Where(n => n.ReadAt == null && n.EmailedAt == null)
            .OrderBy(n => n.CreatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return (0, 0);
        }

        var userIds = pending.Where(n => n.UserId != null).Select(n => n.UserId!.Value).Distinct().ToList();
        var shared = pending.Any(n => n.UserId == null);
        var organisationId = db.User.OrganisationId;
        var recipients = await db.Users
            .Where(u => u.OrganisationId == organisationId && u.Email != null
                && (userIds.Contains(u.Id) || (shared && ReceivingRoles.Contains(u.Role))))
            .Select(u => new { u.Id, u.Role, Email = u.Email! })
            .ToListAsync(cancellationToken);

        var undelivered = new HashSet<Guid>();
        var sent = 0;
        foreach (var recipient in recipients)
        {
            var theirs = pending.Where(n => n.UserId == recipient.Id || (n.UserId == null && recipient.Role.Receives())).ToList();
            if (theirs.Count == 0)
            {
                continue;
            }

            try
            {
                using var mail = Mail(settings, recipient.Email, text.Compose(theirs.Count, settings.NotificationsLink));
                await smtp.SendMailAsync(mail, cancellationToken);
                sent++;
            }
            catch (SmtpException exception)
            {
                // Not the exception: its text may name the address. It is tried again next round.
                LogSendFailed(logger, exception.StatusCode.ToString());
                undelivered.UnionWith(theirs.Select(n => n.Id));
            }
        }

        var now = clock.GetUtcNow();
        foreach (var notification in pending.Where(n => !undelivered.Contains(n.Id)))
        {
            notification.MarkEmailed(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (sent, pending.Count - undelivered.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogOff(logger);
            return;
        }

        if (settings.Problems().ToList() is [_, ..] problems)
        {
            LogMisconfigured(logger, string.Join(", ", problems));
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SendPendingAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRoundFailed(logger, exception.GetType().Name, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static SmtpClient Client(NotificationEmailOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            return new SmtpClient(settings.SmtpHost, settings.SmtpPort);
        }

        var directory = Path.GetFullPath(settings.PickupDirectory);
        Directory.CreateDirectory(directory);
        return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = directory };
    }

    private static MailMessage Mail(NotificationEmailOptions settings, string to, NotificationMail content)
    {
        var mail = new MailMessage(settings.From!, to)
        {
            Subject = content.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = content.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        return mail;
    }

    [LoggerMessage(EventId = 7020, Level = LogLevel.Information, Message = "E-mail about notifications is off (no Notifications:Email:SmtpHost or PickupDirectory)")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Error, Message = "E-mail about notifications is not started: set Notifications:Email {Settings}")]
    private static partial void LogMisconfigured(ILogger logger, string settings);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Information, Message = "Sent {MailCount} notification mails covering {NotificationCount} notifications")]
    private static partial void LogSent(ILogger logger, int mailCount, int notificationCount);

    [LoggerMessage(EventId = 7023, Level = LogLevel.Warning, Message = "A notification mail could not be sent ({StatusCode}); it is tried again next round")]
    private static partial void LogSendFailed(ILogger logger, string statusCode);

    [LoggerMessage(EventId = 7024, Level = LogLevel.Error, Message = "A round of notification mail failed ({ExceptionType})")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType, Exception exception);
}
