using System.Linq.Expressions;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// What the lists, the reports, retention and the pages ask of a referral (open, waiting to be accepted, overdue,
/// awaiting feedback, acknowledged within the deadline, closed by a cutoff, completed with feedback), each stated
/// once, here, as an expression EF Core translates: <c>db.Referrals.Where(ReferralPredicates.Open)</c>. The statuses
/// are named one by one (explicit ORs), so PostgreSQL can use the (organisation, status, …) indexes. The in-memory
/// checks (<see cref="Referral.IsOpen"/>, <see cref="Referral.IsOverdue"/>, <see cref="Referral.ClosedAt"/> and the
/// extension members below) run the same expressions, compiled once, so a list and a page cannot disagree
/// (IntegrationTests/Referrals/ReferralPredicateAgreementTests compares the two on generated referrals).
/// </summary>
public static class ReferralPredicates
{
    /// <summary>
    /// The statuses that close a referral, with the moment each one records: social services completed it or returned
    /// it. Every other status is open (a re-routed referral is sent again, so open again).
    /// </summary>
    private static readonly (ReferralStatus Status, Expression<Func<Referral, DateTimeOffset?>> At)[] Closings =
    [
        (ReferralStatus.Completed, r => r.CompletedAt),
        (ReferralStatus.Returned, r => r.ReturnedAt),
    ];

    // The status sets come before the rules built from them (static initialisers run in this order).

    /// <summary>Open: social services has not yet completed or returned it.</summary>
    public static IReadOnlyList<ReferralStatus> OpenStatuses { get; } =
        [.. Enum.GetValues<ReferralStatus>().Where(status => Closings.All(closing => closing.Status != status))];

    /// <summary>Waiting to be accepted: sent (and perhaps opened), no named worker yet.</summary>
    public static IReadOnlyList<ReferralStatus> AwaitingAcceptanceStatuses { get; } = [ReferralStatus.Sent, ReferralStatus.Received];

    /// <summary>A forward still with the partner: not yet completed or returned (a partner has one open forward at most).</summary>
    public static IReadOnlyList<ForwardStatus> OpenForwardStatuses { get; } = [ForwardStatus.Sent, ForwardStatus.Received, ForwardStatus.Accepted];

    /// <summary>With a named worker at work: accepted, perhaps in assessment, not yet completed or returned.</summary>
    public static IReadOnlyList<ReferralStatus> WithNamedWorkerStatuses { get; } = [ReferralStatus.Accepted, ReferralStatus.InAssessment];

    private static readonly Rule<bool> OpenRule = new(StatusIn(OpenStatuses));

    private static readonly Rule<bool> WithNamedWorkerRule = new(StatusIn(WithNamedWorkerStatuses));

    private static readonly Rule<bool> AwaitingAcceptanceRule = new(StatusIn(AwaitingAcceptanceStatuses));

    private static readonly Rule<DateTimeOffset?> ClosedAtRule = new(ClosedAtExpression());

    private static readonly Rule<DateOnly, bool> OverdueRule = new(And(AwaitingAcceptanceRule.Expression, (Referral r, DateOnly today) => r.RespondBy < today));

    private static readonly Rule<DateTimeOffset, bool> AwaitingFeedbackRule = new(And(OpenRule.Expression, (Referral r, DateTimeOffset sentBefore) => r.SentAt < sentBefore));

    private static readonly Rule<DateTimeOffset, bool> ClosedOnOrBeforeRule = new(ClosedOnOrBeforeExpression());

    private static readonly Rule<bool> AcknowledgedWithinDeadlineRule = new(r => r.AcceptedAt != null
        && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(r.AcceptedAt.Value.UtcDateTime, Calendar.FinnishCalendar.TimeZoneId)) <= r.RespondBy);

    private static readonly Rule<bool> CompletedWithFeedbackRule = new(r => r.Status == ReferralStatus.Completed && r.ConsentCoversFeedback);

    private static readonly Rule<bool> ReturnedRule = new(r => r.Status == ReferralStatus.Returned);

    private static readonly Rule<DateOnly> SentOnRule = new(r =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(r.SentAt.UtcDateTime, Calendar.FinnishCalendar.TimeZoneId)));

    private static readonly Rule<DateOnly?> AcceptedOnRule = new(r => r.AcceptedAt == null
        ? null
        : DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(r.AcceptedAt.Value.UtcDateTime, Calendar.FinnishCalendar.TimeZoneId)));

    /// <inheritdoc cref="OpenStatuses"/>
    public static Expression<Func<Referral, bool>> Open => OpenRule.Expression;

    /// <inheritdoc cref="AwaitingAcceptanceStatuses"/>
    public static Expression<Func<Referral, bool>> AwaitingAcceptance => AwaitingAcceptanceRule.Expression;

    /// <inheritdoc cref="WithNamedWorkerStatuses"/>
    public static Expression<Func<Referral, bool>> WithNamedWorker => WithNamedWorkerRule.Expression;

    /// <summary>When social services completed or returned it; null while it is open (also after a re-route).</summary>
    public static Expression<Func<Referral, DateTimeOffset?>> ClosedAt => ClosedAtRule.Expression;

    /// <summary>
    /// Accepted (a named worker acknowledged it) on or before the receiver's deadline, the day counted in Finnish time.
    /// A referral without a deadline, or not accepted (again, after a re-route), is not.
    /// </summary>
    public static Expression<Func<Referral, bool>> AcknowledgedWithinDeadline => AcknowledgedWithinDeadlineRule.Expression;

    /// <summary>Completed, with a consent that covers feedback: the sender may read how it ended.</summary>
    public static Expression<Func<Referral, bool>> CompletedWithFeedback => CompletedWithFeedbackRule.Expression;

    /// <summary>Closed by a return with a coded reason (a referral returned to the wrong organiser is re-routed: open again).</summary>
    public static Expression<Func<Referral, bool>> Returned => ReturnedRule.Expression;

    /// <summary>The Finnish day it was sent (<see cref="Referral.SentAt"/>, which a re-route keeps).</summary>
    public static Expression<Func<Referral, DateOnly>> SentOn => SentOnRule.Expression;

    /// <summary>The Finnish day a named worker (of the current receiver) accepted it; null while nobody has.</summary>
    public static Expression<Func<Referral, DateOnly?>> AcceptedOn => AcceptedOnRule.Expression;

    /// <summary>An open status (the stage stepper's question about a bare status).</summary>
    public static bool IsOpenStatus(ReferralStatus status) => OpenStatuses.Contains(status);

    /// <summary>Waiting to be accepted past the receiver's deadline: <paramref name="today"/> (a Finnish date) is after it.</summary>
    public static Expression<Func<Referral, bool>> Overdue(DateOnly today) => OverdueRule.For(today);

    /// <summary>
    /// Open and sent before <paramref name="sentBefore"/>: the sender expected feedback by now. The workspace passes the
    /// start of the Finnish day the expected working days before today.
    /// </summary>
    public static Expression<Func<Referral, bool>> AwaitingFeedback(DateTimeOffset sentBefore) => AwaitingFeedbackRule.For(sentBefore);

    /// <summary>Completed or returned at or before <paramref name="cutoff"/> (<see cref="ClosedAt"/> is on or before it).</summary>
    public static Expression<Func<Referral, bool>> ClosedOnOrBefore(DateTimeOffset cutoff) => ClosedOnOrBeforeRule.For(cutoff);

    /// <summary>The same rules, asked of one referral in memory (compiled once from the expressions above).</summary>
    extension(Referral referral)
    {
        /// <inheritdoc cref="AwaitingAcceptanceStatuses"/>
        public bool AwaitsAcceptance => AwaitingAcceptanceRule.Of(referral);

        /// <inheritdoc cref="AcknowledgedWithinDeadline"/>
        public bool WasAcknowledgedWithinDeadline => AcknowledgedWithinDeadlineRule.Of(referral);

        /// <inheritdoc cref="CompletedWithFeedback"/>
        public bool IsCompletedWithFeedback => CompletedWithFeedbackRule.Of(referral);

        /// <inheritdoc cref="Returned"/>
        public bool IsReturned => ReturnedRule.Of(referral);

        /// <inheritdoc cref="SentOn"/>
        public DateOnly SentOnFinnishDay => SentOnRule.Of(referral);

        /// <inheritdoc cref="AcceptedOn"/>
        public DateOnly? AcceptedOnFinnishDay => AcceptedOnRule.Of(referral);

        /// <inheritdoc cref="AwaitingFeedback"/>
        public bool AwaitsFeedback(DateTimeOffset sentBefore) => AwaitingFeedbackRule.Of(referral, sentBefore);

        /// <inheritdoc cref="ClosedOnOrBefore"/>
        public bool IsClosedOnOrBefore(DateTimeOffset cutoff) => ClosedOnOrBeforeRule.Of(referral, cutoff);
    }

    internal static bool IsOpen(Referral referral) => OpenRule.Of(referral);

    internal static bool HasNamedWorker(Referral referral) => WithNamedWorkerRule.Of(referral);

    internal static bool IsOverdue(Referral referral, DateOnly today) => OverdueRule.Of(referral, today);

    internal static DateTimeOffset? ClosedAtOf(Referral referral) => ClosedAtRule.Of(referral);

    /// <summary><c>r =&gt; r.Status == s1 || r.Status == s2 || …</c>, the statuses as constants (literals in the SQL).</summary>
    private static Expression<Func<Referral, bool>> StatusIn(IEnumerable<ReferralStatus> statuses)
    {
        var r = Expression.Parameter(typeof(Referral), "r");
        var status = Expression.Property(r, nameof(Referral.Status));
        var body = statuses.Select(s => (Expression)Expression.Equal(status, Expression.Constant(s))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Referral, bool>>(body, r);
    }

    /// <summary><c>r =&gt; r.Status == Completed ? r.CompletedAt : r.Status == Returned ? r.ReturnedAt : null</c>, from <see cref="Closings"/>.</summary>
    private static Expression<Func<Referral, DateTimeOffset?>> ClosedAtExpression()
    {
        var r = Expression.Parameter(typeof(Referral), "r");
        var status = Expression.Property(r, nameof(Referral.Status));
        var body = Closings.Reverse().Aggregate(
            (Expression)Expression.Constant(null, typeof(DateTimeOffset?)),
            (otherwise, closing) => Expression.Condition(
                Expression.Equal(status, Expression.Constant(closing.Status)), Substitute(closing.At, r), otherwise));
        return Expression.Lambda<Func<Referral, DateTimeOffset?>>(body, r);
    }

    /// <summary>
    /// <c>(r, cutoff) =&gt; (r.Status == Completed &amp;&amp; r.CompletedAt &lt;= cutoff) || (r.Status == Returned &amp;&amp; …)</c>,
    /// from <see cref="Closings"/>: each status beside its own time, which PostgreSQL reads better than a CASE.
    /// </summary>
    private static Expression<Func<Referral, DateTimeOffset, bool>> ClosedOnOrBeforeExpression()
    {
        var r = Expression.Parameter(typeof(Referral), "r");
        var cutoff = Expression.Parameter(typeof(DateTimeOffset), "cutoff");
        var status = Expression.Property(r, nameof(Referral.Status));
        var body = Closings
            .Select(closing => (Expression)Expression.AndAlso(
                Expression.Equal(status, Expression.Constant(closing.Status)),
                Expression.LessThanOrEqual(Substitute(closing.At, r), Expression.Convert(cutoff, typeof(DateTimeOffset?)))))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Referral, DateTimeOffset, bool>>(body, r, cutoff);
    }

    /// <summary><c>(r, argument) =&gt; first(r) &amp;&amp; then(r, argument)</c>.</summary>
    private static Expression<Func<Referral, TArgument, bool>> And<TArgument>(
        Expression<Func<Referral, bool>> first, Expression<Func<Referral, TArgument, bool>> then) =>
        Expression.Lambda<Func<Referral, TArgument, bool>>(
            Expression.AndAlso(Substitute(first, then.Parameters[0]), then.Body), then.Parameters);

    /// <summary>The body of a one-parameter lambda, its parameter replaced by <paramref name="argument"/>.</summary>
    private static Expression Substitute(LambdaExpression lambda, Expression argument) =>
        new Replacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    /// <summary>An expression and its compiled delegate.</summary>
    private sealed class Rule<TResult>(Expression<Func<Referral, TResult>> expression)
    {
        private readonly Func<Referral, TResult> _compiled = expression.Compile();

        public Expression<Func<Referral, TResult>> Expression => expression;

        public TResult Of(Referral referral) => _compiled(referral);
    }

    /// <summary>An expression with an argument (a day, a cutoff) and its compiled delegate.</summary>
    private sealed class Rule<TArgument, TResult>(Expression<Func<Referral, TArgument, TResult>> expression)
    {
        private readonly Func<Referral, TArgument, TResult> _compiled = expression.Compile();

        public TResult Of(Referral referral, TArgument argument) => _compiled(referral, argument);

        /// <summary>
        /// The one-parameter form for a query. The argument is read from a holder, as from a C# closure, so EF Core sends
        /// it as a SQL parameter (a constant would be a literal: a new SQL text, and a new cached query, for every day).
        /// </summary>
        public Expression<Func<Referral, TResult>> For(TArgument argument)
        {
            var value = Expression.Property(Expression.Constant(new Holder(argument)), nameof(Holder.Value));
            var body = new Replacer(expression.Parameters[1], value).Visit(expression.Body);
            return Expression.Lambda<Func<Referral, TResult>>(body, expression.Parameters[0]);
        }

        private sealed record Holder(TArgument Value);
    }

    private sealed class Replacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
