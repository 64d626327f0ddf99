namespace CooperationModel.Domain.Calendar;

/// <summary>
/// The latest day for a decision on basic social assistance (perustoimeentulotuki, toimeentulotukilaki 1412/1997
/// 14 a §), counted in working days (arkipäivät) of <see cref="FinnishCalendar"/> as Kela counts them.
/// The reference algorithm and its checks are in SOURCES.md, section 2.
/// </summary>
/// <remarks>
/// <para>
/// Start of the count: an application completed (the application and all required attachments have arrived)
/// on a weekend or a weekday holiday counts as completed on the next working day
/// (<see cref="CountedAsCompleteOn"/>). Counting starts on the working day after that.
/// </para>
/// <para>
/// Normal case: the 7th working day after that day ("viimeistään seitsemäntenä arkipäivänä").
/// An application complete on a Monday is due on Wednesday of the following week, unless holidays fall between.
/// </para>
/// <para>
/// Urgent case ("samana tai viimeistään seuraavana arkipäivänä"): the decision may be made the same day, and
/// <see cref="For"/> returns the latest allowed day, the 1st working day after the day the application counts
/// as complete. So urgent on a Friday is due on Monday, and urgent on a Saturday counts as Monday and is due on
/// Tuesday, as in SOURCES.md (Sat 14.6.2025 → Tue 17.6.2025).
/// </para>
/// </remarks>
public static class DecisionDeadline
{
    /// <summary>Working days for a normal decision.</summary>
    public const int NormalWorkingDays = 7;

    /// <summary>Working days for an urgent decision, at the latest.</summary>
    public const int UrgentWorkingDays = 1;

    /// <summary>The default for how many working days before the deadline it counts as <see cref="DeadlineState.Near"/>.</summary>
    public const int DefaultNearWorkingDays = 2;

    /// <summary>The day a complete application counts as having arrived: the day itself if it is a working day, else the next working day.</summary>
    public static DateOnly CountedAsCompleteOn(DateOnly applicationComplete) =>
        FinnishCalendar.NextWorkingDayOnOrAfter(applicationComplete);

    /// <summary>
    /// The last day for the decision: the 7th working day (urgent: the 1st) after the working day on which the
    /// application counts as complete. See the remarks on <see cref="DecisionDeadline"/>.
    /// </summary>
    public static DateOnly For(DateOnly applicationComplete, bool urgent) =>
        FinnishCalendar.AddWorkingDays(
            CountedAsCompleteOn(applicationComplete),
            urgent ? UrgentWorkingDays : NormalWorkingDays);

    /// <summary>
    /// How a deadline stands on <paramref name="today"/>: <see cref="DeadlineState.Overdue"/> after it,
    /// <see cref="DeadlineState.DueToday"/> on it, <see cref="DeadlineState.Near"/> when at most
    /// <paramref name="nearWorkingDays"/> working days are left
    /// (<see cref="FinnishCalendar.WorkingDaysBetween"/>(today, deadline)), otherwise <see cref="DeadlineState.OnTime"/>.
    /// With the default 2, the Friday before a Tuesday deadline is already Near. 0 turns Near off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nearWorkingDays"/> is negative.</exception>
    public static DeadlineState Assess(DateOnly deadline, DateOnly today, int nearWorkingDays = DefaultNearWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nearWorkingDays);
        if (today > deadline)
        {
            return DeadlineState.Overdue;
        }

        if (today == deadline)
        {
            return DeadlineState.DueToday;
        }

        return FinnishCalendar.WorkingDaysBetween(today, deadline) <= nearWorkingDays
            ? DeadlineState.Near
            : DeadlineState.OnTime;
    }
}
