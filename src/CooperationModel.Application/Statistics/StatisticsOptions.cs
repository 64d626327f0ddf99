using CooperationModel.Domain.Statistics;

namespace CooperationModel.Application.Statistics;

/// <summary>The statistics' settings (section <c>Statistics</c>).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>For coordinators, a count from 1 to this − 1 is shown as "&lt;5" (with the default 5).</summary>
    public int SmallCountThreshold { get; set; } = SmallCountSuppression.DefaultThreshold;

    /// <summary>The length of each of a pilot's two periods, before and after its start month.</summary>
    public int PilotPeriodMonths { get; set; } = ClosedLoopPeriods.DefaultMonths;
}
