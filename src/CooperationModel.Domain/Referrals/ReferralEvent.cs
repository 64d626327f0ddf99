namespace CooperationModel.Domain.Referrals;

/// <summary>
/// One step of a referral's life, stamped with the actor, their organisation and the time. What the step names besides
/// its kind is a <see cref="StepDetail"/>, stored as a short code (an outcome, a plan, a reason, a municipality code),
/// never free text about the client. <see cref="Status"/> is the state after the step: the referral's, or for a step of
/// a forward the forward's (by the same name).
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

    /// <summary>The stored code of <see cref="Details"/>; read <see cref="Details"/>, never this.</summary>
    public string? Detail { get; private set; }

    /// <summary>What the step names, typed.</summary>
    public StepDetail? Details => StepDetail.Parse(Kind, Detail);

    internal static ReferralEvent Create(
        Guid referralId, int sequence, Common.Actor actor, DateTimeOffset at, ReferralEventKind kind, ReferralStatus status, StepDetail? detail) => new()
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
        Detail = detail?.Code,
    };
}

/// <summary>
/// What one step names besides its kind, as typed values: the ground it was sent on, how it ended (the outcome and the
/// plan), why it came back, where it was forwarded, the municipality it was re-routed to, or the colleague it was given
/// to. The one writer and reader of the stored code (<see cref="Code"/>, <see cref="Parse"/>): no page or rule splits it.
/// </summary>
public sealed record StepDetail
{
    /// <summary>The stored code is at most this long (a worker's name is cut to it).</summary>
    public const int CodeMaxLength = 100;

    public ReferralGround? Ground { get; private init; }

    public ReferralOutcome? Outcome { get; private init; }

    public PlanType? Plan { get; private init; }

    public ReturnReason? ReturnReason { get; private init; }

    public ForwardTarget? Target { get; private init; }

    public string? MunicipalityCode { get; private init; }

    /// <summary>A colleague's name (the named worker given the referral), never the client's.</summary>
    public string? WorkerName { get; private init; }

    public static StepDetail SentOn(ReferralGround ground) => new() { Ground = ground };

    public static StepDetail Ended(ReferralOutcome outcome, PlanType? plan) => new() { Outcome = outcome, Plan = plan };

    public static StepDetail Because(ReturnReason reason) => new() { ReturnReason = reason };

    public static StepDetail To(ForwardTarget target) => new() { Target = target };

    public static StepDetail ReroutedTo(string municipalityCode) => new() { MunicipalityCode = municipalityCode };

    public static StepDetail GivenTo(string workerName) =>
        new() { WorkerName = workerName.Length > CodeMaxLength ? workerName[..CodeMaxLength] : workerName };

    /// <summary>The stored form: a name of the enum (an outcome with its plan as "outcome.plan"), a code or a name.</summary>
    public string Code =>
        Ground?.ToString()
        ?? (Outcome is { } outcome ? (Plan is { } plan ? $"{outcome}.{plan}" : outcome.ToString()) : null)
        ?? ReturnReason?.ToString()
        ?? Target?.ToString()
        ?? MunicipalityCode
        ?? WorkerName
        ?? "";

    /// <summary>Reads a stored code by the step's kind; null when there is none (or it is not one this kind writes).</summary>
    public static StepDetail? Parse(ReferralEventKind kind, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return kind switch
        {
            ReferralEventKind.Sent => Enum.TryParse<ReferralGround>(code, out var ground) ? SentOn(ground) : null,
            ReferralEventKind.Completed => ParseEnding(code),
            ReferralEventKind.Returned or ReferralEventKind.ForwardReturned =>
                Enum.TryParse<ReturnReason>(code, out var reason) ? Because(reason) : null,
            ReferralEventKind.Forwarded or ReferralEventKind.ForwardReceived or ReferralEventKind.ForwardAccepted
                or ReferralEventKind.ForwardCompleted => Enum.TryParse<ForwardTarget>(code, out var target) ? To(target) : null,
            ReferralEventKind.Rerouted => ReroutedTo(code),
            ReferralEventKind.Assigned => GivenTo(code),
            _ => null,
        };
    }

    private static StepDetail? ParseEnding(string code)
    {
        var parts = code.Split('.');
        if (!Enum.TryParse<ReferralOutcome>(parts[0], out var outcome))
        {
            return null;
        }

        return parts.Length == 2 && Enum.TryParse<PlanType>(parts[1], out var plan) ? Ended(outcome, plan) : Ended(outcome, null);
    }
}
