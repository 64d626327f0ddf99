using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// A referral from a Kela district to the social services organiser of the client's home municipality: an
/// application transfer (hakemuksen siirto) or a notice (ilmoitus, in practice huoli-ilmoitus / anmälan). It is
/// shared by the sender, the receiver and any partner the receiver forwards it to (the chain), and carries the client
/// details the receiver needs, because the receiver cannot read Kela's case. Every crossing of an organisation
/// boundary is recorded as a <see cref="Disclosure"/>.
/// </summary>
public sealed class Referral
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

    /// <summary>Waiting to be accepted past the receiver's deadline.</summary>
    public bool IsOverdue(DateOnly today) => Status is ReferralStatus.Sent or ReferralStatus.Received && today > RespondBy;

    /// <summary>Open: social services has not yet completed or returned it.</summary>
    public bool IsOpen => Status is not (ReferralStatus.Completed or ReferralStatus.Returned);

    /// <summary>When social services completed or returned it; null while it is open (also after a re-route).</summary>
    public DateTimeOffset? ClosedAt => Status switch
    {
        ReferralStatus.Completed => CompletedAt,
        ReferralStatus.Returned => ReturnedAt,
        _ => null,
    };

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
        public static InvalidTransitionError CannotAccept => new("Referral.CannotAccept");
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

    /// <summary>
    /// Sends a referral from the case's district to the organiser of the client's home municipality, due by that
    /// organiser's deadline for the ground. The consent record is stamped with the sender as its recorder.
    /// </summary>
    public static Result<Referral> Send(
        ClientCase clientCase,
        ReferralContent content,
        Actor sender,
        DateOnly today,
        DateTimeOffset now,
        ReferralDeadlinePolicy deadlines,
        string? repeatReason = null)
    {
        if (sender.OrganisationId != clientCase.OrganisationId)
        {
            return Errors.NotTheCaseDistrict;
        }

        var consent = content.Consent.Normalised();
        var errors = ConsentRule.Check(consent, content.SituationDescription, today).Errors.ToList();
        if (content.Urgent && content.Ground.KindOf() != ReferralKind.ApplicationTransfer)
        {
            errors.Add(Errors.UrgentOnlyForApplications);
        }

        if (repeatReason?.Trim().Length > NoteMaxLength)
        {
            errors.Add(Errors.NoteTooLong with { Field = "RepeatReason" });
        }

        if (errors.Count > 0)
        {
            return Result<Referral>.Failure(errors);
        }

        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now),
            CaseId = clientCase.Id,
            SenderOrganisationId = clientCase.OrganisationId,
            ReceiverOrganisationId = ReceiverFor(clientCase.HomeMunicipalityCode),
            Ground = content.Ground,
            Urgent = content.Urgent,
            RespondBy = deadlines.RespondBy(content.Ground, content.Urgent, today),
            ConsentGiven = consent.Given,
            ConsentGivenOn = consent.GivenOn,
            ConsentMethod = consent.Method,
            ConsentRecordedByUserId = consent.Given ? sender.UserId : null,
            ConsentRecordedByName = consent.Given ? sender.DisplayName : null,
            ConsentCoversDescription = consent.CoversDescription,
            ConsentCoversFeedback = consent.CoversFeedback,
            SituationDescription = consent.CoversDescription ? content.SituationDescription!.Trim() : null,
            ClientName = clientCase.ClientName,
            ClientIdentityCode = clientCase.IdentityCode,
            HomeMunicipalityCode = clientCase.HomeMunicipalityCode,
            Status = ReferralStatus.Sent,
            SentAt = now,
            SentByUserId = sender.UserId,
            SentByName = sender.DisplayName,
            RepeatReason = Tidy(repeatReason),
        };
        referral.Record(sender, now, ReferralEventKind.Sent, content.Ground.ToString());
        referral.Disclose(sender, referral.ReceiverOrganisationId, referral.SentData, referral.SendingBasis, now);
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

    /// <summary>
    /// A worker of the receiving organisation (in practice the team's lead) gives the referral to a colleague, who
    /// becomes its named worker; an open referral not yet accepted is accepted by it. Re-assigning an accepted one
    /// changes the named worker.
    /// </summary>
    public Result Assign(Actor assigner, Actor worker, DateTimeOffset now)
    {
        var check = CheckReceiverWorking(assigner);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (worker.OrganisationId != ReceiverOrganisationId)
        {
            return Errors.NotTheReceiver;
        }

        if (NamedWorkerUserId == worker.UserId)
        {
            return Result.Success();
        }

        MarkReceived(assigner, now);
        if (Status is ReferralStatus.Sent or ReferralStatus.Received)
        {
            Status = ReferralStatus.Accepted;
            AcceptedAt = now;
        }

        NamedWorkerUserId = worker.UserId;
        NamedWorkerName = worker.DisplayName;
        Record(assigner, now, ReferralEventKind.Assigned, worker.DisplayName.Length > 100 ? worker.DisplayName[..100] : worker.DisplayName);
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
        DiscloseFeedback(worker, now);
        return Result.Success();
    }

    /// <summary>
    /// The receiver returns the referral with a coded reason. When it reached the wrong organiser, the receiver names
    /// the client's actual home municipality and the referral is re-routed there at once, due by the new organiser's
    /// deadlines; both sides see why.
    /// </summary>
    public Result Return(
        Actor worker,
        ReturnReason reason,
        string? note,
        Municipality? actualHome,
        ReferralDeadlinePolicy newReceiverDeadlines,
        DateOnly today,
        DateTimeOffset now)
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
            DiscloseFeedback(worker, now);
            return Result.Success();
        }

        if (actualHome is null)
        {
            return Errors.MunicipalityRequired;
        }

        // The partners this organiser involved work with it, not with the next one: they finish first.
        if (_forwards.Any(f => f.IsOpen))
        {
            return Errors.OpenForwards;
        }

        var newReceiver = ReceiverFor(actualHome.Code);
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
        RespondBy = newReceiverDeadlines.RespondBy(Ground, Urgent, today);
        ReceivedAt = null;
        NamedWorkerUserId = null;
        NamedWorkerName = null;
        AcceptedAt = null;
        Record(worker, now, ReferralEventKind.Rerouted, actualHome.Code);
        // The wrong organiser hands the referral on as it came: the same data on the same basis.
        Disclose(worker, newReceiver, SentData, SendingBasis, now);
        return Result.Success();
    }

    /// <summary>
    /// Social services forwards the referral to health care (of the same organiser's area) or to outreach youth work
    /// (of the client's home municipality). A note goes with it only when the consent covers describing the situation;
    /// without consent the forward rests on SHL 41 § (multi-professional cooperation).
    /// </summary>
    public Result<ReferralForward> Forward(Actor worker, ForwardTarget target, string? note, DateTimeOffset now)
    {
        var check = CheckReceiverWorking(worker);
        if (!check.IsSuccess)
        {
            return Result<ReferralForward>.Failure(check.Errors);
        }

        if (Status is not (ReferralStatus.Accepted or ReferralStatus.InAssessment))
        {
            return Errors.NotAccepted;
        }

        var hasNote = !string.IsNullOrWhiteSpace(note);
        if (hasNote && !ConsentCoversDescription)
        {
            return Errors.ForwardNoteWithoutConsent;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        var to = PartnerFor(target);
        if (_forwards.Any(f => f.ToOrganisationId == to && f.IsOpen))
        {
            return Errors.AlreadyForwarded;
        }

        var forward = ReferralForward.Create(Id, target, ReceiverOrganisationId, to, worker, Tidy(note), now);
        _forwards.Add(forward);
        Record(worker, now, ReferralEventKind.Forwarded, target.ToString());
        var what = DisclosedData.ClientIdentity | DisclosedData.Ground
            | (SituationDescription is null ? DisclosedData.None : DisclosedData.SituationDescription)
            | (hasNote ? DisclosedData.ForwardNote : DisclosedData.None);
        Disclose(worker, to, what, ConsentGiven ? LegalBasis.ClientConsent : LegalBasis.SocialWelfareAct41, now);
        return forward;
    }

    /// <summary>The partner's organisation opened the forwarded referral for the first time.</summary>
    public bool MarkForwardReceived(Actor reader, DateTimeOffset now)
    {
        var forward = OpenForwardTo(reader.OrganisationId);
        if (forward is null || !forward.MarkReceived(now))
        {
            return false;
        }

        Record(reader, now, ReferralEventKind.ForwardReceived, forward.Target.ToString(), forward.Status);
        return true;
    }

    /// <summary>A worker of the partner acknowledges the forward and becomes its named worker.</summary>
    public Result AcceptForward(Actor worker, DateTimeOffset now)
    {
        if (OpenForwardTo(worker.OrganisationId) is not { } forward)
        {
            return Errors.NotForwardedToYou;
        }

        if (forward.Status is not (ReferralStatus.Sent or ReferralStatus.Received))
        {
            return Errors.AlreadyAccepted;
        }

        // Accepting unopened counts as opening it too, as for the referral itself.
        MarkForwardReceived(worker, now);
        forward.Accept(worker, now);
        Record(worker, now, ReferralEventKind.ForwardAccepted, forward.Target.ToString(), forward.Status);
        return Result.Success();
    }

    /// <summary>The partner's named work is done; the note goes back to social services.</summary>
    public Result CompleteForward(Actor worker, string? note, DateTimeOffset now)
    {
        if (OpenForwardTo(worker.OrganisationId) is not { } forward)
        {
            return Errors.NotForwardedToYou;
        }

        if (forward.Status != ReferralStatus.Accepted)
        {
            return Errors.NotAccepted;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        forward.Complete(Tidy(note), now);
        Record(worker, now, ReferralEventKind.ForwardCompleted, forward.Target.ToString(), forward.Status);
        DiscloseForwardFeedback(worker, forward, now);
        return Result.Success();
    }

    /// <summary>The partner returns the forward with a coded reason.</summary>
    public Result ReturnForward(Actor worker, ReturnReason reason, string? note, DateTimeOffset now)
    {
        if (OpenForwardTo(worker.OrganisationId) is not { } forward)
        {
            return Errors.NotForwardedToYou;
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            return Errors.NoteTooLong;
        }

        forward.Return(reason, Tidy(note), now);
        Record(worker, now, ReferralEventKind.ForwardReturned, reason.ToString(), forward.Status);
        DiscloseForwardFeedback(worker, forward, now);
        return Result.Success();
    }

    /// <summary>
    /// The organisations the given one may write to on this referral: sender and receiver to each other, the receiver
    /// to every partner it forwarded to and back. Each pair has its own thread; nobody else reads it.
    /// </summary>
    public IReadOnlyList<Guid> CounterpartsOf(Guid organisationId)
    {
        if (organisationId == SenderOrganisationId)
        {
            return [ReceiverOrganisationId];
        }

        // Only the current receiver's own forwards: after a re-route the old receiver's partners are not the new one's.
        if (organisationId == ReceiverOrganisationId)
        {
            return [SenderOrganisationId, .. _forwards.Where(f => f.FromOrganisationId == organisationId).Select(f => f.ToOrganisationId).Distinct()];
        }

        return [.. _forwards.Where(f => f.ToOrganisationId == organisationId && f.FromOrganisationId == ReceiverOrganisationId)
            .Select(f => f.FromOrganisationId).Distinct()];
    }

    /// <summary>
    /// Writes a message, with files, to one counterpart in the chain; a disclosure on the basis of the consent or,
    /// without it, of the referral's own legal basis. Load <see cref="Forwards"/> first.
    /// </summary>
    public Result<ReferralMessage> PostMessage(
        Actor sender, Guid toOrganisationId, string? body, IReadOnlyList<AttachmentUpload> attachments, DateTimeOffset now)
    {
        if (!CounterpartsOf(sender.OrganisationId).Contains(toOrganisationId))
        {
            return ReferralMessage.Errors.NotInThread;
        }

        var created = ReferralMessage.Create(Id, sender, toOrganisationId, body, attachments, now);
        if (!created.TryGetValue(out var message))
        {
            return created;
        }

        var what = (message.Body.Length > 0 ? DisclosedData.Message : DisclosedData.None)
            | (message.Attachments.Count > 0 ? DisclosedData.Attachment : DisclosedData.None);
        var inForwardThread = sender.OrganisationId != SenderOrganisationId && toOrganisationId != SenderOrganisationId;
        var basis = ConsentGiven ? LegalBasis.ClientConsent : inForwardThread ? LegalBasis.SocialWelfareAct41 : Ground.LegalBasisOf();
        Disclose(sender, toOrganisationId, what, basis, now);
        return message;
    }

    /// <summary>
    /// What an organisation may see of how the referral ended. The receiver sees everything; the sender (Kela) sees
    /// the outcome, the plan and the note only when the client's consent covers feedback, otherwise only that the
    /// referral was received and handled. A return to the wrong organiser is no finding about the client and is shown.
    /// </summary>
    public ReferralFeedback FeedbackVisibleTo(Guid organisationId)
    {
        if (organisationId == ReceiverOrganisationId || (organisationId == SenderOrganisationId && ConsentCoversFeedback))
        {
            return new ReferralFeedback(Outcome, PlanMade, ReturnReason, ClosingNote, Withheld: false);
        }

        var wrongOrganiser = ReturnReason == Referrals.ReturnReason.WrongOrganiser ? ReturnReason : null;
        return new ReferralFeedback(null, null, wrongOrganiser, null, Withheld: organisationId == SenderOrganisationId && !IsOpen);
    }

    /// <summary>
    /// An event's detail as an organisation may see it. The steps are shared along the chain, but how the referral or
    /// a forward ended (an outcome, a plan, a closing reason) is shown to the receiver (the hub of the chain), to the
    /// organisation that recorded it, and to the sender only when the consent covers feedback.
    /// </summary>
    public string? DetailVisibleTo(ReferralEvent referralEvent, Guid organisationId)
    {
        var revealsEnding = referralEvent.Kind is ReferralEventKind.Completed or ReferralEventKind.Returned
                or ReferralEventKind.ForwardCompleted or ReferralEventKind.ForwardReturned
            && referralEvent.Detail != nameof(Referrals.ReturnReason.WrongOrganiser);
        var sees = !revealsEnding
            || organisationId == ReceiverOrganisationId
            || organisationId == referralEvent.ActorOrganisationId
            || (organisationId == SenderOrganisationId && ConsentCoversFeedback);
        return sees ? referralEvent.Detail : null;
    }

    /// <summary>Whether an organisation is in the chain: sender, receiver or a partner forwarded to.</summary>
    public bool IsInChain(Guid organisationId) =>
        organisationId == SenderOrganisationId || organisationId == ReceiverOrganisationId
        || _forwards.Any(f => f.ToOrganisationId == organisationId);

    private Result CheckReceiverWorking(Actor worker) =>
        worker.OrganisationId != ReceiverOrganisationId ? Errors.NotTheReceiver
        : !IsOpen ? Errors.Closed
        : Result.Success();

    private static string? Tidy(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private void Record(Actor actor, DateTimeOffset now, ReferralEventKind kind, string? detail = null, ReferralStatus? status = null) =>
        _events.Add(ReferralEvent.Create(Id, _events.Count + 1, actor, now, kind, status ?? Status, detail));

    private ReferralForward? OpenForwardTo(Guid organisationId) =>
        _forwards.LastOrDefault(f => f.ToOrganisationId == organisationId && f.IsOpen);

    private Guid PartnerFor(ForwardTarget target) => target switch
    {
        ForwardTarget.HealthCare => Organisation.IdFor(OrganisationKind.HealthCare, OrganiserCodeFor(HomeMunicipalityCode)),
        ForwardTarget.OutreachYouthWork => Organisation.IdFor(OrganisationKind.OutreachYouthWork, HomeMunicipalityCode),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>What the referral itself carries to its receiver.</summary>
    private DisclosedData SentData =>
        DisclosedData.ClientIdentity | DisclosedData.Ground
        | (SituationDescription is null ? DisclosedData.None : DisclosedData.SituationDescription);

    /// <summary>With consent the consent record; without it the ground's own section of law.</summary>
    private LegalBasis SendingBasis => ConsentGiven ? LegalBasis.ClientConsent : Ground.LegalBasisOf();

    /// <summary>Feedback to Kela: the outcome as far as the consent covers it, otherwise only that it was handled.</summary>
    private void DiscloseFeedback(Actor worker, DateTimeOffset now)
    {
        var what = !ConsentCoversFeedback
            ? DisclosedData.StatusOnly
            : DisclosedData.Outcome
                | (PlanMade is null ? DisclosedData.None : DisclosedData.Plan)
                | (ClosingNote is null ? DisclosedData.None : DisclosedData.ClosingNote);
        Disclose(worker, SenderOrganisationId, what, ConsentCoversFeedback ? LegalBasis.ClientConsent : Ground.LegalBasisOf(), now);
    }

    private void DiscloseForwardFeedback(Actor worker, ReferralForward forward, DateTimeOffset now) =>
        Disclose(
            worker,
            forward.FromOrganisationId,
            DisclosedData.Outcome | (forward.ClosingNote is null ? DisclosedData.None : DisclosedData.ClosingNote),
            ConsentGiven ? LegalBasis.ClientConsent : LegalBasis.SocialWelfareAct41,
            now);

    private void Disclose(Actor by, Guid to, DisclosedData what, LegalBasis basis, DateTimeOffset now) =>
        _disclosures.Add(Disclosure.Create(Id, by.OrganisationId, to, by, what, basis, now));

    /// <summary>Where the referral goes: the organiser of the client's home municipality.</summary>
    public static SocialServicesOrganiser RouteFor(Municipality homeMunicipality, ReferenceCatalog catalog) =>
        catalog.ReceivingOrganiserFor(homeMunicipality);

    /// <summary>The organisation that receives referrals for a home municipality: its social services organiser.</summary>
    public static Guid ReceiverFor(string homeMunicipalityCode) =>
        Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, OrganiserCodeFor(homeMunicipalityCode));

    /// <summary>The routing is the domain's: no caller can send a referral to another organiser by mistake.</summary>
    private static string OrganiserCodeFor(string homeMunicipalityCode)
    {
        var catalog = ReferenceCatalog.Instance;
        var municipality = catalog.FindMunicipality(homeMunicipalityCode)
            ?? throw new InvalidOperationException("A home municipality is not in the reference data.");
        return RouteFor(municipality, catalog).Code;
    }
}
