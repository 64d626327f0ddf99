using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// A referral from a Kela district to the social services organiser of the client's home municipality: an
/// application transfer (hakemuksen siirto) or a notice (ilmoitus, in practice huoli-ilmoitus / anmälan). It is
/// shared by the sender, the receiver and any partner the receiver forwards it to (the chain), and carries the client
/// details the receiver needs, because the receiver cannot read Kela's case. Every crossing of an organisation
/// boundary is recorded as a <see cref="Disclosure"/>.
/// <para>
/// The referral's state, its errors and the helpers every move uses are here. Its legal moves are one table,
/// <see cref="ReferralLifecycle"/>; the moves themselves are in Referral.Loop.cs (sent to completed or returned) and
/// Referral.Forwards.cs (the chain beyond the receiver, each link a <see cref="ReferralForward"/>). What the user may
/// do now: <see cref="ReferralActions"/>. Who sees what: <see cref="ReferralVisibility"/>; what each crossing
/// discloses: <see cref="ReferralDisclosures"/>; the threads: <see cref="Messages.MessageThreads"/>; where it goes:
/// <see cref="ReferralRouting"/>.
/// </para>
/// </summary>
public sealed partial class Referral
{
    public const int NoteMaxLength = 1000;

    private readonly List<ReferralEvent> _events = [];
    private readonly List<ReferralForward> _forwards = [];
    private readonly List<Disclosure> _disclosures = [];

    private Referral()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid SenderOrganisationId { get; private set; }

    public Guid ReceiverOrganisationId { get; private set; }

    public ReferralGround Ground { get; private set; }

    public ReferralKind Kind => Ground.KindOf();

    /// <summary>An urgent application transfer (kiireellinen), independent of the basic assistance case's urgency.</summary>
    public bool Urgent { get; private set; }

    /// <summary>The receiver's deadline to accept it, by its own settings; null on referrals sent before deadlines existed.</summary>
    public DateOnly? RespondBy { get; private set; }

    public bool ConsentGiven { get; private set; }

    public DateOnly? ConsentGivenOn { get; private set; }

    public ConsentMethod? ConsentMethod { get; private set; }

    /// <summary>Who recorded the consent: the handler who sent the referral.</summary>
    public Guid? ConsentRecordedByUserId { get; private set; }

    public string? ConsentRecordedByName { get; private set; }

    /// <summary>The client allows the situation to be described to social services.</summary>
    public bool ConsentCoversDescription { get; private set; }

    /// <summary>Only with consent (see <see cref="ConsentRule"/>). Personal data: never log it.</summary>
    public string? SituationDescription { get; private set; }

    /// <summary>Personal data: never log it.</summary>
    public string ClientName { get; private set; } = "";

    /// <summary>Personal data: never log it.</summary>
    public PersonalIdentityCode ClientIdentityCode { get; private set; } = null!;

    public string HomeMunicipalityCode { get; private set; } = "";

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public Guid SentByUserId { get; private set; }

    public string SentByName { get; private set; } = "";

    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The named worker (omatyöntekijä) who acknowledged the referral.</summary>
    public Guid? NamedWorkerUserId { get; private set; }

    public string? NamedWorkerName { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>Why the handler sent this although the client already had an open referral.</summary>
    public string? RepeatReason { get; private set; }

    /// <summary>The client allows the outcome to be reported back to Kela (part of the consent record).</summary>
    public bool ConsentCoversFeedback { get; private set; }

    public ReferralOutcome? Outcome { get; private set; }

    /// <summary>The plan made after the assessment (suunnitelma), when the outcome is an assessment.</summary>
    public PlanType? PlanMade { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public ReturnReason? ReturnReason { get; private set; }

    /// <summary>The receiver's note on a completion or a return. Personal data: never log it.</summary>
    public string? ClosingNote { get; private set; }

    public DateTimeOffset? ReturnedAt { get; private set; }

    public IReadOnlyList<ReferralEvent> Events => _events;

    /// <summary>The forwarding chain beyond the receiver (load it with the referral when working with it).</summary>
    public IReadOnlyList<ReferralForward> Forwards => _forwards;

    /// <summary>Disclosures recorded by this instance's changes (never loaded; an append-only log).</summary>
    public IReadOnlyList<Disclosure> Disclosures => _disclosures;

    public ConsentRecord Consent => new(ConsentGiven, ConsentGivenOn, ConsentMethod, ConsentCoversDescription, ConsentCoversFeedback);

    /// <summary>Waiting to be accepted past the receiver's deadline (<see cref="ReferralPredicates.Overdue"/>).</summary>
    public bool IsOverdue(DateOnly today) => ReferralPredicates.IsOverdue(this, today);

    /// <summary>Open: social services has not yet completed or returned it (<see cref="ReferralPredicates.Open"/>).</summary>
    public bool IsOpen => ReferralPredicates.IsOpen(this);

    /// <summary>A named worker works it: accepted, perhaps in assessment, not yet closed (<see cref="ReferralPredicates.WithNamedWorker"/>).</summary>
    public bool HasNamedWorker => ReferralPredicates.HasNamedWorker(this);

    /// <summary>When social services completed or returned it; null while it is open, also after a re-route (<see cref="ReferralPredicates.ClosedAt"/>).</summary>
    public DateTimeOffset? ClosedAt => ReferralPredicates.ClosedAtOf(this);

    /// <summary>The retention period ended and the client's personal data was removed (<see cref="Anonymise"/>).</summary>
    public bool IsAnonymised => ClientIdentityCode.IsAnonymous;

    /// <summary>
    /// The retention period of the closed referral ended (see Retention.RetentionPeriods). A referral cannot be deleted
    /// once it was disclosed (the disclosure log refers to it and is append only), so it is anonymised: the name, the
    /// identity code, the situation description, the repeat reason, the closing note and the forwarding notes go; the
    /// ground, the organisations, the municipality, the consent record (flags and dates), the statuses, the dates, the
    /// outcome, the plan, the return reason and the timeline stay for the statistics. The messages go separately (they
    /// are rows of their own). Returns false when it already was anonymised; an open referral is never anonymised.
    /// </summary>
    public bool Anonymise()
    {
        if (IsAnonymised || IsOpen)
        {
            return false;
        }

        ClientName = Clients.ClientCase.AnonymisedName;
        ClientIdentityCode = PersonalIdentityCode.Anonymous;
        SituationDescription = null;
        RepeatReason = null;
        ClosingNote = null;
        foreach (var forward in _forwards)
        {
            forward.Anonymise();
        }

        return true;
    }

    public static class Errors
    {
        public static ForbiddenError NotTheCaseDistrict => new("Referral.NotTheCaseDistrict");
        public static ForbiddenError NotTheReceiver => new("Referral.NotTheReceiver");
        public static ConflictError AlreadyAccepted => new("Referral.AlreadyAccepted");
        public static InvalidTransitionError NotAccepted => new("Referral.NotAccepted");
        public static InvalidTransitionError Closed => new("Referral.Closed");
        public static ValidationError PlanRequired => new("Referral.PlanRequired") { Field = "Plan" };
        public static ValidationError PlanOnlyWithAssessment => new("Referral.PlanOnlyWithAssessment") { Field = "Plan" };
        public static ValidationError NoteTooLong => new("Referral.NoteTooLong") { Field = "Note" };
        public static ValidationError MunicipalityRequired => new("Referral.RerouteMunicipalityRequired") { Field = "MunicipalityCode" };
        public static ValidationError SameOrganiser => new("Referral.RerouteSameOrganiser") { Field = "MunicipalityCode" };
        public static ValidationError UrgentOnlyForApplications => new("Referral.UrgentOnlyForApplications") { Field = "Urgent" };
        public static ValidationError ForwardNoteWithoutConsent => new("Referral.ForwardNoteWithoutConsent") { Field = "Note" };
        public static ConflictError AlreadyForwarded => new("Referral.AlreadyForwarded");
        public static ForbiddenError NotForwardedToYou => new("Referral.NotForwardedToYou");
        public static InvalidTransitionError OpenForwards => new("Referral.OpenForwards");
    }

    /// <summary>A worker of the receiver, on a referral that is still open (the guard of every move after sending).</summary>
    internal Result CheckReceiverWorking(Actor worker) =>
        worker.OrganisationId != ReceiverOrganisationId ? Errors.NotTheReceiver
        : !IsOpen ? Errors.Closed
        : Result.Success();

    /// <summary>Records what left this organisation for another (see <see cref="ReferralDisclosures"/> for what and why).</summary>
    internal void Disclose(Actor by, Guid to, Crossing crossing, DateTimeOffset now) =>
        _disclosures.Add(Disclosure.Create(Id, by.OrganisationId, to, by, crossing.What, crossing.Basis, now));

    /// <summary>Every change of <see cref="Status"/> after sending: the move was checked first, so an illegal one here is a bug.</summary>
    private void Enter(ReferralStatus to)
    {
        if (!ReferralLifecycle.CanMove(Status, to))
        {
            throw new InvalidOperationException($"A referral cannot move from {Status} to {to}.");
        }

        Status = to;
    }

    private static string? Tidy(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private void Record(Actor actor, DateTimeOffset now, ReferralEventKind kind, StepDetail? detail = null, ReferralStatus? status = null) =>
        _events.Add(ReferralEvent.Create(Id, _events.Count + 1, actor, now, kind, status ?? Status, detail));
}
