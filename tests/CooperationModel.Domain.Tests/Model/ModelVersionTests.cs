using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Model;
using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Tests.Model;

public sealed class ModelVersionTests
{
    private static readonly Actor Coordinator = new(Guid.NewGuid(), Guid.NewGuid(), "Koordinaattori");

    private static ModelVersion Draft() =>
        ModelVersion.StartDraft(Coordinator, UserRole.Coordinator, "2.0", "1.0",
            ModelVersion.FromFirstVersion(CooperationModelContent.V1), Fixtures.Now).Value;

    [Fact]
    public void StartDraft_CopiesEveryStageInFinnishAndSwedish()
    {
        var draft = Draft();
        draft.IsDraft.ShouldBeTrue();
        draft.Texts.Count.ShouldBe(12);
        draft.TextOf(CaseStage.Guidance, "fi")!.IdeaLines.Count.ShouldBe(5);
    }

    [Fact]
    public void StartDraft_NotCoordinator_Forbidden() =>
        ModelVersion.StartDraft(Coordinator, UserRole.SocialWorker, "2.0", "1.0", [], Fixtures.Now)
            .ShouldFailWith<ForbiddenError>("ModelDraft.NotCoordinator");

    [Fact]
    public void EditStage_ChangesOneLanguage_DiffShowsIt()
    {
        var draft = Draft();
        var before = draft.TextOf(CaseStage.Decision, "fi")!.IdeaLines;
        draft.EditStage(UserRole.Coordinator, CaseStage.Decision, "fi", draft.TextOf(CaseStage.Decision, "fi")!.Text,
            "Päätösten tekstien laatu\nPäätösten oikeellisuus\nPäätösten selkokielisyys").IsSuccess.ShouldBeTrue();
        var rows = TextDiff.Compare(before, draft.TextOf(CaseStage.Decision, "fi")!.IdeaLines);
        rows.Last().ShouldBe(new DiffRow(DiffKind.Added, null, "Päätösten selkokielisyys"));
        TextDiff.HasChanges(TextDiff.Compare(
            StageTexts.Of(CooperationModelContent.V1.Stage(CaseStage.Decision), "sv").Ideas.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            draft.TextOf(CaseStage.Decision, "sv")!.IdeaLines)).ShouldBeFalse();
    }

    [Fact]
    public void EditStage_IdentityCode_Refused() =>
        Draft().EditStage(UserRole.Coordinator, CaseStage.Decision, "fi", "Esimerkki 010190-900P", "")
            .ShouldFailWith<ValidationError>(PersonalData.ContainsIdentityCodeCode, "Text");

    [Fact]
    public void EditStage_TooLong_Refused() =>
        Draft().EditStage(UserRole.Coordinator, CaseStage.Decision, "fi", new string('a', ModelStageText.TextMaxLength + 1), "")
            .ShouldFailWith<ValidationError>("ModelDraft.TextTooLong", "Text");

    [Fact]
    public void EditStage_English_Refused() =>
        Draft().EditStage(UserRole.Coordinator, CaseStage.Decision, "en", "x", "")
            .ShouldFailWith<ValidationError>("ModelDraft.UnknownLanguage");

    [Fact]
    public void Publish_WithDate_FreezesTheDraft()
    {
        var draft = Draft();
        draft.Publish(UserRole.Coordinator, new DateOnly(2026, 12, 1), CooperationModelContent.V1.Published).IsSuccess.ShouldBeTrue();
        draft.PublishedOn.ShouldBe(new DateOnly(2026, 12, 1));
        draft.EditStage(UserRole.Coordinator, CaseStage.Decision, "fi", "x", "").ShouldFailWith<InvalidTransitionError>("ModelDraft.AlreadyPublished");
        draft.Publish(UserRole.Coordinator, new DateOnly(2026, 12, 2), CooperationModelContent.V1.Published)
            .ShouldFailWith<InvalidTransitionError>("ModelDraft.AlreadyPublished");
    }

    [Fact]
    public void Publish_BeforeTheBaseVersion_Refused() =>
        Draft().Publish(UserRole.Coordinator, new DateOnly(2018, 1, 1), CooperationModelContent.V1.Published)
            .ShouldFailWith<ValidationError>("ModelDraft.PublishDateBeforeBase", "PublishedOn");

    [Fact]
    public void Publish_NotCoordinator_Forbidden() =>
        Draft().Publish(UserRole.KelaHandler, new DateOnly(2026, 12, 1), CooperationModelContent.V1.Published)
            .ShouldFailWith<ForbiddenError>("ModelDraft.NotCoordinator");
}
