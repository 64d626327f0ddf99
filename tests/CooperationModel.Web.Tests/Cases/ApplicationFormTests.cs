using Bunit;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Web.Components.Pages.Cases.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Cases;

public sealed class ApplicationFormTests : ComponentTestContext
{
    private readonly FakeProcessCommands _process = new();
    private readonly Guid _caseId = Guid.NewGuid();
    private int _saved;

    public ApplicationFormTests()
    {
        Services.AddSingleton<IProcessCommands>(_process);
        Services.AddSingleton<TimeProvider>(new FixedClock());
    }

    [Fact]
    public void Save_NothingFilledIn_AsksForChannelAndReceivedDateInFinnish()
    {
        var form = RenderForm();

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "application-channel").ShouldBe("Valitse hakukanava."));
        ErrorTextOf(form, "application-received").ShouldBe("Anna päivä, jolloin hakemus saapui.");
        form.Markup.ShouldNotContain("must not be empty");
        _process.Applications.ShouldBeEmpty();
    }

    [Fact]
    public void Save_NoChannel_AsksForTheChannelAndKeepsTheDates()
    {
        var form = RenderForm();
        form.Find("input[data-testid=application-received]").Change("10.4.2025");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "application-channel").ShouldBe("Valitse hakukanava."));
        ErrorTextOf(form, "application-received").ShouldBeNull();
        form.Find("input[data-testid=application-received]").GetAttribute("value").ShouldBe("10.4.2025");
        _process.Applications.ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_CompleteBeforeReceived_ShowsTheMessageAtTheCompleteDate()
    {
        var form = RenderForm();
        await ChooseAsync(form, "application-channel", "Paperilla");
        form.Find("input[data-testid=application-received]").Change("10.4.2025");
        form.Find("input[data-testid=application-complete]").Change("9.4.2025");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "application-complete").ShouldBe("Hakemus ei voi olla täydellinen ennen kuin se saapui."));
        _process.Applications.ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_Valid_SendsTheCommand()
    {
        var form = RenderForm();
        await ChooseAsync(form, "application-channel", "Paperilla");
        form.Find("input[data-testid=application-received]").Change("10.4.2025");
        form.Find("input[data-testid=application-complete]").Change("11.4.2025");
        form.Find("input[data-testid=application-urgent]").Change(true);

        form.Find("form").Submit();

        form.WaitForAssertion(() => _saved.ShouldBe(1));
        _process.Applications.ShouldHaveSingleItem().ShouldBe(
            new RecordApplicationCommand(_caseId, ApplicationChannel.Paper, new DateOnly(2025, 4, 10), new DateOnly(2025, 4, 11), UrgentRequested: true));
    }

    [Fact]
    public async Task Save_ServerRefusesTheDate_ShowsItAtTheFieldAndKeepsTheInput()
    {
        _process.Answer = Result.Failure(new ValidationError("Case.ReceivedInFuture") { Field = "ReceivedOn" });
        var form = RenderForm();
        await ChooseAsync(form, "application-channel", "Paperilla");
        form.Find("input[data-testid=application-received]").Change("10.4.2025");

        form.Find("form").Submit();

        form.WaitForAssertion(() => ErrorTextOf(form, "application-received").ShouldBe("Saapumispäivä ei voi olla tulevaisuudessa."));
        _saved.ShouldBe(0);
        form.Find("input[data-testid=application-received]").GetAttribute("value").ShouldBe("10.4.2025");
        form.Find("[data-testid=application-channel]").TextContent.Trim().ShouldBe("Paperilla");
    }

    [Fact]
    public void Render_CurrentApplication_PrefillsTheFields()
    {
        var current = new ApplicationDetails(ApplicationChannel.OralByPhone, new DateOnly(2025, 4, 7), null, UrgentRequested: true);

        var form = RenderForm(current);

        form.Find("[data-testid=application-channel]").TextContent.Trim().ShouldBe("Suullisesti puhelimessa");
        form.Find("input[data-testid=application-received]").GetAttribute("value").ShouldBe("7.4.2025");
        form.Find("input[data-testid=application-complete]").GetAttribute("value").ShouldBeNullOrEmpty();
        form.Find("input[data-testid=application-urgent]").HasAttribute("checked").ShouldBeTrue();
    }

    private IRenderedComponent<ApplicationForm> RenderForm(ApplicationDetails? current = null)
    {
        RenderPopoverProvider();
        return Render<ApplicationForm>(parameters => parameters
            .Add(p => p.CaseId, _caseId)
            .Add(p => p.Current, current)
            .Add(p => p.OnSaved, () => _saved++));
    }

    /// <summary>Only the application is recorded here; the other process commands are not part of this form.</summary>
    private sealed class FakeProcessCommands : IProcessCommands
    {
        public List<RecordApplicationCommand> Applications { get; } = [];

        public Result? Answer { get; set; }

        public Task<Result> RecordApplicationAsync(RecordApplicationCommand command, CancellationToken cancellationToken = default)
        {
            Applications.Add(command);
            return Task.FromResult(Answer ?? Result.Success());
        }

        public Task<Result> RecordGuidanceAsync(RecordGuidanceCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> SendToProcessingAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<Guid>> TakeNextAsync(ProcessingQueue queue, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> TakeAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> ConfirmUrgencyAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> MoveToNormalQueueAsync(Guid caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> LogClientCallAsync(LogClientCallCommand command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result> AdvanceAsync(Guid caseId, CaseStage next, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
