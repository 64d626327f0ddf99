namespace CooperationModel.Domain.Surveys;

/// <summary>
/// Toimeentulo / utkomst: the income field of the <see cref="LifeSituationSurvey"/>.
/// Every answer is optional: <c>null</c> and <c>false</c> mean "not asked or not reported".
/// </summary>
public sealed record IncomeAnswers
{
    /// <summary>The largest number of months on social assistance the survey accepts (50 years).</summary>
    public const int MaxMonthsOnAssistance = 600;

    /// <summary>Control over one's income (taloudenhallinta / kontroll över den egna ekonomin).</summary>
    public IncomeControl? Control { get; init; }

    /// <summary>Debt or payment problems (velka- tai maksuvaikeuksia / skuld- eller betalningsproblem).</summary>
    public bool DebtOrPaymentProblems { get; init; }

    /// <summary>Unemployed (työtön / arbetslös).</summary>
    public bool Unemployed { get; init; }

    /// <summary>
    /// How many months the client has received social assistance (toimeentulotukea, kk / utkomststöd, mån.),
    /// 0–<see cref="MaxMonthsOnAssistance"/>, as the handler counts them from Kela's records.
    /// The <see cref="ConcernScreen"/> compares it with the 4-, 12- and 2-month limits.
    /// </summary>
    public int? MonthsOnAssistance { get; init; }

    /// <summary>
    /// The basic amount has been reduced or the client has refused a measure
    /// (perusosaa alennettu tai kieltäytynyt toimenpiteestä / grunddelen sänkt eller vägrat en åtgärd),
    /// Social Assistance Act 10 §.
    /// </summary>
    public bool BasicAmountReducedOrMeasureRefused { get; init; }

    /// <summary>The answers are special-category personal data: the text never shows them, so they cannot leak into a log.</summary>
    public override string ToString() => nameof(IncomeAnswers);
}

/// <summary>Control over one's income (taloudenhallinta / kontroll över den egna ekonomin).</summary>
public enum IncomeControl
{
    /// <summary>Manages (pärjää / klarar sig).</summary>
    Manages = 1,
    /// <summary>Some difficulties (jonkin verran vaikeuksia / vissa svårigheter).</summary>
    SomeDifficulties = 2,
    /// <summary>Serious difficulties (vakavia vaikeuksia / allvarliga svårigheter).</summary>
    SeriousDifficulties = 3,
}
