using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Cases.CaseStage;

namespace CooperationModel.Domain.Tests.Cases;

public class CaseStagesTests
{
    /// <summary>The legal moves, written out from the process description independently of the table in the code.</summary>
    private static readonly HashSet<(CaseStage From, CaseStage To)> Legal =
    [
        (Guidance, Application),
        (Application, Processing),
        (Application, Guidance),
        (Processing, Decision),
        (Processing, Application),
        (Decision, ReferralToSocialWork),
        (Decision, Cooperation),
        (Decision, Application),
        (ReferralToSocialWork, Cooperation),
        (ReferralToSocialWork, Application),
        (Cooperation, Application),
        (Cooperation, ReferralToSocialWork),
    ];

    private static readonly CaseStage[] SixStages = [Guidance, Application, Processing, Decision, ReferralToSocialWork, Cooperation];

    /// <summary>Every (from, to) pair of the six stages, 36 rows, with whether the move is legal.</summary>
    public static TheoryData<CaseStage, CaseStage, bool> AllPairs()
    {
        var data = new TheoryData<CaseStage, CaseStage, bool>();
        foreach (var from in SixStages)
        {
            foreach (var to in SixStages)
            {
                data.Add(from, to, Legal.Contains((from, to)));
            }
        }

        return data;
    }

    public static TheoryData<CaseStage, CaseStage> IllegalPairs()
    {
        var data = new TheoryData<CaseStage, CaseStage>();
        foreach (var from in SixStages)
        {
            foreach (var to in SixStages.Where(to => !Legal.Contains((from, to))))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void All_IsTheSixStagesInProcessOrder() =>
        CaseStages.All.ShouldBe(SixStages);

    [Fact]
    public void AllPairs_Has36RowsOf12LegalMoves()
    {
        AllPairs().Count.ShouldBe(36);
        AllPairs().Count(row => (bool)row[2]).ShouldBe(12);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_EveryPair_MatchesTheProcessTable(CaseStage from, CaseStage to, bool legal) =>
        CaseStages.CanMove(from, to).ShouldBe(legal, $"{from} → {to}");

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void NextFrom_EveryPair_ContainsExactlyTheLegalTargets(CaseStage from, CaseStage to, bool legal) =>
        CaseStages.NextFrom(from).Contains(to).ShouldBe(legal, $"{from} → {to}");

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void IllegalMove_AnyIllegalPair_NamesBothStages(CaseStage from, CaseStage to)
    {
        var error = CaseStages.IllegalMove(from, to);

        error.ShouldBeOfType<InvalidTransitionError>();
        error.Code.ShouldBe("Case.IllegalTransition");
        error.ArgumentKeys.ShouldBe([$"Stage.{from}", $"Stage.{to}"]);
        error.Field.ShouldBeNull();
    }

    [Theory]
    [InlineData(Guidance, Cooperation, "Stage.Guidance", "Stage.Cooperation")]
    [InlineData(Decision, Processing, "Stage.Decision", "Stage.Processing")]
    [InlineData(ReferralToSocialWork, Decision, "Stage.ReferralToSocialWork", "Stage.Decision")]
    public void IllegalMove_KnownPair_HasTheKeysOfTheResourceFile(CaseStage from, CaseStage to, string fromKey, string toKey) =>
        CaseStages.IllegalMove(from, to).ArgumentKeys.ShouldBe([fromKey, toKey]);

    [Fact]
    public void ProgressOf_NoReferrals_PassedDoneCurrentAndTheRestTodo()
    {
        SixStages.Select(stage => CaseStages.ProgressOf(stage, Processing, [])).ShouldBe(
            [StageProgress.Done, StageProgress.Done, StageProgress.Current, StageProgress.Todo, StageProgress.Todo, StageProgress.Todo]);
    }

    /// <summary>A referral sent from a case still in guidance: the stepper once showed only "1 Guidance" all along.</summary>
    [Theory]
    [InlineData(ReferralStatus.Sent, StageProgress.UnderWay)]
    [InlineData(ReferralStatus.Accepted, StageProgress.UnderWay)]
    [InlineData(ReferralStatus.InAssessment, StageProgress.UnderWay)]
    [InlineData(ReferralStatus.Completed, StageProgress.Done)]
    [InlineData(ReferralStatus.Returned, StageProgress.Todo)]
    public void ProgressOf_ReferralSentBeforeTheDecision_ReferralStageBesideTheCasesStage(ReferralStatus status, StageProgress expected)
    {
        CaseStages.ProgressOf(ReferralToSocialWork, Guidance, [status]).ShouldBe(expected);
        CaseStages.ProgressOf(Guidance, Guidance, [status]).ShouldBe(StageProgress.Current);
        CaseStages.ProgressOf(Cooperation, Guidance, [status]).ShouldBe(StageProgress.Todo);
    }

    [Fact]
    public void ProgressOf_OneCompletedOneOpen_ReferralStageDone()
    {
        CaseStages.ProgressOf(ReferralToSocialWork, Application, [ReferralStatus.Sent, ReferralStatus.Completed]).ShouldBe(StageProgress.Done);
    }

    [Fact]
    public void ProgressOf_CaseInCooperation_ReferralStagePassed()
    {
        CaseStages.ProgressOf(ReferralToSocialWork, Cooperation, [ReferralStatus.Sent]).ShouldBe(StageProgress.Done);
    }
}
