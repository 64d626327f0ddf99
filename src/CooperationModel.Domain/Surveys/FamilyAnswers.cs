namespace CooperationModel.Domain.Surveys;

/// <summary>
/// Perhe / familj: the family field of the <see cref="LifeSituationSurvey"/>.
/// Every answer is optional: <c>null</c> and <c>false</c> mean "not asked or not reported".
/// </summary>
public sealed record FamilyAnswers
{
    /// <summary>The largest number of children in the household the survey accepts.</summary>
    public const int MaxChildrenInHousehold = 20;

    /// <summary>Children in the household (lapsia taloudessa / barn i hushållet), 0–<see cref="MaxChildrenInHousehold"/>.</summary>
    public int? ChildrenInHousehold { get; init; }

    /// <summary>
    /// Unable to care for one's children (ei kykene huolehtimaan lapsistaan / kan inte ta hand om sina barn):
    /// an obvious need for social care (Social Welfare Act 35 §).
    /// </summary>
    public bool UnableToCareForChildren { get; init; }

    /// <summary>Needs support in family matters (tarvitsee tukea perheasioissa / behöver stöd i familjefrågor).</summary>
    public bool NeedsFamilySupport { get; init; }

    /// <summary>The answers are special-category personal data: the text never shows them, so they cannot leak into a log.</summary>
    public override string ToString() => nameof(FamilyAnswers);
}
