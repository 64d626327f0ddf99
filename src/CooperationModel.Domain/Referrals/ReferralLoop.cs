namespace CooperationModel.Domain.Referrals;

/// <summary>How a referral ended when social services completed it.</summary>
public enum ReferralOutcome
{
    /// <summary>Palvelutarpeen arviointi tehty, and a plan made.</summary>
    AssessmentDone = 1,
    /// <summary>Ei todettu tarvetta.</summary>
    NoNeedFound = 2,
    /// <summary>Asiakasta ei tavoitettu.</summary>
    ClientNotReached = 3,
    /// <summary>Asiakas kieltäytyi.</summary>
    ClientDeclined = 4,
}

/// <summary>Why a receiver returned a referral: coded, so reports can count them.</summary>
public enum ReturnReason
{
    /// <summary>Väärä järjestäjä: the client lives elsewhere; the referral is re-routed to the right organiser.</summary>
    WrongOrganiser = 1,
    NotReached = 2,
    Declined = 3,
    NoNeed = 4,
    ReferredElsewhere = 5,
    NoCapacity = 6,
}

/// <summary>
/// How the referral ended, as far as the viewer may see it. <see cref="Withheld"/>: it ended, but the client's consent
/// does not cover telling Kela how.
/// </summary>
public sealed record ReferralFeedback(ReferralOutcome? Outcome, PlanType? Plan, ReturnReason? ReturnReason, string? Note, bool Withheld);

/// <summary>What happened to a referral; both sides see the same list.</summary>
public enum ReferralEventKind
{
    Sent = 1,
    Received = 2,
    Accepted = 3,
    AssessmentStarted = 4,
    Completed = 5,
    Returned = 6,
    Rerouted = 7,
    /// <summary>Social services forwarded it to a partner (detail: the <see cref="ForwardTarget"/>).</summary>
    Forwarded = 8,
    ForwardReceived = 9,
    ForwardAccepted = 10,
    ForwardCompleted = 11,
    /// <summary>The partner returned the forward (detail: the <see cref="ReturnReason"/>).</summary>
    ForwardReturned = 12,
    /// <summary>Given to a named worker by a colleague (detail: the worker's name, a colleague's, not the client's).</summary>
    Assigned = 13,
}

/// <summary>What a referral carries besides the client: its ground, the consent record, the description, urgency.</summary>
public sealed record ReferralContent(ReferralGround Ground, ConsentRecord Consent, string? SituationDescription, bool Urgent = false);

/// <summary>
/// One step of a referral's life, stamped with the actor, their organisation and the time. <see cref="Detail"/>
/// is a code (an outcome, a plan, a reason, a municipality code), never free text about the client.
/// </summary>
public sealed class ReferralEvent
{
    private ReferralEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public Guid ActorOrganisationId { get; private set; }

    public ReferralEventKind Kind { get; private set; }

    public ReferralStatus Status { get; private set; }

    public string? Detail { get; private set; }

    internal static ReferralEvent Create(
        Guid referralId, int sequence, Common.Actor actor, DateTimeOffset at, ReferralEventKind kind, ReferralStatus status, string? detail) => new()
    {
        Id = Guid.CreateVersion7(at),
        ReferralId = referralId,
        Sequence = sequence,
        At = at,
        ActorUserId = actor.UserId,
        ActorName = actor.DisplayName,
        ActorOrganisationId = actor.OrganisationId,
        Kind = kind,
        Status = status,
        Detail = detail,
    };
}
