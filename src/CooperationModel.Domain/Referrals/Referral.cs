using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// A referral (ilmoitus, in practice huoli-ilmoitus / anmälan) from a Kela district to the social services
/// organiser of the client's home municipality. It is shared by exactly two organisations, sender and receiver,
/// and carries the client details the receiver needs, because the receiver cannot read Kela's case.
/// </summary>
public sealed class Referral
{
    public const int NoteMaxLength = 1000;

    private readonly List<ReferralEvent> _events = [];

    private Referral()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid SenderOrganisationId { get; private set; }

    public Guid ReceiverOrganisationId { get; private set; }

    public ReferralGround Ground { get; private set; }

    public bool ConsentGiven { get; private set; }

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

    /// <summary>Open: social services has not yet completed or returned it.</summary>
    public bool IsOpen => Status is not (ReferralStatus.Completed or ReferralStatus.Returned);

    public static class Errors
    {
        public static ForbiddenError NotTheCaseDistrict => new("Referral.NotTheCaseDistrict");
        public static ForbiddenError NotTheReceiver => new("Referral.NotTheReceiver");
        public static ConflictError AlreadyAccepted => new("Referral.AlreadyAccepted");
        public static InvalidTransitionError CannotAccept => new("Referral.CannotAccept");
        public static InvalidTransitionError NotAccepted => new("Referral.NotAccepted");
        public static InvalidTransitionError Closed => new("Referral.Closed");
        public static ValidationError PlanRequired => new("Referral.PlanRequired") { Field = "Plan" };
        public static ValidationError PlanOnlyWithAssessment => new("Referral.PlanOnlyWithAssessment") { Field = "Plan" };
        public static ValidationError NoteTooLong => new("Referral.NoteTooLong") { Field = "Note" };
        public static ValidationError MunicipalityRequired => new("Referral.RerouteMunicipalityRequired") { Field = "MunicipalityCode" };
        public static ValidationError SameOrganiser => new("Referral.RerouteSameOrganiser") { Field = "MunicipalityCode" };
    }

    /// <summary>Sends a referral from the case's district to the organiser of the client's home municipality.</summary>
    public static Result<Referral> Send(
        ClientCase clientCase,
        ReferralGround ground,
        bool consentGiven,
        string? situationDescription,
        Actor sender,
        DateTimeOffset now,
        bool consentCoversFeedback = false,
        string? repeatReason = null)
    {
        if (sender.OrganisationId != clientCase.OrganisationId)
        {
            return Errors.NotTheCaseDistrict;
        }

        var consent = ConsentRule.Check(consentGiven, situationDescription);
        if (!consent.IsSuccess)
        {
            return Result<Referral>.Failure(consent.Errors);
        }

        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now),
            CaseId = clientCase.Id,
            SenderOrganisationId = clientCase.OrganisationId,
            ReceiverOrganisationId = ReceiverFor(clientCase.HomeMunicipalityCode),
            Ground = ground,
            ConsentGiven = consentGiven,
            SituationDescription = consentGiven ? situationDescription!.Trim() : null,
            ClientName = clientCase.ClientName,
            ClientIdentityCode = clientCase.IdentityCode,
            HomeMunicipalityCode = clientCase.HomeMunicipalityCode,
            Status = ReferralStatus.Sent,
            SentAt = now,
            SentByUserId = sender.UserId,
            SentByName = sender.DisplayName,
            ConsentCoversFeedback = consentGiven && consentCoversFeedback,
            RepeatReason = Tidy(repeatReason),
        };
        referral.Record(sender, now, ReferralEventKind.Sent, ground.ToString());
        return referral;
    }

    /// <summary>The receiving organisation opened the referral for the first time. Returns whether anything changed.</summary>
    public bool MarkReceived(Actor reader, DateTimeOffset now)
    {
        if (reader.OrganisationId != ReceiverOrganisationId || Status != ReferralStatus.Sent)
        {
            return false;
        }

        Status = ReferralStatus.Received;
        ReceivedAt = now;
        Record(reader, now, ReferralEventKind.Received);
        return true;
    }

    /// <summary>A social worker of the receiving organisation acknowledges the referral and becomes its named worker.</summary>
    public Result Accept(Actor worker, DateTimeOffset now)
    {
        if (worker.OrganisationId != ReceiverOrganisationId)
        {
            return Errors.NotTheReceiver;
        }

        switch (Status)
        {
            case ReferralStatus.Sent or ReferralStatus.Received:
                break;
            case ReferralStatus.Accepted or ReferralStatus.InAssessment or ReferralStatus.Completed:
                return Errors.AlreadyAccepted;
            case ReferralStatus.Returned:
                return Errors.CannotAccept;
        }

        MarkReceived(worker, now);
        Status = ReferralStatus.Accepted;
        NamedWorkerUserId = worker.UserId;
        NamedWorkerName = worker.DisplayName;
        AcceptedAt = now;
        Record(worker, now, ReferralEventKind.Accepted);
        return Result.Success();
    }

    /// <summary>The service-need assessment has started (SHL 36 §).</summary>
    public Result StartAssessment(Actor worker, DateTimeOffset now)
    {
        var check = CheckReceiverWorking(worker);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (Status != ReferralStatus.Accepted)
        {
            return Status == ReferralStatus.InAssessment ? Result.Success() : Errors.NotAccepted;
        }

        Status = ReferralStatus.InAssessment;
        Record(worker, now, ReferralEventKind.AssessmentStarted);
        return Result.Success();
    }

    /// <summary>
    /// Social services records how the referral ended; with an assessment done, the plan made. Recording it completes
    /// the referral, so the worker never fills in a separate status form.
    /// </summary>
    public Result Complete(Actor worker, ReferralOutcome outcome, PlanType? plan, string? note, DateTimeOffset now)
    {
        var check = CheckReceiverWorking(worker);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (Status is not (ReferralStatus.Accepted or ReferralStatus.InAssessment))
        {
            return Errors.NotAccepted;
        }

        var errors = new List<Error>();
        if (outcome == ReferralOutcome.AssessmentDone && plan is null)
        {
            errors.Add(Errors.PlanRequired);
        }

        if (outcome != ReferralOutcome.AssessmentDone && plan is not null)
        {
            errors.Add(Errors.PlanOnlyWithAssessment);
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            errors.Add(Errors.NoteTooLong);
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Status = ReferralStatus.Completed;
        Outcome = outcome;
        PlanMade = plan;
        ClosingNote = Tidy(note);
        CompletedAt = now;
        Record(worker, now, ReferralEventKind.Completed, plan is { } made ? $"{outcome}.{made}" : outcome.ToString());
        return Result.Success();
    }

    /// <summary>
    /// The receiver returns the referral with a coded reason. When it reached the wrong organiser, the receiver names
    /// the client's actual home municipality and the referral is re-routed there at once; both sides see why.
    /// </summary>
    public Result Return(Actor worker, ReturnReason reason, string? note, Municipality? actualHome, ReferenceCatalog catalog, DateTimeOffset now)
    {
        if (worker.OrganisationId != ReceiverOrganisationId)
        {
            return Errors.NotTheReceiver;
        }

        if (!IsOpen)
        {
            return Errors.Closed;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        if (reason != Referrals.ReturnReason.WrongOrganiser)
        {
            Status = ReferralStatus.Returned;
            ReturnReason = reason;
            ClosingNote = Tidy(note);
            ReturnedAt = now;
            Record(worker, now, ReferralEventKind.Returned, reason.ToString());
            return Result.Success();
        }

        if (actualHome is null)
        {
            return Errors.MunicipalityRequired;
        }

        var newReceiver = Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, RouteFor(actualHome, catalog).Code);
        if (newReceiver == ReceiverOrganisationId)
        {
            return Errors.SameOrganiser;
        }

        // Both sides see why it moved: the reason, the time and the returning worker's note stay on the referral.
        ReturnReason = reason;
        ReturnedAt = now;
        ClosingNote = Tidy(note);
        Status = ReferralStatus.Returned;
        Record(worker, now, ReferralEventKind.Returned, reason.ToString());
        ReceiverOrganisationId = newReceiver;
        HomeMunicipalityCode = actualHome.Code;
        Status = ReferralStatus.Sent;
        ReceivedAt = null;
        NamedWorkerUserId = null;
        NamedWorkerName = null;
        AcceptedAt = null;
        Record(worker, now, ReferralEventKind.Rerouted, actualHome.Code);
        return Result.Success();
    }

    /// <summary>
    /// What an organisation may see of how the referral ended. The receiver sees everything; the sender (Kela) sees
    /// the outcome, the plan and the note only when the client's consent covers feedback, otherwise only that the
    /// referral was received and handled. A return to the wrong organiser is no finding about the client and is shown.
    /// </summary>
    public ReferralFeedback FeedbackVisibleTo(Guid organisationId)
    {
        var full = organisationId == ReceiverOrganisationId || ConsentCoversFeedback;
        return full
            ? new ReferralFeedback(Outcome, PlanMade, ReturnReason, ClosingNote, Withheld: false)
            : new ReferralFeedback(null, null, ReturnReason == Referrals.ReturnReason.WrongOrganiser ? ReturnReason : null, null, Withheld: !IsOpen);
    }

    /// <summary>
    /// An event's detail as an organisation may see it: the steps are shared, but how the referral ended (the outcome,
    /// the plan, a closing return's reason) follows the same consent rule as <see cref="FeedbackVisibleTo"/>.
    /// </summary>
    public string? DetailVisibleTo(ReferralEvent referralEvent, Guid organisationId)
    {
        var revealsEnding = referralEvent.Kind is ReferralEventKind.Completed or ReferralEventKind.Returned
            && referralEvent.Detail != nameof(Referrals.ReturnReason.WrongOrganiser);
        return !revealsEnding || organisationId == ReceiverOrganisationId || ConsentCoversFeedback
            ? referralEvent.Detail
            : null;
    }

    private Result CheckReceiverWorking(Actor worker) =>
        worker.OrganisationId != ReceiverOrganisationId ? Errors.NotTheReceiver
        : !IsOpen ? Errors.Closed
        : Result.Success();

    private static string? Tidy(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private void Record(Actor actor, DateTimeOffset now, ReferralEventKind kind, string? detail = null) =>
        _events.Add(ReferralEvent.Create(Id, _events.Count + 1, actor, now, kind, Status, detail));

    /// <summary>Where the referral goes: the organiser of the client's home municipality.</summary>
    public static SocialServicesOrganiser RouteFor(Municipality homeMunicipality, ReferenceCatalog catalog) =>
        catalog.ReceivingOrganiserFor(homeMunicipality);

    /// <summary>The routing is the domain's: no caller can send a referral to another organiser by mistake.</summary>
    private static Guid ReceiverFor(string homeMunicipalityCode)
    {
        var catalog = ReferenceCatalog.Instance;
        var municipality = catalog.FindMunicipality(homeMunicipalityCode)
            ?? throw new InvalidOperationException("A case's home municipality is not in the reference data.");
        return Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, RouteFor(municipality, catalog).Code);
    }
}
