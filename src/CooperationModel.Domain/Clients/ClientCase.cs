using System.Globalization;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Clients;

/// <summary>
/// A client's basic social assistance case (asia / ärende) in a Kela insurance district, followed through the six
/// stages of the client process. The client's home municipality decides which district handles it. Every change
/// goes through a method, is checked against <see cref="CaseStages"/>, and leaves an event on the timeline.
/// </summary>
public sealed class ClientCase : ITenantOwned
{
    public const int ClientNameMaxLength = 200;

    /// <summary>The name an anonymised case shows (language neutral; the name column cannot be empty).</summary>
    public const string AnonymisedName = "***";

    private readonly List<CaseEvent> _events = [];
    private readonly List<GuidanceContact> _guidance = [];

    private ClientCase()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The Kela district that handles the case (the tenant).</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Personal data: never log it.</summary>
    public string ClientName { get; private set; } = "";

    /// <summary>Personal data: never log it.</summary>
    public PersonalIdentityCode IdentityCode { get; private set; } = null!;

    public string HomeMunicipalityCode { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public Guid OpenedByUserId { get; private set; }

    public CaseStage Stage { get; private set; }

    public ApplicationDetails? Application { get; private set; }

    /// <summary>The queue while the case is in processing; null before.</summary>
    public ProcessingQueue? Queue { get; private set; }

    /// <summary>When the case arrived in its queue: the urgent queue is taken in this order.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>The handler who took the case from the queue.</summary>
    public Guid? HandlerUserId { get; private set; }

    public string? HandlerName { get; private set; }

    public bool UrgencyConfirmed { get; private set; }

    /// <summary>How the decision is collected, as agreed with the client on the phone.</summary>
    public DecisionCollection? AgreedCollection { get; private set; }

    /// <summary>The legal deadline for the decision (Social Assistance Act 14 a §), once it can be counted.</summary>
    public DateOnly? DecisionDueOn { get; private set; }

    public CaseDecision? Decision { get; private set; }

    /// <summary>The latest life-situation survey (elämäntilanteen kartoitus). Special-category personal data: never log it.</summary>
    public LifeSituationSurvey? Survey { get; private set; }

    public IReadOnlyList<CaseEvent> Events => _events;

    public IReadOnlyList<GuidanceContact> GuidanceContacts => _guidance;

    /// <summary>The retention period ended and the client's personal data was removed (<see cref="Anonymise"/>).</summary>
    public bool IsAnonymised => IdentityCode.IsAnonymous;

    /// <summary>
    /// Before processing the case is with the handler who opened it; from the queue on, with the handler who took it
    /// (<see cref="HandlerUserId"/>; nobody while it waits in the queue).
    /// </summary>
    public static bool IsHeldByOpener(CaseStage stage) => stage is CaseStage.Guidance or CaseStage.Application;

    /// <summary>Urgent handling applies while the case is in the urgent queue, or was asked for before processing.</summary>
    public bool IsUrgent => Queue is { } queue ? queue == ProcessingQueue.Urgent : Application?.UrgentRequested == true;

    public static class Errors
    {
        public static ValidationError ClientNameRequired => new("Case.ClientNameRequired") { Field = "ClientName" };
        public static ValidationError ClientNameTooLong => new("Case.ClientNameTooLong") { Field = "ClientName" };
        public static ValidationError MunicipalityUnknown => new("Case.MunicipalityUnknown") { Field = "HomeMunicipalityCode" };
        public static ValidationError MunicipalityOnAland => new("Case.MunicipalityOnAland") { Field = "HomeMunicipalityCode" };
        public static ValidationError MunicipalityInOtherDistrict => new("Case.MunicipalityInOtherDistrict") { Field = "HomeMunicipalityCode" };
        public static ForbiddenError NotAKelaDistrict => new("Case.NotAKelaDistrict");
        public static ValidationError ReceivedInFuture => new("Case.ReceivedInFuture") { Field = "ReceivedOn" };
        public static ValidationError CompleteBeforeReceived => new("Case.CompleteBeforeReceived") { Field = "CompleteOn" };
        public static ValidationError CompleteInFuture => new("Case.CompleteInFuture") { Field = "CompleteOn" };
        public static InvalidTransitionError NoApplication => new("Case.NoApplication");
        public static InvalidTransitionError NotInProcessing => new("Case.NotInProcessing");
        public static InvalidTransitionError NotInUrgentQueue => new("Case.NotInUrgentQueue");
        public static InvalidTransitionError ApplicationClosed => new("Case.ApplicationClosed");
        public static ConflictError AlreadyTaken => new("Case.AlreadyTaken");
        public static ForbiddenError NotYourCase => new("Case.NotYourCase");
        public static InvalidTransitionError UseTheStageAction => new("Case.UseTheStageAction");
        public static ValidationError NameDiffersFromKnownClient => new("Case.NameDiffersFromKnownClient") { Field = "ClientName" };
    }

    /// <summary>
    /// Whether a name differs from every name the client's earlier cases carry (letter case and surrounding spaces aside).
    /// Names do change, so a different one is allowed, but only when the handler confirms it (<see cref="ConfirmNameChange"/>):
    /// otherwise one identity code would show under two names without anyone having decided it.
    /// </summary>
    public static bool NameDiffersFrom(string name, IEnumerable<string> knownNames)
    {
        var known = knownNames.Select(n => n.Trim()).ToList();
        return known.Count > 0 && !known.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The handler confirmed that the client's name changed: the timeline says so (without either name).</summary>
    public void ConfirmNameChange(Actor handler, DateTimeOffset now) => Record(handler, now, CaseEventKind.NameChangeConfirmed);

    /// <summary>
    /// Opens a case in the handler's district. On Åland the municipalities decide social assistance
    /// themselves, so Kela opens no case there; elsewhere the home municipality must lie in the handler's district.
    /// </summary>
    public static Result<ClientCase> Open(
        Actor handler,
        Organisation district,
        string clientName,
        PersonalIdentityCode identityCode,
        Municipality homeMunicipality,
        DateTimeOffset now)
    {
        if (district.Kind != OrganisationKind.KelaDistrict || district.Id != handler.OrganisationId)
        {
            return Errors.NotAKelaDistrict;
        }

        var name = clientName.Trim();
        if (name.Length == 0)
        {
            return Errors.ClientNameRequired;
        }

        if (name.Length > ClientNameMaxLength)
        {
            return Errors.ClientNameTooLong;
        }

        if (homeMunicipality.IsOnAland)
        {
            return Errors.MunicipalityOnAland;
        }

        if (homeMunicipality.KelaDistrictCode != district.Code)
        {
            return Errors.MunicipalityInOtherDistrict;
        }

        var clientCase = new ClientCase
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = district.Id,
            ClientName = name,
            IdentityCode = identityCode,
            HomeMunicipalityCode = homeMunicipality.Code,
            OpenedAt = now,
            OpenedByUserId = handler.UserId,
            Stage = CaseStage.Guidance,
        };
        clientCase.Record(handler, now, CaseEventKind.Opened);
        return clientCase;
    }

    /// <summary>Stage 1: a guidance contact, with the client's devices and skills (they give the client type).</summary>
    public Result RecordGuidance(Actor handler, GuidanceChannel channel, bool hasDevices, bool hasSkills, DateTimeOffset now)
    {
        _guidance.Add(GuidanceContact.Create(Id, OrganisationId, channel, hasDevices, hasSkills, handler, now));
        Record(handler, now, CaseEventKind.GuidanceRecorded, detail: channel.ToString());
        return Result.Success();
    }

    /// <summary>
    /// Stage 2: the application's channel, dates and urgency. Recording it moves a case in guidance to the application
    /// stage; it can be corrected until the decision (for example when the missing attachments come in).
    /// </summary>
    public Result RecordApplication(Actor handler, ApplicationDetails application, DateOnly today, DateTimeOffset now)
    {
        if (Stage is not (CaseStage.Guidance or CaseStage.Application or CaseStage.Processing))
        {
            return Errors.ApplicationClosed;
        }

        var errors = new List<Error>();
        if (application.ReceivedOn > today)
        {
            errors.Add(Errors.ReceivedInFuture);
        }
        else
        {
            errors.AddRange(EnteredDate.Check(application.ReceivedOn, today, nameof(ApplicationDetails.ReceivedOn)).Errors);
        }

        if (application.CompleteOn is { } complete)
        {
            if (complete < application.ReceivedOn)
            {
                errors.Add(Errors.CompleteBeforeReceived);
            }

            if (complete > today)
            {
                errors.Add(Errors.CompleteInFuture);
            }
            else
            {
                errors.AddRange(EnteredDate.Check(complete, today, nameof(ApplicationDetails.CompleteOn)).Errors);
            }
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Application = application;
        Record(handler, now, CaseEventKind.ApplicationRecorded, detail: application.Channel.ToString());
        if (Stage == CaseStage.Guidance)
        {
            MoveTo(CaseStage.Application, handler, now);
        }

        UpdateDeadline();
        return Result.Success();
    }

    /// <summary>Stage 3: the application goes to the district's urgent queue when urgency was asked for, otherwise to the normal queue.</summary>
    public Result SendToProcessing(Actor handler, DateTimeOffset now)
    {
        if (Application is null)
        {
            return Errors.NoApplication;
        }

        var moved = MoveTo(CaseStage.Processing, handler, now);
        if (!moved.IsSuccess)
        {
            return moved;
        }

        Queue = Application.UrgentRequested ? ProcessingQueue.Urgent : ProcessingQueue.Normal;
        QueuedAt = now;
        HandlerUserId = null;
        HandlerName = null;
        UrgencyConfirmed = false;
        Record(handler, now, CaseEventKind.Queued, detail: Queue.ToString());
        UpdateDeadline();
        return Result.Success();
    }

    /// <summary>A handler takes the case from its queue. Two handlers never hold the same case.</summary>
    public Result Take(Actor handler, DateTimeOffset now)
    {
        if (Stage != CaseStage.Processing)
        {
            return Errors.NotInProcessing;
        }

        if (HandlerUserId is not null)
        {
            return HandlerUserId == handler.UserId ? Result.Success() : Errors.AlreadyTaken;
        }

        HandlerUserId = handler.UserId;
        HandlerName = handler.DisplayName;
        Record(handler, now, CaseEventKind.Taken, detail: Queue?.ToString());
        return Result.Success();
    }

    /// <summary>The handler who took an urgent case confirms that it is urgent.</summary>
    public Result ConfirmUrgency(Actor handler, DateTimeOffset now)
    {
        var check = CheckUrgentAndMine(handler);
        if (!check.IsSuccess)
        {
            return check;
        }

        UrgencyConfirmed = true;
        Record(handler, now, CaseEventKind.UrgencyConfirmed);
        return Result.Success();
    }

    /// <summary>The handler who took an urgent case finds it is not urgent: it moves to the normal queue with the normal deadline.</summary>
    public Result MoveToNormalQueue(Actor handler, DateTimeOffset now)
    {
        var check = CheckUrgentAndMine(handler);
        if (!check.IsSuccess)
        {
            return check;
        }

        Queue = ProcessingQueue.Normal;
        UrgencyConfirmed = false;
        Record(handler, now, CaseEventKind.MovedToNormalQueue);
        UpdateDeadline();
        return Result.Success();
    }

    /// <summary>The phone call with the client, and the agreed way of collecting the decision and any payment commitment.</summary>
    public Result LogClientCall(Actor handler, DecisionCollection agreedCollection, DateTimeOffset now)
    {
        if (Stage is not (CaseStage.Processing or CaseStage.Decision))
        {
            return Errors.NotInProcessing;
        }

        AgreedCollection = agreedCollection;
        Record(handler, now, CaseEventKind.ClientCalled, detail: agreedCollection.ToString());
        return Result.Success();
    }

    /// <summary>
    /// Stage 4: the decision, by the handler who took the case from the queue. An urgent case may carry a payment commitment.
    /// </summary>
    public Result RecordDecision(Actor handler, CaseDecision decision, DateOnly today, DateTimeOffset now)
    {
        if (Stage != CaseStage.Processing || Application is null)
        {
            return Errors.NotInProcessing;
        }

        if (HandlerUserId != handler.UserId)
        {
            return Errors.NotYourCase;
        }

        var check = decision.Check(Application, IsUrgent, today);
        if (!check.IsSuccess)
        {
            return check;
        }

        Decision = decision;
        Record(handler, now, CaseEventKind.DecisionRecorded, detail: decision.Outcome.ToString());
        return MoveTo(CaseStage.Decision, handler, now);
    }

    /// <summary>The life-situation survey, at any stage; a new one replaces the old, and the timeline keeps the date.</summary>
    public Result RecordSurvey(Actor handler, LifeSituationSurvey survey, DateOnly today, DateTimeOffset now)
    {
        var valid = survey.Validate(today);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        Survey = survey with { Notes = string.IsNullOrWhiteSpace(survey.Notes) ? null : survey.Notes.Trim() };
        Record(handler, now, CaseEventKind.SurveyRecorded, detail: survey.SurveyedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Result.Success();
    }

    /// <summary>A referral was sent from this case; after a decision that moves the case to the referral stage.</summary>
    public void NoteReferralSent(Actor handler, ReferralGround ground, DateTimeOffset now)
    {
        Record(handler, now, CaseEventKind.ReferralSent, detail: ground.ToString());
        if (Stage == CaseStage.Decision)
        {
            MoveTo(CaseStage.ReferralToSocialWork, handler, now);
        }
    }

    /// <summary>
    /// A move the handler makes by hand (back to guidance or application, on to cooperation or referral). Moves into
    /// processing and decision need their data and go through <see cref="SendToProcessing"/> and <see cref="RecordDecision"/>.
    /// </summary>
    public Result AdvanceTo(Actor handler, CaseStage next, DateTimeOffset now)
    {
        if (next is CaseStage.Processing or CaseStage.Decision)
        {
            return CaseStages.CanMove(Stage, next) ? Errors.UseTheStageAction : CaseStages.IllegalMove(Stage, next);
        }

        var moved = MoveTo(next, handler, now);
        if (moved.IsSuccess && next == CaseStage.Application)
        {
            // Back to the application stage: out of the queue, and a new period starts without the old decision.
            // The deadline is counted again when the (new or corrected) application dates are recorded.
            Queue = null;
            QueuedAt = null;
            HandlerUserId = null;
            HandlerName = null;
            UrgencyConfirmed = false;
            Decision = null;
            DecisionDueOn = null;
        }

        return moved;
    }

    /// <summary>
    /// The retention period ended (see Retention.RetentionPeriods): removes what names the client or describes their
    /// life (name, identity code, the life-situation survey with its notes) and keeps what the statistics need: the
    /// district, the home municipality, the stages and their dates, the application, the decision and its outcome, the
    /// guidance contacts and the timeline (whose details hold codes and dates only). Returns false when it already was.
    /// </summary>
    public bool Anonymise()
    {
        if (IsAnonymised)
        {
            return false;
        }

        ClientName = AnonymisedName;
        IdentityCode = PersonalIdentityCode.Anonymous;
        Survey = null;
        return true;
    }

    private Result MoveTo(CaseStage next, Actor handler, DateTimeOffset now)
    {
        if (!CaseStages.CanMove(Stage, next))
        {
            return CaseStages.IllegalMove(Stage, next);
        }

        var from = Stage;
        Stage = next;
        Record(handler, now, CaseEventKind.StageChanged, fromStage: from);
        return Result.Success();
    }

    private Result CheckUrgentAndMine(Actor handler)
    {
        if (Stage != CaseStage.Processing)
        {
            return Errors.NotInProcessing;
        }

        if (Queue != ProcessingQueue.Urgent)
        {
            return Errors.NotInUrgentQueue;
        }

        return HandlerUserId == handler.UserId ? Result.Success() : Errors.NotYourCase;
    }

    /// <summary>
    /// 14 a §: urgent matters are decided on the day of arrival or the next working day; others by the 7th working
    /// day after the application is complete. Without a complete application a normal deadline cannot be counted yet.
    /// </summary>
    private void UpdateDeadline() =>
        DecisionDueOn = Application switch
        {
            null => null,
            _ when IsUrgent => DecisionDeadline.For(Application.ReceivedOn, urgent: true),
            { CompleteOn: { } complete } => DecisionDeadline.For(complete, urgent: false),
            _ => null,
        };

    private void Record(Actor actor, DateTimeOffset now, CaseEventKind kind, CaseStage? fromStage = null, string? detail = null) =>
        _events.Add(CaseEvent.Create(Id, OrganisationId, _events.Count + 1, actor, now, kind, Stage, fromStage, detail));
}
