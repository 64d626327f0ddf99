using CooperationModel.Application.Common;
using CooperationModel.Application.Model;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Model;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Model;

/// <summary>Drafting the next version on PostgreSQL: start, edit, compare, publish with a date; 1.0 stays readable.</summary>
[Collection(AppCollection.Name)]
public sealed class ModelVersionFlowTests(AppFixture app)
{
    [Fact]
    public async Task Draft_EditCompareAndPublish_ReadersSeeTheNewVersionAndTheOld()
    {
        string number;
        await using (var coordinator = await app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            var versions = coordinator.Get<IModelVersionsHandler>();
            if ((await versions.GetDraftAsync()).Value is null)
            {
                (await versions.StartDraftAsync()).IsSuccess.ShouldBeTrue();
            }

            (await versions.StartDraftAsync()).FirstError.Code.ShouldBe(ModelVersionsHandler.DraftExists.Code);
            var draft = (await versions.GetDraftAsync()).Value!;
            number = draft.Number;
            var before = await versions.CompareAsync(CaseStage.Decision, "fi");
            before.Value.HasChanges.ShouldBeFalse();

            var edited = await versions.EditDraftStageAsync(new EditDraftStageCommand(
                CaseStage.Decision, "fi", before.Value.DraftText, before.Value.DraftIdeas + "\nPäätösten selkokielisyys"));
            edited.IsSuccess.ShouldBeTrue(edited.IsSuccess ? "" : edited.FirstError.Code);
            var after = (await versions.CompareAsync(CaseStage.Decision, "fi")).Value;
            after.Ideas.ShouldContain(new DiffRow(DiffKind.Added, null, "Päätösten selkokielisyys"));
            after.Text.ShouldAllBe(r => r.Kind == DiffKind.Same);

            (await versions.PublishDraftAsync(new PublishDraftCommand(null))).FirstError.Code.ShouldBe(ModelVersionsHandler.DateRequired.Code);
            (await versions.PublishDraftAsync(new PublishDraftCommand(new DateOnly(2017, 1, 1)))).FirstError.Code.ShouldBe("ModelDraft.PublishDateBeforeBase");
            (await versions.PublishDraftAsync(new PublishDraftCommand(new DateOnly(2026, 12, 2)))).IsSuccess.ShouldBeTrue();
            (await versions.GetDraftAsync()).Value.ShouldBeNull();
        }

        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var reader = worker.Get<IModelVersionsHandler>();
        var published = await reader.ListPublishedAsync();
        published[0].ShouldBe(new PublishedVersionRow("1.0", new DateOnly(2018, 3, 27)));
        published.ShouldContain(new PublishedVersionRow(number, new DateOnly(2026, 12, 2)));
        var texts = (await reader.GetPublishedTextsAsync(number))!;
        texts.Single(t => t.Stage == CaseStage.Decision && t.Language == "fi").Ideas.ShouldContain("Päätösten selkokielisyys");
        texts.Single(t => t.Stage == CaseStage.Decision && t.Language == "sv").Ideas.ShouldNotContain("Päätösten selkokielisyys");

        var client = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);
        (await client.GetPageAsync($"/model/stages/Decision?version={number}")).ShouldContain("Päätösten selkokielisyys");
        (await client.GetPageAsync("/model/stages/Decision?version=1.0")).ShouldNotContain("Päätösten selkokielisyys");
    }

    [Fact]
    public async Task Draft_NotACoordinator_WrongRole()
    {
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var versions = worker.Get<IModelVersionsHandler>();
        (await versions.StartDraftAsync()).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
        (await versions.GetDraftAsync()).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
        (await versions.EditDraftStageAsync(new EditDraftStageCommand(CaseStage.Decision, "fi", "x", "y"))).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
        (await versions.PublishDraftAsync(new PublishDraftCommand(new DateOnly(2026, 12, 2)))).FirstError.Code.ShouldBe(CommonErrors.WrongRole.Code);
    }
}
