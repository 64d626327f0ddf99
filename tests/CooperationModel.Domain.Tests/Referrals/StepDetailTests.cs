using CooperationModel.Domain.Referrals;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>A step's detail is typed; its stored code is written and read in one place and survives the round trip.</summary>
public class StepDetailTests
{
    public static TheoryData<ReferralEventKind, StepDetail, string> Details()
    {
        var data = new TheoryData<ReferralEventKind, StepDetail, string>();
        foreach (var ground in Enum.GetValues<ReferralGround>())
        {
            data.Add(ReferralEventKind.Sent, StepDetail.SentOn(ground), ground.ToString());
        }

        foreach (var outcome in Enum.GetValues<ReferralOutcome>())
        {
            data.Add(ReferralEventKind.Completed, StepDetail.Ended(outcome, null), outcome.ToString());
        }

        foreach (var plan in Enum.GetValues<PlanType>())
        {
            data.Add(ReferralEventKind.Completed, StepDetail.Ended(ReferralOutcome.AssessmentDone, plan), $"AssessmentDone.{plan}");
        }

        foreach (var reason in Enum.GetValues<ReturnReason>())
        {
            data.Add(ReferralEventKind.Returned, StepDetail.Because(reason), reason.ToString());
            data.Add(ReferralEventKind.ForwardReturned, StepDetail.Because(reason), reason.ToString());
        }

        foreach (var target in Enum.GetValues<ForwardTarget>())
        {
            foreach (var kind in new[] { ReferralEventKind.Forwarded, ReferralEventKind.ForwardReceived, ReferralEventKind.ForwardAccepted, ReferralEventKind.ForwardCompleted })
            {
                data.Add(kind, StepDetail.To(target), target.ToString());
            }
        }

        data.Add(ReferralEventKind.Rerouted, StepDetail.ReroutedTo("049"), "049");
        data.Add(ReferralEventKind.Assigned, StepDetail.GivenTo("Olli Ohjaaja"), "Olli Ohjaaja");
        return data;
    }

    [Theory]
    [MemberData(nameof(Details))]
    public void CodeAndParse_EveryDetail_RoundTrips(ReferralEventKind kind, StepDetail detail, string code)
    {
        detail.Code.ShouldBe(code);
        StepDetail.Parse(kind, code).ShouldBe(detail);
    }

    [Theory]
    [InlineData(ReferralEventKind.Received, "Sent")]
    [InlineData(ReferralEventKind.Completed, "NotAnOutcome")]
    [InlineData(ReferralEventKind.Returned, "")]
    [InlineData(ReferralEventKind.Sent, null)]
    public void Parse_NoDetailOrNotOneTheKindWrites_IsNull(ReferralEventKind kind, string? code) =>
        StepDetail.Parse(kind, code).ShouldBeNull();

    [Fact]
    public void GivenTo_ALongName_IsCutToTheStoredLength() =>
        StepDetail.GivenTo(new string('a', 150)).Code.Length.ShouldBe(StepDetail.CodeMaxLength);
}
