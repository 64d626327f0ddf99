using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Clients;

/// <summary>
/// A client's basic social assistance case (asia / ärende) in a Kela insurance district, followed through the six
/// stages of the client process. The client's home municipality decides which district handles it. Every change
/// goes through a method, is checked against <see cref="CaseStages"/>, and leaves an event on the timeline.
/// <para>
/// The case's state, its errors, opening and anonymising are here; its moves are in ClientCase.Intake.cs (stages 1-2:
/// guidance and the application), ClientCase.Processing.cs (stages 3-4: the queues, the call and the decision) and
/// ClientCase.Stages.cs (the survey, a referral sent, and moves by hand through the one table of CaseStages).
/// </para>
/// </summary>
public sealed partial class ClientCase : ITenantOwned
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

    private void Record(Actor actor, DateTimeOffset now, CaseEventKind kind, CaseStage? fromStage = null, string? detail = null) =>
        _events.Add(CaseEvent.Create(Id, OrganisationId, _events.Count + 1, actor, now, kind, Stage, fromStage, detail));
}
