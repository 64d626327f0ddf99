using CooperationModel.Application.Common;
using CooperationModel.Domain.Referrals;
using FluentValidation;

namespace CooperationModel.Application.Referrals.SendReferral;

/// <summary>The same rules the form shows inline; the domain checks the consent rule once more when sending.</summary>
public sealed class SendReferralValidator : AbstractValidator<SendReferralCommand>
{
    public SendReferralValidator(TimeProvider clock)
    {
        RuleFor(c => c.Ground)
            .NotNull().WithMessage("Referral.GroundRequired")
            .IsInEnum().WithMessage("Referral.GroundRequired");

        RuleFor(c => c.ConsentGiven).NotNull().WithMessage("Referral.ConsentRequired");

        RuleFor(c => c.Urgent)
            .Equal(false).When(c => c.Ground is { } ground && ground.KindOf() != ReferralKind.ApplicationTransfer)
            .WithMessage(Referral.Errors.UrgentOnlyForApplications.Code);

        RuleFor(c => c.RepeatReason)
            .MaximumLength(Referral.NoteMaxLength).WithMessage(Referral.Errors.NoteTooLong.Code);

        // The consent record and the description, each error on its own field.
        RuleFor(c => c)
            .Custom((command, context) =>
            {
                if (command.Consent is not { } consent)
                {
                    return;
                }

                foreach (var error in ConsentRule.Check(consent, command.SituationDescription, clock.Today()).Errors)
                {
                    context.AddFailure(error.Field ?? "", error.Code);
                }
            });
    }
}
