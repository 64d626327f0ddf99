using CooperationModel.Domain.Referrals;
using FluentValidation;

namespace CooperationModel.Application.Referrals.Forwarding;

public sealed class ForwardReferralValidator : AbstractValidator<ForwardReferralCommand>
{
    public const string TargetRequired = "Referral.ForwardTargetRequired";

    public ForwardReferralValidator()
    {
        RuleFor(c => c.Target).NotNull().WithMessage(TargetRequired).IsInEnum().WithMessage(TargetRequired);
        RuleFor(c => c.Note).MaximumLength(Referral.NoteMaxLength).WithMessage(Referral.Errors.NoteTooLong.Code);
    }
}

public sealed class CompleteForwardValidator : AbstractValidator<CompleteForwardCommand>
{
    public CompleteForwardValidator() =>
        RuleFor(c => c.Note).MaximumLength(Referral.NoteMaxLength).WithMessage(Referral.Errors.NoteTooLong.Code);
}

public sealed class ReturnForwardValidator : AbstractValidator<ReturnForwardCommand>
{
    public const string ReasonRequired = "Referral.ReturnReasonRequired";

    /// <summary>A partner returns a forward for a reason of its own; a wrong organiser (re-routing) is social services' alone.</summary>
    public static IReadOnlyList<ReturnReason> Reasons { get; } = [.. Enum.GetValues<ReturnReason>().Where(r => r != ReturnReason.WrongOrganiser)];

    public ReturnForwardValidator()
    {
        RuleFor(c => c.Reason).Must(reason => reason is { } r && Reasons.Contains(r)).WithMessage(ReasonRequired);
        RuleFor(c => c.Note).MaximumLength(Referral.NoteMaxLength).WithMessage(Referral.Errors.NoteTooLong.Code);
    }
}
