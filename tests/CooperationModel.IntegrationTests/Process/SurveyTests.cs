using CooperationModel.Application.Cases.RecordSurvey;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Protection;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Npgsql;

namespace CooperationModel.IntegrationTests.Process;

/// <summary>The life-situation survey is one jsonb document on the case; the concern screen reads it back.</summary>
[Collection(AppCollection.Name)]
public sealed class SurveyTests(AppFixture app)
{
    private readonly ProcessSteps _steps = new(app);

    [Fact]
    public async Task RecordSurvey_FullSurvey_GetCaseReturnsItEqualWithSuggestion()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        var survey = FullSurvey(_steps.Today.AddDays(-1));

        (await handler.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(opened.Id, survey))).ShouldSucceed();

        var stored = await ProcessSteps.GetAsync(handler, opened.Id);
        stored.Survey.ShouldNotBeNull();
        stored.Survey.ShouldBe(survey);
        stored.Survey.LifeEvents.ShouldBe([LifeEvent.Unemployment, LifeEvent.Eviction]);
        stored.Survey.Housing.ShouldBe(survey.Housing);
        stored.Survey.Income.ShouldBe(survey.Income);
        stored.Survey.Family.ShouldBe(survey.Family);
        stored.Survey.Health.ShouldBe(survey.Health);
        stored.Survey.Notes.ShouldBe(survey.Notes);
        stored.SurveyIsStale.ShouldBeFalse();
        var suggestion = stored.Suggestions.ShouldHaveSingleItem();
        suggestion.Ground.ShouldBe(ReferralGround.ObviousNeedForSocialCare);
        suggestion.Reasons.ShouldBe([ConcernReason.EvictionThreat]);
        var entry = stored.Timeline.First();
        entry.Kind.ShouldBe(CaseEventKind.SurveyRecorded);
        entry.Detail.ShouldBe(survey.SurveyedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Once the suggested referral is sent, the case says the suggestion was acted on, and by which referral.</summary>
    [Fact]
    public async Task GetCase_SuggestedReferralSent_SuggestionActedOnByIt()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        (await handler.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(opened.Id, FullSurvey(_steps.Today)))).ShouldSucceed();
        (await ProcessSteps.GetAsync(handler, opened.Id)).SuggestionsActedOn.ShouldBeEmpty();

        var referralId = await Referrals.ReferralLoopSteps.SendFromAsync(handler, opened.Id);

        var stored = await ProcessSteps.GetAsync(handler, opened.Id);
        stored.Suggestions.ShouldHaveSingleItem().Ground.ShouldBe(ReferralGround.ObviousNeedForSocialCare);
        stored.SuggestionsActedOn.ShouldHaveSingleItem().Value.Id.ShouldBe(referralId);
    }

    [Fact]
    public async Task RecordSurvey_Stored_EncryptedDocumentWithEnumNamesAsStrings()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        (await handler.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(opened.Id, FullSurvey(_steps.Today)))).ShouldSucceed();

        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT survey FROM cases WHERE id = @id", connection);
        query.Parameters.AddWithValue("id", opened.Id);
        var stored = (string)(await query.ExecuteScalarAsync())!;

        // At rest: ciphertext only, none of the answers readable.
        stored.ShouldNotContain(nameof(HousingSituation.Temporary));
        stored.ShouldNotContain("evictionThreat");
        PersonalDataProtector.IsProtected(stored).ShouldBeTrue();

        // Decrypted with the app's keys: one JSON document, enums by name.
        var json = System.Text.Json.Nodes.JsonNode.Parse(handler.Get<PersonalDataProtector>().Unprotect(stored))!;
        json["housing"]!["evictionThreat"]!.GetValue<bool>().ShouldBeTrue();
        json["housing"]!["situation"]!.GetValue<string>().ShouldBe(nameof(HousingSituation.Temporary));
        json["income"]!["control"]!.GetValue<string>().ShouldBe(nameof(IncomeControl.SeriousDifficulties));
        json["health"]!["everydayCoping"]!.GetValue<string>().ShouldBe(nameof(EverydayCoping.NeedsSomeHelp));
        json["lifeEvents"]![0]!.GetValue<string>().ShouldBe(nameof(LifeEvent.Unemployment));
        json["lifeEvents"]![1]!.GetValue<string>().ShouldBe(nameof(LifeEvent.Eviction));
        json["income"]!["monthsOnAssistance"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task RecordSurvey_DatedTomorrow_DateInFutureAndNothingStored()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);

        var result = await handler.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(opened.Id, FullSurvey(_steps.Today.AddDays(1))));

        result.ShouldFailWith<ValidationError>(LifeSituationSurvey.Errors.DateInFuture.Code).Field.ShouldBe(LifeSituationSurvey.Fields.SurveyedOn);
        var stored = await ProcessSteps.GetAsync(handler, opened.Id);
        stored.Survey.ShouldBeNull();
        stored.Suggestions.ShouldBeEmpty();
        stored.Timeline.ShouldNotContain(e => e.Kind == CaseEventKind.SurveyRecorded);
    }

    [Fact]
    public async Task GetCase_SurveySevenMonthsOld_Stale()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        (await handler.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(opened.Id, FullSurvey(_steps.Today.AddMonths(-7))))).ShouldSucceed();

        var stored = await ProcessSteps.GetAsync(handler, opened.Id);

        stored.Survey.ShouldNotBeNull();
        stored.SurveyIsStale.ShouldBeTrue();
    }

    [Fact]
    public async Task GetCase_SurveyFiveMonthsOld_NotStale()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        (await handler.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(opened.Id, FullSurvey(_steps.Today.AddMonths(-5))))).ShouldSucceed();

        (await ProcessSteps.GetAsync(handler, opened.Id)).SurveyIsStale.ShouldBeFalse();
    }

    [Fact]
    public async Task RecordSurvey_Again_NewSurveyReplacesOld()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        var record = handler.Get<IRecordSurveyHandler>();
        (await record.HandleAsync(new RecordSurveyCommand(opened.Id, FullSurvey(_steps.Today.AddMonths(-7))))).ShouldSucceed();
        var fresh = new LifeSituationSurvey
        {
            SurveyedOn = _steps.Today,
            Housing = new HousingAnswers { Situation = HousingSituation.Stable },
        };

        (await record.HandleAsync(new RecordSurveyCommand(opened.Id, fresh))).ShouldSucceed();

        var stored = await ProcessSteps.GetAsync(handler, opened.Id);
        stored.Survey.ShouldBe(fresh);
        stored.SurveyIsStale.ShouldBeFalse();
        stored.Suggestions.ShouldBeEmpty();
        stored.Timeline.Count(e => e.Kind == CaseEventKind.SurveyRecorded).ShouldBe(2);
    }

    /// <summary>
    /// Every field answered: the eviction threat is the one answer with a rule that fires (the client, born in the
    /// 1960s, is over 25 with 3 months on assistance, so the unemployment rules do not).
    /// </summary>
    private static LifeSituationSurvey FullSurvey(DateOnly surveyedOn) => new()
    {
        SurveyedOn = surveyedOn,
        Notes = "Asiakas kertoi vuokranantajan häätöuhasta.",
        Income = new IncomeAnswers
        {
            Control = IncomeControl.SeriousDifficulties,
            DebtOrPaymentProblems = true,
            Unemployed = true,
            MonthsOnAssistance = 3,
        },
        Family = new FamilyAnswers { ChildrenInHousehold = 2, NeedsFamilySupport = true },
        Health = new HealthAnswers { EverydayCoping = EverydayCoping.NeedsSomeHelp },
        Housing = new HousingAnswers
        {
            Situation = HousingSituation.Temporary,
            RentArrears = true,
            EvictionThreat = true,
            NeedsHousingSupport = true,
        },
        LifeEvents = [LifeEvent.Eviction, LifeEvent.Unemployment],
    };
}
