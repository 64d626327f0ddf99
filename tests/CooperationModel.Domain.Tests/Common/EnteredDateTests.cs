using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Tests.Common;

/// <summary>A date a user enters lies at most ten years back: 1.1.0001 is a typing mistake, not a day in the client's matter.</summary>
public class EnteredDateTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void Check_TenYearsAgoToTheDay_Succeeds() =>
        EnteredDate.Check(new DateOnly(2016, 12, 2), Today, "Field").IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_TodayOrNotEntered_Succeeds()
    {
        EnteredDate.Check(Today, Today, "Field").IsSuccess.ShouldBeTrue();
        EnteredDate.Check((DateOnly?)null, Today, "Field").IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(2016, 12, 1)]
    [InlineData(1990, 6, 15)]
    [InlineData(1, 1, 1)]
    public void Check_MoreThanTenYearsAgo_FailsWithTooEarlyOnTheField(int year, int month, int day) =>
        EnteredDate.Check(new DateOnly(year, month, day), Today, "ConsentGivenOn").ShouldFailWith<ValidationError>("EnteredDate.TooEarly", "ConsentGivenOn");
}
