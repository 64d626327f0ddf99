using System.Globalization;
using CooperationModel.Domain.Calendar;

namespace CooperationModel.Domain.Tests.Calendar;

public class DecisionDeadlineTests
{
    [Theory]
    // The checks in SOURCES.md, section 2.
    [InlineData("2025-04-14", "2025-04-25")] // Mon; Good Friday and Easter Monday skipped
    [InlineData("2025-04-17", "2025-04-30")] // Maundy Thursday
    [InlineData("2025-06-14", "2025-06-26")] // Sat, counts as Mon 16.6.; Midsummer Eve skipped
    [InlineData("2025-12-19", "2026-01-05")] // 24.–26.12. and 1.1. skipped
    // Kela's worked example: Monday → Wednesday of the following week.
    [InlineData("2025-03-10", "2025-03-19")]
    [InlineData("2025-06-15", "2025-06-26")] // Sun, counts as Mon 16.6.
    [InlineData("2025-12-24", "2026-01-09")] // Christmas Eve: counts as Mon 29.12.; 1.1. and 6.1. skipped
    [InlineData("2026-12-24", "2027-01-08")]
    [InlineData("2026-12-23", "2027-01-07")]
    [InlineData("2027-12-23", "2028-01-04")]
    [InlineData("2026-04-02", "2026-04-15")] // Maundy Thursday 2026
    [InlineData("2027-03-25", "2027-04-07")] // Maundy Thursday 2027
    [InlineData("2026-04-30", "2026-05-12")] // before May Day (Fri)
    [InlineData("2027-05-05", "2027-05-17")] // before Ascension Day
    [InlineData("2027-06-24", "2027-07-06")] // before Midsummer Eve
    [InlineData("2029-12-05", "2029-12-17")] // before Independence Day (Thu)
    [InlineData("2024-12-31", "2025-01-13")] // over New Year and Epiphany
    [InlineData("2025-03-07", "2025-03-18")] // Friday
    public void For_Normal_Is7thWorkingDayAfterComplete(string complete, string expected) =>
        DecisionDeadline.For(D(complete), urgent: false).ShouldBe(D(expected));

    [Theory]
    // The checks in SOURCES.md, section 2.
    [InlineData("2025-04-14", "2025-04-15")]
    [InlineData("2025-04-17", "2025-04-22")] // Maundy Thursday → Tuesday after Easter
    [InlineData("2025-06-14", "2025-06-17")] // Sat counts as Mon → Tue
    [InlineData("2025-12-19", "2025-12-22")] // Fri → Mon
    [InlineData("2025-03-07", "2025-03-10")] // Fri → Mon
    [InlineData("2025-06-15", "2025-06-17")] // Sun counts as Mon → Tue
    [InlineData("2025-12-24", "2025-12-30")] // Christmas Eve counts as Mon 29.12. → Tue
    [InlineData("2025-12-23", "2025-12-29")] // before Christmas Eve → Mon
    [InlineData("2026-12-24", "2026-12-29")]
    [InlineData("2026-04-02", "2026-04-07")] // Maundy Thursday 2026
    [InlineData("2026-04-30", "2026-05-04")] // before May Day on a Friday → Mon
    [InlineData("2026-06-18", "2026-06-22")] // before Midsummer Eve → Mon
    [InlineData("2027-05-05", "2027-05-07")] // before Ascension Day → Fri
    [InlineData("2029-12-05", "2029-12-07")] // before Independence Day → Fri
    [InlineData("2030-12-20", "2030-12-23")]
    public void For_Urgent_IsNextWorkingDayAfterComplete(string complete, string expected) =>
        DecisionDeadline.For(D(complete), urgent: true).ShouldBe(D(expected));

    [Theory]
    [InlineData("2025-03-07", "2025-03-07")]
    [InlineData("2025-03-08", "2025-03-10")]
    [InlineData("2025-04-18", "2025-04-22")]
    [InlineData("2025-12-24", "2025-12-29")]
    public void CountedAsCompleteOn_Day_IsDayOrNextWorkingDay(string complete, string expected) =>
        DecisionDeadline.CountedAsCompleteOn(D(complete)).ShouldBe(D(expected));

    [Fact]
    public void For_AnyDay2017To2030_WorkingDayAfterCompleteAndUrgentNotLater()
    {
        for (var day = new DateOnly(2017, 1, 1); day <= new DateOnly(2030, 12, 31); day = day.AddDays(1))
        {
            var normal = DecisionDeadline.For(day, urgent: false);
            var urgent = DecisionDeadline.For(day, urgent: true);
            FinnishCalendar.IsWorkingDay(normal).ShouldBeTrue();
            FinnishCalendar.IsWorkingDay(urgent).ShouldBeTrue();
            urgent.ShouldBeGreaterThan(day);
            urgent.ShouldBeLessThan(normal);
            FinnishCalendar.WorkingDaysBetween(DecisionDeadline.CountedAsCompleteOn(day), normal).ShouldBe(7);
            FinnishCalendar.WorkingDaysBetween(DecisionDeadline.CountedAsCompleteOn(day), urgent).ShouldBe(1);
        }
    }

    [Theory]
    // Deadline Tue 22.4.2025 (after Easter).
    [InlineData("2025-04-22", "2025-04-23", DeadlineState.Overdue)]
    [InlineData("2025-04-22", "2025-05-30", DeadlineState.Overdue)]
    [InlineData("2025-04-22", "2025-04-22", DeadlineState.DueToday)]
    [InlineData("2025-04-22", "2025-04-21", DeadlineState.Near)]   // Easter Monday: 1 working day left
    [InlineData("2025-04-22", "2025-04-17", DeadlineState.Near)]   // Maundy Thursday: only 22.4. left
    [InlineData("2025-04-22", "2025-04-16", DeadlineState.Near)]   // 17.4. and 22.4. left
    [InlineData("2025-04-22", "2025-04-15", DeadlineState.OnTime)] // 3 left
    // Deadline Tue 18.3.2025.
    [InlineData("2025-03-18", "2025-03-17", DeadlineState.Near)]
    [InlineData("2025-03-18", "2025-03-15", DeadlineState.Near)]   // Saturday: Mon and Tue left
    [InlineData("2025-03-18", "2025-03-14", DeadlineState.Near)]   // Friday: Mon and Tue left
    [InlineData("2025-03-18", "2025-03-13", DeadlineState.OnTime)]
    [InlineData("2025-03-18", "2025-03-07", DeadlineState.OnTime)]
    public void Assess_DefaultThreshold_GivesState(string deadline, string today, DeadlineState expected) =>
        DecisionDeadline.Assess(D(deadline), D(today)).ShouldBe(expected);

    [Theory]
    [InlineData(0, "2025-03-17", DeadlineState.OnTime)]
    [InlineData(0, "2025-03-18", DeadlineState.DueToday)]
    [InlineData(3, "2025-03-13", DeadlineState.Near)]
    [InlineData(3, "2025-03-12", DeadlineState.OnTime)]
    [InlineData(7, "2025-03-07", DeadlineState.Near)]
    [InlineData(7, "2025-03-06", DeadlineState.OnTime)]
    [InlineData(7, "2025-03-19", DeadlineState.Overdue)]
    public void Assess_CustomThreshold_GivesState(int nearWorkingDays, string today, DeadlineState expected) =>
        DecisionDeadline.Assess(D("2025-03-18"), D(today), nearWorkingDays).ShouldBe(expected);

    [Fact]
    public void Assess_NegativeThreshold_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => DecisionDeadline.Assess(D("2025-03-18"), D("2025-03-10"), -1));

    [Fact]
    public void DeadlineState_Values_AreStable()
    {
        ((int)DeadlineState.OnTime).ShouldBe(1);
        ((int)DeadlineState.Near).ShouldBe(2);
        ((int)DeadlineState.DueToday).ShouldBe(3);
        ((int)DeadlineState.Overdue).ShouldBe(4);
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
