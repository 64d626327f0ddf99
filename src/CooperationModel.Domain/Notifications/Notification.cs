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
    /// <summary>A coordinator answered the user's feedback on the model (<see cref="Notification.ModelFeedbackId"/>).</summary>
    ModelFeedbackAnswered = 5,
}

/// <summary>
/// An in-app notification for one user, or for everyone of an organisation when <see cref="UserId"/> is null (a new
/// referral in the shared inbox). It names its subject by id only, a referral or (for an answer to feedback on the
/// model) the feedback, exactly one of the two; reading it needs sign-in and the right to see it.
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

    /// <summary>The referral it tells of; null for <see cref="NotificationKind.ModelFeedbackAnswered"/>.</summary>
    public Guid? ReferralId { get; private set; }

    /// <summary>The feedback on the model it tells of (<see cref="NotificationKind.ModelFeedbackAnswered"/> only).</summary>
    public Guid? ModelFeedbackId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>When an e-mail told of it (e-mail is optional; only where configured).</summary>
    public DateTimeOffset? EmailedAt { get; private set; }

    /// <summary>A notification of a step of a referral; <paramref name="kind"/> is one of the referral's kinds.</summary>
    public static Notification Create(Guid organisationId, Guid? userId, NotificationKind kind, Guid referralId, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(kind, NotificationKind.ModelFeedbackAnswered);
        return new()
        {
            Id = Guid.CreateVersion7(at),
            OrganisationId = organisationId,
            UserId = userId,
            Kind = kind,
            ReferralId = referralId,
            CreatedAt = at,
        };
    }

    /// <summary>The sender's notification that a coordinator answered their feedback on the model.</summary>
    public static Notification ModelFeedbackAnswered(Guid organisationId, Guid userId, Guid feedbackId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        OrganisationId = organisationId,
        UserId = userId,
        Kind = NotificationKind.ModelFeedbackAnswered,
        ModelFeedbackId = feedbackId,
        CreatedAt = at,
    };

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void MarkEmailed(DateTimeOffset at) => EmailedAt ??= at;
}
