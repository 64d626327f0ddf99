using System.Collections.ObjectModel;

namespace CooperationModel.Domain.Calendar;

/// <summary>
/// Finnish working days (arkipäivät) as Kela counts them for basic social assistance: Monday to Friday,
/// except the holidays and holiday eves in <see cref="NonWorkingDays"/>. Saturdays never count, even though
/// Act 150/1930 knows an "arkilauantai"; Kela's practice is Mon–Fri only. The rules and their sources are
/// in SOURCES.md in this folder.
/// </summary>
/// <remarks>
/// Today's rules are applied to every year from <see cref="MinYear"/> to <see cref="MaxYear"/>. They have not
/// always been the rules (Midsummer and, for a while, Epiphany and Ascension Day were placed differently in the
/// past), so dates long before 2017 are computed, not historical. Åland's Autonomy Day (9 June) is not a
/// non-working day here; see SOURCES.md.
/// Each year is computed once and cached; all members are thread-safe.
/// </remarks>
public static class FinnishCalendar
{
    /// <summary>The time zone of Finnish days (an IANA id that .NET and PostgreSQL both know): deadlines count in it.</summary>
    public const string TimeZoneId = "Europe/Helsinki";

    /// <summary>The first year the working-day members accept.</summary>
    public const int MinYear = 1900;

    /// <summary>The last year the working-day members accept.</summary>
    public const int MaxYear = 2200;

    private static readonly YearData?[] Years = new YearData?[MaxYear - MinYear + 1];

    /// <summary>
    /// Western Easter Sunday (pääsiäispäivä) in the Gregorian calendar, by the anonymous Gregorian
    /// (Meeus–Jones–Butcher) algorithm. Works for any Gregorian year 1583–9999.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    /// <summary>Midsummer Eve (juhannusaatto): the Friday between 19 and 25 June.</summary>
    public static DateOnly MidsummerEve(int year)
    {
        var june19 = new DateOnly(year, 6, 19);
        return june19.AddDays(((int)DayOfWeek.Friday - (int)june19.DayOfWeek + 7) % 7);
    }

    /// <summary>
    /// The days of a year that are not working days when they fall on Monday–Friday, in date order:
    /// New Year's Day, Epiphany, Good Friday, Easter Monday, May Day, Ascension Day, Midsummer Eve,
    /// Independence Day, Christmas Eve, Christmas Day and St Stephen's Day. Each is listed even in a year
    /// when it falls on a weekend. Two holidays can share a date (1 May 2008 was both May Day and
    /// Ascension Day); both are then listed.
    /// </summary>
    public static IReadOnlyList<NonWorkingDay> NonWorkingDays(int year) => GetYear(year, nameof(year)).NonWorkingDays;

    /// <summary>
    /// <see cref="NonWorkingDays"/> and the holidays that always fall on a weekend (Easter Sunday, Pentecost,
    /// Midsummer Day, All Saints' Day), in date order. For display: the weekend-only days never change
    /// which days are working days.
    /// </summary>
    public static IReadOnlyList<NonWorkingDay> AllHolidays(int year) => GetYear(year, nameof(year)).AllHolidays;

    /// <summary>
    /// Whether a holiday can fall on Monday–Friday and so make a weekday a non-working day.
    /// False for the four that are always on a weekend.
    /// </summary>
    public static bool CanFallOnWeekday(Holiday holiday) => holiday switch
    {
        Holiday.NewYearsDay => true,
        Holiday.Epiphany => true,
        Holiday.GoodFriday => true,
        Holiday.EasterSunday => false,
        Holiday.EasterMonday => true,
        Holiday.MayDay => true,
        Holiday.AscensionDay => true,
        Holiday.Pentecost => false,
        Holiday.MidsummerEve => true,
        Holiday.MidsummerDay => false,
        Holiday.AllSaintsDay => false,
        Holiday.IndependenceDay => true,
        Holiday.ChristmasEve => true,
        Holiday.ChristmasDay => true,
        Holiday.StStephensDay => true,
    };

    /// <summary>Whether a day is a working day (arkipäivä): Monday–Friday and not in <see cref="NonWorkingDays"/>.</summary>
    public static bool IsWorkingDay(DateOnly day) => GetYear(day.Year, nameof(day)).IsWorkingDay(day.DayOfYear);

    /// <summary>The day itself if it is a working day, otherwise the first working day after it.</summary>
    public static DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// The n-th working day after <paramref name="start"/>; <paramref name="start"/> itself never counts.
    /// With 0, <paramref name="start"/> if it is a working day, otherwise the next working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="workingDays"/> is negative, or the result would be outside <see cref="MinYear"/>–<see cref="MaxYear"/>.
    /// </exception>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return NextWorkingDayOnOrAfter(start);
        }

        var year = GetYear(start.Year, nameof(start));
        var dayOfYear = start.DayOfYear;
        var remaining = workingDays;
        while (remaining > year.WorkingDayCount - year.WorkingDaysThrough(dayOfYear))
        {
            remaining -= year.WorkingDayCount - year.WorkingDaysThrough(dayOfYear);
            if (year.Year == MaxYear)
            {
                throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, $"The result would be after {MaxYear}.");
            }

            year = GetYear(year.Year + 1, nameof(start));
            dayOfYear = 0;
        }

        return year.NthWorkingDayAfter(dayOfYear, remaining);
    }

    /// <summary>
    /// The number of working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>,
    /// so that <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c> for n ≥ 1.
    /// Negative when <paramref name="toInclusive"/> is before <paramref name="fromExclusive"/>.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -WorkingDaysBetween(toInclusive, fromExclusive);
        }

        var from = GetYear(fromExclusive.Year, nameof(fromExclusive));
        var to = GetYear(toInclusive.Year, nameof(toInclusive));
        if (from == to)
        {
            return to.WorkingDaysThrough(toInclusive.DayOfYear) - from.WorkingDaysThrough(fromExclusive.DayOfYear);
        }

        var count = from.WorkingDayCount - from.WorkingDaysThrough(fromExclusive.DayOfYear);
        for (var year = from.Year + 1; year < to.Year; year++)
        {
            count += GetYear(year, nameof(toInclusive)).WorkingDayCount;
        }

        return count + to.WorkingDaysThrough(toInclusive.DayOfYear);
    }

    private static YearData GetYear(int year, string paramName)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(paramName, year, $"The Finnish calendar covers the years {MinYear}–{MaxYear}.");
        }

        ref var slot = ref Years[year - MinYear];
        var cached = Volatile.Read(ref slot);
        if (cached is not null)
        {
            return cached;
        }

        var created = new YearData(year);
        return Interlocked.CompareExchange(ref slot, created, null) ?? created;
    }

    private static NonWorkingDay[] ComputeAllHolidays(int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = MidsummerEve(year);
        var october31 = new DateOnly(year, 10, 31);
        var allSaints = october31.AddDays(((int)DayOfWeek.Saturday - (int)october31.DayOfWeek + 7) % 7);
        var days = new NonWorkingDay[]
        {
            new(new DateOnly(year, 1, 1), Holiday.NewYearsDay),
            new(new DateOnly(year, 1, 6), Holiday.Epiphany),
            new(easter.AddDays(-2), Holiday.GoodFriday),
            new(easter, Holiday.EasterSunday),
            new(easter.AddDays(1), Holiday.EasterMonday),
            new(new DateOnly(year, 5, 1), Holiday.MayDay),
            new(easter.AddDays(39), Holiday.AscensionDay),
            new(easter.AddDays(49), Holiday.Pentecost),
            new(midsummerEve, Holiday.MidsummerEve),
            new(midsummerEve.AddDays(1), Holiday.MidsummerDay),
            new(allSaints, Holiday.AllSaintsDay),
            new(new DateOnly(year, 12, 6), Holiday.IndependenceDay),
            new(new DateOnly(year, 12, 24), Holiday.ChristmasEve),
            new(new DateOnly(year, 12, 25), Holiday.ChristmasDay),
            new(new DateOnly(year, 12, 26), Holiday.StStephensDay),
        };
        Array.Sort(days, static (x, y) => x.Date != y.Date ? x.Date.CompareTo(y.Date) : x.Holiday.CompareTo(y.Holiday));
        return days;
    }

    /// <summary>One year, computed once: its holidays and a running count of its working days.</summary>
    private sealed class YearData
    {
        /// <summary>[d] = working days from 1 January to day-of-year d inclusive; [0] = 0.</summary>
        private readonly short[] _workingDaysThrough;

        public YearData(int year)
        {
            Year = year;
            var all = ComputeAllHolidays(year);
            AllHolidays = Array.AsReadOnly(all);
            NonWorkingDays = Array.AsReadOnly(Array.FindAll(all, static d => CanFallOnWeekday(d.Holiday)));

            var closed = new bool[367];
            foreach (var holiday in NonWorkingDays)
            {
                closed[holiday.Date.DayOfYear] = true;
            }

            var length = DateTime.IsLeapYear(year) ? 366 : 365;
            _workingDaysThrough = new short[length + 1];
            var day = new DateOnly(year, 1, 1);
            for (var d = 1; d <= length; d++, day = day.AddDays(1))
            {
                var working = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed[d];
                _workingDaysThrough[d] = (short)(_workingDaysThrough[d - 1] + (working ? 1 : 0));
            }
        }

        public int Year { get; }

        public ReadOnlyCollection<NonWorkingDay> NonWorkingDays { get; }

        public ReadOnlyCollection<NonWorkingDay> AllHolidays { get; }

        public int WorkingDayCount => _workingDaysThrough[^1];

        /// <summary>Working days from 1 January through <paramref name="dayOfYear"/> (0 = none).</summary>
        public int WorkingDaysThrough(int dayOfYear) => _workingDaysThrough[dayOfYear];

        public bool IsWorkingDay(int dayOfYear) => _workingDaysThrough[dayOfYear] != _workingDaysThrough[dayOfYear - 1];

        /// <summary>The n-th working day after <paramref name="dayOfYear"/> (0 = before 1 January); it must be in this year.</summary>
        public DateOnly NthWorkingDayAfter(int dayOfYear, int n)
        {
            var target = _workingDaysThrough[dayOfYear] + n;
            var d = dayOfYear + 1;
            while (_workingDaysThrough[d] != target)
            {
                d++;
            }

            return new DateOnly(Year, 1, 1).AddDays(d - 1);
        }
    }
}
