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
