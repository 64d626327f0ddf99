using System.Linq.Expressions;

namespace CooperationModel.Domain.Agreements;

/// <summary>Where an agreement's validity stands on a day (<see cref="AgreementValidity"/> decides).</summary>
public enum AgreementState
{
    /// <summary>Not yet in force: it starts after today.</summary>
    Upcoming = 1,

    /// <summary>In force, and its end (if it has one) is further away than the ending-soon window.</summary>
    InForce = 2,

    /// <summary>In force, and it ends within the ending-soon window (today included): flagged to both parties' admins.</summary>
    EndingSoon = 3,

    /// <summary>Its last day has passed.</summary>
    Expired = 4,
}

/// <summary>
/// The one rule of an agreement's validity, over its first day, its last day (none: open-ended), today and the
/// ending-soon window (setting <c>Agreements:EndingSoonDays</c>). Upcoming: it starts after today. Expired: its last
/// day is before today. Ending soon: in force today and its last day is at most <c>days</c> days away (the window's
/// first day is the last day minus <c>days</c>; the last day itself is still ending soon). In force: the rest. Each state
/// is written once, as an expression: EF Core translates it for the lists and the count (<see cref="In{T}"/>), and the
/// same expression, compiled, answers in memory (<see cref="StateOn"/>).
/// </summary>
public static class AgreementValidity
{
    /// <summary>The default window before an agreement's end in which it is flagged as ending soon.</summary>
    public const int DefaultEndingSoonDays = 60;

    // (valid from, valid until, today, horizon = today + ending-soon days)
    private static readonly Expression<Func<DateOnly, DateOnly?, DateOnly, DateOnly, bool>> Upcoming =
        (from, until, today, horizon) => from > today;

    private static readonly Expression<Func<DateOnly, DateOnly?, DateOnly, DateOnly, bool>> Expired =
        (from, until, today, horizon) => until != null && until < today;

    private static readonly Expression<Func<DateOnly, DateOnly?, DateOnly, DateOnly, bool>> EndingSoon =
        (from, until, today, horizon) => from <= today && until != null && until >= today && until <= horizon;

    private static readonly Expression<Func<DateOnly, DateOnly?, DateOnly, DateOnly, bool>> InForce =
        (from, until, today, horizon) => from <= today && (until == null || until > horizon);

    private static readonly IReadOnlyList<(AgreementState State, Func<DateOnly, DateOnly?, DateOnly, DateOnly, bool> Holds)> Compiled =
        [.. Enum.GetValues<AgreementState>().Select(state => (state, RuleOf(state).Compile()))];

    /// <summary>The state of an agreement valid from <paramref name="from"/> to <paramref name="until"/> on <paramref name="today"/>.</summary>
    public static AgreementState StateOn(DateOnly from, DateOnly? until, DateOnly today, int endingSoonDays)
    {
        var horizon = today.AddDays(endingSoonDays);
        return Compiled.Single(rule => rule.Holds(from, until, today, horizon)).State;
    }

    /// <summary>
    /// The state as a filter EF Core translates, over the given date properties of <typeparamref name="T"/>; today and
    /// the horizon are query parameters (one plan for every day).
    /// </summary>
    public static Expression<Func<T, bool>> In<T>(
        AgreementState state, Expression<Func<T, DateOnly>> validFrom, Expression<Func<T, DateOnly?>> validUntil, DateOnly today, int endingSoonDays)
    {
        var rule = RuleOf(state);
        var entity = validFrom.Parameters[0];
        var days = new Days(today, today.AddDays(endingSoonDays));
        var holder = Expression.Constant(days);
        var body = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [rule.Parameters[0]] = validFrom.Body,
            [rule.Parameters[1]] = new Substitute(new() { [validUntil.Parameters[0]] = entity }).Visit(validUntil.Body),
            [rule.Parameters[2]] = Expression.Property(holder, nameof(Days.Today)),
            [rule.Parameters[3]] = Expression.Property(holder, nameof(Days.Horizon)),
        }).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, entity);
    }

    private static Expression<Func<DateOnly, DateOnly?, DateOnly, DateOnly, bool>> RuleOf(AgreementState state) => state switch
    {
        AgreementState.Upcoming => Upcoming,
        AgreementState.InForce => InForce,
        AgreementState.EndingSoon => EndingSoon,
        AgreementState.Expired => Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Today and the horizon as members of an object, so that EF Core sends them as parameters, not literals.</summary>
    private sealed record Days(DateOnly Today, DateOnly Horizon);

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);
    }
}
