using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Statistics;

/// <summary>
/// The two periods a pilot's figures compare: the <see cref="Months"/> whole months before its start month, and as many
/// months from the start month on. A referral belongs to the period in which it was sent (its Finnish day of sending).
/// The period after may still be running: it then holds the referrals sent so far.
/// </summary>
public sealed record ClosedLoopPeriods
{
    /// <summary>A year each side: a whole year evens out the seasons (summer holidays, the turn of the year).</summary>
    public const int DefaultMonths = 12;

    public const int MaxMonths = 36;

    private ClosedLoopPeriods(DateOnly start, int months)
    {
        Start = start;
        Months = months;
    }

    public static ValidationError MonthsOutOfRange => new("Statistics.MonthsOutOfRange") { Field = nameof(Months) };

    /// <summary>The first day of the pilot's start month: the first day of the period after.</summary>
    public DateOnly Start { get; }

    public int Months { get; }

    /// <summary>The first day of the period before.</summary>
    public DateOnly BeforeFrom => Start.AddMonths(-Months);

    /// <summary>The day after the period after (exclusive).</summary>
    public DateOnly AfterUntil => Start.AddMonths(Months);

    /// <summary>The periods around <paramref name="startMonth"/> (any day of the month; the month is what counts).</summary>
    public static Result<ClosedLoopPeriods> Around(DateOnly startMonth, int months = DefaultMonths) =>
        months is < 1 or > MaxMonths
            ? MonthsOutOfRange
            : new ClosedLoopPeriods(new DateOnly(startMonth.Year, startMonth.Month, 1), months);

    /// <summary>Which period a Finnish day of sending falls in; null outside both.</summary>
    public ClosedLoopPeriod? PeriodOf(DateOnly sentOn) =>
        sentOn < BeforeFrom || sentOn >= AfterUntil ? null
        : sentOn < Start ? ClosedLoopPeriod.Before
        : ClosedLoopPeriod.After;
}

public enum ClosedLoopPeriod
{
    Before = 1,
    After = 2,
}
