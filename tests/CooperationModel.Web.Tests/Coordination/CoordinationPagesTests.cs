using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.ListOrganisations;
using CooperationModel.Application.Pilots;
using CooperationModel.Application.Swot;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Pilots;
using CooperationModel.Domain.Swot;
using CooperationModel.Web.Components.Pages.Coordination;
using CooperationModel.Web.Components.Pages.Pilots;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Coordination;

/// <summary>The coordination pages' own logic, with the use cases faked: what they offer, send and show.</summary>
public sealed class CoordinationPagesTests : ComponentTestContext
{
    private static readonly Guid PilotId = Guid.NewGuid();

    private readonly FakeRegistry _registry = new();
    private readonly FakeSwot _swot = new();

    public CoordinationPagesTests()
    {
        Services.AddSingleton<IPilotRegistry>(_registry);
        Services.AddSingleton<ISwotAnalysis>(_swot);
        Services.AddSingleton<Application.Statistics.IClosedLoopFigures>(new FakeClosedLoopFigures());
        Services.AddSingleton<IPilotEvaluation>(new FakePilotEvaluation());
        Services.AddSingleton<IListOrganisationsHandler>(new FakeOrganisations());
    }

    [Fact]
    public void PilotPage_OffersOnlyTheNextStatusesOfTheTable()
    {
        var page = RenderPilot();

        var options = page.Find("[data-testid=pilot-new-status]").QuerySelectorAll("option").Select(o => o.TextContent.Trim()).ToList();
        options.ShouldBe(["Valitse", "Arvioitavana", "Päättynyt"]);
    }

    [Fact]
    public async Task PilotPage_SendsTheMoveWithItsReason_AndShowsTheRefusalInTheUsersLanguage()
    {
        _registry.Answer = new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = "Reason" };
        var page = RenderPilot();

        await page.Find("[data-testid=pilot-new-status]").ChangeAsync(new ChangeEventArgs { Value = "0" });
        await page.Find("textarea[data-testid=pilot-reason]").ChangeAsync(new ChangeEventArgs { Value = "Asiakas 010190-900P" });
        await page.Find("[data-testid=pilot-change-status]").ClickAsync(new());

        _registry.Sent.ShouldBe([new ChangePilotStatusCommand(PilotId, PilotStatus.UnderEvaluation, "Asiakas 010190-900P")]);
        page.WaitForAssertion(() => page.Markup.ShouldContain("Tekstissä on henkilötunnus."));
    }

    /// <summary>
    /// A user of an owner organisation reads the pilot and gets the comment form only: no status move, no owner links, no
    /// weaknesses, the evaluation without its forms. A refused comment keeps its text and says why.
    /// </summary>
    [Fact]
    public async Task PilotPage_OwnerOrganisationsUser_OnlyTheCommentForm_AndARefusedCommentKeepsItsText()
    {
        _registry.Access = PilotAccess.OwnerOrganisation;
        _registry.EntryAnswer = new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = "Text" };
        var page = RenderPilot();

        page.Find("[data-testid=pilot-name]").TextContent.ShouldBe("Nimi fi");
        page.Find("[data-testid=pilot-owner-organisations]").TextContent.ShouldBe("Helsingin kaupunki");
        page.FindAll("[data-testid=pilot-history-row]").Count.ShouldBe(1);
        page.FindAll("[data-testid=pilot-evaluation]").ShouldHaveSingleItem();
        foreach (var absent in new[] { "pilot-new-status", "pilot-change-status", "pilot-owners", "pilot-weaknesses", "pilot-save-weaknesses", "pilot-entry-kind", "pilot-evaluation-rule", "pilot-finding-text", "pilot-verdict-save", "pilot-figures" })
        {
            page.FindAll($"[data-testid={absent}]").ShouldBeEmpty(absent);
        }

        await page.Find("textarea[data-testid=pilot-entry-text]").ChangeAsync(new ChangeEventArgs { Value = "Asiakas 010190-900P kävi" });
        await page.Find("[data-testid=pilot-add-entry]").ClickAsync(new());

        _registry.Entries.ShouldBe([new AddPilotEntryCommand(PilotId, PilotEntryKind.Comment, "Asiakas 010190-900P kävi")]);
        page.WaitForAssertion(() => page.Markup.ShouldContain("Tekstissä on henkilötunnus."));
        page.Find("textarea[data-testid=pilot-entry-text]").GetAttribute("value").ShouldBe("Asiakas 010190-900P kävi");
        page.Find("[data-testid=pilot-add-entry]").TextContent.Trim().ShouldBe("Lisää kommentti");
    }

    [Fact]
    public void PilotPage_Coordinator_HasTheOwnerLinksAndTheEntryKinds()
    {
        var page = RenderPilot();

        page.FindAll("[data-testid=pilot-owners]").ShouldHaveSingleItem();
        page.Find("[data-testid=pilot-entry-kind]").QuerySelectorAll("option").Select(o => o.TextContent.Trim()).ShouldBe(["Päivitys", "Kommentti"]);
    }

    [Fact]
    public void PilotPage_WithoutAnId_SaysNotFound()
    {
        var page = Render<PilotPage>();

        page.Find("[data-testid=pilot-not-found]").TextContent.ShouldContain("Pilottia ei löydy.");
    }

    [Theory]
    [InlineData("fi", "Heikkoudet")]
    [InlineData("sv", "Svagheter")]
    [InlineData("en", "Weaknesses")]
    public void SwotPage_ShowsEachCellsCount_AndWhichPilotAnswersAWeakness(string culture, string weaknesses)
    {
        UseCulture(culture);

        var page = Render<SwotPage>();

        page.Find("[data-testid=swot-count-ReferralToSocialWork-Weakness]").TextContent.Trim().ShouldBe("2");
        page.Find("[data-testid=swot-count-Guidance-Strength]").TextContent.Trim().ShouldBe("0");
        page.Find("[data-testid=swot-matrix] thead").TextContent.ShouldContain(weaknesses);
        var answered = page.FindAll("[data-testid=swot-finding]").Single(f => f.GetAttribute("data-code") == "w1");
        answered.QuerySelector("a")!.GetAttribute("href").ShouldBe($"coordination/pilot?id={PilotId}");
    }

    [Fact]
    public async Task SwotPage_UnansweredIsOneClickAway()
    {
        var page = Render<SwotPage>();
        page.FindAll("[data-testid=swot-unanswered-item]").ShouldBeEmpty();

        await page.Find("[data-testid=swot-unanswered]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=swot-unanswered-item]").Select(i => i.TextContent).ShouldHaveSingleItem().ShouldContain("Ei vastausta"));
        page.Find("[data-testid=swot-unanswered]").GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Fact]
    public void TimelineMonths_RunFromTheFirstStartToTheLastEnd()
    {
        PilotTimelineMonths.Between([Row(new DateOnly(2018, 10, 1), new DateOnly(2019, 3, 1)), Row(new DateOnly(2018, 5, 1), null), Row(null, null)])
            .ShouldBe([.. Enumerable.Range(0, 11).Select(i => new DateOnly(2018, 5, 1).AddMonths(i))]);
        PilotTimelineMonths.Between([Row(null, null)]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fi", "Nimi fi")]
    [InlineData("sv", "Namn sv")]
    [InlineData("en", "Nimi fi")]
    public void PilotText_UsesTheSwedishVersionWhereTheModelHasOne(string culture, string name)
    {
        UseCulture(culture);

        PilotText.Name(Row(null, null)).ShouldBe(name);
        PilotText.Name(Row(null, null) with { NameSv = null }).ShouldBe("Nimi fi");
    }

    private IRenderedComponent<PilotPage> RenderPilot()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"coordination/pilot?id={PilotId}");
        return Render<PilotPage>();
    }

    private static PilotRow Row(DateOnly? start, DateOnly? end) => new(
        PilotId, "code", "Nimi fi", "Namn sv", PilotStatus.Running, [CaseStage.Decision], DevelopmentArea.Kela, ["Kela"], [], ["905"], "2018", "2018", start, end);

    private sealed class FakeRegistry : IPilotRegistry
    {
        public List<ChangePilotStatusCommand> Sent { get; } = [];

        public List<AddPilotEntryCommand> Entries { get; } = [];

        public Error? Answer { get; set; }

        public Error? EntryAnswer { get; set; }

        /// <summary>What the page's user may do; the registry answers for it as the real one does (no moves for a reader).</summary>
        public PilotAccess Access { get; set; } = PilotAccess.Coordinator;

        public Task<Result<Page<PilotRow>>> ListAsync(PilotFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<Page<PilotRow>>>(new Page<PilotRow>([Row(null, null)], 1));

        public Task<Result<IReadOnlyList<PilotRow>>> TimelineAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<PilotRow>>>(new[] { Row(null, null) });

        public Task<Result<IReadOnlyList<string>>> OwnersAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<string>>>(new[] { "Kela" });

        public Task<Result<PilotDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<PilotDetails>>(new PilotDetails(
                Row(null, null), "Tavoite", "Mål", "seed 000", ["w1"],
                [new PilotStatusChangeRow(null, PilotStatus.Planned, DateTimeOffset.UnixEpoch, "seed", "malli 1.0")], [],
                Access.Changes() ? PilotStatuses.NextFrom(PilotStatus.Running) : [])
            {
                Access = Access,
                Evaluation = new PilotEvaluationView([], [], [], new PilotEvaluationAllowed(Access.Changes(), Access.Changes(), false)),
                OwnerOrganisations = [FakeOrganisations.Helsinki],
            });

        public Task<Result> ChangeStatusAsync(ChangePilotStatusCommand command, CancellationToken cancellationToken = default)
        {
            Sent.Add(command);
            return Task.FromResult(Answer is { } error ? Result.Failure(error) : Result.Success());
        }

        public Task<Result> AddEntryAsync(AddPilotEntryCommand command, CancellationToken cancellationToken = default)
        {
            Entries.Add(command);
            return Task.FromResult(EntryAnswer is { } error ? Result.Failure(error) : Result.Success());
        }

        public Task<Result> SetWeaknessesAsync(SetPilotWeaknessesCommand command, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result> SetOwnerOrganisationsAsync(SetPilotOwnerOrganisationsCommand command, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result<Page<PilotRow>>> MineAsync(PageRequest page, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<Page<PilotRow>>>(new Page<PilotRow>([Row(null, null)], 1));

        public Task<bool> AnyMineAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
    }

    private sealed class FakeSwot : ISwotAnalysis
    {
        private static readonly SwotFindingRow[] Findings =
        [
            new("w1", "t1", "Huoli-ilmoitukset", CaseStage.ReferralToSocialWork, SwotKind.Weakness, "Väylä puuttuu", ["alakohta"], "seed 002", [new AnsweringPilot(PilotId, "Nimi fi", null)]),
            new("w2", "t1", "Huoli-ilmoitukset", CaseStage.ReferralToSocialWork, SwotKind.Weakness, "Ei vastausta", [], "seed 002", []),
            new("s1", "t1", "Huoli-ilmoitukset", CaseStage.ReferralToSocialWork, SwotKind.Strength, "Hyvä työkalu", [], "seed 002", []),
        ];

        public Task<Result<SwotMatrixView>> MatrixAsync(SwotFilter filter, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<SwotMatrixView>>(new SwotMatrixView(
                "2022",
                [new SwotThemeRow("t1", 1, "Huoli-ilmoitukset", CaseStage.ReferralToSocialWork)],
                [new SwotWorkshopRow("itainen", "itainen", [], new DateOnly(2022, 9, 1), true)],
                [.. SwotMatrixView.Stages.SelectMany(s => SwotMatrixView.Kinds.Select(k => new SwotCell(s, k, [.. Findings.Where(f => f.Stage == s && f.Kind == k)])))]));

        public Task<Result<IReadOnlyList<SwotFindingRow>>> UnansweredWeaknessesAsync(SwotFilter filter, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<SwotFindingRow>>>(Findings.Where(f => f.Kind == SwotKind.Weakness && f.AnsweredBy.Count == 0).ToList());

        public Task<Result<IReadOnlyList<SwotFindingRow>>> WeaknessesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<SwotFindingRow>>>(Findings.Where(f => f.Kind == SwotKind.Weakness).ToList());
    }
}
