using CooperationModel.Domain.Directory;

namespace CooperationModel.Domain.Tests.Directory;

/// <summary>A directory record is stale once it was checked longer ago than the configured months.</summary>
public class CheckedOnTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("2025-12-02", false)] // exactly twelve months: still fresh
    [InlineData("2025-12-01", true)]  // a day more: stale
    [InlineData("2026-12-02", false)]
    [InlineData("2020-01-01", true)]
    public void IsStale_AfterTwelveMonths(string checkedOn, bool stale) =>
        CheckedOn.IsStale(DateOnly.Parse(checkedOn, System.Globalization.CultureInfo.InvariantCulture), Today, 12).ShouldBe(stale);

    [Fact]
    public void FreshFrom_MonthEnds_FollowTheCalendar() =>
        CheckedOn.FreshFrom(new DateOnly(2026, 3, 31), 1).ShouldBe(new DateOnly(2026, 2, 28));

    [Fact]
    public void StaleBefore_TheExpression_AgreesWithTheRule()
    {
        var freshFrom = CheckedOn.FreshFrom(Today, 6);
        var stale = CheckedOn.StaleBefore<CheckedOn>(c => c.On, freshFrom).Compile();
        foreach (var day in Enumerable.Range(-400, 400).Select(Today.AddDays))
        {
            var record = new CheckedOn(day, "x");
            stale(record).ShouldBe(record.IsStaleOn(Today, 6), day.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
