using Bunit;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Pages.Cases.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Cases;

public sealed class GuidanceFormTests : ComponentTestContext
{
    private readonly FakeGuidance _process = new();
    private readonly Guid _caseId = Guid.NewGuid();
    private int _saved;

    public GuidanceFormTests()
    {
        Services.AddSingleton<IProcessCommands>(_process);
    }

    [Fact]
    public void Save_NothingChosen_AsksForEveryAnswerInFinnish()
    {
        var form = RenderForm();

        form.Find("form").Submit();

        form.WaitForAssertion(() =>
        {
            form.Markup.ShouldContain("Valitse ohjauskanava.");
            form.Markup.ShouldContain("Kerro, onko asiakkaalla välineet.");
            form.Markup.ShouldContain("Kerro, osaako asiakas asioida verkossa.");
        });
        _process.Guidance.ShouldBeEmpty();
    }

    [Fact]
    public void Answer_DevicesButNoSkills_ShowsTheClientTypeAndItsChannels()
    {
        var form = RenderForm();

        form.Find("input[data-testid=guidance-devices-yes]").Click();
        form.Find("input[data-testid=guidance-skills-no]").Click();

        form.WaitForAssertion(() => form.Find("[data-testid=client-type]").TextContent
            .ShouldContain("Heikentynyt osaaminen: välineet, ei osaamista"));
        form.Find("[data-testid=client-type]").TextContent.ShouldContain("ohjattuna puhelimessa tai etänä, henkilökohtainen käynti, järjestön tuella");
    }

    [Fact]
    public async Task Save_Valid_SendsTheCommandAndClearsTheForm()
    {
        var form = RenderForm();
        await ChooseAsync(form, "guidance-channel", "Sosiaalitoimisto");
        form.Find("input[data-testid=guidance-devices-no]").Click();
        form.Find("input[data-testid=guidance-skills-yes]").Click();

        form.Find("form").Submit();

        form.WaitForAssertion(() => _saved.ShouldBe(1));
        _process.Guidance.ShouldHaveSingleItem().ShouldBe(new RecordGuidanceCommand(_caseId, GuidanceChannel.SocialOffice, false, true));
        form.FindAll("[data-testid=client-type]").ShouldBeEmpty();
    }

    private IRenderedComponent<GuidanceForm> RenderForm()
    {
        RenderPopoverProvider();
        return Render<GuidanceForm>(parameters => parameters
            .Add(p => p.CaseId, _caseId)
            .Add(p => p.OnSaved, () => _saved++));
    }

    private sealed class FakeGuidance : IProcessCommands
    {
        public List<RecordGuidanceCommand> Guidance { get; } = [];

        public Task<Result> RecordGuidanceAsync(RecordGuidanceCommand command, CancellationToken cancellationToken = default)
        {
            Guidance.Add(command);
            return Task.FromResult(Result.Success());
        }

        public Task<Result> RecordApplicationAsync(RecordApplicationCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> SendToProcessingAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<Guid>> TakeNextAsync(ProcessingQueue queue, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> TakeAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> ConfirmUrgencyAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> MoveToNormalQueueAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> LogClientCallAsync(LogClientCallCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> AdvanceAsync(Guid caseId, CaseStage next, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
