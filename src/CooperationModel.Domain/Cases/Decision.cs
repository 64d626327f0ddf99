using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Cases;

/// <summary>The outcome of a decision on basic social assistance.</summary>
public enum DecisionOutcome
{
    Granted = 1,
    PartlyGranted = 2,
    Refused = 3,
    /// <summary>Jätetty tutkimatta.</summary>
    LeftUnexamined = 4,
}

/// <summary>Why the basic amount is reduced (Social Assistance Act 10 §).</summary>
public enum ReductionReason
{
    /// <summary>Refused work or a labour-market measure offered to the client.</summary>
    RefusedWorkOrMeasure = 1,
    /// <summary>Neglected to register as a jobseeker or caused their own unemployment.</summary>
    NeglectedJobseekerDuties = 2,
    /// <summary>Refused to take part in drawing up an activation or other plan.</summary>
    RefusedPlan = 3,
}

/// <summary>A rating of decision quality (clear text, correctness), for the development reports.</summary>
public enum QualityRating
{
    Good = 1,
    Adequate = 2,
    Poor = 3,
}

/// <summary>Perusosan alentaminen: at most 40 %, always with a reason.</summary>
public sealed record BasicAmountReduction(int Percent, ReductionReason Reason)
{
    public const int MaxPercent = 40;
}

/// <summary>Maksusitoumus for an urgent case, picked up at an agreed place.</summary>
public sealed record PaymentCommitment(string PickUpPlace)
{
    public const int PickUpPlaceMaxLength = 200;
}

/// <summary>
/// The decision (päätös) and its implementation: outcome, date, a basic amount reduction, a payment commitment
/// (urgent cases only), signals to other Kela benefits and to social services, and feedback on its quality.
/// </summary>
public sealed record CaseDecision(
    DecisionOutcome Outcome,
    DateOnly DecidedOn,
    BasicAmountReduction? Reduction,
    PaymentCommitment? PaymentCommitment,
    bool SignalToOtherBenefits,
    bool SignalToSocialServices,
    QualityRating? Clarity,
    QualityRating? Correctness)
{
    /// <summary>For EF Core, which sets the owned parts (reduction, payment commitment) after construction.</summary>
    private CaseDecision()
        : this(DecisionOutcome.Granted, default, null, null, false, false, null, null)
    {
    }

    public static class Errors
    {
        public static ValidationError DecidedInFuture => new("Decision.DecidedInFuture") { Field = nameof(DecidedOn) };
        public static ValidationError DecidedBeforeApplication => new("Decision.DecidedBeforeApplication") { Field = nameof(DecidedOn) };
        public static ValidationError ReductionPercent => new("Decision.ReductionPercentOutOfRange") { Field = nameof(Reduction) };
        public static ValidationError ReductionOnlyWhenGranted => new("Decision.ReductionOnlyWhenGranted") { Field = nameof(Reduction) };
        public static ValidationError PaymentCommitmentOnlyUrgent => new("Decision.PaymentCommitmentOnlyUrgent") { Field = nameof(PaymentCommitment) };
        public static ValidationError PaymentCommitmentNeedsGrant => new("Decision.PaymentCommitmentNeedsGrant") { Field = nameof(PaymentCommitment) };
        public static ValidationError PickUpPlaceRequired => new("Decision.PickUpPlaceRequired") { Field = nameof(PaymentCommitment) };
    }

    /// <summary>A reduced basic amount suggests a referral on that ground (the follow-up is an independent-coping plan).</summary>
    public ReferralGround? SuggestedReferralGround => Reduction is not null ? ReferralGround.BasicAmountReduced : null;

    /// <summary>Checks the decision against the case it decides.</summary>
    public Result Check(ApplicationDetails application, bool urgent, DateOnly today)
    {
        var errors = new List<Error>();
        if (DecidedOn > today)
        {
            errors.Add(Errors.DecidedInFuture);
        }
        else
        {
            errors.AddRange(EnteredDate.Check(DecidedOn, today, nameof(DecidedOn)).Errors);
        }

        if (DecidedOn < application.ReceivedOn)
        {
            errors.Add(Errors.DecidedBeforeApplication);
        }

        if (Reduction is { } reduction)
        {
            if (reduction.Percent is < 1 or > BasicAmountReduction.MaxPercent)
            {
                errors.Add(Errors.ReductionPercent);
            }

            // A reduction lowers assistance that is granted; a refusal or an unexamined application has nothing to reduce.
            if (Outcome is DecisionOutcome.Refused or DecisionOutcome.LeftUnexamined)
            {
                errors.Add(Errors.ReductionOnlyWhenGranted);
            }
        }

        if (PaymentCommitment is { } commitment)
        {
            if (!urgent)
            {
                errors.Add(Errors.PaymentCommitmentOnlyUrgent);
            }

            if (Outcome is DecisionOutcome.Refused or DecisionOutcome.LeftUnexamined)
            {
                errors.Add(Errors.PaymentCommitmentNeedsGrant);
            }

            if (string.IsNullOrWhiteSpace(commitment.PickUpPlace) || commitment.PickUpPlace.Trim().Length > PaymentCommitment.PickUpPlaceMaxLength)
            {
                errors.Add(Errors.PickUpPlaceRequired);
            }
        }

        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }
}
