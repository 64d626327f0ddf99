using System.Linq.Expressions;

namespace CooperationModel.Domain.Directory;

/// <summary>
/// When a directory record (a contact, a municipality's operating environment) was last confirmed, and by whom
/// ("tarkistettu" / "kontrollerad"): every change moves it, and confirming it unchanged moves it too. A record
/// checked longer ago than the configured number of months is stale and is shown as such, so that nobody trusts a
/// phone number that nobody has looked at in years.
/// </summary>
public sealed record CheckedOn(DateOnly On, string By)
{
    /// <summary>The default age after which a record counts as stale (setting <c>Directory:StaleAfterMonths</c>).</summary>
    public const int DefaultStaleAfterMonths = 12;

    /// <summary>
    /// The oldest checked-on date that is still fresh on <paramref name="today"/>: a record is stale
    /// when it was checked before this day. Lists filter with <see cref="StaleBefore{T}"/> on the same cutoff.
    /// </summary>
    public static DateOnly FreshFrom(DateOnly today, int staleAfterMonths) => today.AddMonths(-staleAfterMonths);

    /// <summary>Stale: checked before <see cref="FreshFrom"/>, that is more than the given months before today.</summary>
    public static bool IsStale(DateOnly checkedOn, DateOnly today, int staleAfterMonths) =>
        checkedOn < FreshFrom(today, staleAfterMonths);

    public bool IsStaleOn(DateOnly today, int staleAfterMonths) => IsStale(On, today, staleAfterMonths);

    /// <summary>
    /// The same rule as an expression EF Core translates, over a record's checked-on date: lists of stale records and
    /// counts of them use this, never a restated comparison.
    /// </summary>
    public static Expression<Func<T, bool>> StaleBefore<T>(Expression<Func<T, DateOnly>> checkedOn, DateOnly freshFrom)
    {
        var body = Expression.LessThan(checkedOn.Body, Expression.Constant(freshFrom));
        return Expression.Lambda<Func<T, bool>>(body, checkedOn.Parameters);
    }
}
