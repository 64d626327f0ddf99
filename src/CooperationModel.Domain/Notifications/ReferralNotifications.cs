using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Notifications;

/// <summary>
/// Who is told of a change to a referral, and of what: the one place that decides it. A use case that adds steps to a
/// referral or posts a message on it asks here and saves what it gets in the same save as the change, so a notification
/// commits or rolls back with what it tells of. A notification without a user is for everyone of the organisation whose
/// role works referrals (the shared inbox, or nobody works the referral there yet).
/// </summary>
public static class ReferralNotifications
{
    /// <summary>
    /// The notifications that the steps one change added to the referral cause, in the order of the steps. Give it the
    /// referral as the change left it, with its forwards loaded, and only the steps that change added.
    /// </summary>
    public static IReadOnlyList<Notification> OfSteps(Referral referral, IEnumerable<ReferralEvent> addedSteps)
    {
        var steps = addedSteps.OrderBy(s => s.Sequence).ToList();
        if (steps.Any(s => s.ReferralId != referral.Id))
        {
            throw new ArgumentException("A step is not of this referral.", nameof(addedSteps));
        }

        // A return to the wrong organiser comes with its re-route in the same change: the referral goes on.
        var rerouted = steps.Any(s => s.Kind == ReferralEventKind.Rerouted);
        var told = new List<Notification>();
        foreach (var step in steps)
        {
            if (WhoIsTold(referral, step, rerouted) is not { } recipient)
            {
                continue;
            }

            if (!told.Any(n => n.OrganisationId == recipient.OrganisationId && n.UserId == recipient.UserId && n.Kind == recipient.Kind))
            {
                told.Add(Notification.Create(recipient.OrganisationId, recipient.UserId, recipient.Kind, referral.Id, step.At));
            }
        }

        return told;
    }

    /// <summary>
    /// A message on one of the referral's threads: the other side of the thread is told, addressed to whoever works the
    /// referral there (see <see cref="WorkerAt"/>).
    /// </summary>
    public static IReadOnlyList<Notification> OfMessage(Referral referral, ReferralMessage message)
    {
        if (message.ReferralId != referral.Id)
        {
            throw new ArgumentException("The message is not on this referral.", nameof(message));
        }

        return [Notification.Create(
            message.ToOrganisationId, WorkerAt(referral, message.ToOrganisationId), NotificationKind.NewMessage, referral.Id, message.SentAt)];
    }

    /// <summary>The table: for each kind of step, who is told and of what; null: nobody.</summary>
    private static Recipient? WhoIsTold(Referral referral, ReferralEvent step, bool rerouted) => step.Kind switch
    {
        // Sent: it arrives in the receiver's shared inbox.
        ReferralEventKind.Sent => new(referral.ReceiverOrganisationId, null, NotificationKind.NewReferral),

        // Opened, accepted, assessment started: the sender sees the status on its case; nobody is told.
        ReferralEventKind.Received or ReferralEventKind.Accepted or ReferralEventKind.AssessmentStarted => null,

        // Given to a colleague: the new named worker, for whom it is a new referral.
        ReferralEventKind.Assigned when referral.NamedWorkerUserId != step.ActorUserId =>
            new(referral.ReceiverOrganisationId, referral.NamedWorkerUserId, NotificationKind.NewReferral),
        // Taken by the one who assigned it: nobody.
        ReferralEventKind.Assigned => null,

        // Completed: feedback for the handler who sent it.
        ReferralEventKind.Completed => new(referral.SenderOrganisationId, referral.SentByUserId, NotificationKind.Feedback),

        // Returned: feedback for the handler who sent it ...
        ReferralEventKind.Returned when !rerouted => new(referral.SenderOrganisationId, referral.SentByUserId, NotificationKind.Feedback),
        // ... but not the return to the wrong organiser, whose re-route tells the new receiver instead.
        ReferralEventKind.Returned => null,

        // Re-routed: it arrives in the new receiver's shared inbox.
        ReferralEventKind.Rerouted => new(referral.ReceiverOrganisationId, null, NotificationKind.NewReferral),

        // Forwarded: it arrives in the partner's shared inbox.
        ReferralEventKind.Forwarded when ForwardMadeBy(referral, step) is { } forward =>
            new(forward.ToOrganisationId, null, NotificationKind.Forwarded),
        // A forwarding step whose forward is not on the referral (its forwards were not loaded): nobody.
        ReferralEventKind.Forwarded => null,

        // The partner opened or accepted the forward: social services sees it in the chain; nobody is told.
        ReferralEventKind.ForwardReceived or ReferralEventKind.ForwardAccepted => null,

        // The partner completed or returned the forward: feedback for the named worker at social services. The forward is
        // the receiver's own: a referral is re-routed only once its forwards are closed.
        ReferralEventKind.ForwardCompleted or ReferralEventKind.ForwardReturned =>
            new(referral.ReceiverOrganisationId, referral.NamedWorkerUserId, NotificationKind.Feedback),
    };

    /// <summary>The forward that a Forwarded step made: from the step's organisation, at the step's time.</summary>
    private static ReferralForward? ForwardMadeBy(Referral referral, ReferralEvent step) =>
        referral.Forwards.LastOrDefault(f => f.FromOrganisationId == step.ActorOrganisationId && f.ForwardedAt == step.At);

    /// <summary>
    /// Who works the referral in an organisation of its chain: the handler who sent it at Kela, the named worker at social
    /// services, the named worker of the latest forward at a partner; null while nobody does (everyone there is told).
    /// </summary>
    private static Guid? WorkerAt(Referral referral, Guid organisationId) =>
        organisationId == referral.SenderOrganisationId ? referral.SentByUserId
        : organisationId == referral.ReceiverOrganisationId ? referral.NamedWorkerUserId
        : referral.Forwards.Where(f => f.ToOrganisationId == organisationId).MaxBy(f => f.ForwardedAt)?.NamedWorkerUserId;

    /// <summary>One row of the table: the organisation told, its user (null: everyone who works referrals) and the kind.</summary>
    private sealed record Recipient(Guid OrganisationId, Guid? UserId, NotificationKind Kind);
}
