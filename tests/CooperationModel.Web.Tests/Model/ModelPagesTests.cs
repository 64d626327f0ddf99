using Bunit;
using CooperationModel.Application.Model;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Model;
using CooperationModel.Web.Components.Pages.Model;
using CooperationModel.Web.Components.Pages.Model.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Model;

/// <summary>The model's pages: the stage page in each language, the feedback form, the triage and the comparison.</summary>
public sealed class ModelPagesTests : ComponentTestContext
{
    private readonly FakeModelFeedback _feedback = new();
    private readonly FakeModelVersions _versions = new();

    public ModelPagesTests()
    {
        Services.AddSingleton<IModelFeedbackHandler>(_feedback);
        Services.AddSingleton<IModelVersionsHandler>(_versions);
    }

    [Fact]
    public void StagePage_Finnish_ShowsTheActorsIdeasAndNoLanguageNotes()
    {
        var page = Render<ModelStagePage>(p => p.Add(x => x.Stage, "Guidance"));

        page.Find("[data-testid=model-stage-title]").TextContent.ShouldBe("Ohjaus ja neuvonta");
        page.FindAll("[data-testid=model-actor]").Count.ShouldBe(6);
        page.FindAll("[data-testid=model-ideas] li").Count.ShouldBe(5);
        // Only the one note the Swedish deck alone gives (Förvaltningslag 8 §) is marked: Swedish, for a Finnish reader.
        page.FindAll("[data-testid=model-language-note]").ShouldHaveSingleItem().TextContent.ShouldContain("Teksti on vain ruotsiksi.");
    }

    [Fact]
    public void StagePage_English_TextsWithoutTranslationAreMarkedWithTheirLanguage()
    {
        UseCulture("en");
        var page = Render<ModelStagePage>(p => p.Add(x => x.Stage, "Decision"));

        page.Find("[data-testid=model-stage-title]").TextContent.ShouldBe(L("Stage.Decision", "en"));
        page.FindAll("[data-testid=model-language-note]").ShouldNotBeEmpty();
        var notes = page.FindAll("[data-testid=model-language-note]").Select(n => n.TextContent).ToList();
        notes.ShouldContain(n => n.Contains("This text is in Finnish"), string.Join(" | ", notes));
        page.FindAll("[lang=fi]").ShouldNotBeEmpty();
    }

    [Fact]
    public void StagePage_Referral_ShowsTheGrounds()
    {
        var page = Render<ModelStagePage>(p => p.Add(x => x.Stage, "ReferralToSocialWork"));
        page.FindAll("[data-testid=model-ground]").Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("Nothing")]
    public void StagePage_NotAStage_SaysSo(string stage) =>
        Render<ModelStagePage>(p => p.Add(x => x.Stage, stage)).Find("[data-testid=model-stage-not-found]");

    [Fact]
    public void Feedback_IdentityCodeRefused_MessageAtTheFieldAndTheTextStays()
    {
        _feedback.SendAnswer = Result<Guid>.Failure(ModelFeedback.Errors.TextHasIdentityCode);
        RenderPopoverProvider();
        var page = Render<FeedbackForm>(p => p.Add(x => x.Stage, CaseStage.Decision).Add(x => x.ModelVersion, "1.0"));
        page.Find("textarea[data-testid=feedback-text]").Input("Asiakas 010190-900P");

        page.Find("button[data-testid=feedback-send]").Click();

        page.WaitForAssertion(() => ErrorTextOf(page, "feedback-text").ShouldBe(L(PersonalData.ContainsIdentityCodeCode, "fi")));
        var text = page.Find("textarea[data-testid=feedback-text]");
        (text.GetAttribute("value") ?? text.TextContent).ShouldBe("Asiakas 010190-900P");
        page.FindAll("[data-testid=feedback-sent]").ShouldBeEmpty();
        _feedback.Sent.ShouldHaveSingleItem().ShouldBe(new SendFeedbackCommand(CaseStage.Decision, null, "Asiakas 010190-900P", "fi", "1.0"));
    }

    [Fact]
    public async Task Feedback_Sent_ThanksAndEmptiesTheForm()
    {
        UseCulture("sv");
        RenderPopoverProvider();
        var page = Render<FeedbackForm>(p => p.Add(x => x.Stage, CaseStage.Guidance).Add(x => x.ModelVersion, "2.0"));
        await ChooseAsync(page, "feedback-kind", L("FeedbackKind.Works", "sv"));
        page.Find("textarea[data-testid=feedback-text]").Input("Bra handledning");

        page.Find("button[data-testid=feedback-send]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=feedback-sent]").TextContent.ShouldContain("Tack"));
        _feedback.Sent.ShouldHaveSingleItem().ShouldBe(new SendFeedbackCommand(CaseStage.Guidance, FeedbackKind.Works, "Bra handledning", "sv", "2.0"));
    }

    [Fact]
    public void Feedback_MineOnTheStage_ShowsTheAnswer()
    {
        _feedback.Mine.Add(new MyFeedbackRow(Guid.NewGuid(), "1.0", CaseStage.Guidance, FeedbackKind.Unclear, "Epäselvää", FeedbackStatus.Answered,
            DateTimeOffset.UtcNow, "Kiitos, korjataan.", DateTimeOffset.UtcNow));
        _feedback.Mine.Add(new MyFeedbackRow(Guid.NewGuid(), "1.0", CaseStage.Decision, FeedbackKind.Works, "Toisesta vaiheesta", FeedbackStatus.New,
            DateTimeOffset.UtcNow, null, null));

        var page = Render<FeedbackForm>(p => p.Add(x => x.Stage, CaseStage.Guidance).Add(x => x.ModelVersion, "1.0"));

        page.FindAll("[data-testid=my-feedback-row]").ShouldHaveSingleItem();
        page.Find("[data-testid=my-feedback-answer]").TextContent.ShouldContain("Kiitos, korjataan.");
    }

    [Fact]
    public void Triage_CountsPerStageAndStatus()
    {
        _feedback.Counts.AddRange(from stage in CaseStages.All from status in FeedbackTriage.All
            select new FeedbackCount(stage, status, stage == CaseStage.Decision && status == FeedbackStatus.New ? 3 : 0));
        var page = Render<FeedbackTriagePage>();

        var decision = page.Find("[data-testid=feedback-count-row][data-stage=Decision]");
        decision.QuerySelector("td[data-status=New]")!.TextContent.ShouldBe("3");
        page.FindAll("[data-testid=feedback-count-row]").Count.ShouldBe(6);
        page.Find("[data-testid=feedback-none]");
    }

    [Fact]
    public async Task Triage_AnswerMissing_ErrorAtTheRow()
    {
        var id = Guid.NewGuid();
        _feedback.ToTriage.Add(new TriageFeedbackRow(id, "1.0", CaseStage.Application, FeedbackKind.DevelopmentIdea, "sv", "En idé", FeedbackStatus.New,
            DateTimeOffset.UtcNow, null, 7, FeedbackTriage.NextFrom(FeedbackStatus.New)));
        _feedback.TriageAnswer = Result.Failure(ModelFeedback.Errors.AnswerRequired);
        RenderPopoverProvider();
        var page = Render<FeedbackTriagePage>();
        page.Find("[data-testid=feedback-row-text]").GetAttribute("lang").ShouldBe("sv");
        await ChooseAsync(page, "feedback-move-to", L("FeedbackStatus.Answered", "fi"));

        page.Find("button[data-testid=feedback-save]").Click();

        page.WaitForAssertion(() => ErrorTextOf(page, "feedback-answer").ShouldBe(L("Feedback.AnswerRequired", "fi")));
        _feedback.Triaged.ShouldHaveSingleItem().ShouldBe(new TriageFeedbackCommand(id, FeedbackStatus.Answered, null, 7));
    }

    [Fact]
    public void DiffTable_SaysEachRowsKindInWords()
    {
        var page = Render<DiffTable>(p => p
            .Add(x => x.Caption, "Ideat")
            .Add(x => x.Language, "fi")
            .Add(x => x.TestId, "diff")
            .Add(x => x.Rows, [new DiffRow(DiffKind.Same, "a", "a"), new DiffRow(DiffKind.Changed, "b", "B"), new DiffRow(DiffKind.Added, null, "c")]));

        page.FindAll("[data-testid=diff-row]").Select(r => r.Children[2].TextContent).ShouldBe(["ennallaan", "muutettu", "lisätty"]);
        page.Find("caption").TextContent.ShouldBe("Ideat");
    }

    [Fact]
    public void Draft_None_StartsOne()
    {
        var page = Render<ModelDraftPage>();
        page.Find("[data-testid=draft-none]");

        page.Find("button[data-testid=draft-start]").Click();

        _versions.Starts.ShouldBe(1);
        page.WaitForAssertion(() => page.Find("[data-testid=draft-title]").TextContent.ShouldContain("2.0"));
    }

    private string L(string key, string culture)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            return Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()[key];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
