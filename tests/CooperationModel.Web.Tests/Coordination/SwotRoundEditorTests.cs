using Bunit;
using CooperationModel.Application.Swot;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Swot;
using CooperationModel.Web.Components.Pages.Coordination;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Coordination;

/// <summary>The round editor with the use cases faked: what it sends, and that a refused save keeps what was typed.</summary>
public sealed class SwotRoundEditorTests : ComponentTestContext
{
    private readonly FakeRounds _rounds = new();

    public SwotRoundEditorTests() => Services.AddSingleton<ISwotRounds>(_rounds);

    [Theory]
    [InlineData("fi", "Tekstissä on henkilötunnus.")]
    [InlineData("sv", "personbeteckning")]
    [InlineData("en", "identity code")]
    public async Task ARefusedFinding_KeepsWhatWasTyped_AndSaysWhyInTheUsersLanguage(string culture, string message)
    {
        UseCulture(culture);
        _rounds.Answer = new ValidationError(PersonalData.ContainsIdentityCodeCode) { Field = nameof(SwotFindingInput.Text) };
        var page = RenderEditor("2025");

        await page.Find("[data-testid=swot-finding-theme]").ChangeAsync(new ChangeEventArgs { Value = "0" });
        await page.Find("[data-testid=swot-finding-kind]").ChangeAsync(new ChangeEventArgs { Value = "1" });
        await page.Find("textarea[data-testid=swot-finding-text]").ChangeAsync(new ChangeEventArgs { Value = "Asiakas 010190-900P" });
        await page.Find("textarea[data-testid=swot-finding-subpoints]").ChangeAsync(new ChangeEventArgs { Value = "eka\ntoka" });
        await page.Find("input[data-testid=swot-finding-source]").ChangeAsync(new ChangeEventArgs { Value = "muistio" });
        await page.Find("[data-testid=swot-finding-save]").ClickAsync(new());

        _rounds.Sent.ShouldBe([("2025", (string?)null, new SwotFindingInput(null, "2025-T1", SwotKind.Weakness, "Asiakas 010190-900P", ["eka", "toka"], [], "muistio"))],
            new FindingComparer());
        page.WaitForAssertion(() => page.Markup.ShouldContain(message));
        page.Find("textarea[data-testid=swot-finding-text]").GetAttribute("value").ShouldBe("Asiakas 010190-900P");
        page.Find("textarea[data-testid=swot-finding-subpoints]").GetAttribute("value").ShouldBe("eka\ntoka");
        page.Find("input[data-testid=swot-finding-source]").GetAttribute("value").ShouldBe("muistio");
        page.Find("[data-testid=swot-finding-kind]").GetAttribute("value").ShouldBe("1");
    }

    [Fact]
    public async Task ASavedFinding_ClearsTheForm()
    {
        var page = RenderEditor("2025");

        await page.Find("[data-testid=swot-finding-theme]").ChangeAsync(new ChangeEventArgs { Value = "0" });
        await page.Find("[data-testid=swot-finding-kind]").ChangeAsync(new ChangeEventArgs { Value = "0" });
        await page.Find("textarea[data-testid=swot-finding-text]").ChangeAsync(new ChangeEventArgs { Value = "Hyvä asia" });
        await page.Find("[data-testid=swot-finding-save]").ClickAsync(new());

        _rounds.Sent.Single().Input.Text.ShouldBe("Hyvä asia");
        page.WaitForAssertion(() => page.Find("textarea[data-testid=swot-finding-text]").GetAttribute("value").ShouldBeNullOrEmpty());
    }

    [Fact]
    public void TheShippedRound_IsReadOnly_ButExports()
    {
        var page = RenderEditor(SwotCatalog.Round2022);

        page.Find("[data-testid=swot-round-readonly]").TextContent.ShouldContain("2022");
        page.FindAll("[data-testid=swot-finding-save]").ShouldBeEmpty();
        page.FindAll("[data-testid=swot-import]").ShouldBeEmpty();
        page.Find("[data-testid=swot-export-xlsx]").GetAttribute("href").ShouldBe("coordination/swot/export?round=2022&format=xlsx");
    }

    [Fact]
    public void AnUnknownRound_SaysNotFound()
    {
        RenderEditor("nosuch").Find("[data-testid=swot-round-not-found]").TextContent.ShouldContain("Analyysikierrosta ei löydy.");
    }

    private IRenderedComponent<SwotRoundEditor> RenderEditor(string code)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"coordination/swot/round?code={code}");
        return Render<SwotRoundEditor>();
    }

    private sealed class FindingComparer : IEqualityComparer<(string, string?, SwotFindingInput)>
    {
        public bool Equals((string, string?, SwotFindingInput) x, (string, string?, SwotFindingInput) y) =>
            x.Item1 == y.Item1 && x.Item2 == y.Item2 && x.Item3.LocalCode == y.Item3.LocalCode && x.Item3.ThemeCode == y.Item3.ThemeCode && x.Item3.Kind == y.Item3.Kind
            && x.Item3.Text == y.Item3.Text && x.Item3.SubPoints.SequenceEqual(y.Item3.SubPoints) && x.Item3.WorkshopCodes.SequenceEqual(y.Item3.WorkshopCodes)
            && x.Item3.Source == y.Item3.Source;

        public int GetHashCode((string, string?, SwotFindingInput) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class FakeRounds : ISwotRounds
    {
        public List<(string Round, string? Code, SwotFindingInput Input)> Sent { get; } = [];

        public Error? Answer { get; set; }

        public Task<Result<IReadOnlyList<SwotRoundRow>>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<SwotRoundRow>>>(new[] { Row("2025") });

        public Task<Result<SwotRoundDetails>> GetAsync(string code, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<SwotRoundDetails>>(code is "2025" or SwotCatalog.Round2022
                ? new SwotRoundDetails(
                    Row(code),
                    [new SwotWorkshopRow("etelainen", "etelainen", [], new DateOnly(2025, 3, 1), true)],
                    [new SwotThemeRow($"{code}-T1", 1, "Huoli-ilmoitukset", CaseStage.ReferralToSocialWork)],
                    [])
                : SwotRounds.NotFound);

        public Task<Result<string>> CreateAsync(CreateSwotRoundCommand command, CancellationToken cancellationToken = default) => Task.FromResult<Result<string>>("2025");

        public Task<Result> EditAsync(string code, string? titleFi, DateOnly? month, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result> PublishAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result> SaveWorkshopAsync(string roundCode, string? workshopCode, SwotWorkshopInput input, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result> RemoveWorkshopAsync(string roundCode, string workshopCode, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result<string>> SaveThemeAsync(string roundCode, string? themeCode, string? nameFi, CaseStage? stage, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<string>>("2025-T2");

        public Task<Result> RemoveThemeAsync(string roundCode, string themeCode, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result<string>> SaveFindingAsync(string roundCode, string? findingCode, SwotFindingInput input, CancellationToken cancellationToken = default)
        {
            Sent.Add((roundCode, findingCode, input));
            return Task.FromResult(Answer is { } error ? Result<string>.Failure(error) : "2025-W1");
        }

        public Task<Result> RemoveFindingAsync(string roundCode, string findingCode, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

        public Task<Result<IReadOnlyList<IReadOnlyList<string>>>> ExportAsync(string roundCode, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<IReadOnlyList<IReadOnlyList<string>>>>(Array.Empty<IReadOnlyList<string>>());

        public Task<Result<SwotImportOutcome>> ImportAsync(string roundCode, IReadOnlyList<SwotImportRow> rows, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<SwotImportOutcome>>(new SwotImportOutcome(rows.Count, []));

        private static SwotRoundRow Row(string code) =>
            new(code, $"Kierros {code}", new DateOnly(2025, 3, 1), code == SwotCatalog.Round2022 ? "seed 002" : "app", code == SwotCatalog.Round2022, code == SwotCatalog.Round2022, 0);
    }
}
