using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Surveys;

/// <summary>
/// Why the <see cref="ConcernScreen"/> (huoliseula) suggests a referral ground: one answer or combination of answers
/// in the <see cref="LifeSituationSurvey"/>. The user interface labels each value, so the handler sees "why".
/// The values are grouped by the ground they lead to (see <see cref="ConcernReasons.GroundOf"/>).
/// </summary>
public enum ConcernReason
{
    /// <summary>Perusosaa alennettu tai kieltäytynyt toimenpiteestä / grunddelen sänkt eller vägrat en åtgärd.</summary>
    BasicAmountReducedOrMeasureRefused = 1,
    /// <summary>Alle 25-vuotias työtön, vähintään 4 kk toimeentulotukea / arbetslös under 25 år, minst 4 mån. utkomststöd.</summary>
    UnemployedUnder25FourMonths = 2,
    /// <summary>25 vuotta täyttänyt työtön, vähintään 12 kk toimeentulotukea / arbetslös som fyllt 25 år, minst 12 mån. utkomststöd.</summary>
    Unemployed25OrOverTwelveMonths = 3,
    /// <summary>Asiakas pyytää palvelutarpeen arviointia / klienten begär bedömning av servicebehov.</summary>
    ClientAsksForAssessment = 4,
    /// <summary>Terveys tai hyvinvointi vaarantunut / hälsan eller välfärden äventyras.</summary>
    HealthOrWelfareAtRisk = 5,
    /// <summary>Tarvitsee paljon apua arjessa / behöver mycket hjälp i vardagen.</summary>
    NeedsSubstantialHelp = 6,
    /// <summary>Ei kykene huolehtimaan lapsistaan / kan inte ta hand om sina barn.</summary>
    UnableToCareForChildren = 7,
    /// <summary>Asunnoton / bostadslös.</summary>
    Homeless = 8,
    /// <summary>Häädön uhka / vräkningshot.</summary>
    EvictionThreat = 9,
    /// <summary>Maahanmuuttaja, yli 2 kk toimeentulotukea / invandrare, över 2 mån. utkomststöd.</summary>
    ImmigrantOverTwoMonths = 10,
}

public static class ConcernReasons
{
    public static IReadOnlyList<ConcernReason> All { get; } = Enum.GetValues<ConcernReason>();

    /// <summary>The referral ground a reason leads to.</summary>
    public static ReferralGround GroundOf(this ConcernReason reason) => reason switch
    {
        ConcernReason.BasicAmountReducedOrMeasureRefused => ReferralGround.BasicAmountReduced,
        ConcernReason.UnemployedUnder25FourMonths => ReferralGround.UnemployedUnder25FourMonths,
        ConcernReason.Unemployed25OrOverTwelveMonths => ReferralGround.Unemployed25OrOverTwelveMonths,
        ConcernReason.ClientAsksForAssessment => ReferralGround.ClientRequestsAssessment,
        ConcernReason.HealthOrWelfareAtRisk => ReferralGround.ObviousNeedForSocialCare,
        ConcernReason.NeedsSubstantialHelp => ReferralGround.ObviousNeedForSocialCare,
        ConcernReason.UnableToCareForChildren => ReferralGround.ObviousNeedForSocialCare,
        ConcernReason.Homeless => ReferralGround.ObviousNeedForSocialCare,
        ConcernReason.EvictionThreat => ReferralGround.ObviousNeedForSocialCare,
        ConcernReason.ImmigrantOverTwoMonths => ReferralGround.ImmigrantOverTwoMonths,
    };
}
