using System.Collections.Immutable;
using AngleSharp.Dom;
using Bunit;
using CooperationModel.Application.Cases.RecordSurvey;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Surveys;
using CooperationModel.Web.Components.Pages.Cases.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Cases;

public sealed class SurveyFormTests : ComponentTestContext
{
    private const string Notes = "Vuokranantaja on lähettänyt häätövaroituksen.";
    private readonly FakeRecordSurvey _handler = new();
    private readonly Guid _caseId = Guid.NewGuid();
    private int _saved;

    public SurveyFormTests()
    {
        Services.AddSingleton<IRecordSurveyHandler>(_handler);
        Services.AddSingleton<TimeProvider>(new FixedClock());
    }

    [Fact]
    public void Render_NoSurveyYet_IsDatedTodayWithEmptyFields()
    {
        var form = RenderForm();

        form.Find("input[data-testid=survey-date]").GetAttribute("value").ShouldBe("14.4.2025");
        form.Find("input[data-testid=survey-eviction-threat]").HasAttribute("checked").ShouldBeFalse();
        form.Find("input[data-testid=survey-months]").GetAttribute("value").ShouldBeNullOrEmpty();
        form.Find("textarea[data-testid=survey-notes]").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public void Save_AnswersFilledIn_SendsThemInTheCommand()
    {
        var form = RenderForm();
        form.Find("input[data-testid=survey-eviction-threat]").Change(true);
        form.Find("input[data-testid=survey-unemployed]").Change(true);
        form.Find("input[data-testid=survey-months]").Change("5");
        form.Find("textarea[data-testid=survey-notes]").Change(Notes);

        form.Find("form").Submit();

        form.WaitForAssertion(() => _saved.ShouldBe(1));
        var command = _handler.Calls.ShouldHaveSingleItem();
        command.CaseId.ShouldBe(_caseId);
        command.Survey.ShouldBe(new LifeSituationSurvey
        {
            SurveyedOn = FixedClock.Today,
            Notes = Notes,
            Income = new IncomeAnswers { Unemployed = true, MonthsOnAssistance = 5 },
            Housing = new HousingAnswers { EvictionThreat = true },
        });
    }

    [Fact]
    public void Save_ServerRefusesTheNotes_ShowsTheMessageAtTheNotesAndKeepsEverything()
    {
        _handler.Answer = Result.Failure(new ValidationError("Survey.NotesTooLong") { Field = "Notes" });
        var form = RenderForm();
        form.Find("input[data-testid=survey-eviction-threat]").Change(true);
        form.Find("input[data-testid=survey-months]").Change("7");
        form.Find("textarea[data-testid=survey-notes]").Change(Notes);

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "survey-notes")
            .ShouldBe("Muistiinpanot ovat liian pitkät (enintään 4000 merkkiä)."));
        _handler.Calls.Count.ShouldBe(1);
        _saved.ShouldBe(0);
        form.FindAll("[data-testid=form-error]").ShouldBeEmpty();
        form.Find("textarea[data-testid=survey-notes]").GetAttribute("value").ShouldBe(Notes);
        form.Find("input[data-testid=survey-months]").GetAttribute("value").ShouldBe("7");
        form.Find("input[data-testid=survey-eviction-threat]").HasAttribute("checked").ShouldBeTrue();
        form.Find("input[data-testid=survey-date]").GetAttribute("value").ShouldBe("14.4.2025");
    }

    [Fact]
    public void Save_ServerRefusesAfterFix_SendsAgainWithTheSameAnswers()
    {
        _handler.Answer = Result.Failure(new ValidationError("Survey.NotesTooLong") { Field = "Notes" });
        var form = RenderForm();
        form.Find("textarea[data-testid=survey-notes]").Change(Notes);
        form.Find("form").Submit();
        form.WaitForAssertion(() => form.Markup.ShouldContain("Muistiinpanot ovat liian pitkät"));
        _handler.Answer = null;

        form.Find("form").Submit();

        form.WaitForAssertion(() => _saved.ShouldBe(1));
        _handler.Calls.Count.ShouldBe(2);
        _handler.Calls[1].Survey.Notes.ShouldBe(Notes);
        form.Markup.ShouldNotContain("Muistiinpanot ovat liian pitkät");
    }

    [Fact]
    public void Save_DateInTheFuture_ShowsTheValidatorMessageWithoutCallingTheHandler()
    {
        var form = RenderForm();
        form.Find("textarea[data-testid=survey-notes]").Change(Notes);
        form.Find("input[data-testid=survey-date]").Change("15.4.2025");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "survey-date")
            .ShouldBe("Kartoituspäivä ei voi olla tulevaisuudessa."));
        _handler.Calls.ShouldBeEmpty();
        _saved.ShouldBe(0);
        form.Find("input[data-testid=survey-date]").GetAttribute("value").ShouldBe("15.4.2025");
        form.Find("textarea[data-testid=survey-notes]").GetAttribute("value").ShouldBe(Notes);
    }

    [Fact]
    public void Save_FutureDateCorrected_ClearsTheMessageAndSends()
    {
        var form = RenderForm();
        form.Find("input[data-testid=survey-date]").Change("15.4.2025");
        form.Find("form").Submit();
        form.WaitForAssertion(() => form.Markup.ShouldContain("Kartoituspäivä ei voi olla tulevaisuudessa."));

        form.Find("input[data-testid=survey-date]").Change("11.4.2025");

        form.WaitForAssertion(() => form.Markup.ShouldNotContain("Kartoituspäivä ei voi olla tulevaisuudessa."));
        form.Find("form").Submit();
        form.WaitForAssertion(() => _handler.Calls.ShouldHaveSingleItem().Survey.SurveyedOn.ShouldBe(new DateOnly(2025, 4, 11)));
    }

    [Theory]
    [InlineData("survey-months", "601", "Kuukausien määrän on oltava 0–600.")]
    [InlineData("survey-months", "-1", "Kuukausien määrän on oltava 0–600.")]
    [InlineData("survey-months", "−1", "Kuukausien määrän on oltava 0–600.")]
    [InlineData("survey-children", "21", "Lasten määrän on oltava 0–20.")]
    public void Save_NumberOutOfRange_RefusesWithTheRangeAndKeepsTheNumber(string testId, string typed, string message)
    {
        var form = RenderForm();
        form.Find($"input[data-testid={testId}]").Change(typed);

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, testId).ShouldBe(message));
        _handler.Calls.ShouldBeEmpty();
        form.Find($"input[data-testid={testId}]").GetAttribute("value").ShouldBe(typed);
    }

    [Theory]
    [InlineData("survey-months", "abc")]
    [InlineData("survey-months", "1e5")]
    [InlineData("survey-children", "2,5")]
    public void Save_NotAWholeNumber_SaysSoInFinnishKeepsTheTextAndSendsNothing(string testId, string typed)
    {
        var form = RenderForm();
        form.Find($"input[data-testid={testId}]").Change(typed);

        form.WaitForAssertion(() => ErrorTextOf(form, testId).ShouldBe("Kirjoita kokonaisluku numeroin, esim. 12."));
        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, testId).ShouldBe("Kirjoita kokonaisluku numeroin, esim. 12."));
        _handler.Calls.ShouldBeEmpty();
        _saved.ShouldBe(0);
        form.Find($"input[data-testid={testId}]").GetAttribute("value").ShouldBe(typed);
        form.Markup.ShouldNotContain("Not a valid number");
    }

    [Fact]
    public void Save_NotAWholeNumberCorrected_SendsTheNumber()
    {
        var form = RenderForm();
        form.Find("input[data-testid=survey-months]").Change("abc");
        form.Find("form").Submit();
        form.WaitForAssertion(() => form.Markup.ShouldContain("Kirjoita kokonaisluku numeroin"));

        form.Find("input[data-testid=survey-months]").Change("12");

        form.WaitForAssertion(() => form.Markup.ShouldNotContain("Kirjoita kokonaisluku numeroin"));
        form.Find("form").Submit();
        form.WaitForAssertion(() => _handler.Calls.ShouldHaveSingleItem().Survey.Income.MonthsOnAssistance.ShouldBe(12));
    }

    [Fact]
    public void Save_DateThatIsNoRealDay_SaysItIsNotAValidDateAndKeepsIt()
    {
        var form = RenderForm();
        form.Find("input[data-testid=survey-date]").Change("31.2.2025");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "survey-date")
            .ShouldBe("Päivämäärä ei ole oikea päivä. Kirjoita se muodossa p.k.vvvv, esim. 28.2.2026."));
        _handler.Calls.ShouldBeEmpty();
        form.Find("input[data-testid=survey-date]").GetAttribute("value").ShouldBe("31.2.2025");
    }

    [Fact]
    public void Render_CurrentSurvey_PrefillsTheFields()
    {
        var form = RenderForm(Current);

        form.Find("input[data-testid=survey-eviction-threat]").HasAttribute("checked").ShouldBeTrue();
        form.Find("input[data-testid=survey-unemployed]").HasAttribute("checked").ShouldBeTrue();
        form.Find("input[data-testid=survey-cannot-care]").HasAttribute("checked").ShouldBeFalse();
        form.Find("input[data-testid=survey-months]").GetAttribute("value").ShouldBe("13");
        form.Find("input[data-testid=survey-children]").GetAttribute("value").ShouldBe("2");
        // A select with a value shows it in an element that carries the test id instead of the input.
        form.Find("[data-testid=survey-income-control]").TextContent.Trim().ShouldBe("Vakavia vaikeuksia");
        form.Find("[data-testid=survey-coping]").TextContent.Trim().ShouldBe("Tarvitsee paljon apua");
        form.Find("[data-testid=survey-housing]").TextContent.Trim().ShouldBe("Tilapäinen asuminen");
        LifeEventBox(form, "Avioero").HasAttribute("checked").ShouldBeTrue();
        LifeEventBox(form, "Työttömyys").HasAttribute("checked").ShouldBeTrue();
        LifeEventBox(form, "Muutto").HasAttribute("checked").ShouldBeFalse();
        form.Find("textarea[data-testid=survey-notes]").GetAttribute("value").ShouldBe(Notes);
        form.Find("input[data-testid=survey-date]").GetAttribute("value").ShouldBe("14.4.2025");
    }

    [Fact]
    public void Save_CurrentSurveyUnchanged_SendsItsAnswersDatedToday()
    {
        var form = RenderForm(Current);

        form.Find("form").Submit();

        form.WaitForAssertion(() => _handler.Calls.ShouldHaveSingleItem().Survey.ShouldBe(Current with { SurveyedOn = FixedClock.Today }));
    }

    private static LifeSituationSurvey Current { get; } = new()
    {
        SurveyedOn = new DateOnly(2024, 9, 2),
        Notes = Notes,
        Income = new IncomeAnswers
        {
            Control = IncomeControl.SeriousDifficulties,
            DebtOrPaymentProblems = true,
            Unemployed = true,
            MonthsOnAssistance = 13,
            BasicAmountReducedOrMeasureRefused = true,
        },
        Family = new FamilyAnswers { ChildrenInHousehold = 2, NeedsFamilySupport = true },
        Health = new HealthAnswers { EverydayCoping = EverydayCoping.NeedsSubstantialHelp, HealthOrWelfareAtRisk = true },
        Housing = new HousingAnswers { Situation = HousingSituation.Temporary, RentArrears = true, EvictionThreat = true, NeedsHousingSupport = true },
        LifeEvents = ImmutableSortedSet.Create(LifeEvent.Divorce, LifeEvent.Unemployment),
        IsImmigrant = true,
        AsksForServiceNeedAssessment = true,
    };

    private IRenderedComponent<SurveyForm> RenderForm(LifeSituationSurvey? current = null)
    {
        RenderPopoverProvider();
        return Render<SurveyForm>(parameters => parameters
            .Add(p => p.CaseId, _caseId)
            .Add(p => p.Current, current)
            .Add(p => p.OnSaved, () => _saved++));
    }

    /// <summary>The error text MudBlazor shows under the field of an input, if any.</summary>
    private static IElement LifeEventBox(IRenderedComponent<SurveyForm> form, string label) =>
        form.FindAll("label.mud-checkbox").Single(l => l.TextContent.Trim() == label).QuerySelector("input[type=checkbox]")!;

    private sealed class FakeRecordSurvey : IRecordSurveyHandler
    {
        public List<RecordSurveyCommand> Calls { get; } = [];

        public Result? Answer { get; set; }

        public Task<Result> HandleAsync(RecordSurveyCommand command, CancellationToken cancellationToken = default)
        {
            Calls.Add(command);
            return Task.FromResult(Answer ?? Result.Success());
        }
    }
}
