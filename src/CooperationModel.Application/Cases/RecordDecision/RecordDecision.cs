using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using FluentValidation;

namespace CooperationModel.Application.Cases.RecordDecision;

/// <summary>Stage 4: the handler records the decision on a case in processing.</summary>
public sealed record RecordDecisionCommand(
    Guid CaseId,
    DecisionOutcome? Outcome,
    DateOnly? DecidedOn,
    int? ReductionPercent,
    ReductionReason? ReductionReason,
    string? PaymentCommitmentPickUpPlace,
    bool SignalToOtherBenefits,
    bool SignalToSocialServices,
    QualityRating? Clarity,
    QualityRating? Correctness)
{
    public CaseDecision ToDecision() => new(
        Outcome!.Value,
        DecidedOn!.Value,
        ReductionPercent is { } percent ? new BasicAmountReduction(percent, ReductionReason!.Value) : null,
        string.IsNullOrWhiteSpace(PaymentCommitmentPickUpPlace) ? null : new PaymentCommitment(PaymentCommitmentPickUpPlace.Trim()),
        SignalToOtherBenefits,
        SignalToSocialServices,
        Clarity,
        Correctness);
}

public interface IRecordDecisionHandler
{
    Task<Result> HandleAsync(RecordDecisionCommand command, CancellationToken cancellationToken = default);
}

public sealed class RecordDecisionHandler(CaseCommands cases, IValidator<RecordDecisionCommand> validator, TimeProvider clock) : IRecordDecisionHandler
{
    public async Task<Result> HandleAsync(RecordDecisionCommand command, CancellationToken cancellationToken = default)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        return !valid.IsSuccess
            ? valid
            : await cases.RunAsync(
                command.CaseId,
                (c, actor) => c.RecordDecision(actor, command.ToDecision(), clock.Today(), clock.GetUtcNow()),
                cancellationToken);
    }
}

/// <summary>The form's rules; the domain checks the decision against the case once more (dates, urgency).</summary>
public sealed class RecordDecisionValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Outcome).NotNull().WithMessage("Decision.OutcomeRequired").IsInEnum().WithMessage("Decision.OutcomeRequired");
        RuleFor(c => c.DecidedOn).NotNull().WithMessage("Decision.DateRequired");
        RuleFor(c => c.DecidedOn).MustPass(on => EnteredDate.Check(on, clock.Today(), nameof(RecordDecisionCommand.DecidedOn)));
        RuleFor(c => c.ReductionPercent)
            .InclusiveBetween(1, BasicAmountReduction.MaxPercent).When(c => c.ReductionPercent is not null)
            .WithMessage(CaseDecision.Errors.ReductionPercent.Code);
        RuleFor(c => c.ReductionReason)
            .NotNull().When(c => c.ReductionPercent is not null)
            .WithMessage("Decision.ReductionReasonRequired");
        RuleFor(c => c.ReductionPercent)
            .NotNull().When(c => c.ReductionReason is not null)
            .WithMessage(CaseDecision.Errors.ReductionPercent.Code);
        RuleFor(c => c.PaymentCommitmentPickUpPlace)
            .MaximumLength(PaymentCommitment.PickUpPlaceMaxLength)
            .WithMessage(CaseDecision.Errors.PickUpPlaceRequired.Code);
    }
}
