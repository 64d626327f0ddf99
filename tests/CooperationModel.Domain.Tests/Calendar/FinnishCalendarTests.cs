using System.Globalization;
using CooperationModel.Domain.Calendar;

namespace CooperationModel.Domain.Tests.Calendar;

public class FinnishCalendarTests
{
    /// <summary>
    /// Every weekday (Mon–Fri) that is not a working day, 2017–2030. Written out by hand as expected data:
    /// generated once by an independent script (Gauss's Easter algorithm, checked against python-dateutil
    /// and the Easter table below), not by the code under test.
    /// </summary>
    public static TheoryData<int, string[]> NonWorkingWeekdaysByYear => new()
    {
        { 2017, ["2017-01-06", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-25", "2017-06-23", "2017-12-06", "2017-12-25", "2017-12-26"] },
        { 2018, ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-01", "2018-05-10", "2018-06-22", "2018-12-06", "2018-12-24", "2018-12-25", "2018-12-26"] },
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-01", "2019-05-30", "2019-06-21", "2019-12-06", "2019-12-24", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-01-06", "2020-04-10", "2020-04-13", "2020-05-01", "2020-05-21", "2020-06-19", "2020-12-24", "2020-12-25"] },
        { 2021, ["2021-01-01", "2021-01-06", "2021-04-02", "2021-04-05", "2021-05-13", "2021-06-25", "2021-12-06", "2021-12-24"] },
        { 2022, ["2022-01-06", "2022-04-15", "2022-04-18", "2022-05-26", "2022-06-24", "2022-12-06", "2022-12-26"] },
        { 2023, ["2023-01-06", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-18", "2023-06-23", "2023-12-06", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-05-09", "2024-06-21", "2024-12-06", "2024-12-24", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-01-06", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-20", "2025-12-24", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-06-19", "2026-12-24", "2026-12-25"] },
        { 2027, ["2027-01-01", "2027-01-06", "2027-03-26", "2027-03-29", "2027-05-06", "2027-06-25", "2027-12-06", "2027-12-24"] },
        { 2028, ["2028-01-06", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-25", "2028-06-23", "2028-12-06", "2028-12-25", "2028-12-26"] },
        { 2029, ["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-01", "2029-05-10", "2029-06-22", "2029-12-06", "2029-12-24", "2029-12-25", "2029-12-26"] },
        { 2030, ["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-01", "2030-05-30", "2030-06-21", "2030-12-06", "2030-12-24", "2030-12-25", "2030-12-26"] },
    };

    /// <summary>Working days (Mon–Fri without the table's days) per year, from the same independent script.</summary>
    public static TheoryData<int, int> WorkingDayCounts => new()
    {
        { 2017, 251 }, { 2018, 251 }, { 2019, 251 }, { 2020, 253 }, { 2021, 253 }, { 2022, 253 }, { 2023, 251 },
        { 2024, 252 }, { 2025, 251 }, { 2026, 252 }, { 2027, 253 }, { 2028, 251 }, { 2029, 251 }, { 2030, 251 },
    };

    [Theory]
    [InlineData(2017, "2017-04-16")]
    [InlineData(2018, "2018-04-01")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(1900, "1900-04-15")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2200, "2200-04-06")]
    public void EasterSunday_KnownYear_MatchesTable(int year, string expected) =>
        FinnishCalendar.EasterSunday(year).ShouldBe(D(expected));

    [Fact]
    public void EasterSunday_EveryYear1583To9999_IsASundayBetween22MarchAnd25April()
    {
        for (var year = 1583; year <= 9999; year++)
        {
            var easter = FinnishCalendar.EasterSunday(year);
            easter.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
            easter.ShouldBeInRange(new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void EasterSunday_OutsideGregorianRange_Throws(int year) =>
        Should.Throw<ArgumentOutOfRangeException>(() => FinnishCalendar.EasterSunday(year));

    [Theory]
    [MemberData(nameof(NonWorkingWeekdaysByYear))]
    public void NonWorkingDays_RestrictedToWeekdays_EqualsHandWrittenTable(int year, string[] expected)
    {
        var weekdays = FinnishCalendar.NonWorkingDays(year)
            .Where(d => !IsWeekend(d.Date))
            .Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToArray();

        weekdays.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(NonWorkingWeekdaysByYear))]
    public void IsWorkingDay_EveryDayOfTableYear_FalseExactlyOnWeekendsAndTableDays(int year, string[] expected)
    {
        var closed = expected.Select(D).ToHashSet();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            FinnishCalendar.IsWorkingDay(day).ShouldBe(!IsWeekend(day) && !closed.Contains(day), day.ToString("o", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(WorkingDayCounts))]
    public void WorkingDaysBetween_WholeYear_MatchesCount(int year, int expected) =>
        FinnishCalendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)).ShouldBe(expected);

    [Fact]
    public void NonWorkingDays_AnyYear_ElevenHolidaysOnceEachInDateOrder()
    {
        Holiday[] expected =
        [
            Holiday.NewYearsDay, Holiday.Epiphany, Holiday.GoodFriday, Holiday.EasterMonday, Holiday.MayDay,
            Holiday.AscensionDay, Holiday.MidsummerEve, Holiday.IndependenceDay, Holiday.ChristmasEve,
            Holiday.ChristmasDay, Holiday.StStephensDay,
        ];
        for (var year = FinnishCalendar.MinYear; year <= FinnishCalendar.MaxYear; year++)
        {
            var days = FinnishCalendar.NonWorkingDays(year);
            days.Select(d => d.Holiday).Order().ShouldBe(expected.Order());
            days.Select(d => d.Date).ShouldBeInOrder();
            days.ShouldAllBe(d => d.Date.Year == year);
        }
    }

    [Fact]
    public void NonWorkingDays_2008_MayDayAndAscensionDayShareADate()
    {
        var firstOfMay = FinnishCalendar.NonWorkingDays(2008).Where(d => d.Date == new DateOnly(2008, 5, 1)).Select(d => d.Holiday);

        firstOfMay.ShouldBe([Holiday.MayDay, Holiday.AscensionDay]);
    }

    [Theory]
    [InlineData(2025, Holiday.NewYearsDay, "2025-01-01")]
    [InlineData(2025, Holiday.Epiphany, "2025-01-06")]
    [InlineData(2025, Holiday.GoodFriday, "2025-04-18")]
    [InlineData(2025, Holiday.EasterSunday, "2025-04-20")]
    [InlineData(2025, Holiday.EasterMonday, "2025-04-21")]
    [InlineData(2025, Holiday.MayDay, "2025-05-01")]
    [InlineData(2025, Holiday.AscensionDay, "2025-05-29")]
    [InlineData(2025, Holiday.Pentecost, "2025-06-08")]
    [InlineData(2025, Holiday.MidsummerEve, "2025-06-20")]
    [InlineData(2025, Holiday.MidsummerDay, "2025-06-21")]
    [InlineData(2025, Holiday.AllSaintsDay, "2025-11-01")]
    [InlineData(2025, Holiday.IndependenceDay, "2025-12-06")]
    [InlineData(2025, Holiday.ChristmasEve, "2025-12-24")]
    [InlineData(2025, Holiday.ChristmasDay, "2025-12-25")]
    [InlineData(2025, Holiday.StStephensDay, "2025-12-26")]
    [InlineData(2026, Holiday.GoodFriday, "2026-04-03")]
    [InlineData(2026, Holiday.EasterSunday, "2026-04-05")]
    [InlineData(2026, Holiday.EasterMonday, "2026-04-06")]
    [InlineData(2026, Holiday.AscensionDay, "2026-05-14")]
    [InlineData(2026, Holiday.Pentecost, "2026-05-24")]
    [InlineData(2026, Holiday.MidsummerEve, "2026-06-19")]
    [InlineData(2026, Holiday.MidsummerDay, "2026-06-20")]
    [InlineData(2026, Holiday.AllSaintsDay, "2026-10-31")]
    [InlineData(2027, Holiday.GoodFriday, "2027-03-26")]
    [InlineData(2027, Holiday.EasterSunday, "2027-03-28")]
    [InlineData(2027, Holiday.EasterMonday, "2027-03-29")]
    [InlineData(2027, Holiday.AscensionDay, "2027-05-06")]
    [InlineData(2027, Holiday.Pentecost, "2027-05-16")]
    [InlineData(2027, Holiday.MidsummerEve, "2027-06-25")]
    [InlineData(2027, Holiday.MidsummerDay, "2027-06-26")]
    [InlineData(2027, Holiday.AllSaintsDay, "2027-11-06")]
    public void AllHolidays_2025To2027_MatchReferenceTable(int year, Holiday holiday, string expected) =>
        FinnishCalendar.AllHolidays(year).Single(d => d.Holiday == holiday).Date.ShouldBe(D(expected));

    [Fact]
    public void AllHolidays_AnyYear_FifteenDaysContainingNonWorkingDays_WeekendOnlyOnesOnWeekends()
    {
        for (var year = FinnishCalendar.MinYear; year <= FinnishCalendar.MaxYear; year++)
        {
            var all = FinnishCalendar.AllHolidays(year);
            all.Count.ShouldBe(15);
            all.Select(d => d.Date).ShouldBeInOrder();
            all.Where(d => FinnishCalendar.CanFallOnWeekday(d.Holiday)).ShouldBe(FinnishCalendar.NonWorkingDays(year));
            all.Where(d => !FinnishCalendar.CanFallOnWeekday(d.Holiday)).ShouldAllBe(d => IsWeekend(d.Date));
        }
    }

    [Fact]
    public void CanFallOnWeekday_EveryHoliday_FalseOnlyForTheFourWeekendHolidays() =>
        Enum.GetValues<Holiday>().Where(h => !FinnishCalendar.CanFallOnWeekday(h))
            .ShouldBe([Holiday.EasterSunday, Holiday.Pentecost, Holiday.MidsummerDay, Holiday.AllSaintsDay], ignoreOrder: true);

    [Theory]
    [InlineData(2017, "2017-06-23")]
    [InlineData(2018, "2018-06-22")]
    [InlineData(2019, "2019-06-21")]
    [InlineData(2020, "2020-06-19")]
    [InlineData(2021, "2021-06-25")]
    [InlineData(2022, "2022-06-24")]
    [InlineData(2023, "2023-06-23")]
    [InlineData(2024, "2024-06-21")]
    [InlineData(2025, "2025-06-20")]
    [InlineData(2026, "2026-06-19")]
    [InlineData(2027, "2027-06-25")]
    [InlineData(2028, "2028-06-23")]
    [InlineData(2029, "2029-06-22")]
    [InlineData(2030, "2030-06-21")]
    public void MidsummerEve_KnownYear_MatchesTable(int year, string expected)
    {
        FinnishCalendar.MidsummerEve(year).ShouldBe(D(expected));
        FinnishCalendar.NonWorkingDays(year).Single(d => d.Holiday == Holiday.MidsummerEve).Date.ShouldBe(D(expected));
        FinnishCalendar.IsWorkingDay(D(expected)).ShouldBeFalse();
    }

    [Fact]
    public void MidsummerAndAllSaints_AnyYear_OnTheRightWeekdayWithinTheirWindows()
    {
        for (var year = FinnishCalendar.MinYear; year <= FinnishCalendar.MaxYear; year++)
        {
            var all = FinnishCalendar.AllHolidays(year);
            var eve = all.Single(d => d.Holiday == Holiday.MidsummerEve).Date;
            eve.DayOfWeek.ShouldBe(DayOfWeek.Friday);
            eve.ShouldBeInRange(new DateOnly(year, 6, 19), new DateOnly(year, 6, 25));
            all.Single(d => d.Holiday == Holiday.MidsummerDay).Date.ShouldBe(eve.AddDays(1));
            var allSaints = all.Single(d => d.Holiday == Holiday.AllSaintsDay).Date;
            allSaints.DayOfWeek.ShouldBe(DayOfWeek.Saturday);
            allSaints.ShouldBeInRange(new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
        }
    }

    [Theory]
    [InlineData("2025-12-31")] // New Year's Eve, Wednesday
    [InlineData("2026-12-31")] // New Year's Eve, Thursday
    [InlineData("2025-06-09")] // Whit Monday
    [InlineData("2026-05-25")] // Whit Monday
    [InlineData("2027-05-17")] // Whit Monday
    [InlineData("2025-04-30")] // Vappu Eve, Wednesday
    [InlineData("2026-04-30")] // Vappu Eve, Thursday
    [InlineData("2027-04-30")] // Vappu Eve, Friday
    [InlineData("2025-02-05")] // Runeberg's Day (flag day)
    [InlineData("2026-06-09")] // Åland's Autonomy Day: not a non-working day here (UNVERIFIED in SOURCES.md)
    [InlineData("2025-06-23")] // Monday after Midsummer
    [InlineData("2025-12-23")] // the day before Christmas Eve
    public void IsWorkingDay_WeekdaysThatAreNotHolidays_True(string day) =>
        FinnishCalendar.IsWorkingDay(D(day)).ShouldBeTrue();

    [Fact]
    public void IsWorkingDay_EasterSaturdayAndWhitMonday_NeverNonWorkingDays()
    {
        for (var year = FinnishCalendar.MinYear; year <= FinnishCalendar.MaxYear; year++)
        {
            var easter = FinnishCalendar.EasterSunday(year);
            var dates = FinnishCalendar.NonWorkingDays(year).Select(d => d.Date).ToList();
            dates.ShouldNotContain(easter.AddDays(-1));
            dates.ShouldNotContain(easter.AddDays(50));
            FinnishCalendar.IsWorkingDay(easter.AddDays(50)).ShouldBeTrue(); // Whit Monday
            FinnishCalendar.IsWorkingDay(easter.AddDays(-1)).ShouldBeFalse(); // Easter Saturday is a Saturday
        }
    }

    [Fact]
    public void IsWorkingDay_December31AndApril30OnAWeekday_AlwaysTrue()
    {
        for (var year = FinnishCalendar.MinYear; year <= FinnishCalendar.MaxYear; year++)
        {
            foreach (var day in new[] { new DateOnly(year, 12, 31), new DateOnly(year, 4, 30) })
            {
                FinnishCalendar.IsWorkingDay(day).ShouldBe(!IsWeekend(day));
            }
        }
    }

    [Theory]
    [InlineData("2025-03-08")]
    [InlineData("2025-03-09")]
    [InlineData("2027-05-01")] // May Day on a Saturday: still just a Saturday
    [InlineData("2026-12-06")] // Independence Day on a Sunday
    public void IsWorkingDay_Weekend_False(string day) =>
        FinnishCalendar.IsWorkingDay(D(day)).ShouldBeFalse();

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2201-01-01")]
    public void IsWorkingDay_OutsideSupportedYears_Throws(string day) =>
        Should.Throw<ArgumentOutOfRangeException>(() => FinnishCalendar.IsWorkingDay(D(day)));

    [Fact]
    public void IsWorkingDay_FirstAndLastSupportedDays_Answer()
    {
        FinnishCalendar.IsWorkingDay(new DateOnly(1900, 1, 1)).ShouldBeFalse(); // New Year's Day, a Monday
        FinnishCalendar.IsWorkingDay(new DateOnly(1900, 1, 2)).ShouldBeTrue();
        FinnishCalendar.IsWorkingDay(new DateOnly(2200, 12, 31)).ShouldBeTrue(); // a Wednesday
    }

    [Fact]
    public void NonWorkingDays_ManyThreadsAtOnce_AllSeeTheSameDays()
    {
        var years = Enumerable.Range(FinnishCalendar.MinYear, FinnishCalendar.MaxYear - FinnishCalendar.MinYear + 1).ToArray();
        var results = new IReadOnlyList<NonWorkingDay>[8][];
        Parallel.For(0, results.Length, i => results[i] = [.. years.Select(FinnishCalendar.NonWorkingDays)]);

        foreach (var result in results)
        {
            result.ShouldBe(results[0]);
        }
    }

    [Theory]
    [InlineData("2025-03-07", "2025-03-07")] // a working Friday
    [InlineData("2025-03-08", "2025-03-10")] // Saturday → Monday
    [InlineData("2025-03-09", "2025-03-10")] // Sunday → Monday
    [InlineData("2025-04-18", "2025-04-22")] // Good Friday → Tuesday after Easter
    [InlineData("2025-12-24", "2025-12-29")] // Christmas Eve → Monday
    [InlineData("2026-12-24", "2026-12-28")]
    [InlineData("2025-06-20", "2025-06-23")] // Midsummer Eve → Monday
    [InlineData("2026-01-01", "2026-01-02")]
    [InlineData("2027-01-01", "2027-01-04")] // New Year's Day on a Friday
    public void NextWorkingDayOnOrAfter_Day_IsFirstWorkingDayFromIt(string day, string expected) =>
        FinnishCalendar.NextWorkingDayOnOrAfter(D(day)).ShouldBe(D(expected));

    [Theory]
    [InlineData("2025-03-07", 1, "2025-03-10")]  // Friday + 1 → Monday
    [InlineData("2025-03-08", 1, "2025-03-10")]  // Saturday + 1 → Monday
    [InlineData("2025-03-07", 5, "2025-03-14")]
    [InlineData("2025-04-17", 1, "2025-04-22")]  // Maundy Thursday: skip Good Friday, Easter, Easter Monday
    [InlineData("2025-04-17", 2, "2025-04-23")]
    [InlineData("2025-04-14", 7, "2025-04-25")]
    [InlineData("2027-03-25", 1, "2027-03-30")]  // Easter in March
    [InlineData("2025-12-23", 1, "2025-12-29")]  // skip 24–26.12 and the weekend
    [InlineData("2025-12-23", 5, "2026-01-05")]  // ... and New Year's Day, over the year boundary
    [InlineData("2025-12-19", 10, "2026-01-09")] // ... and Epiphany
    [InlineData("2026-06-18", 1, "2026-06-22")]  // skip Midsummer Eve
    [InlineData("2025-06-19", 2, "2025-06-24")]
    [InlineData("2027-12-31", 1, "2028-01-03")]  // year boundary, New Year's Day on a Saturday
    [InlineData("2026-12-31", 3, "2027-01-07")]  // New Year's Day (Fri) and Epiphany (Wed)
    [InlineData("2020-12-31", 1, "2021-01-04")]
    [InlineData("2024-12-20", 20, "2025-01-24")]
    [InlineData("2026-04-30", 1, "2026-05-04")]  // May Day on a Friday
    [InlineData("2027-12-03", 1, "2027-12-07")]  // Independence Day on a Monday
    [InlineData("2025-01-01", 250, "2025-12-30")]
    [InlineData("2025-01-01", 251, "2025-12-31")]
    [InlineData("2025-01-01", 252, "2026-01-02")]
    [InlineData("2016-12-31", 3524, "2030-12-31")] // every working day 2017–2030 (the table's years)
    public void AddWorkingDays_Start_IsNthWorkingDayAfter(string start, int workingDays, string expected) =>
        FinnishCalendar.AddWorkingDays(D(start), workingDays).ShouldBe(D(expected));

    [Theory]
    [InlineData("2025-03-07", "2025-03-07")]
    [InlineData("2025-03-08", "2025-03-10")]
    [InlineData("2025-12-24", "2025-12-29")]
    public void AddWorkingDays_Zero_IsStartOrNextWorkingDay(string start, string expected) =>
        FinnishCalendar.AddWorkingDays(D(start), 0).ShouldBe(D(expected));

    [Fact]
    public void AddWorkingDays_Negative_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => FinnishCalendar.AddWorkingDays(new DateOnly(2025, 3, 7), -1));

    [Fact]
    public void AddWorkingDays_PastLastSupportedYear_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => FinnishCalendar.AddWorkingDays(new DateOnly(2200, 12, 30), 2));

    [Theory]
    [InlineData("2025-03-07", "2025-03-07", 0)]
    [InlineData("2025-03-07", "2025-03-10", 1)]  // over a weekend
    [InlineData("2025-03-07", "2025-03-09", 0)]
    [InlineData("2025-03-08", "2025-03-09", 0)]
    [InlineData("2025-03-10", "2025-03-07", -1)]
    [InlineData("2025-04-17", "2025-04-22", 1)]  // over Easter
    [InlineData("2025-04-14", "2025-04-25", 7)]
    [InlineData("2025-04-25", "2025-04-14", -7)]
    [InlineData("2025-12-19", "2026-01-09", 10)] // Christmas, New Year, Epiphany
    [InlineData("2026-01-09", "2025-12-19", -10)]
    [InlineData("2025-06-19", "2025-06-23", 1)]  // Midsummer
    [InlineData("2025-12-31", "2026-01-01", 0)]
    [InlineData("2025-12-30", "2026-01-02", 2)]
    [InlineData("2016-12-31", "2030-12-31", 3524)]
    public void WorkingDaysBetween_Dates_CountsWorkingDaysAfterFromThroughTo(string from, string to, int expected) =>
        FinnishCalendar.WorkingDaysBetween(D(from), D(to)).ShouldBe(expected);

    [Fact]
    public void AddWorkingDays_ThenWorkingDaysBetween_GivesBackN()
    {
        for (var day = new DateOnly(2016, 12, 1); day <= new DateOnly(2031, 1, 31); day = day.AddDays(1))
        {
            for (var n = 1; n <= 30; n++)
            {
                FinnishCalendar.WorkingDaysBetween(day, FinnishCalendar.AddWorkingDays(day, n)).ShouldBe(n);
            }

            if (FinnishCalendar.IsWorkingDay(day))
            {
                FinnishCalendar.AddWorkingDays(day, 0).ShouldBe(day);
            }
        }
    }

    [Fact]
    public void AddWorkingDays_AnyStartAndN_AgreesWithDayByDayCount()
    {
        for (var day = new DateOnly(2016, 12, 20); day <= new DateOnly(2031, 1, 10); day = day.AddDays(3))
        {
            foreach (var n in new[] { 1, 2, 7, 13, 60, 300, 700 })
            {
                var expected = day;
                for (var k = 0; k < n; k++)
                {
                    expected = expected.AddDays(1);
                    while (!FinnishCalendar.IsWorkingDay(expected))
                    {
                        expected = expected.AddDays(1);
                    }
                }

                FinnishCalendar.AddWorkingDays(day, n).ShouldBe(expected);
            }
        }
    }

    [Fact]
    public void WorkingDaysBetween_AnyPair_AgreesWithDayByDayCountAndIsAntisymmetric()
    {
        var start = new DateOnly(2016, 12, 25);
        for (var offset = 0; offset < 15 * 366; offset += 7)
        {
            var from = start.AddDays(offset % 400);
            var to = start.AddDays(offset);
            var expected = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                expected += FinnishCalendar.IsWorkingDay(day) ? 1 : 0;
            }

            FinnishCalendar.WorkingDaysBetween(from, to).ShouldBe(expected);
            FinnishCalendar.WorkingDaysBetween(to, from).ShouldBe(-expected);
        }
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
