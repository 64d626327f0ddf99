namespace CooperationModel.Application.Common;

/// <summary>Settings of the client process (configuration section "CaseProcess").</summary>
public sealed class CaseProcessOptions
{
    public const string Section = "CaseProcess";

    /// <summary>A case is marked near its deadline this many working days before it.</summary>
    public int NearDeadlineWorkingDays { get; set; } = 2;

    /// <summary>A life-situation survey older than this is flagged for a refresh when the case is opened.</summary>
    public int SurveyMaxAgeMonths { get; set; } = 6;

    /// <summary>
    /// A referral with no feedback after this many working days is listed for the handler to follow up
    /// (the service-need assessment starts within 7 weekdays for some groups, SHL 36 §).
    /// </summary>
    public int FeedbackExpectedWorkingDays { get; set; } = 7;
}
