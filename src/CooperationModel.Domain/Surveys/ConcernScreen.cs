using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Surveys;

/// <summary>
/// One referral ground the <see cref="ConcernScreen"/> suggests, with every reason that triggered it,
/// in the order of <see cref="ConcernReason"/>'s values.
/// </summary>
public sealed record ConcernSuggestion(ReferralGround Ground, IReadOnlyList<ConcernReason> Reasons)
{
    /// <summary>The law behind the ground, for the handler's "why".</summary>
    public LegalBasis LegalBasis => Ground.LegalBasisOf();
}

/// <summary>
/// Huoliseula / stöd för att känna igen oro: the screening rules inside the life-situation survey that flag a likely
/// need for social care or social work and lead the handler to the right referral ground. The screen only suggests:
/// the handler decides whether to refer, and on what ground. The rules are exactly those of the cooperation model
/// (domain brief, "Referral to social work"); answers with no rule of their own (rent arrears, debts, temporary housing,
/// life events, needing some help) do not trigger a suggestion.
/// </summary>
public static class ConcernScreen
{
    /// <summary>The age from which the 12-month rule applies instead of the 4-month rule.</summary>
    public const int AdultUnemployedAge = 25;

    /// <summary>Months on assistance from which an unemployed client under 25 is suggested (at least 4).</summary>
    public const int UnemployedUnder25MinMonths = 4;

    /// <summary>Months on assistance from which an unemployed client aged 25 or over is suggested (at least 12).</summary>
    public const int Unemployed25OrOverMinMonths = 12;

    /// <summary>An immigrant is suggested after more than this many months on assistance (whole months, so from 3).</summary>
    public const int ImmigrantMonthsExceeded = 2;

    /// <summary>
    /// Suggests referral grounds for a survey: at most one suggestion per ground, ordered by the ground's value,
    /// each carrying every reason that triggered it. An empty list means no rule fired.
    /// </summary>
    /// <param name="survey">The survey; it need not have been validated, but out-of-range months give odd results.</param>
    /// <param name="clientAge">
    /// The client's age in whole years on the day the survey was carried out (the day the month count refers to);
    /// see the overload that takes the identity code.
    /// </param>
    /// <remarks>
    /// The rules, each with its basis:
    /// <list type="bullet">
    /// <item><see cref="ConcernReason.BasicAmountReducedOrMeasureRefused"/> → <see cref="ReferralGround.BasicAmountReduced"/>:
    /// the basic amount has been reduced, or the client refused a measure (toimeentulotukilaki 10 §: a plan for promoting
    /// independent coping is drawn up with the client and the municipality).</item>
    /// <item><see cref="ConcernReason.UnemployedUnder25FourMonths"/> → <see cref="ReferralGround.UnemployedUnder25FourMonths"/>:
    /// unemployed, under 25, and at least 4 months on assistance (laki kuntouttavasta työtoiminnasta 2 §, 5 §: assessment and activation plan).</item>
    /// <item><see cref="ConcernReason.Unemployed25OrOverTwelveMonths"/> → <see cref="ReferralGround.Unemployed25OrOverTwelveMonths"/>:
    /// unemployed, 25 or over, and at least 12 months on assistance (same act).</item>
    /// <item><see cref="ConcernReason.ClientAsksForAssessment"/> → <see cref="ReferralGround.ClientRequestsAssessment"/>:
    /// the client asks for a service-need assessment (sosiaalihuoltolaki 35 §; the assessment itself is 36 §).</item>
    /// <item><see cref="ConcernReason.HealthOrWelfareAtRisk"/>, <see cref="ConcernReason.NeedsSubstantialHelp"/> (unable to care for oneself),
    /// <see cref="ConcernReason.UnableToCareForChildren"/>, <see cref="ConcernReason.Homeless"/> and <see cref="ConcernReason.EvictionThreat"/>
    /// → <see cref="ReferralGround.ObviousNeedForSocialCare"/>: the client is apparently in need of social care (sosiaalihuoltolaki 35 §;
    /// without consent a notice may be sent only when the client clearly cannot look after themselves, and must not describe the situation).</item>
    /// <item><see cref="ConcernReason.ImmigrantOverTwoMonths"/> → <see cref="ReferralGround.ImmigrantOverTwoMonths"/>:
    /// an immigrant who has moved to Finland and has received assistance for more than 2 months, counted in whole months,
    /// so from 3 (kotoutumislaki: assessment and integration plan).</item>
    /// </list>
    /// The month rules do not fire when the months are not recorded.
    /// </remarks>
    public static IReadOnlyList<ConcernSuggestion> Evaluate(LifeSituationSurvey survey, int clientAge)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentOutOfRangeException.ThrowIfNegative(clientAge);

        return [.. ReasonsFor(survey, clientAge)
            .GroupBy(reason => reason.GroundOf())
            .OrderBy(group => group.Key)
            .Select(group => new ConcernSuggestion(group.Key, [.. group.Distinct().Order()]))];
    }

    /// <summary>
    /// <see cref="Evaluate(LifeSituationSurvey, int)"/> with the client's age taken from the identity code
    /// on the day the survey was carried out.
    /// </summary>
    public static IReadOnlyList<ConcernSuggestion> Evaluate(LifeSituationSurvey survey, PersonalIdentityCode identityCode)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(identityCode);
        return Evaluate(survey, Math.Max(0, identityCode.AgeOn(survey.SurveyedOn)));
    }

    private static IEnumerable<ConcernReason> ReasonsFor(LifeSituationSurvey survey, int clientAge)
    {
        var months = survey.Income.MonthsOnAssistance;

        if (survey.Income.BasicAmountReducedOrMeasureRefused)
        {
            yield return ConcernReason.BasicAmountReducedOrMeasureRefused;
        }

        if (survey.Income.Unemployed && clientAge < AdultUnemployedAge && months >= UnemployedUnder25MinMonths)
        {
            yield return ConcernReason.UnemployedUnder25FourMonths;
        }

        if (survey.Income.Unemployed && clientAge >= AdultUnemployedAge && months >= Unemployed25OrOverMinMonths)
        {
            yield return ConcernReason.Unemployed25OrOverTwelveMonths;
        }

        if (survey.AsksForServiceNeedAssessment)
        {
            yield return ConcernReason.ClientAsksForAssessment;
        }

        if (survey.Health.HealthOrWelfareAtRisk)
        {
            yield return ConcernReason.HealthOrWelfareAtRisk;
        }

        if (survey.Health.EverydayCoping == EverydayCoping.NeedsSubstantialHelp)
        {
            yield return ConcernReason.NeedsSubstantialHelp;
        }

        if (survey.Family.UnableToCareForChildren)
        {
            yield return ConcernReason.UnableToCareForChildren;
        }

        if (survey.Housing.Situation == HousingSituation.Homeless)
        {
            yield return ConcernReason.Homeless;
        }

        if (survey.Housing.EvictionThreat)
        {
            yield return ConcernReason.EvictionThreat;
        }

        if (survey.IsImmigrant && months > ImmigrantMonthsExceeded)
        {
            yield return ConcernReason.ImmigrantOverTwoMonths;
        }
    }
}
