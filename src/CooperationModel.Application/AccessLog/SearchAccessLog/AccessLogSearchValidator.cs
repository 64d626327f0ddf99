using FluentValidation;

namespace CooperationModel.Application.AccessLog.SearchAccessLog;

/// <summary>
/// The days of a search: each within the years the log can hold (a day such as 9999-12-31 has no end in any calendar
/// the database or the runtime can count), and the first not after the last. Field names as the page and the export name them.
/// </summary>
public sealed class AccessLogSearchValidator : AbstractValidator<AccessLogSearch>
{
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);
    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    public AccessLogSearchValidator()
    {
        RuleFor(s => s.From).Must(InRange).WithMessage(AccessLogSearchHandler.DayOutOfRange.Code).OverridePropertyName("from");
        RuleFor(s => s.To).Must(InRange).WithMessage(AccessLogSearchHandler.DayOutOfRange.Code).OverridePropertyName("to");
        RuleFor(s => s)
            .Must(s => s is not { From: { } from, To: { } to } || from <= to)
            .When(s => InRange(s.From) && InRange(s.To))
            .WithMessage(AccessLogSearchHandler.RangeInvalid.Code)
            .OverridePropertyName("to");
    }

    private static bool InRange(DateOnly? day) => day is not { } d || (d >= EarliestDay && d <= LatestDay);
}
