namespace CooperationModel.Domain.Calendar;

/// <summary>How a deadline stands on a given day. See <see cref="DecisionDeadline.Assess"/>.</summary>
public enum DeadlineState
{
    /// <summary>More working days left than the "near" threshold.</summary>
    OnTime = 1,

    /// <summary>The deadline is later, but within the "near" threshold of working days.</summary>
    Near = 2,

    /// <summary>The deadline is today.</summary>
    DueToday = 3,

    /// <summary>The deadline has passed (myöhässä).</summary>
    Overdue = 4,
}
