using CooperationModel.Domain.Referrals;
using FluentValidation;

namespace CooperationModel.Application.Referrals.SendReferral;

/// <summary>The same rules the form shows inline; the domain checks the consent rule once more when sending.</summary>
public sealed class SendReferralValidator : AbstractValidator<SendReferralCommand>
{
    public SendReferralValidator()
    {
        RuleFor(c => c.Ground)
            .NotNull().WithMessage("Referral.GroundRequired")
            .IsInEnum().WithMessage("Referral.GroundRequired");

        RuleFor(c => c.ConsentGiven).NotNull().WithMessage("Referral.ConsentRequired");

        RuleFor(c => c.RepeatReason)
            .MaximumLength(Referral.NoteMaxLength).WithMessage(Referral.Errors.NoteTooLong.Code);

        RuleFor(c => c.SituationDescription)
            .Custom((description, context) =>
            {
                if (context.InstanceToValidate.ConsentGiven is not { } consent)
                {
                    return;
                }

                var result = ConsentRule.Check(consent, description);
                if (!result.IsSuccess)
                {
                    context.AddFailure(context.PropertyPath, result.FirstError.Code);
                }
            });
    }
}
