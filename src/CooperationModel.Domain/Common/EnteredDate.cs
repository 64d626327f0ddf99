namespace CooperationModel.Domain.Common;

/// <summary>
/// The one rule for a date a user types about a client's matter (the day consent was given, an application was received
/// or complete, a decision was made, a survey was done): it lies at most <see cref="MaxYearsBack"/> years before today.
/// An older date is a typing mistake (1.1.0001 would be stored as PostgreSQL's <c>-infinity</c>), and a case whose last
/// event is that old has already passed Kela's retention period (10 years). Each date's own rules (not in the future,
/// not before the application) stay with it.
/// </summary>
public static class EnteredDate
{
    public const int MaxYearsBack = 10;

    public const string TooEarlyCode = "EnteredDate.TooEarly";

    /// <summary>The earliest date a user may enter on <paramref name="today"/>.</summary>
    public static DateOnly Earliest(DateOnly today) => today.AddYears(-MaxYearsBack);

    public static ValidationError TooEarly(string field) => new(TooEarlyCode) { Field = field };

    /// <summary>Whether <paramref name="date"/> is recent enough; the error names <paramref name="field"/>.</summary>
    public static Result Check(DateOnly date, DateOnly today, string field) =>
        date < Earliest(today) ? TooEarly(field) : Result.Success();

    /// <summary>As above; a date not entered passes (whether it is required is the field's own rule).</summary>
    public static Result Check(DateOnly? date, DateOnly today, string field) =>
        date is { } day ? Check(day, today, field) : Result.Success();
}
