namespace CooperationModel.Domain.Calendar;

/// <summary>A holiday (pyhäpäivä) or holiday eve on its date in a given year.</summary>
public readonly record struct NonWorkingDay(DateOnly Date, Holiday Holiday);
