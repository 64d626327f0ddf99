using CooperationModel.Domain.Calendar;

namespace CooperationModel.Domain.Statistics;

/// <summary>
/// How many referrals took how many working days (the Finnish calendar: weekends and public holidays are not working
/// days). Histograms of different organisations merge exactly, so a median over several organisations is computed from
/// counts alone: no single referral's dates need to leave its organisation's query.
/// </summary>
public sealed class WorkingDayHistogram
{
    private readonly SortedDictionary<int, int> _counts = [];

    public static WorkingDayHistogram Empty => new();

    /// <summary>Days → referrals, in order of days.</summary>
    public IReadOnlyDictionary<int, int> Counts => _counts;

    public int Total { get; private set; }

    /// <summary>
    /// The median working days: the middle value, or the mean of the two middle values when the total is even; null
    /// when the histogram is empty.
    /// </summary>
    public decimal? Median
    {
        get
        {
            if (Total == 0)
            {
                return null;
            }

            // The values at (1-based) positions lower and upper of the sorted list.
            var lower = (Total + 1) / 2;
            var upper = (Total / 2) + 1;
            int? lowerValue = null;
            var seen = 0;
            foreach (var (days, count) in _counts)
            {
                seen += count;
                lowerValue ??= seen >= lower ? days : null;
                if (seen >= upper)
                {
                    return (lowerValue!.Value + days) / 2m;
                }
            }

            throw new InvalidOperationException("Unreachable: the counts add up to the total.");
        }
    }

    /// <summary>Working days d with sent &lt; d ≤ accepted (accepted on the day of sending: 0).</summary>
    public static int WorkingDaysBetween(DateOnly sentOn, DateOnly acceptedOn) =>
        Math.Max(0, FinnishCalendar.WorkingDaysBetween(sentOn, acceptedOn));

    public WorkingDayHistogram Add(int workingDays, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0)
        {
            _counts[workingDays] = _counts.GetValueOrDefault(workingDays) + count;
            Total += count;
        }

        return this;
    }

    /// <summary>Referrals sent on one Finnish day and accepted on another.</summary>
    public WorkingDayHistogram Add(DateOnly sentOn, DateOnly acceptedOn, int count) => Add(WorkingDaysBetween(sentOn, acceptedOn), count);

    public WorkingDayHistogram Merge(WorkingDayHistogram other)
    {
        foreach (var (days, count) in other._counts)
        {
            Add(days, count);
        }

        return this;
    }
}
