using CooperationModel.Domain.Calendar;

namespace CooperationModel.Application.Common;

/// <summary>Dates as the law counts them: in Finnish time, whatever the server's time zone.</summary>
public static class FinnishTime
{
    private static readonly TimeZoneInfo Finland = Find();

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(ToFinnish(clock.GetUtcNow()).DateTime);

    public static DateTimeOffset ToFinnish(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Finland);

    /// <summary>Midnight at the start of a Finnish day, as a UTC instant (what timestamptz parameters take).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Finland.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(FinnishCalendar.TimeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
