using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// The consent rule for a referral's situation description.
/// With the client's consent the client's situation must be described, so social services can act on it.
/// Without consent a notice may still be sent (SHL 35 §), but Kela's instructions forbid describing the situation.
/// </summary>
public static class ConsentRule
{
    public const int DescriptionMaxLength = 4000;

    public static class Errors
    {
        public static ValidationError DescriptionRequired => new("Referral.DescriptionRequiredWithConsent") { Field = "SituationDescription" };
        public static ValidationError DescriptionForbidden => new("Referral.DescriptionForbiddenWithoutConsent") { Field = "SituationDescription" };
        public static ValidationError DescriptionTooLong => new("Referral.DescriptionTooLong") { Field = "SituationDescription" };
    }

    public static Result Check(bool consentGiven, string? situationDescription)
    {
        var hasDescription = !string.IsNullOrWhiteSpace(situationDescription);
        if (consentGiven && !hasDescription)
        {
            return Errors.DescriptionRequired;
        }

        if (!consentGiven && hasDescription)
        {
            return Errors.DescriptionForbidden;
        }

        if (hasDescription && situationDescription!.Trim().Length > DescriptionMaxLength)
        {
            return Errors.DescriptionTooLong;
        }

        return Result.Success();
    }
}
