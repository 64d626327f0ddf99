using CooperationModel.Domain.Retention;

namespace CooperationModel.Application.Retention;

/// <summary>
/// The retention job (configuration section "Retention"): the periods of <see cref="RetentionPeriods"/>, how often the
/// job runs and how many records it handles per save. The defaults and the reasoning behind them: docs/retention.md.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public const int MaxBatchSize = 10_000;

    /// <summary>Off only for a deployment whose records are removed by other means; on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for expired records (daily by default).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The first run, this long after start-up: an instance restarted more often than <see cref="Interval"/> (a deploy, a
    /// nightly recycle) would otherwise never run the job. Not at once, so start-up is not slowed; the advisory lock
    /// keeps instances that start together from running it twice.
    /// </summary>
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Records changed and logged per save; a run saves batch after batch until nothing has expired.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Years after a case's last event (default <see cref="RetentionPeriods.DefaultCaseYears"/>).</summary>
    public int CaseYears { get; set; } = RetentionPeriods.DefaultCaseYears;

    /// <summary>Years after a referral was completed or returned (default <see cref="RetentionPeriods.DefaultReferralYears"/>).</summary>
    public int ReferralYears { get; set; } = RetentionPeriods.DefaultReferralYears;

    /// <summary>Days after a notification was created (default <see cref="RetentionPeriods.DefaultNotificationDays"/>).</summary>
    public int NotificationDays { get; set; } = RetentionPeriods.DefaultNotificationDays;

    public RetentionPeriods Periods => new(CaseYears, ReferralYears, NotificationDays);

    /// <summary>What is wrong with the settings, each naming its key; empty when they can be used.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var problem in Periods.Problems())
        {
            yield return $"{Section}:{problem}";
        }

        if (Interval < TimeSpan.FromMinutes(1) || Interval > TimeSpan.FromDays(31))
        {
            yield return $"{Section}:{nameof(Interval)} must be from 00:01:00 to 31.00:00:00 (was {Interval})";
        }

        if (FirstRunAfter < TimeSpan.Zero || FirstRunAfter > TimeSpan.FromDays(1))
        {
            yield return $"{Section}:{nameof(FirstRunAfter)} must be from 00:00:00 to 1.00:00:00 (was {FirstRunAfter})";
        }

        if (BatchSize is < 1 or > MaxBatchSize)
        {
            yield return $"{Section}:{nameof(BatchSize)} must be from 1 to {MaxBatchSize} (was {BatchSize})";
        }
    }
}

/// <summary>What one run of the retention job did, over all organisations.</summary>
public sealed record RetentionReport(bool Ran, int CasesAnonymised, int ReferralsAnonymised, int MessagesRemoved, int AttachmentsRemoved, int NotificationsRemoved)
{
    /// <summary>Another instance held the job's lock, or the job is off: nothing was done.</summary>
    public static RetentionReport NotRun { get; } = new(false, 0, 0, 0, 0, 0);
}

/// <summary>Removes or anonymises what has expired as of a given time, and logs each record in the access log.</summary>
public interface IRetentionJob
{
    Task<RetentionReport> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
