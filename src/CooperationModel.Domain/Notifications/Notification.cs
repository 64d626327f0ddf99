namespace CooperationModel.Domain.Notifications;

/// <summary>What a notification tells about. Never more: it carries no personal data, only a link and a count.</summary>
public enum NotificationKind
{
    /// <summary>A referral arrived in the organisation's inbox (also after a re-route).</summary>
    NewReferral = 1,
    /// <summary>Social services completed or returned a referral the user sent: feedback to read.</summary>
    Feedback = 2,
    NewMessage = 3,
    /// <summary>A referral was forwarded to the user's organisation (health care, outreach youth work).</summary>
    Forwarded = 4,
    /// <summary>A coordinator answered the user's feedback on the model; the id names the feedback, not a referral.</summary>
    ModelFeedbackAnswered = 5,
}

/// <summary>
/// An in-app notification for one user, or for everyone of an organisation when <see cref="UserId"/> is null (a new
/// referral in the shared inbox). It names a referral by id only; reading it needs sign-in and the right to see it.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The referral it tells of; for <see cref="NotificationKind.ModelFeedbackAnswered"/>, the feedback's id.</summary>
    public Guid ReferralId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>When an e-mail told of it (e-mail is optional; only where configured).</summary>
    public DateTimeOffset? EmailedAt { get; private set; }

    public static Notification Create(Guid organisationId, Guid? userId, NotificationKind kind, Guid referralId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        OrganisationId = organisationId,
        UserId = userId,
        Kind = kind,
        ReferralId = referralId,
        CreatedAt = at,
    };

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void MarkEmailed(DateTimeOffset at) => EmailedAt ??= at;
}
