using CooperationModel.Domain.Common;
using CooperationModel.Domain.Pilots;
using static CooperationModel.Domain.Pilots.PilotStatus;

namespace CooperationModel.Domain.Tests.Pilots;

/// <summary>The pilot's one table of status moves, and a pilot's history of changes.</summary>
public class PilotStatusTests
{
    /// <summary>The legal moves, written out from the task independently of the table in the code.</summary>
    private static readonly HashSet<(PilotStatus From, PilotStatus To)> Legal =
    [
        (Idea, Planned), (Idea, Ended),
        (Planned, Idea), (Planned, Running), (Planned, Ended),
        (Running, UnderEvaluation), (Running, Ended),
        (UnderEvaluation, AdoptedIntoModel), (UnderEvaluation, Continued), (UnderEvaluation, Ended),
        (Continued, UnderEvaluation), (Continued, Ended),
    ];

    private static readonly Actor Coordinator = new(Guid.NewGuid(), Guid.NewGuid(), "Kaisa Koordinaattori");

    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<PilotStatus, PilotStatus> AllPairs()
    {
        var data = new TheoryData<PilotStatus, PilotStatus>();
        foreach (var from in Enum.GetValues<PilotStatus>())
        {
            foreach (var to in Enum.GetValues<PilotStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Table_AllowsExactlyTheLegalMoves(PilotStatus from, PilotStatus to) =>
        PilotStatuses.CanMove(from, to).ShouldBe(Legal.Contains((from, to)));

    [Fact]
    public void Table_AdoptedAndEndedAreFinal() =>
        PilotStatuses.All.Where(PilotStatuses.IsFinal).ShouldBe([AdoptedIntoModel, Ended]);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void ChangeStatus_FollowsTheTable_AndKeepsEveryChange(PilotStatus from, PilotStatus to)
    {
        var pilot = PilotAt(from);
        var before = pilot.StatusChanges.Count;

        var result = pilot.ChangeStatus(to, "Arviointi alkaa", Coordinator, Now);

        if (Legal.Contains((from, to)))
        {
            result.IsSuccess.ShouldBeTrue();
            pilot.Status.ShouldBe(to);
            pilot.StatusChanges.Count.ShouldBe(before + 1);
            var change = pilot.StatusChanges[^1];
            (change.From, change.To, change.At, change.ByUserId, change.ByName, change.Reason)
                .ShouldBe((from, to, Now, Coordinator.UserId, Coordinator.DisplayName, "Arviointi alkaa"));
        }
        else
        {
            result.IsSuccess.ShouldBeFalse();
            result.FirstError.Code.ShouldBe(from == to ? "Pilot.SameStatus" : "Pilot.StatusMoveNotAllowed");
            pilot.Status.ShouldBe(from);
            pilot.StatusChanges.Count.ShouldBe(before);
        }
    }

    [Fact]
    public void NotAllowed_NamesBothStates()
    {
        var result = PilotAt(Ended).ChangeStatus(Running, "uudestaan", Coordinator, Now);

        result.FirstError.ArgumentKeys.ShouldBe(["PilotStatus.Ended", "PilotStatus.Running"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ChangeStatus_WithoutAReason_IsRefused(string? reason)
    {
        var pilot = PilotAt(Planned);

        pilot.ChangeStatus(Running, reason, Coordinator, Now).FirstError.Code.ShouldBe("Pilot.ReasonRequired");
        pilot.Status.ShouldBe(Planned);
    }

    [Fact]
    public void ChangeStatus_WithATooLongReason_IsRefused() =>
        PilotAt(Planned).ChangeStatus(Running, new string('a', DevelopmentPilot.MaxTextLength + 1), Coordinator, Now)
            .FirstError.Code.ShouldBe("Pilot.ReasonTooLong");

    [Fact]
    public void ChangeStatus_WithAnIdentityCodeInTheReason_IsRefused()
    {
        var pilot = PilotAt(Planned);
        var before = pilot.StatusChanges.Count;

        var result = pilot.ChangeStatus(Running, "Asiakas 010190-900P aloitti", Coordinator, Now);

        result.FirstError.Code.ShouldBe("PersonalData.ContainsIdentityCode");
        result.FirstError.Field.ShouldBe("Reason");
        pilot.StatusChanges.Count.ShouldBe(before);
    }

    [Fact]
    public void AddEntry_KeepsTheAuthor_AndRefusesAnIdentityCode()
    {
        var pilot = PilotAt(Running);

        pilot.AddEntry(PilotAccess.Coordinator, PilotEntryKind.Comment, "Hyvä alku", Coordinator, Now).IsSuccess.ShouldBeTrue();
        pilot.AddEntry(PilotAccess.Coordinator, PilotEntryKind.Update, "Henkilö 131052-308T mukana", Coordinator, Now).FirstError.Code.ShouldBe("PersonalData.ContainsIdentityCode");

        pilot.Entries.Select(e => (e.Kind, e.Text, e.ByUserId, e.ByName)).ShouldBe([(PilotEntryKind.Comment, "Hyvä alku", Coordinator.UserId, Coordinator.DisplayName)]);
    }

    [Fact]
    public void SetAnsweredWeaknesses_TakesOnlyKnownWeaknesses()
    {
        var pilot = PilotAt(Running);
        var known = new HashSet<string> { "w1", "w2" };

        pilot.SetAnsweredWeaknesses(["w2", "w1", "w2"], known).IsSuccess.ShouldBeTrue();
        pilot.AnswersWeaknessCodes.ShouldBe(["w1", "w2"]);
        pilot.SetAnsweredWeaknesses(["w3"], known).FirstError.Code.ShouldBe("Pilot.UnknownWeakness");
        pilot.AnswersWeaknessCodes.ShouldBe(["w1", "w2"]);
    }

    /// <summary>A pilot brought to <paramref name="status"/> through legal moves only.</summary>
    private static DevelopmentPilot PilotAt(PilotStatus status)
    {
        var pilot = DevelopmentPilot.FromCatalog(PilotCatalog.All[0], Idea, PilotCatalog.ModelPublished, "seed");
        PilotStatus[] path = status switch
        {
            Idea => [],
            Planned => [Planned],
            Running => [Planned, Running],
            UnderEvaluation => [Planned, Running, UnderEvaluation],
            AdoptedIntoModel => [Planned, Running, UnderEvaluation, AdoptedIntoModel],
            Continued => [Planned, Running, UnderEvaluation, Continued],
            Ended => [Ended],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path)
        {
            pilot.ChangeStatus(step, "step", Coordinator, Now).IsSuccess.ShouldBeTrue();
        }

        return pilot;
    }
}
