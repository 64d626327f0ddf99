using System.Globalization;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// The receiver's deadline to accept a referral: 7 Finnish working days unless the organiser set its own for the
/// ground, the same working day for an urgent application transfer. Dates are real Finnish calendar dates.
/// </summary>
public class ReferralDeadlineTests
{
    private static readonly Guid Organiser = CityOfHelsinki.Id;

    private readonly LoopSteps _steps = new();

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced)]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths)]
    [InlineData(ReferralGround.Unemployed25OrOverTwelveMonths)]
    [InlineData(ReferralGround.ClientRequestsAssessment)]
    [InlineData(ReferralGround.ObviousNeedForSocialCare)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths)]
    [InlineData(ReferralGround.SupplementaryAssistanceApplication)]
    [InlineData(ReferralGround.PreventiveAssistanceApplication)]
    public void WorkingDaysFor_DefaultPolicy_IsSevenForEveryGround(ReferralGround ground) =>
        ReferralDeadlinePolicy.Default.WorkingDaysFor(ground).ShouldBe(7);

    [Theory]
    [InlineData("2025-03-10", "2025-03-19")] // Mon → Wed of the following week
    [InlineData("2025-03-14", "2025-03-25")] // Fri
    [InlineData("2025-03-15", "2025-03-25")] // Sat: counting starts on Mon
    [InlineData("2025-04-17", "2025-04-30")] // Maundy Thursday: Good Friday and Easter Monday skipped
    [InlineData("2025-12-19", "2026-01-05")] // 24.–26.12. and 1.1. skipped
    public void RespondBy_DefaultPolicy_IsTheSeventhWorkingDayAfterSending(string sentOn, string expected) =>
        ReferralDeadlinePolicy.Default.RespondBy(ReferralGround.ObviousNeedForSocialCare, urgent: false, D(sentOn)).ShouldBe(D(expected));

    [Fact]
    public void RespondBy_OrganiserSettingForTheGround_UsesTheSetting()
    {
        var policy = PolicyWith(ReferralGround.SupplementaryAssistanceApplication, 2);

        policy.RespondBy(ReferralGround.SupplementaryAssistanceApplication, urgent: false, D("2025-03-10")).ShouldBe(D("2025-03-12"));
    }

    [Theory]
    [InlineData(ReferralGround.BasicAmountReduced)]
    [InlineData(ReferralGround.UnemployedUnder25FourMonths)]
    [InlineData(ReferralGround.Unemployed25OrOverTwelveMonths)]
    [InlineData(ReferralGround.ClientRequestsAssessment)]
    [InlineData(ReferralGround.ObviousNeedForSocialCare)]
    [InlineData(ReferralGround.ImmigrantOverTwoMonths)]
    [InlineData(ReferralGround.PreventiveAssistanceApplication)]
    public void RespondBy_OrganiserSettingForAnotherGround_KeepsTheDefault(ReferralGround ground)
    {
        var policy = PolicyWith(ReferralGround.SupplementaryAssistanceApplication, 2);

        policy.WorkingDaysFor(ground).ShouldBe(7);
        policy.RespondBy(ground, urgent: false, D("2025-03-10")).ShouldBe(D("2025-03-19"));
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-10")] // Mon
    [InlineData("2025-12-06", "2025-12-08")] // Independence Day on a Saturday → Mon
    public void RespondBy_SettingOfZero_IsTheSameWorkingDay(string sentOn, string expected) =>
        PolicyWith(ReferralGround.ObviousNeedForSocialCare, 0)
            .RespondBy(ReferralGround.ObviousNeedForSocialCare, urgent: false, D(sentOn)).ShouldBe(D(expected));

    [Theory]
    [InlineData(null)]
    [InlineData(10)]
    [InlineData(60)]
    public void RespondBy_UrgentOnAWorkingDay_IsThatDayWhateverTheSetting(int? settingDays)
    {
        var policy = settingDays is { } days
            ? PolicyWith(ReferralGround.PreventiveAssistanceApplication, days)
            : ReferralDeadlinePolicy.Default;

        policy.RespondBy(ReferralGround.PreventiveAssistanceApplication, urgent: true, D("2025-03-12")).ShouldBe(D("2025-03-12"));
    }

    [Theory]
    [InlineData("2025-12-06", "2025-12-08")] // Independence Day, a Saturday → Mon
    [InlineData("2025-03-16", "2025-03-17")] // Sun → Mon
    [InlineData("2025-04-18", "2025-04-22")] // Good Friday → Tue after Easter Monday
    [InlineData("2025-06-20", "2025-06-23")] // Midsummer Eve (Fri) → Mon
    [InlineData("2025-12-24", "2025-12-29")] // Christmas Eve (Wed) → Mon after St Stephen's Day
    [InlineData("2026-01-06", "2026-01-07")] // Epiphany (Tue) → Wed
    public void RespondBy_UrgentOnANonWorkingDay_IsTheNextWorkingDay(string sentOn, string expected) =>
        PolicyWith(ReferralGround.SupplementaryAssistanceApplication, 5)
            .RespondBy(ReferralGround.SupplementaryAssistanceApplication, urgent: true, D(sentOn)).ShouldBe(D(expected));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(60)]
    public void Create_InRange_StoresTheSetting(int days)
    {
        var setting = ReferralDeadlineSetting.Create(Organiser, ReferralGround.ImmigrantOverTwoMonths, days).Value;

        setting.OrganisationId.ShouldBe(Organiser);
        setting.Ground.ShouldBe(ReferralGround.ImmigrantOverTwoMonths);
        setting.AcceptWithinWorkingDays.ShouldBe(days);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Create_OutOfRange_FailsWithOutOfRange(int days) =>
        ShouldBeOutOfRange(ReferralDeadlineSetting.Create(Organiser, ReferralGround.ImmigrantOverTwoMonths, days));

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void Change_InRange_ChangesTheDays(int days)
    {
        var setting = ReferralDeadlineSetting.Create(Organiser, ReferralGround.BasicAmountReduced, 5).Value;

        setting.Change(days).ShouldSucceed();

        setting.AcceptWithinWorkingDays.ShouldBe(days);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void Change_OutOfRange_FailsWithOutOfRangeAndKeepsTheDays(int days)
    {
        var setting = ReferralDeadlineSetting.Create(Organiser, ReferralGround.BasicAmountReduced, 5).Value;

        ShouldBeOutOfRange(setting.Change(days));

        setting.AcceptWithinWorkingDays.ShouldBe(5);
    }

    [Fact]
    public void Send_DefaultPolicy_RespondByTheSeventhWorkingDay() =>
        _steps.Send().RespondBy.ShouldBe(D("2025-03-19"));

    [Fact]
    public void Send_OrganiserSetting_RespondByFromThePolicy()
    {
        var content = new ReferralContent(ReferralGround.ObviousNeedForSocialCare, ConsentRecord.NotGiven, null);

        var referral = Referral.Send(Routing, _steps.Case, content, _steps.Handler, DayOf(Now), Now, PolicyWith(ReferralGround.ObviousNeedForSocialCare, 3)).Value;

        referral.RespondBy.ShouldBe(D("2025-03-13"));
    }

    [Fact]
    public void Send_UrgentApplicationTransferOnIndependenceDay_RespondByTheNextWorkingDay()
    {
        var saturday = new DateTimeOffset(2025, 12, 6, 10, 0, 0, TimeSpan.FromHours(2));
        var content = new ReferralContent(ReferralGround.SupplementaryAssistanceApplication, ConsentRecord.NotGiven, null, Urgent: true);

        var referral = Referral.Send(Routing, _steps.Case, content, _steps.Handler, DayOf(saturday), saturday,
            PolicyWith(ReferralGround.SupplementaryAssistanceApplication, 3)).Value;

        referral.RespondBy.ShouldBe(D("2025-12-08"));
    }

    [Fact]
    public void Return_WrongOrganiser_RespondByFromTheNewReceiversPolicy()
    {
        var referral = _steps.Accepted();
        var westPolicy = PolicyWith(ReferralGround.ObviousNeedForSocialCare, 1);

        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), westPolicy, D("2025-03-12"), Latest)
            .ShouldSucceed();

        referral.RespondBy.ShouldBe(D("2025-03-13"));
    }

    [Fact]
    public void Return_WrongOrganiserWithDefaultPolicy_CountsFromTheDayOfTheReturn()
    {
        var referral = _steps.Accepted();

        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, D("2025-03-12"), Latest)
            .ShouldSucceed();

        referral.RespondBy.ShouldBe(D("2025-03-21"));
    }

    [Fact]
    public void Return_WrongOrganiserOfUrgentTransferOnASaturday_RespondByTheNextWorkingDay()
    {
        var content = new ReferralContent(ReferralGround.SupplementaryAssistanceApplication, ConsentRecord.NotGiven, null, Urgent: true);
        var referral = Referral.Send(Routing, _steps.Case, content, _steps.Handler, DayOf(Now), Now, ReferralDeadlinePolicy.Default).Value;
        referral.Accept(_steps.Worker, Later).ShouldSucceed();
        var westPolicy = PolicyWith(ReferralGround.SupplementaryAssistanceApplication, 5);

        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), westPolicy, D("2025-03-15"), Latest)
            .ShouldSucceed();

        referral.RespondBy.ShouldBe(D("2025-03-17"));
    }

    [Theory]
    [InlineData(ReferralStatus.Sent)]
    [InlineData(ReferralStatus.Received)]
    public void IsOverdue_WaitingAfterRespondBy_True(ReferralStatus status)
    {
        var referral = _steps.In(status);
        referral.RespondBy.ShouldBe(D("2025-03-19"));

        referral.IsOverdue(D("2025-03-20")).ShouldBeTrue();
    }

    [Theory]
    [InlineData(ReferralStatus.Sent, "2025-03-19")]
    [InlineData(ReferralStatus.Received, "2025-03-19")]
    [InlineData(ReferralStatus.Sent, "2025-03-10")]
    public void IsOverdue_WaitingOnOrBeforeRespondBy_False(ReferralStatus status, string today)
    {
        var referral = _steps.In(status);
        referral.RespondBy.ShouldBe(D("2025-03-19"));

        referral.IsOverdue(D(today)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.InAssessment)]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Returned)]
    public void IsOverdue_AcceptedOrClosedAfterRespondBy_False(ReferralStatus status)
    {
        var referral = _steps.In(status);
        referral.RespondBy.ShouldBe(D("2025-03-19"));

        referral.IsOverdue(D("2025-04-30")).ShouldBeFalse();
    }

    [Fact]
    public void IsOverdue_AfterReroute_CountsFromTheNewRespondBy()
    {
        var referral = _steps.Accepted();
        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, D("2025-03-11"), Latest)
            .ShouldSucceed();
        referral.RespondBy.ShouldBe(D("2025-03-20"));

        referral.IsOverdue(D("2025-03-20")).ShouldBeFalse();
        referral.IsOverdue(D("2025-03-21")).ShouldBeTrue();
    }

    private static ReferralDeadlinePolicy PolicyWith(ReferralGround ground, int workingDays) =>
        new([ReferralDeadlineSetting.Create(Organiser, ground, workingDays).Value]);

    private static void ShouldBeOutOfRange(Result result)
    {
        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe("Deadline.OutOfRange");
        error.Field.ShouldBe("AcceptWithinWorkingDays");
    }

    private static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
