using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Cases;

/// <summary>What happened to a case; the timeline shows these in order.</summary>
public enum CaseEventKind
{
    Opened = 1,
    GuidanceRecorded = 2,
    ApplicationRecorded = 3,
    StageChanged = 4,
    Queued = 5,
    Taken = 6,
    UrgencyConfirmed = 7,
    MovedToNormalQueue = 8,
    ClientCalled = 9,
    DecisionRecorded = 10,
    ReferralSent = 11,
    SurveyRecorded = 12,
    /// <summary>Opened under a name other than the district's earlier cases of the same identity code, as confirmed by the handler.</summary>
    NameChangeConfirmed = 13,
}

/// <summary>
/// One entry of a case's timeline: who, when, what, and from which stage to which. <see cref="Detail"/> is a code
/// or a short non-personal value (a channel, a queue), never free text about the client.
/// </summary>
public sealed class CaseEvent : ITenantOwned
{
    public const int DetailMaxLength = 100;

    private CaseEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The event's place in its case's timeline: one command may record several events at the same moment.</summary>
    public int Sequence { get; private set; }

    public Guid ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public CaseEventKind Kind { get; private set; }

    public CaseStage Stage { get; private set; }

    /// <summary>For a stage change, the stage the case left.</summary>
    public CaseStage? FromStage { get; private set; }

    public string? Detail { get; private set; }

    internal static CaseEvent Create(
        Guid caseId, Guid organisationId, int sequence, Actor actor, DateTimeOffset at, CaseEventKind kind, CaseStage stage,
        CaseStage? fromStage = null, string? detail = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        CaseId = caseId,
        OrganisationId = organisationId,
        Sequence = sequence,
        At = at,
        ActorUserId = actor.UserId,
        ActorName = actor.DisplayName,
        Kind = kind,
        Stage = stage,
        FromStage = fromStage,
        Detail = detail,
    };
}
