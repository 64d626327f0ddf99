using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Surveys;
using static CooperationModel.Domain.Tests.Cases.ProcessFixtures;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Cases;

public class ClientCaseSurveyTests
{
    private readonly Actor _handler = Member(Southern, "Kaisa Käsittelijä");

    private static LifeSituationSurvey Survey(DateOnly? surveyedOn = null, string? notes = null) => new()
    {
        SurveyedOn = surveyedOn ?? Today,
        Notes = notes,
        Housing = new HousingAnswers { EvictionThreat = true },
        Income = new IncomeAnswers { Unemployed = true, MonthsOnAssistance = 5 },
    };

    [Theory]
    [InlineData(CaseStage.Guidance)]
    [InlineData(CaseStage.Processing)]
    [InlineData(CaseStage.Cooperation)]
    public void RecordSurvey_AnyStage_StoresItWithASurveyRecordedEvent(CaseStage stage)
    {
        var clientCase = CaseIn(stage, _handler);
        var surveyedOn = Today.AddDays(-3);

        clientCase.RecordSurvey(_handler, Survey(surveyedOn), Today, Morning).ShouldSucceed();

        clientCase.Survey.ShouldBe(Survey(surveyedOn));
        clientCase.Stage.ShouldBe(stage);
        var recorded = clientCase.Events[^1];
        recorded.Kind.ShouldBe(CaseEventKind.SurveyRecorded);
        recorded.Detail.ShouldBe("2025-04-11");
        recorded.Stage.ShouldBe(stage);
        recorded.ActorUserId.ShouldBe(_handler.UserId);
    }

    [Fact]
    public void RecordSurvey_DatedInTheFuture_FailsOnSurveyedOnAndKeepsTheOldSurvey()
    {
        var clientCase = Open(_handler);
        clientCase.RecordSurvey(_handler, Survey(Today.AddMonths(-1)), Today, Morning).ShouldSucceed();
        var eventsBefore = clientCase.Events.Count;

        var result = clientCase.RecordSurvey(_handler, Survey(Tomorrow), Today, Morning);

        result.ShouldFailWith<ValidationError>("Survey.DateInFuture", "SurveyedOn");
        clientCase.Survey!.SurveyedOn.ShouldBe(Today.AddMonths(-1));
        clientCase.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void RecordSurvey_NotesWithSpaces_StoresThemTrimmed()
    {
        var clientCase = Open(_handler);

        clientCase.RecordSurvey(_handler, Survey(notes: "  Vuokranantaja on lähettänyt häätöuhan.\n "), Today, Morning).ShouldSucceed();

        clientCase.Survey!.Notes.ShouldBe("Vuokranantaja on lähettänyt häätöuhan.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public void RecordSurvey_BlankNotes_StoresNoNotes(string notes)
    {
        var clientCase = Open(_handler);

        clientCase.RecordSurvey(_handler, Survey(notes: notes), Today, Morning).ShouldSucceed();

        clientCase.Survey!.Notes.ShouldBeNull();
    }

    [Fact]
    public void RecordSurvey_Again_ReplacesTheSurveyAndKeepsBothDatesOnTheTimeline()
    {
        var clientCase = Open(_handler);
        clientCase.RecordSurvey(_handler, Survey(new DateOnly(2024, 10, 1)), Today, Morning).ShouldSucceed();

        clientCase.RecordSurvey(_handler, Survey(Today) with { IsImmigrant = true }, Today, Morning).ShouldSucceed();

        clientCase.Survey!.IsImmigrant.ShouldBeTrue();
        clientCase.Survey.SurveyedOn.ShouldBe(Today);
        clientCase.Events.Where(e => e.Kind == CaseEventKind.SurveyRecorded).Select(e => e.Detail).ShouldBe(["2024-10-01", "2025-04-14"]);
    }
}
