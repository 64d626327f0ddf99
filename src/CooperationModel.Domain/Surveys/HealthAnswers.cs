namespace CooperationModel.Domain.Surveys;

/// <summary>
/// Terveys ja toimintakyky / hälsa och funktionsförmåga: the health and functioning field of the
/// <see cref="LifeSituationSurvey"/>. Every answer is optional: <c>null</c> and <c>false</c> mean "not asked or not reported".
/// </summary>
public sealed record HealthAnswers
{
    /// <summary>Coping in everyday life (arjessa selviytyminen / att klara vardagen).</summary>
    public EverydayCoping? EverydayCoping { get; init; }

    /// <summary>
    /// Health or welfare at risk (terveys tai hyvinvointi vaarantunut / hälsan eller välfärden äventyras):
    /// an obvious need for social care (Social Welfare Act 35 §).
    /// </summary>
    public bool HealthOrWelfareAtRisk { get; init; }

    /// <summary>The answers are special-category personal data: the text never shows them, so they cannot leak into a log.</summary>
    public override string ToString() => nameof(HealthAnswers);
}

/// <summary>Coping in everyday life (arjessa selviytyminen / att klara vardagen).</summary>
public enum EverydayCoping
{
    /// <summary>Copes independently (selviytyy itsenäisesti / klarar sig självständigt).</summary>
    Independently = 1,
    /// <summary>Needs some help (tarvitsee jonkin verran apua / behöver en del hjälp).</summary>
    NeedsSomeHelp = 2,
    /// <summary>
    /// Needs substantial help (tarvitsee paljon apua / behöver mycket hjälp): unable to care for oneself,
    /// an obvious need for social care (Social Welfare Act 35 §).
    /// </summary>
    NeedsSubstantialHelp = 3,
}
