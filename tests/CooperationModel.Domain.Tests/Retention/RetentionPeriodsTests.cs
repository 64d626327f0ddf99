using CooperationModel.Domain.Retention;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Retention;

public sealed class RetentionPeriodsTests
{
    private static readonly RetentionPeriods Periods = new(CaseYears: 10, ReferralYears: 12, NotificationDays: 365);

    [Fact]
    public void Case_ExpiresOnTheDayItsPeriodEndsAfterItsLastEvent()
    {
        var lastEvent = Now;

        Periods.CaseExpired(lastEvent, hasOpenReferral: false, Now.AddYears(10).AddSeconds(-1)).ShouldBeFalse();
        Periods.CaseExpired(lastEvent, hasOpenReferral: false, Now.AddYears(10)).ShouldBeTrue();
    }

    [Fact]
    public void Case_WithAnOpenReferral_NeverExpires() =>
        Periods.CaseExpired(Now, hasOpenReferral: true, Now.AddYears(50)).ShouldBeFalse();

    [Fact]
    public void Referral_ExpiresItsPeriodAfterItWasClosed()
    {
        Periods.ReferralExpired(Now, Now.AddYears(12).AddSeconds(-1)).ShouldBeFalse();
        Periods.ReferralExpired(Now, Now.AddYears(12)).ShouldBeTrue();
    }

    [Fact]
    public void Referral_Open_NeverExpires() =>
        Periods.ReferralExpired(closedAt: null, Now.AddYears(50)).ShouldBeFalse();

    [Fact]
    public void Notification_ExpiresItsDaysAfterItWasCreated()
    {
        Periods.NotificationExpired(Now, Now.AddDays(364)).ShouldBeFalse();
        Periods.NotificationExpired(Now, Now.AddDays(365)).ShouldBeTrue();
    }

    [Fact]
    public void Defaults_AreUsable() => RetentionPeriods.Default.Problems().ShouldBeEmpty();

    [Theory]
    [InlineData(0, 12, 365, "CaseYears")]
    [InlineData(121, 12, 365, "CaseYears")]
    [InlineData(10, 0, 365, "ReferralYears")]
    [InlineData(10, 12, 0, "NotificationDays")]
    [InlineData(10, 12, 3651, "NotificationDays")]
    public void Problems_NameTheSettingAndItsValue(int caseYears, int referralYears, int notificationDays, string setting)
    {
        var problems = new RetentionPeriods(caseYears, referralYears, notificationDays).Problems().ToList();

        problems.ShouldHaveSingleItem().ShouldStartWith(setting);
    }
}
