using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Surveys;

namespace CooperationModel.Domain.Tests.Surveys;

public class LifeSituationSurveyTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);

    private static LifeSituationSurvey Survey => new() { SurveyedOn = Today };

    private static LifeSituationSurvey Full => new()
    {
        SurveyedOn = Today,
        Notes = "Soitti itse, haluaa tavata sosiaalityöntekijän.",
        Income = new()
        {
            Control = IncomeControl.SeriousDifficulties,
            DebtOrPaymentProblems = true,
            Unemployed = true,
            MonthsOnAssistance = 14,
            BasicAmountReducedOrMeasureRefused = true,
        },
        Family = new() { ChildrenInHousehold = 2, UnableToCareForChildren = true, NeedsFamilySupport = true },
        Health = new() { EverydayCoping = EverydayCoping.NeedsSomeHelp, HealthOrWelfareAtRisk = true },
        Housing = new() { Situation = HousingSituation.Temporary, RentArrears = true, EvictionThreat = true, NeedsHousingSupport = true },
        LifeEvents = [LifeEvent.Eviction, LifeEvent.Divorce, LifeEvent.Unemployment],
        IsImmigrant = true,
        AsksForServiceNeedAssessment = true,
    };

    [Fact]
    public void Validate_OnlyTheDate_Succeeds() => Survey.Validate(Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_EveryAnswerGiven_Succeeds() => Full.Validate(Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void New_AnswersDefaultToNotReported()
    {
        var survey = new LifeSituationSurvey();

        survey.Income.ShouldBe(new IncomeAnswers());
        survey.Family.ShouldBe(new FamilyAnswers());
        survey.Health.ShouldBe(new HealthAnswers());
        survey.Housing.ShouldBe(new HousingAnswers());
        survey.LifeEvents.ShouldBeEmpty();
        survey.Income.MonthsOnAssistance.ShouldBeNull();
        survey.Income.Control.ShouldBeNull();
    }

    [Fact]
    public void Validate_NoDate_FailsWithDateRequired() =>
        ShouldFailWith(new LifeSituationSurvey().Validate(Today), "Survey.DateRequired", "SurveyedOn");

    [Fact]
    public void Validate_DateTomorrow_FailsWithDateInFuture() =>
        ShouldFailWith((Survey with { SurveyedOn = Today.AddDays(1) }).Validate(Today), "Survey.DateInFuture", "SurveyedOn");

    [Fact]
    public void Validate_DateMoreThanTenYearsAgo_FailsWithTooEarly() =>
        ShouldFailWith((Survey with { SurveyedOn = new DateOnly(1, 1, 2) }).Validate(Today), "EnteredDate.TooEarly", "SurveyedOn");

    [Fact]
    public void Validate_DateLongAgo_Succeeds() =>
        (Survey with { SurveyedOn = new DateOnly(2019, 1, 1) }).Validate(Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_NotesOfMaxLength_Succeeds() =>
        (Survey with { Notes = new string('a', LifeSituationSurvey.NotesMaxLength) }).Validate(Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_NotesOfMaxLengthWithSurroundingSpaces_Succeeds() =>
        (Survey with { Notes = $"  {new string('a', LifeSituationSurvey.NotesMaxLength)}\n" }).Validate(Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_NotesLongerThanMax_FailsWithNotesTooLong() =>
        ShouldFailWith(
            (Survey with { Notes = new string('a', LifeSituationSurvey.NotesMaxLength + 1) }).Validate(Today),
            "Survey.NotesTooLong",
            "Notes");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(600)]
    public void Validate_MonthsInRange_Succeeds(int months) =>
        (Survey with { Income = new() { MonthsOnAssistance = months } }).Validate(Today).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    [InlineData(int.MinValue)]
    public void Validate_MonthsOutOfRange_FailsWithMonthsOutOfRange(int months) =>
        ShouldFailWith(
            (Survey with { Income = new() { MonthsOnAssistance = months } }).Validate(Today),
            "Survey.MonthsOnAssistanceOutOfRange",
            "Income.MonthsOnAssistance");

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Validate_ChildrenInRange_Succeeds(int children) =>
        (Survey with { Family = new() { ChildrenInHousehold = children } }).Validate(Today).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public void Validate_ChildrenOutOfRange_FailsWithChildrenOutOfRange(int children) =>
        ShouldFailWith(
            (Survey with { Family = new() { ChildrenInHousehold = children } }).Validate(Today),
            "Survey.ChildrenInHouseholdOutOfRange",
            "Family.ChildrenInHousehold");

    [Fact]
    public void Validate_UnknownIncomeControl_FailsWithUnknownChoice() =>
        ShouldFailWith(
            (Survey with { Income = new() { Control = (IncomeControl)0 } }).Validate(Today),
            "Survey.UnknownChoice",
            "Income.Control");

    [Fact]
    public void Validate_UnknownEverydayCoping_FailsWithUnknownChoice() =>
        ShouldFailWith(
            (Survey with { Health = new() { EverydayCoping = (EverydayCoping)4 } }).Validate(Today),
            "Survey.UnknownChoice",
            "Health.EverydayCoping");

    [Fact]
    public void Validate_UnknownHousingSituation_FailsWithUnknownChoice() =>
        ShouldFailWith(
            (Survey with { Housing = new() { Situation = (HousingSituation)99 } }).Validate(Today),
            "Survey.UnknownChoice",
            "Housing.Situation");

    [Fact]
    public void Validate_UnknownLifeEvent_FailsWithUnknownChoice() =>
        ShouldFailWith(
            (Survey with { LifeEvents = [LifeEvent.Moving, (LifeEvent)11] }).Validate(Today),
            "Survey.UnknownChoice",
            "LifeEvents");

    [Fact]
    public void Validate_SeveralProblems_ReportsEachWithItsField()
    {
        var survey = new LifeSituationSurvey
        {
            Notes = new string('a', LifeSituationSurvey.NotesMaxLength + 1),
            Income = new() { MonthsOnAssistance = -1 },
            Family = new() { ChildrenInHousehold = 21 },
        };

        var result = survey.Validate(Today);

        result.IsSuccess.ShouldBeFalse();
        result.Errors.Select(error => (error.Code, error.Field)).ShouldBe(
        [
            ("Survey.DateRequired", "SurveyedOn"),
            ("Survey.NotesTooLong", "Notes"),
            ("Survey.MonthsOnAssistanceOutOfRange", "Income.MonthsOnAssistance"),
            ("Survey.ChildrenInHouseholdOutOfRange", "Family.ChildrenInHousehold"),
        ]);
        result.Errors.ShouldAllBe(error => error is ValidationError);
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-10", false)]
    [InlineData("2024-09-10", "2025-03-10", false)] // exactly 6 months
    [InlineData("2024-09-09", "2025-03-10", true)] // 6 months and a day
    [InlineData("2024-08-31", "2025-02-28", false)] // 31 August + 6 months is 28 February
    [InlineData("2024-08-31", "2025-03-01", true)]
    [InlineData("2023-08-31", "2024-02-29", false)] // leap year
    [InlineData("2023-08-31", "2024-03-01", true)]
    [InlineData("2025-02-28", "2025-08-28", false)]
    [InlineData("2025-02-28", "2025-08-29", true)]
    [InlineData("2024-12-31", "2025-06-30", false)]
    [InlineData("2024-12-31", "2025-07-01", true)]
    [InlineData("2025-04-01", "2025-03-10", false)] // dated in the future
    public void IsStale_DefaultSixMonths(string surveyedOn, string today, bool stale) =>
        (Survey with { SurveyedOn = DateOnly.Parse(surveyedOn, System.Globalization.CultureInfo.InvariantCulture) })
            .IsStale(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(stale);

    [Theory]
    [InlineData(3, "2024-12-10", false)]
    [InlineData(3, "2024-12-09", true)]
    [InlineData(12, "2024-03-10", false)]
    [InlineData(12, "2024-03-09", true)]
    [InlineData(0, "2025-03-10", false)]
    [InlineData(0, "2025-03-09", true)]
    public void IsStale_LimitChosenByCaller(int maxAgeMonths, string surveyedOn, bool stale) =>
        (Survey with { SurveyedOn = DateOnly.Parse(surveyedOn, System.Globalization.CultureInfo.InvariantCulture) })
            .IsStale(Today, maxAgeMonths)
            .ShouldBe(stale);

    [Theory]
    [InlineData(-1)]
    [InlineData(LifeSituationSurvey.MaxAgeMonthsLimit + 1)]
    public void IsStale_LimitOutOfRange_Throws(int maxAgeMonths) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Survey.IsStale(Today, maxAgeMonths));

    [Fact]
    public void IsStale_DateAtTheEndOfTime_DoesNotThrow() =>
        (Survey with { SurveyedOn = DateOnly.MaxValue }).IsStale(Today).ShouldBeFalse();

    [Fact]
    public void LifeEvents_WithoutDuplicatesInEnumOrder()
    {
        var survey = Survey with { LifeEvents = [LifeEvent.Death, LifeEvent.Moving, LifeEvent.Death, LifeEvent.Child] };

        survey.LifeEvents.ShouldBe([LifeEvent.Moving, LifeEvent.Child, LifeEvent.Death]);
    }

    [Fact]
    public void LifeEvents_GivenWithAnotherComparer_AreKeptInEnumOrder()
    {
        var reversed = ImmutableSortedSet.Create(
            Comparer<LifeEvent>.Create((x, y) => y.CompareTo(x)), LifeEvent.Moving, LifeEvent.Death);

        var survey = Survey with { LifeEvents = reversed };

        survey.LifeEvents.ShouldBe([LifeEvent.Moving, LifeEvent.Death]);
        survey.ShouldBe(Survey with { LifeEvents = [LifeEvent.Death, LifeEvent.Moving] });
    }

    [Fact]
    public void Equals_SameAnswersAndSameEventsInAnotherOrder_AreEqual()
    {
        var first = Full with { LifeEvents = [LifeEvent.Divorce, LifeEvent.Eviction] };
        var second = Full with { LifeEvents = ImmutableSortedSet.CreateRange(new[] { LifeEvent.Eviction, LifeEvent.Divorce }) };

        first.ShouldBe(second);
        first.GetHashCode().ShouldBe(second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentEvents_AreNotEqual() =>
        Full.ShouldNotBe(Full with { LifeEvents = [LifeEvent.Divorce] });

    [Fact]
    public void Equals_DifferentNestedAnswer_AreNotEqual() =>
        Full.ShouldNotBe(Full with { Housing = Full.Housing with { RentArrears = false } });

    [Fact]
    public void NullSections_AreReadAsNoAnswers()
    {
        var survey = new LifeSituationSurvey
        {
            SurveyedOn = Today,
            Income = null!,
            Family = null!,
            Health = null!,
            Housing = null!,
            LifeEvents = null!,
        };

        survey.ShouldBe(Survey);
        survey.Validate(Today).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ToString_ShowsOnlyTheDate()
    {
        var text = Full.ToString();

        text.ShouldBe("LifeSituationSurvey { SurveyedOn = 2025-03-10 }");
        Full.Income.ToString().ShouldBe("IncomeAnswers");
        Full.Family.ToString().ShouldBe("FamilyAnswers");
        Full.Health.ToString().ShouldBe("HealthAnswers");
        Full.Housing.ToString().ShouldBe("HousingAnswers");
    }

    public static TheoryData<string> JsonOptions => ["default", "web with string enums"];

    [Theory]
    [MemberData(nameof(JsonOptions))]
    public void Json_RoundTrips(string name)
    {
        var options = name == "default"
            ? new JsonSerializerOptions()
            : new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

        var json = JsonSerializer.Serialize(Full, options);
        var read = JsonSerializer.Deserialize<LifeSituationSurvey>(json, options);

        read.ShouldBe(Full);
        read!.LifeEvents.ShouldBe([LifeEvent.Unemployment, LifeEvent.Divorce, LifeEvent.Eviction]);
    }

    [Fact]
    public void Json_MissingSections_AreReadAsNoAnswers()
    {
        var read = JsonSerializer.Deserialize<LifeSituationSurvey>("""{"SurveyedOn":"2025-03-10","Income":null}""");

        read.ShouldBe(Survey);
    }

    private static void ShouldFailWith(Result result, string code, string field)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Errors.Count.ShouldBe(1);
        var error = result.FirstError.ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
    }
}
