using CooperationModel.Domain.Agreements;

namespace CooperationModel.Domain.Tests.Agreements;

/// <summary>
/// The validity rule at its boundaries: the day it starts, the day it ends, the ending-soon window's first day and the
/// day before it, open-ended; and the expression lists use gives the same answer as the rule in memory, every day.
/// </summary>
public class AgreementValidityTests
{
    private const int Days = 60;
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly Until = new(2026, 12, 31);

    [Fact]
    public void StateOn_TheDayBeforeItStarts_IsUpcoming_AndOnItsFirstDay_InForce()
    {
        AgreementValidity.StateOn(From, Until, From.AddDays(-1), Days).ShouldBe(AgreementState.Upcoming);
        AgreementValidity.StateOn(From, Until, From, Days).ShouldBe(AgreementState.InForce);
    }

    [Fact]
    public void StateOn_TheWindowsFirstDay_IsEndingSoon_AndTheDayBefore_InForce()
    {
        AgreementValidity.StateOn(From, Until, Until.AddDays(-Days - 1), Days).ShouldBe(AgreementState.InForce);
        AgreementValidity.StateOn(From, Until, Until.AddDays(-Days), Days).ShouldBe(AgreementState.EndingSoon);
    }

    [Fact]
    public void StateOn_ItsLastDay_IsEndingSoon_AndTheDayAfter_Expired()
    {
        AgreementValidity.StateOn(From, Until, Until, Days).ShouldBe(AgreementState.EndingSoon);
        AgreementValidity.StateOn(From, Until, Until.AddDays(1), Days).ShouldBe(AgreementState.Expired);
    }

    [Fact]
    public void StateOn_OpenEnded_IsInForceFromItsFirstDay_Forever()
    {
        AgreementValidity.StateOn(From, null, From.AddDays(-1), Days).ShouldBe(AgreementState.Upcoming);
        AgreementValidity.StateOn(From, null, From, Days).ShouldBe(AgreementState.InForce);
        AgreementValidity.StateOn(From, null, From.AddYears(50), Days).ShouldBe(AgreementState.InForce);
    }

    [Fact]
    public void StateOn_OneDayAgreement_EndingSoonOnItsOnlyDay()
    {
        AgreementValidity.StateOn(From, From, From, Days).ShouldBe(AgreementState.EndingSoon);
        AgreementValidity.StateOn(From, From, From.AddDays(1), Days).ShouldBe(AgreementState.Expired);
    }

    [Fact]
    public void StateOn_AnUpcomingAgreementThatEndsWithinTheWindow_IsUpcoming()
    {
        AgreementValidity.StateOn(From, From.AddDays(10), From.AddDays(-1), Days).ShouldBe(AgreementState.Upcoming);
    }

    [Fact]
    public void StateOn_AnotherWindow_MovesTheFlag()
    {
        AgreementValidity.StateOn(From, Until, Until.AddDays(-30), 30).ShouldBe(AgreementState.EndingSoon);
        AgreementValidity.StateOn(From, Until, Until.AddDays(-31), 30).ShouldBe(AgreementState.InForce);
    }

    /// <summary>The filter the lists use, run in memory over every day around the boundaries: exactly one state holds, the rule's.</summary>
    [Fact]
    public void In_EveryDayAroundTheBoundaries_ExactlyTheStateOfTheRuleHolds()
    {
        var agreements = new[] { (From, (DateOnly?)Until), (From, null), (From, From) };
        for (var today = From.AddDays(-5); today <= Until.AddDays(5); today = today.AddDays(1))
        {
            foreach (var (from, until) in agreements)
            {
                var holding = Enum.GetValues<AgreementState>()
                    .Where(state => AgreementValidity.In<(DateOnly From, DateOnly? Until)>(state, a => a.From, a => a.Until, today, Days).Compile()((from, until)))
                    .ToList();
                holding.ShouldBe([AgreementValidity.StateOn(from, until, today, Days)], $"{from}–{until} on {today}");
            }
        }
    }
}
