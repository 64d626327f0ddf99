using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Referrals;

/// <summary>How the client gave (or refused) consent.</summary>
public enum ConsentMethod
{
    InPerson = 1,
    Phone = 2,
    Writing = 3,
}

/// <summary>
/// The client's consent (suostumus / samtycke) as the handler records it: given or not, on which day, how, and
/// what it covers. Who recorded it is stamped on the referral from the signed-in user.
/// </summary>
public sealed record ConsentRecord(bool Given, DateOnly? GivenOn, ConsentMethod? Method, bool CoversDescription, bool CoversFeedback)
{
    public static ConsentRecord NotGiven { get; } = new(false, null, null, false, false);

    /// <summary>Consent given on a day and in a way, covering the description and, when asked, the feedback.</summary>
    public static ConsentRecord GivenIn(ConsentMethod method, DateOnly on, bool coversFeedback = true) =>
        new(true, on, method, CoversDescription: true, coversFeedback);

    /// <summary>Without consent nothing else of the record stands: no day, no method, nothing covered.</summary>
    public ConsentRecord Normalised() => Given ? this : NotGiven;
}

/// <summary>
/// The consent rule for a referral. A consent record says when and how it was given. With consent that covers the
/// description, the client's situation must be described, so social services can act on it. Without it a notice may
/// still be sent (SHL 35 §), but Kela's instructions forbid describing the situation; the database refuses such rows too.
/// </summary>
public static class ConsentRule
{
    public const int DescriptionMaxLength = 4000;

    public static class Errors
    {
        public static ValidationError DescriptionRequired => new("Referral.DescriptionRequiredWithConsent") { Field = "SituationDescription" };
        public static ValidationError DescriptionForbidden => new("Referral.DescriptionForbiddenWithoutConsent") { Field = "SituationDescription" };
        public static ValidationError DescriptionTooLong => new("Referral.DescriptionTooLong") { Field = "SituationDescription" };
        public static ValidationError DateRequired => new("Referral.ConsentDateRequired") { Field = "ConsentGivenOn" };
        public static ValidationError DateInFuture => new("Referral.ConsentDateInFuture") { Field = "ConsentGivenOn" };
        public static ValidationError MethodRequired => new("Referral.ConsentMethodRequired") { Field = "ConsentMethod" };
    }

    /// <summary>Whether the record itself is complete: a given consent has a day (not in the future, <see cref="EnteredDate"/>) and a method.</summary>
    public static Result CheckRecord(ConsentRecord consent, DateOnly today)
    {
        if (!consent.Given)
        {
            return Result.Success();
        }

        var errors = new List<Error>();
        if (consent.GivenOn is not { } on)
        {
            errors.Add(Errors.DateRequired);
        }
        else if (on > today)
        {
            errors.Add(Errors.DateInFuture);
        }
        else
        {
            errors.AddRange(EnteredDate.Check(on, today, "ConsentGivenOn").Errors);
        }

        if (consent.Method is null || !Enum.IsDefined(consent.Method.Value))
        {
            errors.Add(Errors.MethodRequired);
        }

        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    /// <summary>Whether a description may, or must, go with this consent.</summary>
    public static Result CheckDescription(ConsentRecord consent, string? situationDescription)
    {
        var hasDescription = !string.IsNullOrWhiteSpace(situationDescription);
        var mayDescribe = consent.Given && consent.CoversDescription;
        if (mayDescribe && !hasDescription)
        {
            return Errors.DescriptionRequired;
        }

        if (!mayDescribe && hasDescription)
        {
            return Errors.DescriptionForbidden;
        }

        if (hasDescription && situationDescription!.Trim().Length > DescriptionMaxLength)
        {
            return Errors.DescriptionTooLong;
        }

        return Result.Success();
    }

    public static Result Check(ConsentRecord consent, string? situationDescription, DateOnly today)
    {
        var errors = CheckRecord(consent, today).Errors.Concat(CheckDescription(consent, situationDescription).Errors).ToList();
        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }
}
