using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Referrals;

/// <summary>
/// One organiser's own deadline for one ground: how many working days (arkipäivää) it allows itself to accept a
/// referral. Set by the organisation's admin; a ground without a setting uses <see cref="ReferralDeadlinePolicy.DefaultWorkingDays"/>.
/// </summary>
public sealed class ReferralDeadlineSetting : ITenantOwned
{
    public const int MaxWorkingDays = 60;

    private ReferralDeadlineSetting()
    {
    }

    public Guid OrganisationId { get; private set; }

    public ReferralGround Ground { get; private set; }

    /// <summary>0 means the same working day.</summary>
    public int AcceptWithinWorkingDays { get; private set; }

    public static class Errors
    {
        public static ValidationError OutOfRange => new("Deadline.OutOfRange") { Field = nameof(AcceptWithinWorkingDays) };
    }

    public static Result<ReferralDeadlineSetting> Create(Guid organisationId, ReferralGround ground, int acceptWithinWorkingDays)
    {
        var setting = new ReferralDeadlineSetting { OrganisationId = organisationId, Ground = ground };
        var changed = setting.Change(acceptWithinWorkingDays);
        return changed.IsSuccess ? setting : Result<ReferralDeadlineSetting>.Failure(changed.Errors);
    }

    public Result Change(int acceptWithinWorkingDays)
    {
        if (acceptWithinWorkingDays is < 0 or > MaxWorkingDays)
        {
            return Errors.OutOfRange;
        }

        AcceptWithinWorkingDays = acceptWithinWorkingDays;
        return Result.Success();
    }
}

/// <summary>
/// The deadlines of one receiving organiser: the working days to accept a referral, per ground, in Finnish working
/// days. An urgent application transfer is due the same working day, whatever the setting.
/// </summary>
public sealed class ReferralDeadlinePolicy
{
    private readonly IReadOnlyDictionary<ReferralGround, int> _workingDays;

    public ReferralDeadlinePolicy(IEnumerable<ReferralDeadlineSetting> settings) =>
        _workingDays = settings.ToDictionary(s => s.Ground, s => s.AcceptWithinWorkingDays);

    /// <summary>Without an organiser's own settings.</summary>
    public static ReferralDeadlinePolicy Default { get; } = new([]);

    /// <summary>
    /// The default for every ground: 7 working days, after the decision deadline of the Social Assistance Act (14 §)
    /// for transfers and the start of the service-need assessment (SHL 36 §) for notices.
    /// </summary>
    public const int DefaultWorkingDays = 7;

    public int WorkingDaysFor(ReferralGround ground) => _workingDays.TryGetValue(ground, out var days) ? days : DefaultWorkingDays;

    /// <summary>The last day to accept a referral sent on <paramref name="sentOn"/> (a Finnish date).</summary>
    public DateOnly RespondBy(ReferralGround ground, bool urgent, DateOnly sentOn) =>
        urgent ? FinnishCalendar.NextWorkingDayOnOrAfter(sentOn) : FinnishCalendar.AddWorkingDays(sentOn, WorkingDaysFor(ground));
}
