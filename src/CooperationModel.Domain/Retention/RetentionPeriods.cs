namespace CooperationModel.Domain.Retention;

/// <summary>
/// How long each kind of record is kept (säilytysaika / förvaringstid) before its personal data is removed, and the
/// rules that say when a record has expired. The periods are settings (section "Retention"); the defaults are assumed
/// readings of the law that the project's legal review confirms (see docs/retention.md):
/// <list type="bullet">
/// <item>A basic social assistance case: <see cref="CaseYears"/> after its last event.</item>
/// <item>A referral: <see cref="ReferralYears"/> after social services completed or returned it; its messages and
/// their files go with it. An open referral never expires, and keeps its case from expiring.</item>
/// <item>A notification: <see cref="NotificationDays"/> after it was created.</item>
/// </list>
/// </summary>
public sealed record RetentionPeriods(int CaseYears, int ReferralYears, int NotificationDays)
{
    public const int MaxYears = 120;

    public const int MaxNotificationDays = 3650;

    /// <summary>
    /// Kela's part: a basic social assistance case is Kela's own benefit record. Kela keeps its benefit case documents
    /// for a fixed period after the matter ended (assumed 10 years, within the range of Kela's archive formation plan
    /// for benefit decisions and their recovery, which can reach back years); after that the statistics need no name.
    /// </summary>
    public const int DefaultCaseYears = 10;

    /// <summary>
    /// Social services' part: the referral is a social welfare client document of the receiving organiser, and under
    /// the Act on the processing of client data in healthcare and social welfare (703/2023, earlier 254/2015) adult
    /// social work client documents are kept 12 years after the client relationship ended. The receiver's period is the
    /// longer one and governs the shared record (assumed default 12 years after completion or return).
    /// </summary>
    public const int DefaultReferralYears = 12;

    /// <summary>
    /// A notification names a referral by its id only and is a reminder, not a record of the client's matter: one year
    /// is enough for anyone to have seen it, and the referral itself keeps the history.
    /// </summary>
    public const int DefaultNotificationDays = 365;

    public static RetentionPeriods Default { get; } = new(DefaultCaseYears, DefaultReferralYears, DefaultNotificationDays);

    /// <summary>A case whose last event is at or before this has expired (unless it has an open referral).</summary>
    public DateTimeOffset CaseCutoff(DateTimeOffset now) => now.AddYears(-CaseYears);

    /// <summary>A referral closed at or before this has expired.</summary>
    public DateTimeOffset ReferralCutoff(DateTimeOffset now) => now.AddYears(-ReferralYears);

    /// <summary>A notification created at or before this has expired.</summary>
    public DateTimeOffset NotificationCutoff(DateTimeOffset now) => now.AddDays(-NotificationDays);

    public bool CaseExpired(DateTimeOffset lastEventAt, bool hasOpenReferral, DateTimeOffset now) =>
        !hasOpenReferral && lastEventAt <= CaseCutoff(now);

    /// <summary>Only a closed referral expires: while it is open someone still works on it.</summary>
    public bool ReferralExpired(DateTimeOffset? closedAt, DateTimeOffset now) =>
        closedAt is { } closed && closed <= ReferralCutoff(now);

    public bool NotificationExpired(DateTimeOffset createdAt, DateTimeOffset now) => createdAt <= NotificationCutoff(now);

    /// <summary>What is wrong with the periods, as "Setting: problem" lines; empty when they can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (CaseYears is < 1 or > MaxYears)
        {
            yield return $"{nameof(CaseYears)} must be a whole number of years from 1 to {MaxYears} (was {CaseYears})";
        }

        if (ReferralYears is < 1 or > MaxYears)
        {
            yield return $"{nameof(ReferralYears)} must be a whole number of years from 1 to {MaxYears} (was {ReferralYears})";
        }

        if (NotificationDays is < 1 or > MaxNotificationDays)
        {
            yield return $"{nameof(NotificationDays)} must be a whole number of days from 1 to {MaxNotificationDays} (was {NotificationDays})";
        }
    }
}
