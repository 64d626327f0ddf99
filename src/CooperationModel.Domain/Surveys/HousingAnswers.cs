namespace CooperationModel.Domain.Surveys;

/// <summary>
/// Asuminen / boende: the housing field of the <see cref="LifeSituationSurvey"/>.
/// Every answer is optional: <c>null</c> and <c>false</c> mean "not asked or not reported".
/// </summary>
public sealed record HousingAnswers
{
    /// <summary>The housing situation (asumistilanne / boendesituation).</summary>
    public HousingSituation? Situation { get; init; }

    /// <summary>Rent arrears (vuokravelka / hyresskuld).</summary>
    public bool RentArrears { get; init; }

    /// <summary>Eviction threat (häädön uhka / vräkningshot): an obvious need for social care (Social Welfare Act 35 §).</summary>
    public bool EvictionThreat { get; init; }

    /// <summary>Needs support in housing (tarvitsee tukea asumiseen / behöver stöd i boendet).</summary>
    public bool NeedsHousingSupport { get; init; }

    /// <summary>The answers are special-category personal data: the text never shows them, so they cannot leak into a log.</summary>
    public override string ToString() => nameof(HousingAnswers);
}

/// <summary>The housing situation (asumistilanne / boendesituation).</summary>
public enum HousingSituation
{
    /// <summary>Stable housing (vakituinen asunto / stadigvarande bostad).</summary>
    Stable = 1,
    /// <summary>Temporary housing (tilapäinen asuminen / tillfälligt boende).</summary>
    Temporary = 2,
    /// <summary>Homeless (asunnoton / bostadslös): an obvious need for social care (Social Welfare Act 35 §).</summary>
    Homeless = 3,
}
