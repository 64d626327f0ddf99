using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// The consent record: a given consent has a day (not in the future) and a method; what it covers decides whether the
/// situation may, or must, be described; the referral stamps the sender as its recorder.
/// </summary>
public class ConsentRecordTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private readonly LoopSteps _steps = new();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-400)]
    public void CheckRecord_GivenTodayOrEarlier_Succeeds(int daysFromToday) =>
        ConsentRule.CheckRecord(ConsentRecord.GivenIn(ConsentMethod.Phone, Today.AddDays(daysFromToday)), Today).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(ConsentMethod.InPerson)]
    [InlineData(ConsentMethod.Phone)]
    [InlineData(ConsentMethod.Writing)]
    public void CheckRecord_GivenByEveryMethod_Succeeds(ConsentMethod method) =>
        ConsentRule.CheckRecord(ConsentRecord.GivenIn(method, Today), Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void CheckRecord_GivenWithoutDay_FailsWithDateRequired() =>
        ShouldFailWith(
            ConsentRule.CheckRecord(new ConsentRecord(true, null, ConsentMethod.InPerson, true, false), Today),
            "Referral.ConsentDateRequired",
            "ConsentGivenOn");

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2016, 11, 23)]
    public void CheckRecord_GivenMoreThanTenYearsAgo_FailsWithTooEarly(int year, int month, int day) =>
        ShouldFailWith(
            ConsentRule.CheckRecord(ConsentRecord.GivenIn(ConsentMethod.Writing, new DateOnly(year, month, day)), Today),
            "EnteredDate.TooEarly",
            "ConsentGivenOn");

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    public void CheckRecord_GivenOnAFutureDay_FailsWithDateInFuture(int daysFromToday) =>
        ShouldFailWith(
            ConsentRule.CheckRecord(ConsentRecord.GivenIn(ConsentMethod.Writing, Today.AddDays(daysFromToday)), Today),
            "Referral.ConsentDateInFuture",
            "ConsentGivenOn");

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void CheckRecord_GivenWithoutADefinedMethod_FailsWithMethodRequired(int? method) =>
        ShouldFailWith(
            ConsentRule.CheckRecord(new ConsentRecord(true, Today, (ConsentMethod?)method, true, false), Today),
            "Referral.ConsentMethodRequired",
            "ConsentMethod");

    [Fact]
    public void CheckRecord_GivenWithoutDayOrMethod_ReportsBoth() =>
        ConsentRule.CheckRecord(new ConsentRecord(true, null, null, true, true), Today).Errors
            .ShouldBe([ConsentRule.Errors.DateRequired, ConsentRule.Errors.MethodRequired]);

    [Fact]
    public void CheckRecord_NotGiven_Succeeds() =>
        ConsentRule.CheckRecord(ConsentRecord.NotGiven, Today).IsSuccess.ShouldBeTrue();

    /// <summary>Without consent the day and the method are not asked for, so stray values are no error either.</summary>
    [Fact]
    public void CheckRecord_NotGivenWithFutureDayAndUndefinedMethod_Succeeds() =>
        ConsentRule.CheckRecord(new ConsentRecord(false, Today.AddDays(3), (ConsentMethod)0, true, true), Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Normalised_Given_KeepsEverything()
    {
        var record = new ConsentRecord(true, Today, ConsentMethod.Writing, CoversDescription: false, CoversFeedback: true);

        record.Normalised().ShouldBe(record);
    }

    [Fact]
    public void Normalised_NotGiven_DropsDayMethodAndWhatItCovers() =>
        new ConsentRecord(false, Today, ConsentMethod.Phone, CoversDescription: true, CoversFeedback: true).Normalised()
            .ShouldBe(new ConsentRecord(false, null, null, false, false));

    [Theory]
    [InlineData(true, true, "Vuokrarästejä.")]
    [InlineData(true, false, null)]
    [InlineData(true, false, "  ")]
    [InlineData(false, false, null)]
    public void CheckDescription_DescribedOnlyWhenConsentCoversIt_Succeeds(bool given, bool coversDescription, string? description) =>
        ConsentRule.CheckDescription(Record(given, coversDescription), description).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void CheckDescription_DescriptionWithoutConsentCoveringIt_FailsWithDescriptionForbidden(bool given, bool coversDescription) =>
        ShouldFailWith(
            ConsentRule.CheckDescription(Record(given, coversDescription), "Vuokrarästejä."),
            "Referral.DescriptionForbiddenWithoutConsent",
            "SituationDescription");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void CheckDescription_ConsentCoveringDescriptionWithoutOne_FailsWithDescriptionRequired(string? description) =>
        ShouldFailWith(
            ConsentRule.CheckDescription(Record(given: true, coversDescription: true), description),
            "Referral.DescriptionRequiredWithConsent",
            "SituationDescription");

    [Fact]
    public void Check_IncompleteRecordAndMissingDescription_ReportsEveryError() =>
        ConsentRule.Check(new ConsentRecord(true, null, null, true, false), null, Today).Errors
            .ShouldBe([ConsentRule.Errors.DateRequired, ConsentRule.Errors.MethodRequired, ConsentRule.Errors.DescriptionRequired]);

    [Fact]
    public void Send_ConsentGiven_StoresTheRecordWithTheSenderAsRecorder()
    {
        var given = new ConsentRecord(true, DayOf(Now).AddDays(-2), ConsentMethod.Phone, CoversDescription: true, CoversFeedback: true);

        var referral = Send(given, "Vuokrarästejä.").Value;

        referral.ConsentGiven.ShouldBeTrue();
        referral.ConsentGivenOn.ShouldBe(DayOf(Now).AddDays(-2));
        referral.ConsentMethod.ShouldBe(ConsentMethod.Phone);
        referral.ConsentCoversDescription.ShouldBeTrue();
        referral.ConsentCoversFeedback.ShouldBeTrue();
        referral.ConsentRecordedByUserId.ShouldBe(_steps.Handler.UserId);
        referral.ConsentRecordedByName.ShouldBe("Kaisa Käsittelijä");
        referral.Consent.ShouldBe(given);
    }

    [Fact]
    public void Send_ConsentGivenNotCoveringDescription_StoresNoDescriptionButTheRestOfTheRecord()
    {
        var given = new ConsentRecord(true, DayOf(Now), ConsentMethod.Writing, CoversDescription: false, CoversFeedback: true);

        var referral = Send(given, null).Value;

        referral.SituationDescription.ShouldBeNull();
        referral.Consent.ShouldBe(given);
        referral.ConsentRecordedByUserId.ShouldBe(_steps.Handler.UserId);
    }

    [Fact]
    public void Send_ConsentNotGiven_StoresNoDayMethodCoverageOrRecorder()
    {
        var notGiven = new ConsentRecord(false, DayOf(Now), ConsentMethod.InPerson, CoversDescription: true, CoversFeedback: true);

        var referral = Send(notGiven, null).Value;

        referral.ConsentGiven.ShouldBeFalse();
        referral.ConsentGivenOn.ShouldBeNull();
        referral.ConsentMethod.ShouldBeNull();
        referral.ConsentCoversDescription.ShouldBeFalse();
        referral.ConsentCoversFeedback.ShouldBeFalse();
        referral.ConsentRecordedByUserId.ShouldBeNull();
        referral.ConsentRecordedByName.ShouldBeNull();
        referral.Consent.ShouldBe(ConsentRecord.NotGiven);
    }

    [Theory]
    [InlineData(null, 1, "Referral.ConsentDateRequired")]
    [InlineData(1, 1, "Referral.ConsentDateInFuture")]
    [InlineData(0, null, "Referral.ConsentMethodRequired")]
    [InlineData(0, 9, "Referral.ConsentMethodRequired")]
    public void Send_IncompleteConsentRecord_FailsWithItsError(int? daysFromToday, int? method, string code)
    {
        DateOnly? givenOn = daysFromToday is { } days ? DayOf(Now).AddDays(days) : null;

        var result = Send(new ConsentRecord(true, givenOn, (ConsentMethod?)method, true, false), "Vuokrarästejä.");

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(code);
    }

    private static ConsentRecord Record(bool given, bool coversDescription) =>
        new(given, given ? Today : null, given ? ConsentMethod.InPerson : null, coversDescription, false);

    private Result<Referral> Send(ConsentRecord consent, string? description) =>
        Referral.Send(Routing, _steps.Case, new ReferralContent(ReferralGround.ObviousNeedForSocialCare, consent, description), _steps.Handler,
            DayOf(Now), Now, ReferralDeadlinePolicy.Default);

    private static void ShouldFailWith(Result result, string code, string field)
    {
        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
    }
}
