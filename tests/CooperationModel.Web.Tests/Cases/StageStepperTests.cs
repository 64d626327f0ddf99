using Bunit;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Referrals;
using CooperationModel.Web.Components.Pages.Cases.Parts;

namespace CooperationModel.Web.Tests.Cases;

/// <summary>The stage stepper tells where the case is, and that a referral sent before the decision is under way.</summary>
public sealed class StageStepperTests : ComponentTestContext
{
    [Fact]
    public void Render_CaseInGuidanceWithAnOpenReferral_ReferralStageUnderWayInWords()
    {
        var stepper = Render<StageStepper>(p => p.Add(s => s.Current, CaseStage.Guidance).Add(s => s.Referrals, [ReferralStatus.Accepted]));

        stepper.Find("li[aria-current=step]").GetAttribute("data-stage").ShouldBe(nameof(CaseStage.Guidance));
        var referral = stepper.Find($"li[data-stage={CaseStage.ReferralToSocialWork}]");
        referral.GetAttribute("data-progress").ShouldBe(nameof(StageProgress.UnderWay));
        referral.TextContent.ShouldContain("(käynnissä)");
        stepper.Find($"li[data-stage={CaseStage.Cooperation}]").GetAttribute("data-progress").ShouldBe(nameof(StageProgress.Todo));
    }

    [Fact]
    public void Render_ReferralCompletedBeforeTheDecision_ReferralStageDone()
    {
        var stepper = Render<StageStepper>(p => p.Add(s => s.Current, CaseStage.Application).Add(s => s.Referrals, [ReferralStatus.Completed]));

        stepper.Find($"li[data-stage={CaseStage.Guidance}]").GetAttribute("data-progress").ShouldBe(nameof(StageProgress.Done));
        var referral = stepper.Find($"li[data-stage={CaseStage.ReferralToSocialWork}]");
        referral.GetAttribute("data-progress").ShouldBe(nameof(StageProgress.Done));
        referral.TextContent.ShouldContain("(tehty)");
    }

    [Fact]
    public void Render_NoReferrals_OnlyTheCasesStageCurrent()
    {
        var stepper = Render<StageStepper>(p => p.Add(s => s.Current, CaseStage.Decision));

        stepper.FindAll("li[aria-current=step]").ShouldHaveSingleItem().GetAttribute("data-stage").ShouldBe(nameof(CaseStage.Decision));
        stepper.FindAll(".state").ShouldBeEmpty();
    }
}
