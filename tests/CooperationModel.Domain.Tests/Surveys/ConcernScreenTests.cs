using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Tests.Surveys;

public class ConcernScreenTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);

    private static LifeSituationSurvey Clean => new() { SurveyedOn = Today };

    [Fact]
    public void Evaluate_CleanSurvey_SuggestsNothing() => ConcernScreen.Evaluate(Clean, 40).ShouldBeEmpty();

    [Fact]
    public void Evaluate_AnswersWithoutARuleOfTheirOwn_SuggestNothing()
    {
        var survey = Clean with
        {
            Income = new() { Control = IncomeControl.SeriousDifficulties, DebtOrPaymentProblems = true, MonthsOnAssistance = 100 },
            Family = new() { ChildrenInHousehold = 3, NeedsFamilySupport = true },
            Health = new() { EverydayCoping = EverydayCoping.NeedsSomeHelp },
            Housing = new() { Situation = HousingSituation.Temporary, RentArrears = true, NeedsHousingSupport = true },
            LifeEvents = [.. Enum.GetValues<LifeEvent>()],
        };

        ConcernScreen.Evaluate(survey, 30).ShouldBeEmpty();
    }

    public static TheoryData<string, ConcernReason> ObviousNeedAnswers => new()
    {
        { "eviction threat", ConcernReason.EvictionThreat },
        { "homeless", ConcernReason.Homeless },
        { "unable to care for children", ConcernReason.UnableToCareForChildren },
        { "health or welfare at risk", ConcernReason.HealthOrWelfareAtRisk },
        { "needs substantial help", ConcernReason.NeedsSubstantialHelp },
    };

    [Theory]
    [MemberData(nameof(ObviousNeedAnswers))]
    public void Evaluate_ObviousNeedAnswer_SuggestsObviousNeedForSocialCare(string answer, ConcernReason reason)
    {
        var survey = answer switch
        {
            "eviction threat" => Clean with { Housing = new() { EvictionThreat = true } },
            "homeless" => Clean with { Housing = new() { Situation = HousingSituation.Homeless } },
            "unable to care for children" => Clean with { Family = new() { UnableToCareForChildren = true } },
            "health or welfare at risk" => Clean with { Health = new() { HealthOrWelfareAtRisk = true } },
            "needs substantial help" => Clean with { Health = new() { EverydayCoping = EverydayCoping.NeedsSubstantialHelp } },
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        };

        ShouldSuggestOnly(ConcernScreen.Evaluate(survey, 40), ReferralGround.ObviousNeedForSocialCare, reason);
    }

    [Theory]
    [InlineData(HousingSituation.Stable)]
    [InlineData(HousingSituation.Temporary)]
    public void Evaluate_NotHomeless_SuggestsNothing(HousingSituation situation) =>
        ConcernScreen.Evaluate(Clean with { Housing = new() { Situation = situation } }, 40).ShouldBeEmpty();

    [Theory]
    [InlineData(EverydayCoping.Independently)]
    [InlineData(EverydayCoping.NeedsSomeHelp)]
    public void Evaluate_LessThanSubstantialHelp_SuggestsNothing(EverydayCoping coping) =>
        ConcernScreen.Evaluate(Clean with { Health = new() { EverydayCoping = coping } }, 40).ShouldBeEmpty();

    [Fact]
    public void Evaluate_SeveralObviousNeedAnswers_MergeIntoOneSuggestionWithEveryReason()
    {
        var survey = Clean with
        {
            Housing = new() { Situation = HousingSituation.Homeless, EvictionThreat = true },
            Family = new() { UnableToCareForChildren = true },
            Health = new() { EverydayCoping = EverydayCoping.NeedsSubstantialHelp, HealthOrWelfareAtRisk = true },
        };

        var suggestion = ConcernScreen.Evaluate(survey, 40).ShouldHaveSingleItem();

        suggestion.Ground.ShouldBe(ReferralGround.ObviousNeedForSocialCare);
        suggestion.LegalBasis.ShouldBe(LegalBasis.SocialWelfareAct35);
        suggestion.Reasons.ShouldBe(
        [
            ConcernReason.HealthOrWelfareAtRisk,
            ConcernReason.NeedsSubstantialHelp,
            ConcernReason.UnableToCareForChildren,
            ConcernReason.Homeless,
            ConcernReason.EvictionThreat,
        ]);
    }

    [Theory]
    [InlineData(24, 4, true)]
    [InlineData(24, 3, false)]
    [InlineData(17, 4, true)]
    [InlineData(24, 600, true)]
    [InlineData(25, 4, false)]
    [InlineData(25, 11, false)]
    public void Evaluate_UnemployedUnder25_FromFourMonths(int age, int months, bool suggested)
    {
        var survey = Clean with { Income = new() { Unemployed = true, MonthsOnAssistance = months } };

        var suggestions = ConcernScreen.Evaluate(survey, age);

        if (suggested)
        {
            ShouldSuggestOnly(suggestions, ReferralGround.UnemployedUnder25FourMonths, ConcernReason.UnemployedUnder25FourMonths);
        }
        else
        {
            suggestions.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(25, 12, true)]
    [InlineData(25, 11, false)]
    [InlineData(64, 12, true)]
    [InlineData(40, 240, true)]
    [InlineData(24, 12, false)] // under 25: the 4-month ground instead
    public void Evaluate_Unemployed25OrOver_FromTwelveMonths(int age, int months, bool suggested)
    {
        var survey = Clean with { Income = new() { Unemployed = true, MonthsOnAssistance = months } };

        var suggestions = ConcernScreen.Evaluate(survey, age);

        if (suggested)
        {
            ShouldSuggestOnly(suggestions, ReferralGround.Unemployed25OrOverTwelveMonths, ConcernReason.Unemployed25OrOverTwelveMonths);
        }
        else
        {
            suggestions.ShouldNotContain(suggestion => suggestion.Ground == ReferralGround.Unemployed25OrOverTwelveMonths);
        }
    }

    [Fact]
    public void Evaluate_Under25TwelveMonths_SuggestsOnlyTheUnder25Ground() =>
        ShouldSuggestOnly(
            ConcernScreen.Evaluate(Clean with { Income = new() { Unemployed = true, MonthsOnAssistance = 12 } }, 24),
            ReferralGround.UnemployedUnder25FourMonths,
            ConcernReason.UnemployedUnder25FourMonths);

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    public void Evaluate_EnoughMonthsButNotUnemployed_SuggestsNothing(int age) =>
        ConcernScreen.Evaluate(Clean with { Income = new() { MonthsOnAssistance = 24 } }, age).ShouldBeEmpty();

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    public void Evaluate_UnemployedWithoutMonthsRecorded_SuggestsNothing(int age) =>
        ConcernScreen.Evaluate(Clean with { Income = new() { Unemployed = true } }, age).ShouldBeEmpty();

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    [InlineData(0, false)]
    [InlineData(null, false)]
    public void Evaluate_Immigrant_AfterMoreThanTwoMonths(int? months, bool suggested)
    {
        var survey = Clean with { IsImmigrant = true, Income = new() { MonthsOnAssistance = months } };

        var suggestions = ConcernScreen.Evaluate(survey, 30);

        if (suggested)
        {
            ShouldSuggestOnly(suggestions, ReferralGround.ImmigrantOverTwoMonths, ConcernReason.ImmigrantOverTwoMonths);
        }
        else
        {
            suggestions.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Evaluate_NotImmigrantWithMonths_SuggestsNothing() =>
        ConcernScreen.Evaluate(Clean with { Income = new() { MonthsOnAssistance = 3 } }, 30).ShouldBeEmpty();

    [Fact]
    public void Evaluate_ClientAsks_SuggestsClientRequestsAssessment() =>
        ShouldSuggestOnly(
            ConcernScreen.Evaluate(Clean with { AsksForServiceNeedAssessment = true }, 40),
            ReferralGround.ClientRequestsAssessment,
            ConcernReason.ClientAsksForAssessment);

    [Fact]
    public void Evaluate_BasicAmountReducedOrMeasureRefused_SuggestsBasicAmountReduced() =>
        ShouldSuggestOnly(
            ConcernScreen.Evaluate(Clean with { Income = new() { BasicAmountReducedOrMeasureRefused = true } }, 40),
            ReferralGround.BasicAmountReduced,
            ConcernReason.BasicAmountReducedOrMeasureRefused);

    [Fact]
    public void Evaluate_EveryRuleFires_OneSuggestionPerGroundInGroundOrder()
    {
        var survey = Clean with
        {
            Income = new() { Unemployed = true, MonthsOnAssistance = 12, BasicAmountReducedOrMeasureRefused = true },
            Housing = new() { EvictionThreat = true },
            Health = new() { HealthOrWelfareAtRisk = true },
            IsImmigrant = true,
            AsksForServiceNeedAssessment = true,
        };

        var suggestions = ConcernScreen.Evaluate(survey, 30);

        suggestions.Select(suggestion => suggestion.Ground).ShouldBe(
        [
            ReferralGround.BasicAmountReduced,
            ReferralGround.Unemployed25OrOverTwelveMonths,
            ReferralGround.ClientRequestsAssessment,
            ReferralGround.ObviousNeedForSocialCare,
            ReferralGround.ImmigrantOverTwoMonths,
        ]);
        suggestions.Single(s => s.Ground == ReferralGround.ObviousNeedForSocialCare).Reasons
            .ShouldBe([ConcernReason.HealthOrWelfareAtRisk, ConcernReason.EvictionThreat]);
        suggestions.ShouldAllBe(suggestion => suggestion.Reasons.Count > 0);
    }

    [Fact]
    public void Evaluate_SameSurveyTwice_GivesTheSameSuggestions()
    {
        var survey = Clean with { Housing = new() { EvictionThreat = true }, AsksForServiceNeedAssessment = true };

        var first = ConcernScreen.Evaluate(survey, 30);
        var second = ConcernScreen.Evaluate(survey, 30);

        second.Select(s => (s.Ground, string.Join(',', s.Reasons))).ShouldBe(first.Select(s => (s.Ground, string.Join(',', s.Reasons))));
    }

    [Fact]
    public void Evaluate_NegativeAge_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ConcernScreen.Evaluate(Clean, -1));

    [Theory]
    [InlineData("2025-03-10", false)] // born 1 Apr 2000: 24 on the survey day
    [InlineData("2025-04-01", true)] // 25 on the survey day
    public void Evaluate_WithIdentityCode_UsesTheAgeOnTheSurveyDay(string surveyedOn, bool twentyFiveOrOver)
    {
        var identityCode = PersonalIdentityCode.Parse(IdentityCodeBornOn(new DateOnly(2000, 4, 1))).Value;
        var survey = new LifeSituationSurvey
        {
            SurveyedOn = DateOnly.Parse(surveyedOn, System.Globalization.CultureInfo.InvariantCulture),
            Income = new() { Unemployed = true, MonthsOnAssistance = 12 },
        };

        var ground = ConcernScreen.Evaluate(survey, identityCode).ShouldHaveSingleItem().Ground;

        ground.ShouldBe(twentyFiveOrOver ? ReferralGround.Unemployed25OrOverTwelveMonths : ReferralGround.UnemployedUnder25FourMonths);
    }

    [Fact]
    public void GroundOf_EveryReasonHasAGround() =>
        ConcernReasons.All.ShouldAllBe(reason => ReferralGrounds.All.Contains(reason.GroundOf()));

    [Fact]
    public void GroundOf_EveryGroundHasAReason() =>
        ReferralGrounds.Notices.ShouldAllBe(ground => ConcernReasons.All.Any(reason => reason.GroundOf() == ground));

    [Fact]
    public void ConcernReasons_AreNumberedFromOneInGroundOrder()
    {
        ConcernReasons.All.Select(reason => (int)reason).ShouldBe(Enumerable.Range(1, ConcernReasons.All.Count));
        ConcernReasons.All.Select(reason => reason.GroundOf()).ShouldBeInOrder();
    }

    private static void ShouldSuggestOnly(IReadOnlyList<ConcernSuggestion> suggestions, ReferralGround ground, ConcernReason reason)
    {
        var suggestion = suggestions.ShouldHaveSingleItem();
        suggestion.Ground.ShouldBe(ground);
        suggestion.Reasons.ShouldBe([reason]);
    }

    /// <summary>A valid identity code with a 2000s century sign for a date of birth.</summary>
    private static string IdentityCodeBornOn(DateOnly birth)
    {
        const string checkCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
        var date = birth.ToString("ddMMyy", System.Globalization.CultureInfo.InvariantCulture);
        var number = long.Parse(date + "123", System.Globalization.CultureInfo.InvariantCulture);
        return $"{date}A123{checkCharacters[(int)(number % 31)]}";
    }
}
