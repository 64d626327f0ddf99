using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Statistics;
using static CooperationModel.Domain.Statistics.PartSuppression;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Statistics;

/// <summary>The closed-loop statistics' core: the periods, the working-day median, the tallies, the figures and the suppression.</summary>
public class ClosedLoopStatisticsTests
{
    [Fact]
    public void Periods_AreWholeMonthsEachSideOfTheStartMonth()
    {
        var periods = ClosedLoopPeriods.Around(new DateOnly(2024, 5, 17), 6).Value;

        periods.Start.ShouldBe(new DateOnly(2024, 5, 1));
        periods.BeforeFrom.ShouldBe(new DateOnly(2023, 11, 1));
        periods.AfterUntil.ShouldBe(new DateOnly(2024, 11, 1));
        periods.PeriodOf(new DateOnly(2023, 10, 31)).ShouldBeNull();
        periods.PeriodOf(new DateOnly(2023, 11, 1)).ShouldBe(ClosedLoopPeriod.Before);
        periods.PeriodOf(new DateOnly(2024, 4, 30)).ShouldBe(ClosedLoopPeriod.Before);
        periods.PeriodOf(new DateOnly(2024, 5, 1)).ShouldBe(ClosedLoopPeriod.After);
        periods.PeriodOf(new DateOnly(2024, 10, 31)).ShouldBe(ClosedLoopPeriod.After);
        periods.PeriodOf(new DateOnly(2024, 11, 1)).ShouldBeNull();
        ClosedLoopPeriods.Around(new DateOnly(2024, 5, 1)).Value.Months.ShouldBe(ClosedLoopPeriods.DefaultMonths);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void Periods_OfNoneOrTooManyMonths_AreRefused(int months) =>
        ClosedLoopPeriods.Around(new DateOnly(2024, 5, 1), months).FirstError.ShouldBe(ClosedLoopPeriods.MonthsOutOfRange);

    [Fact]
    public void WorkingDays_SkipWeekendsAndHolidays_AndTheSameDayIsZero()
    {
        // Maundy Thursday 2024 to the Tuesday after Easter: Good Friday, the weekend and Easter Monday are not working days.
        WorkingDayHistogram.WorkingDaysBetween(new DateOnly(2024, 3, 28), new DateOnly(2024, 4, 2)).ShouldBe(1);
        WorkingDayHistogram.WorkingDaysBetween(new DateOnly(2024, 3, 28), new DateOnly(2024, 3, 28)).ShouldBe(0);
        // Friday to Monday: one.
        WorkingDayHistogram.WorkingDaysBetween(new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 10)).ShouldBe(1);
    }

    [Fact]
    public void Median_IsTheMiddleValue_OrTheMeanOfTheTwoMiddleOnes()
    {
        WorkingDayHistogram.Empty.Median.ShouldBeNull();
        WorkingDayHistogram.Empty.Add(3, 1).Median.ShouldBe(3m);
        // 0 0 1 5 9: the third.
        WorkingDayHistogram.Empty.Add(0, 2).Add(1, 1).Add(5, 1).Add(9, 1).Median.ShouldBe(1m);
        // 0 1 | 4 9: (1 + 4) / 2.
        WorkingDayHistogram.Empty.Add(9, 1).Add(0, 1).Add(4, 1).Add(1, 1).Median.ShouldBe(2.5m);
        // 2 2 2 7: the two middle ones are both 2.
        WorkingDayHistogram.Empty.Add(2, 3).Add(7, 1).Median.ShouldBe(2m);
    }

    [Fact]
    public void Histograms_MergeIntoTheHistogramOfAll_MedianIncluded()
    {
        var random = new Random(14);
        var values = Enumerable.Range(0, 101).Select(_ => random.Next(0, 12)).ToList();
        var one = WorkingDayHistogram.Empty;
        var other = WorkingDayHistogram.Empty;
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            (i % 3 == 0 ? one : other).Add(value, 1);
        }

        var merged = one.Merge(other);

        merged.Total.ShouldBe(101);
        merged.Median.ShouldBe(values.Order().ElementAt(50));
    }

    [Fact]
    public void Tally_CountsTheRulesAnswers_AndReasonsOnlyOfTheReturned()
    {
        var tally = ClosedLoopTally.Of(
            [
                new ClosedLoopGroup(5, AcknowledgedWithinDeadline: true, CompletedWithFeedback: true, Returned: false, ReturnReason: null),
                new ClosedLoopGroup(3, AcknowledgedWithinDeadline: false, CompletedWithFeedback: false, Returned: true, ReturnReason.NoNeed),
                // Re-routed: the reason stays on the referral, but it is open again, not returned.
                new ClosedLoopGroup(2, AcknowledgedWithinDeadline: false, CompletedWithFeedback: false, Returned: false, ReturnReason.WrongOrganiser),
            ],
            [new AcceptanceGroup(4, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 10)), new AcceptanceGroup(1, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 7))]);

        tally.Sent.ShouldBe(10);
        tally.AcknowledgedWithinDeadline.ShouldBe(5);
        tally.CompletedWithFeedback.ShouldBe(5);
        tally.Returned.ShouldBe(3);
        tally.ReturnReasons.ShouldBe(new Dictionary<ReturnReason, int> { [ReturnReason.NoNeed] = 3 });
        tally.DaysToAcceptance.Counts.ShouldBe(new Dictionary<int, int> { [0] = 1, [1] = 4 });

        var merged = new ClosedLoopTally().Merge(tally).Merge(tally);
        (merged.Sent, merged.Returned, merged.ReturnReasons[ReturnReason.NoNeed], merged.DaysToAcceptance.Total).ShouldBe((20, 6, 6, 10));
    }

    [Fact]
    public void Tally_OfReferralsInMemory_AsksTheSameRules()
    {
        var handler = Member(Southern, "Käsittelijä");
        var clientCase = OpenHelsinkiCase(handler);
        var accepted = SendReferral(clientCase, ReferralGround.ClientRequestsAssessment, true, "Tilanne.", handler, Now, coversFeedback: true).Value;
        var worker = new Actor(Guid.NewGuid(), accepted.ReceiverOrganisationId, "Työntekijä");
        accepted.Accept(worker, Now.AddDays(3)).IsSuccess.ShouldBeTrue();
        accepted.Complete(worker, ReferralOutcome.AssessmentDone, PlanType.ClientPlan, null, Now.AddDays(4)).IsSuccess.ShouldBeTrue();
        var returned = SendReferral(clientCase, ReferralGround.ClientRequestsAssessment, false, null, handler, Now, repeatReason: "Uusi tilanne").Value;
        returned.Return(Routing, worker, ReturnReason.NotReached, null, null, ReferralDeadlinePolicy.Default, DayOf(Now), Now.AddDays(1)).IsSuccess.ShouldBeTrue();

        var tally = ClosedLoopTally.OfReferrals([accepted, returned]);

        tally.Sent.ShouldBe(2);
        tally.AcknowledgedWithinDeadline.ShouldBe(accepted.WasAcknowledgedWithinDeadline ? 1 : 0);
        tally.CompletedWithFeedback.ShouldBe(1);
        tally.Returned.ShouldBe(1);
        tally.ReturnReasons.ShouldBe(new Dictionary<ReturnReason, int> { [ReturnReason.NotReached] = 1 });
        // Monday 10 March 2025 to Thursday 13 March: three working days.
        tally.DaysToAcceptance.Counts.ShouldBe(new Dictionary<int, int> { [3] = 1 });
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Suppression_HidesCountsFromOneToFour(int count, bool suppressed) =>
        SmallCountSuppression.Default.Suppresses(count).ShouldBe(suppressed);

    [Fact]
    public void Suppression_ThresholdIsConfigurable_AndNoneHidesNothing()
    {
        new SmallCountSuppression(3).Suppresses(3).ShouldBeFalse();
        new SmallCountSuppression(3).Suppresses(2).ShouldBeTrue();
        SmallCountSuppression.None.Suppresses(1).ShouldBeFalse();
        SmallCountSuppression.None.SuppressParts(3, [1, 2, 0]).Parts.ShouldBe([None, None, None]);
    }

    [Fact]
    public void Suppression_OfOnePartBesideItsTotal_HidesTheSmallestOtherNonZeroPart()
    {
        // 20 = 3 + 0 + 9 + 8: the 3 alone could be worked out (20 − 9 − 8), so the 8 goes too; the zero tells nothing.
        SmallCountSuppression.Default.SuppressParts(20, [3, 0, 9, 8]).Parts.ShouldBe([Small, None, None, Complementary]);
        // Two hidden small parts that must both be 1 (their sum is 2) give themselves away: a third goes.
        SmallCountSuppression.Default.SuppressParts(12, [1, 1, 10]).Parts.ShouldBe([Small, Small, Complementary]);
        // Two hidden small parts of sum 5 (1 + 4 or 2 + 3): neither can be worked out.
        SmallCountSuppression.Default.SuppressParts(15, [2, 3, 10]).Parts.ShouldBe([Small, Small, None]);
        // A complementary part may be anything from zero to the reader: 6 = x + y leaves x anything from 1 to 4.
        SmallCountSuppression.Default.SuppressParts(16, [1, 5, 10]).Parts.ShouldBe([Small, Complementary, None]);
        // 12 = 4 + 4 + 4 + 0 pins each 4 (none can be more): the zero goes too; with no zero to hide, the total goes.
        SmallCountSuppression.Default.SuppressParts(12, [4, 4, 4, 0]).Parts.ShouldBe([Small, Small, Small, Complementary]);
        var all = SmallCountSuppression.Default.SuppressParts(12, [4, 4, 4]);
        (all.Total, all.Parts.All(p => p == Small)).ShouldBe((Complementary, true));
        SmallCountSuppression.Default.SuppressParts(4, [4, 0]).Total.ShouldBe(Small);
        // A hidden total hides nothing it could give away: only the small parts go.
        SmallCountSuppression.Default.SuppressParts(4, [4, 0]).Parts.ShouldBe([Small, None]);
        SmallCountSuppression.Default.SuppressParts(30, [10, 20]).Parts.ShouldBe([None, None]);
    }

    [Fact]
    public void Suppression_NeverLeavesASmallPartThatCanBeWorkedOut()
    {
        // Every table of three or four parts up to 12: a reader who knows the bounds finds no small part's value.
        var suppression = SmallCountSuppression.Default;
        foreach (var parts in Tables(4, 12))
        {
            var total = parts.Sum();
            var suppressed = suppression.SuppressParts(total, parts);
            var marks = suppressed.Parts;
            if (suppressed.Total != None)
            {
                // A hidden total leaves every small part anything from 1 to 4.
                continue;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                if (marks[i] != Small)
                {
                    continue;
                }

                // The values a reader cannot tell from the real one: every filling of the hidden cells within their bounds.
                var possible = Possible(parts, marks, total, i).Distinct().Count();
                possible.ShouldBeGreaterThan(1, $"[{string.Join(", ", parts)}] part {i}");
            }
        }
    }

    [Fact]
    public void Figures_AreSharesOfTheSent_ReasonsOfTheReturned_AndSmallOnesSuppressed()
    {
        var tally = ClosedLoopTally.Of(
            [
                new ClosedLoopGroup(12, true, true, false, null),
                new ClosedLoopGroup(4, false, false, false, null),
                new ClosedLoopGroup(3, false, false, true, ReturnReason.Declined),
                new ClosedLoopGroup(6, false, false, true, ReturnReason.NoNeed),
                new ClosedLoopGroup(5, false, false, true, ReturnReason.NoCapacity),
            ],
            [new AcceptanceGroup(3, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 7)), new AcceptanceGroup(10, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 11))]);

        var figures = ClosedLoopFigures.From(tally, SmallCountSuppression.Default);

        figures.Sent.ShouldBe(new CountFigure(30, 1m));
        figures.AcknowledgedWithinDeadline.ShouldBe(new CountFigure(12, 0.4m));
        figures.CompletedWithFeedback.ShouldBe(new CountFigure(12, 0.4m));
        figures.Returned.ShouldBe(new CountFigure(14, 14m / 30));
        figures.MedianWorkingDaysToAcceptance.ShouldBe(new MedianFigure(2m, false));
        var reasons = figures.ReturnReasons.ToDictionary(r => r.Reason, r => r.Figure);
        reasons.Keys.ShouldNotContain(ReturnReason.WrongOrganiser);
        reasons[ReturnReason.Declined].Suppressed.ShouldBeTrue();
        // 14 − 6 − 0 − … would give the 3 away: the smallest other one (the 5) is suppressed with it.
        reasons[ReturnReason.NoCapacity].ShouldBe(new CountFigure(null, null, Complementary: true));
        reasons[ReturnReason.NoNeed].ShouldBe(new CountFigure(6, 6m / 14));
        reasons[ReturnReason.NotReached].ShouldBe(new CountFigure(0, 0m));

        var few = ClosedLoopFigures.From(ClosedLoopTally.Of([new ClosedLoopGroup(3, true, false, false, null)], [new AcceptanceGroup(3, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 7))]), SmallCountSuppression.Default);
        few.Sent.Suppressed.ShouldBeTrue();
        few.AcknowledgedWithinDeadline.ShouldBe(new CountFigure(null, null));
        few.MedianWorkingDaysToAcceptance.ShouldBe(new MedianFigure(null, true));
        few.CompletedWithFeedback.ShouldBe(new CountFigure(0, 0m));

        var none = ClosedLoopFigures.From(new ClosedLoopTally(), SmallCountSuppression.Default);
        none.Sent.ShouldBe(new CountFigure(0, null));
        none.MedianWorkingDaysToAcceptance.ShouldBe(new MedianFigure(null, false));
    }

    private static IEnumerable<int[]> Tables(int maxParts, int maxValue)
    {
        for (var count = 3; count <= maxParts; count++)
        {
            foreach (var table in Combine(count, maxValue))
            {
                yield return table;
            }
        }
    }

    private static IEnumerable<int[]> Combine(int count, int maxValue) => count == 0
        ? [[]]
        : Combine(count - 1, maxValue).SelectMany(rest => Enumerable.Range(0, maxValue + 1).Select(v => rest.Append(v).ToArray()));

    /// <summary>The values of part <paramref name="index"/> in every table a reader could take for this one: the shown parts as shown, the hidden within their bounds, the same total.</summary>
    private static IEnumerable<int> Possible(int[] parts, IReadOnlyList<PartSuppression> marks, int total, int index)
    {
        var hidden = Enumerable.Range(0, parts.Length).Where(i => marks[i] != None).ToList();
        var sum = total - Enumerable.Range(0, parts.Length).Where(i => marks[i] == None).Sum(i => parts[i]);
        IEnumerable<int> Range(int i) => marks[i] == Small ? Enumerable.Range(1, 4) : Enumerable.Range(0, sum + 1);
        IEnumerable<int[]> Fill(int k) => k == hidden.Count
            ? [[]]
            : Fill(k + 1).SelectMany(rest => Range(hidden[k]).Select(v => rest.Prepend(v).ToArray()));
        return Fill(0).Where(f => f.Sum() == sum).Select(f => f[hidden.IndexOf(index)]);
    }
}
