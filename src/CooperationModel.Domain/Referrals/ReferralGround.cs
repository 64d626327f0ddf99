namespace CooperationModel.Domain.Referrals;

/// <summary>The two kinds of referral of the brief.</summary>
public enum ReferralKind
{
    /// <summary>Hakemuksen siirto (eTotu): Kela transfers an application for supplementary or preventive assistance.</summary>
    ApplicationTransfer = 1,
    /// <summary>Ilmoitus (huoli-ilmoitus): a notice to social services on one of the grounds.</summary>
    Notice = 2,
}

/// <summary>
/// What a referral is about (peruste / grund): an application transfer of one of the two assistance types, or a
/// notice on one of the six grounds. Each carries its legal basis and the follow-up social services is expected to make.
/// </summary>
public enum ReferralGround
{
    /// <summary>Basic amount reduced or a measure refused (Social Assistance Act 10 §).</summary>
    BasicAmountReduced = 1,
    /// <summary>Under 25 and unemployed, 4 months on assistance (Rehabilitative Work Activity Act 2 §, 5 §).</summary>
    UnemployedUnder25FourMonths = 2,
    /// <summary>25 or over and unemployed, 12 months on assistance (Rehabilitative Work Activity Act 2 §, 5 §).</summary>
    Unemployed25OrOverTwelveMonths = 3,
    /// <summary>The client asks for, or would benefit from, a service-need assessment (Social Welfare Act 35 §).</summary>
    ClientRequestsAssessment = 4,
    /// <summary>Obvious need for social care (Social Welfare Act 35 §).</summary>
    ObviousNeedForSocialCare = 5,
    /// <summary>Immigrant on assistance for over 2 months (Integration Act).</summary>
    ImmigrantOverTwoMonths = 6,
    /// <summary>Transfer of an application for supplementary assistance (täydentävä toimeentulotuki, Social Assistance Act 14 a §).</summary>
    SupplementaryAssistanceApplication = 7,
    /// <summary>Transfer of an application for preventive assistance (ehkäisevä toimeentulotuki, Social Assistance Act 14 a §).</summary>
    PreventiveAssistanceApplication = 8,
}

/// <summary>The law behind a ground.</summary>
public enum LegalBasis
{
    /// <summary>Toimeentulotukilaki 1412/1997, 10 §.</summary>
    SocialAssistanceAct10 = 1,
    /// <summary>Laki kuntouttavasta työtoiminnasta 189/2001, 2 § and 5 §.</summary>
    RehabilitativeWorkActivityAct2And5 = 2,
    /// <summary>Sosiaalihuoltolaki 1301/2014, 35 §.</summary>
    SocialWelfareAct35 = 3,
    /// <summary>Kotoutumislaki (Integration Act).</summary>
    IntegrationAct = 4,
    /// <summary>Toimeentulotukilaki 14 a §: Kela transfers an application that belongs to the municipality.</summary>
    SocialAssistanceAct14a = 5,
    /// <summary>Sosiaalihuoltolaki 41 §: multi-professional cooperation on the client's service need.</summary>
    SocialWelfareAct41 = 6,
    /// <summary>The client's recorded consent (suostumus).</summary>
    ClientConsent = 7,
}

/// <summary>A plan social services makes after the assessment: the one each ground expects, or the one made.</summary>
public enum PlanType
{
    IndependentCopingPlan = 1,
    ActivationPlan = 2,
    ClientPlan = 3,
    IntegrationPlan = 4,
}

public static class ReferralGrounds
{
    public static IReadOnlyList<ReferralGround> All { get; } = Enum.GetValues<ReferralGround>();

    /// <summary>The notice grounds, the ones the concern screen can suggest.</summary>
    public static IReadOnlyList<ReferralGround> Notices { get; } = [.. All.Where(g => g.KindOf() == ReferralKind.Notice)];

    public static ReferralKind KindOf(this ReferralGround ground) =>
        ground is ReferralGround.SupplementaryAssistanceApplication or ReferralGround.PreventiveAssistanceApplication
            ? ReferralKind.ApplicationTransfer
            : ReferralKind.Notice;

    public static LegalBasis LegalBasisOf(this ReferralGround ground) => ground switch
    {
        ReferralGround.BasicAmountReduced => LegalBasis.SocialAssistanceAct10,
        ReferralGround.UnemployedUnder25FourMonths => LegalBasis.RehabilitativeWorkActivityAct2And5,
        ReferralGround.Unemployed25OrOverTwelveMonths => LegalBasis.RehabilitativeWorkActivityAct2And5,
        ReferralGround.ClientRequestsAssessment => LegalBasis.SocialWelfareAct35,
        ReferralGround.ObviousNeedForSocialCare => LegalBasis.SocialWelfareAct35,
        ReferralGround.ImmigrantOverTwoMonths => LegalBasis.IntegrationAct,
        ReferralGround.SupplementaryAssistanceApplication => LegalBasis.SocialAssistanceAct14a,
        ReferralGround.PreventiveAssistanceApplication => LegalBasis.SocialAssistanceAct14a,
    };

    /// <summary>
    /// Every notice expects a service-need assessment (SHL 36 §) followed by this plan; an application transfer
    /// expects the municipality's decision on the application instead, so no plan (null).
    /// </summary>
    public static PlanType? ExpectedPlanOf(this ReferralGround ground) => ground switch
    {
        ReferralGround.BasicAmountReduced => PlanType.IndependentCopingPlan,
        ReferralGround.UnemployedUnder25FourMonths => PlanType.ActivationPlan,
        ReferralGround.Unemployed25OrOverTwelveMonths => PlanType.ActivationPlan,
        ReferralGround.ClientRequestsAssessment => PlanType.ClientPlan,
        ReferralGround.ObviousNeedForSocialCare => PlanType.ClientPlan,
        ReferralGround.ImmigrantOverTwoMonths => PlanType.IntegrationPlan,
        ReferralGround.SupplementaryAssistanceApplication => null,
        ReferralGround.PreventiveAssistanceApplication => null,
    };
}
