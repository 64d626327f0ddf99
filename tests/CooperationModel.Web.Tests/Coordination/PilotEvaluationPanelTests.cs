using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.ListOrganisations;
using CooperationModel.Application.Pilots;
using CooperationModel.Application.Swot;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Pilots;
using CooperationModel.Web.Components.Pages.Coordination;
using CooperationModel.Web.Components.Pages.Pilots;
using CooperationModel.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Tests.Coordination;

/// <summary>The pilot's evaluation panel with the use case faked: what it offers in each state, sends, keeps and shows.</summary>
public sealed class PilotEvaluationPanelTests : ComponentTestContext
{
    private static readonly Guid PilotId = Guid.NewGuid();

    private static readonly PilotIndicatorRow Indicator = new(Guid.NewGuid(), "Yhteydenotot", "Kuukaudessa, tavoite 20", "8", null, DateTimeOffset.UnixEpoch, "Kaisa");

    private readonly FakePilotEvaluation _evaluation = new();
    private int _changed;

    public PilotEvaluationPanelTests() => Services.AddSingleton<IPilotEvaluation>(_evaluation);

    [Theory]
    [InlineData("fi", "Tekstissä on henkilötunnus.")]
    [InlineData("sv", "Texten innehåller en personbeteckning.")]
    [InlineData("en", "The text contains a personal identity code.")]
    public async Task ARefusedIndicator_KeepsWhatWasTyped_AndShowsTheErrorAtItsField(string culture, string message)
    {
        UseCulture(culture);
        _evaluation.Answer = new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = "IndicatorTarget" };
        var panel = RenderPanel(PilotStatus.Running, new PilotEvaluationAllowed(true, false, false));

        await panel.Find("input[data-testid=pilot-indicator-name]").ChangeAsync(new ChangeEventArgs { Value = "Asiakkaat" });
        await panel.Find("textarea[data-testid=pilot-indicator-target]").ChangeAsync(new ChangeEventArgs { Value = "Asiakas 010190-900P" });
        await panel.Find("input[data-testid=pilot-indicator-baseline]").ChangeAsync(new ChangeEventArgs { Value = "5" });
        await panel.Find("[data-testid=pilot-indicator-save]").ClickAsync(new());

        _evaluation.Sent.ShouldBe([new AddPilotIndicatorCommand(PilotId, "Asiakkaat", "Asiakas 010190-900P", "5", null)]);
        panel.WaitForAssertion(() => ErrorTextOf(panel, "pilot-indicator-target").ShouldNotBeNull().ShouldStartWith(message));
        panel.Find("input[data-testid=pilot-indicator-name]").GetAttribute("value").ShouldBe("Asiakkaat");
        panel.Find("textarea[data-testid=pilot-indicator-target]").TextContent.ShouldBe("Asiakas 010190-900P");
        panel.Find("input[data-testid=pilot-indicator-baseline]").GetAttribute("value").ShouldBe("5");
        ErrorTextOf(panel, "pilot-indicator-name").ShouldBeNull();
        _changed.ShouldBe(0);
    }

    [Fact]
    public async Task ARefusedVerdict_KeepsTheChoiceAndTheRationale_AndShowsBothErrors()
    {
        _evaluation.Answer = null;
        _evaluation.Errors = [new ValidationError("Pilot.VerdictRequired") { Field = "Verdict" }, new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = "Rationale" }];
        var panel = RenderPanel(PilotStatus.UnderEvaluation, new PilotEvaluationAllowed(true, true, true));

        await panel.Find("textarea[data-testid=pilot-verdict-rationale]").ChangeAsync(new ChangeEventArgs { Value = "Henkilö 131052-308T" });
        await panel.Find("[data-testid=pilot-verdict-save]").ClickAsync(new());

        _evaluation.Sent.ShouldBe([new GivePilotVerdictCommand(PilotId, null, "Henkilö 131052-308T")]);
        panel.WaitForAssertion(() => panel.Find("[data-testid=pilot-verdict-choice-error]").TextContent.ShouldBe("Valitse johtopäätös."));
        ErrorTextOf(panel, "pilot-verdict-rationale").ShouldNotBeNull().ShouldStartWith("Tekstissä on henkilötunnus.");
        panel.Find("textarea[data-testid=pilot-verdict-rationale]").TextContent.ShouldBe("Henkilö 131052-308T");
    }

    [Fact]
    public async Task AVerdict_IsSentWithItsChoice_AndTheFormEmptiesAfterASave()
    {
        var panel = RenderPanel(PilotStatus.UnderEvaluation, new PilotEvaluationAllowed(true, true, true));

        var options = panel.Find("[data-testid=pilot-verdict-choice]").QuerySelectorAll("option").Select(o => o.TextContent.Trim());
        options.ShouldBe(["Valitse", "Otetaan malliin", "Jatketaan", "Jatketaan muutettuna", "Lopetetaan"]);
        await panel.Find("[data-testid=pilot-verdict-choice]").ChangeAsync(new ChangeEventArgs { Value = "3" });
        await panel.Find("textarea[data-testid=pilot-verdict-rationale]").ChangeAsync(new ChangeEventArgs { Value = "Ei tuloksia" });
        await panel.Find("[data-testid=pilot-verdict-save]").ClickAsync(new());

        _evaluation.Sent.ShouldBe([new GivePilotVerdictCommand(PilotId, PilotVerdict.End, "Ei tuloksia")]);
        _changed.ShouldBe(1);
        panel.Find("textarea[data-testid=pilot-verdict-rationale]").TextContent.ShouldBeEmpty();
    }

    [Fact]
    public void OnlyWhatTheDomainAllows_IsOffered()
    {
        var planned = RenderPanel(PilotStatus.Planned, new PilotEvaluationAllowed(true, false, false));

        planned.FindAll("[data-testid=pilot-indicator-save]").Count.ShouldBe(1);
        planned.FindAll("[data-testid=pilot-finding-text]").ShouldBeEmpty();
        planned.FindAll("[data-testid=pilot-verdict-save]").ShouldBeEmpty();
        planned.Find("[data-testid=pilot-evaluation-rule]").TextContent.ShouldContain("Tila Suunniteltu: mittarit voidaan kirjata");

        var adopted = RenderPanel(PilotStatus.AdoptedIntoModel, new PilotEvaluationAllowed(false, true, false));

        adopted.FindAll("[data-testid=pilot-indicator-save]").ShouldBeEmpty();
        adopted.FindAll("[data-testid=pilot-indicator-edit]").ShouldBeEmpty();
        adopted.FindAll("[data-testid=pilot-indicator-remove]").ShouldBeEmpty();
        adopted.FindAll("[data-testid=pilot-finding-add]").Count.ShouldBe(1);
        adopted.FindAll("[data-testid=pilot-verdict-save]").ShouldBeEmpty();
        adopted.Find("[data-testid=pilot-indicator-row]").TextContent.ShouldContain("Yhteydenotot");

        var idea = RenderPanel(PilotStatus.Idea, new PilotEvaluationAllowed(false, false, false));
        idea.Find("[data-testid=pilot-evaluation-rule]").TextContent.ShouldStartWith("Tilassa Idea arviointiin ei kirjata mitään");
    }

    [Fact]
    public async Task Edit_FillsTheFormWithTheIndicator_AndSendsTheChange_RemoveSendsTheRemoval()
    {
        var panel = RenderPanel(PilotStatus.Running, new PilotEvaluationAllowed(true, false, false));

        panel.Find("[data-testid=pilot-indicator-edit]").GetAttribute("aria-label").ShouldBe("Muokkaa mittaria Yhteydenotot");
        await panel.Find("[data-testid=pilot-indicator-edit]").ClickAsync(new());
        panel.Find("input[data-testid=pilot-indicator-name]").GetAttribute("value").ShouldBe("Yhteydenotot");
        await panel.Find("input[data-testid=pilot-indicator-result]").ChangeAsync(new ChangeEventArgs { Value = "22" });
        await panel.Find("[data-testid=pilot-indicator-save]").ClickAsync(new());
        await panel.Find("[data-testid=pilot-indicator-remove]").ClickAsync(new());

        _evaluation.Sent.ShouldBe([
            new EditPilotIndicatorCommand(PilotId, Indicator.Id, "Yhteydenotot", "Kuukaudessa, tavoite 20", "8", "22"),
            new RemovePilotIndicatorCommand(PilotId, Indicator.Id)]);
        _changed.ShouldBe(2);
        panel.Find("input[data-testid=pilot-indicator-name]").GetAttribute("value").ShouldBeNullOrEmpty();
        panel.FindAll("[data-testid=pilot-indicator-cancel]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fi", "Ehdottaa seuraavaksi tilaksi: Otettu malliin.")]
    [InlineData("sv", "Föreslår som nästa status: Införd i modellen.")]
    [InlineData("en", "Suggests the next status: Adopted into the model.")]
    public void TheCurrentVerdict_SaysWhichStatusItSuggests(string culture, string suggestion)
    {
        UseCulture(culture);
        var verdicts = new[]
        {
            new PilotVerdictRow(PilotVerdict.Continue, "Aikaisempi", DateTimeOffset.UnixEpoch, "Kaisa"),
            new PilotVerdictRow(PilotVerdict.AdoptIntoModel, "Toimii", DateTimeOffset.UnixEpoch.AddDays(1), "Olli"),
        };

        var panel = RenderPanel(PilotStatus.UnderEvaluation, new PilotEvaluationAllowed(true, true, true), verdicts);

        panel.Find("[data-testid=pilot-verdict-current]").TextContent.ShouldContain("Toimii");
        panel.Find("[data-testid=pilot-verdict-suggestion]").TextContent.ShouldStartWith(suggestion);
        panel.Find("[data-testid=pilot-verdict-earlier]").TextContent.ShouldContain("Aikaisempi");
    }

    [Fact]
    public void OnThePilotPage_TheVerdictsSuggestion_IsTheChosenNextStatus()
    {
        var registry = new SuggestingRegistry();
        Services.AddSingleton<IPilotRegistry>(registry);
        Services.AddSingleton<ISwotAnalysis>(new NoSwot());
        Services.AddSingleton<IListOrganisationsHandler>(new FakeOrganisations());
        Services.AddSingleton<Application.Statistics.IClosedLoopFigures>(new FakeClosedLoopFigures());
        Services.GetRequiredService<NavigationManager>().NavigateTo($"coordination/pilot?id={PilotId}");

        var page = Render<PilotPage>();

        var select = page.Find("[data-testid=pilot-new-status]");
        select.QuerySelectorAll("option").Single(o => o.GetAttribute("value") == select.GetAttribute("value")).TextContent.Trim().ShouldBe("Jatkuu");
        page.Find("[data-testid=pilot-evaluation]").TextContent.ShouldContain("Jatketaan muutettuna");
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void EveryVerdictAndEveryRefusalOutsideTheStatus_IsTranslated_AndNamesTheStatus(string culture)
    {
        UseCulture(culture);
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var notOpen = new[] { "Indicators", "Findings", "Verdict" }.Select(part => DevelopmentPilot.EvaluationErrors.NotOpen(part, PilotStatus.Idea));

        PilotEvaluationRules.All.Select(v => localizer[$"PilotVerdict.{v}"]).ShouldAllBe(s => !s.ResourceNotFound);
        foreach (var error in notOpen)
        {
            var text = FieldErrors.Text(localizer, error);
            localizer[error.Code].ResourceNotFound.ShouldBeFalse(error.Code);
            text.ShouldContain(localizer["PilotStatus.Idea"].Value);
        }
    }

    private IRenderedComponent<PilotEvaluationPanel> RenderPanel(PilotStatus status, PilotEvaluationAllowed allowed, IReadOnlyList<PilotVerdictRow>? verdicts = null) =>
        Render<PilotEvaluationPanel>(p => p
            .Add(c => c.PilotId, PilotId)
            .Add(c => c.Status, status)
            .Add(c => c.View, new PilotEvaluationView([Indicator], [new PilotFindingRow(Guid.NewGuid(), "Havainto", DateTimeOffset.UnixEpoch, "Kaisa")], verdicts ?? [], allowed))
            .Add(c => c.Changed, () => _changed++));

    private sealed class SuggestingRegistry : IPilotRegistry
    {
        private static readonly PilotRow Pilot = new(
            PilotId, "code", "Nimi", null, PilotStatus.UnderEvaluation, [], DevelopmentArea.Kela, ["Kela"], [], [], null, null, null, null);

        public Task<Result<Page<PilotRow>>> ListAsync(PilotFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<Page<PilotRow>>>(new Page<PilotRow>([Pilot], 1));

        public Task<Result<IReadOnlyList<PilotRow>>> TimelineAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<PilotRow>>>(new[] { Pilot });

        public Task<Result<IReadOnlyList<string>>> OwnersAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<string>>>(new[] { "Kela" });

        public Task<Result<PilotDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<PilotDetails>>(new PilotDetails(Pilot, "Tavoite", null, "seed", [], [], [], PilotStatuses.NextFrom(PilotStatus.UnderEvaluation))
            {
                Access = PilotAccess.Coordinator,
                Evaluation = new PilotEvaluationView([], [], [new PilotVerdictRow(PilotVerdict.Change, "Muutetaan", DateTimeOffset.UnixEpoch, "Kaisa")], new PilotEvaluationAllowed(true, true, true)),
            });

        public Task<Result> ChangeStatusAsync(ChangePilotStatusCommand command, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result> AddEntryAsync(AddPilotEntryCommand command, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result> SetWeaknessesAsync(SetPilotWeaknessesCommand command, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result> SetOwnerOrganisationsAsync(SetPilotOwnerOrganisationsCommand command, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result<Page<PilotRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<Page<PilotRow>>>(new Page<PilotRow>([], 0));

        public Task<bool> AnyMineAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
    }

    private sealed class NoSwot : ISwotAnalysis
    {
        public Task<Result<SwotMatrixView>> MatrixAsync(SwotFilter filter, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<SwotMatrixView>>(CommonErrors.WrongRole);

        public Task<Result<IReadOnlyList<SwotFindingRow>>> UnansweredWeaknessesAsync(SwotFilter filter, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<SwotFindingRow>>>(CommonErrors.WrongRole);

        public Task<Result<IReadOnlyList<SwotFindingRow>>> WeaknessesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<SwotFindingRow>>>(Array.Empty<SwotFindingRow>());
    }
}
