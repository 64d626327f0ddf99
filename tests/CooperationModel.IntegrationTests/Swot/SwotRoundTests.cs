using System.Net;
using System.Text;
using CooperationModel.Application.Swot;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Swot;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using CooperationModel.Web;
using CooperationModel.Web.Tabular;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CooperationModel.IntegrationTests.Swot;

/// <summary>An app and database of their own: the rounds these tests record would change the shared database's seeded counts.</summary>
public sealed class SwotRoundsApp : IAsyncLifetime
{
    public AppFixture App { get; } = AppFixture.With(new Dictionary<string, string>());

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>Analysis rounds on PostgreSQL: recorded through the use cases, exported and imported as CSV and XLSX, coordinators only.</summary>
public sealed class SwotRoundTests(SwotRoundsApp fixture) : IClassFixture<SwotRoundsApp>
{
    private readonly AppFixture _app = fixture.App;

    [Fact]
    public async Task ACoordinator_RecordsARound_WithWorkshopsThemesAndFindings_AndTheMatrixShowsItOncePublished()
    {
        await using var scope = await _app.AsUserAsync(DemoDataSeeder.Coordinator);
        var rounds = scope.Get<ISwotRounds>();
        var swot = scope.Get<ISwotAnalysis>();
        (await rounds.CreateAsync(new CreateSwotRoundCommand("2025", "Kevään 2025 työpajat", new DateOnly(2025, 3, 1)))).Value.ShouldBe("2025");
        (await rounds.CreateAsync(new CreateSwotRoundCommand("2025", "Toinen", new DateOnly(2025, 3, 1)))).FirstError.Code.ShouldBe("Swot.RoundCodeTaken");
        (await rounds.SaveWorkshopAsync("2025", null, new SwotWorkshopInput("etelainen", "etelainen", [], new DateOnly(2025, 3, 1), true))).IsSuccess.ShouldBeTrue();
        (await rounds.SaveWorkshopAsync("2025", null, new SwotWorkshopInput("pks", null, ["091", "049"], new DateOnly(2025, 3, 1), false))).IsSuccess.ShouldBeTrue();
        var theme = (await rounds.SaveThemeAsync("2025", null, "Huoli-ilmoitukset", CaseStage.ReferralToSocialWork)).Value;
        var weakness = (await rounds.SaveFindingAsync("2025", null, new SwotFindingInput(null, theme, SwotKind.Weakness, "Palaute puuttuu", ["Kela ei kuule"], ["pks"], null))).Value;
        weakness.ShouldBe("2025-W1");
        (await rounds.SaveFindingAsync("2025", null, new SwotFindingInput("O1", theme, SwotKind.Opportunity, "Yhteinen lomake", [], [], "muistio 3/2025"))).IsSuccess.ShouldBeTrue();
        (await rounds.SaveFindingAsync("2025", null, new SwotFindingInput("o1", theme, SwotKind.Opportunity, "Kahdesti", [], [], null))).FirstError.Code.ShouldBe("Swot.FindingCodeTaken");
        (await rounds.SaveFindingAsync("2025", null, new SwotFindingInput("X1", theme, SwotKind.Threat, "Väärä paja", [], ["itainen"], null))).FirstError.Code.ShouldBe("Swot.WorkshopNotInRound");
        (await rounds.RemoveWorkshopAsync("2025", "pks")).FirstError.Code.ShouldBe("Swot.WorkshopInUse");
        (await rounds.RemoveThemeAsync("2025", theme)).FirstError.Code.ShouldBe("Swot.ThemeInUse");

        var details = (await rounds.GetAsync("2025")).Value;
        details.Workshops.Select(w => w.Code).ShouldBe(["etelainen", "pks"]);
        details.Findings.Select(f => (f.LocalCode, f.Kind)).ShouldBe([("W1", SwotKind.Weakness), ("O1", SwotKind.Opportunity)]);
        details.Findings[0].WorkshopCodes.ShouldBe(["pks"]);

        // A draft: the matrix keeps 2022 as its default, and shows the draft when asked.
        (await swot.MatrixAsync(new SwotFilter())).Value.AnalysisCode.ShouldBe(SwotCatalog.Round2022);
        var asked = (await swot.MatrixAsync(new SwotFilter(RoundCode: "2025"))).Value;
        asked.Cell(CaseStage.ReferralToSocialWork, SwotKind.Weakness).Findings.Single().Code.ShouldBe("2025-W1");
        asked.Cell(CaseStage.ReferralToSocialWork, SwotKind.Opportunity).Count.ShouldBe(1);
        (await swot.MatrixAsync(new SwotFilter(RoundCode: "2025", WorkshopCode: "etelainen"))).Value.Total.ShouldBe(1);
        (await swot.WeaknessesAsync()).Value.ShouldNotContain(f => f.Code == weakness);

        (await rounds.PublishAsync("2025")).IsSuccess.ShouldBeTrue();
        (await swot.MatrixAsync(new SwotFilter())).Value.AnalysisCode.ShouldBe("2025");
        var all = (await swot.WeaknessesAsync()).Value;
        all.Count.ShouldBe(25 + 1);
        all[^1].Code.ShouldBe(weakness);

        // The shipped round stays read-only.
        (await rounds.SaveThemeAsync(SwotCatalog.Round2022, null, "Uusi", CaseStage.Guidance)).FirstError.Code.ShouldBe("Swot.ShippedReadOnly");
        (await rounds.RemoveFindingAsync(SwotCatalog.Round2022, "2022-3-2-W1")).FirstError.Code.ShouldBe("Swot.ShippedReadOnly");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The2022Findings_ExportedAndImported_IntoANewRound_ExportTheSame(string format)
    {
        var code = $"rt{format}";
        await CreateRoundAsync(code);
        var client = await _app.SignedInClientAsync(DemoDataSeeder.Coordinator);

        var shipped = await ExportAsync(client, SwotCatalog.Round2022, format);
        var fileFormat = format == "csv" ? TabularFormat.Csv : TabularFormat.Xlsx;
        var outcome = await ImportAsync(code, fileFormat, shipped);

        outcome.Errors.ShouldBeEmpty();
        outcome.Imported.ShouldBe(52);
        var again = await ExportAsync(client, code, format);
        var first = DataRows(fileFormat, shipped);
        first.Count.ShouldBe(52);
        DataRows(fileFormat, again).ShouldBe(first);
        first.Count(r => r[3] == "W").ShouldBe(25);
        first.Sum(r => r[5].Length == 0 ? 0 : r[5].Split('\n').Length).ShouldBe(40);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ARecordedRound_WithWorkshopsAndSubPoints_RoundTrips(string format)
    {
        var source = $"src{format}";
        var target = $"dst{format}";
        var fileFormat = format == "csv" ? TabularFormat.Csv : TabularFormat.Xlsx;
        await using (var scope = await _app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            var rounds = scope.Get<ISwotRounds>();
            foreach (var round in new[] { source, target })
            {
                await CreateRoundAsync(round);
                (await rounds.SaveWorkshopAsync(round, null, new SwotWorkshopInput("lansi", "lantinen", [], new DateOnly(2025, 5, 1), true))).IsSuccess.ShouldBeTrue();
                (await rounds.SaveWorkshopAsync(round, null, new SwotWorkshopInput("pks", null, ["091", "049"], new DateOnly(2025, 5, 1), false))).IsSuccess.ShouldBeTrue();
            }

            var theme = (await rounds.SaveThemeAsync(source, null, "Tietojärjestelmät; \"Kelmu\"", CaseStage.Processing)).Value;
            var other = (await rounds.SaveThemeAsync(source, null, "Osaaminen", CaseStage.Decision)).Value;
            (await rounds.SaveFindingAsync(source, null, new SwotFindingInput(null, theme, SwotKind.Threat, "=SUM(A1) ei ole kaava", ["- viiva alussa", "'heittomerkki'", "rivi; puolipiste, pilkku"], ["pks", "lansi"], "muistio"))).IsSuccess.ShouldBeTrue();
            (await rounds.SaveFindingAsync(source, null, new SwotFindingInput("S10", other, SwotKind.Strength, "Ääkköset: åäö ÅÄÖ €", [], [], null))).IsSuccess.ShouldBeTrue();
            (await rounds.SaveFindingAsync(source, null, new SwotFindingInput("S2", other, SwotKind.Strength, "Kaksi", [], ["lansi"], null))).IsSuccess.ShouldBeTrue();
        }

        var client = await _app.SignedInClientAsync(DemoDataSeeder.Coordinator);
        var exported = await ExportAsync(client, source, format);
        (await ImportAsync(target, fileFormat, exported)).Imported.ShouldBe(3);

        var rows = DataRows(fileFormat, exported);
        rows.Select(r => r[0]).ShouldBe(["T1", "S2", "S10"]);
        rows[0].ShouldBe(["T1", "Tietojärjestelmät; \"Kelmu\"", "Processing", "T", "=SUM(A1) ei ole kaava", "- viiva alussa\n'heittomerkki'\nrivi; puolipiste, pilkku", "pks;lansi", "muistio"]);
        rows[2][7].ShouldBe(SwotRound.AppSource);
        DataRows(fileFormat, await ExportAsync(client, target, format)).ShouldBe(rows);
        if (fileFormat == TabularFormat.Csv)
        {
            exported.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
            // A cell a spreadsheet would run as a formula is written as text.
            Encoding.UTF8.GetString(exported).ShouldContain(";\"'=SUM(A1) ei ole kaava\";");
        }
    }

    [Fact]
    public async Task ABadFile_ImportsNothing_AndSaysEachErrorByRowAndColumn()
    {
        await CreateRoundAsync("bad");
        await using (var scope = await _app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            (await scope.Get<ISwotRounds>().SaveWorkshopAsync("bad", null, new SwotWorkshopInput("pks", null, ["091"], new DateOnly(2025, 1, 1), true))).IsSuccess.ShouldBeTrue();
        }

        var csv = string.Join("\r\n",
            "code;theme;stage;kind;text;sub_points;workshops;source",
            "Tunnus;Teema;Prosessin vaihe;Laji (S/W/O/T);Havainto;Alakohdat (rivi kutakin);\"Työpajat (;-eroteltuina)\";Lähde",
            "S1;Teema A;Guidance;S;Hyvä asia;;pks;",
            "S1;Teema A;Guidance;W;Sama tunnus;;;",
            "W2;Teema A;Decision;X;Asiakas 010190-900P;;itainen;",
            "",
            "W3;Teema B;NoSuchStage;W;;;;",
            "W4;Teema C;;W;Ei vaihetta;;;",
            "O1;Teema A;Guidance;O;Hyvä rivi;;;");
        var outcome = await ImportAsync("bad", TabularFormat.Csv, Encoding.UTF8.GetBytes(csv));

        outcome.Imported.ShouldBe(0);
        outcome.Errors.Select(e => (e.FileRow, e.Column, e.Error.Code)).ShouldBe([
            (4, "code", "Swot.FindingCodeTaken"),
            (5, "stage", "Swot.ThemeStageDiffers"),
            (5, "kind", "Swot.KindInvalid"),
            (5, "text", PersonalData.ContainsIdentityCodeCode),
            (5, "workshops", "Swot.WorkshopNotInRound"),
            (7, "stage", "Swot.StageInvalid"),
            (7, "text", "Swot.TextRequired"),
            (8, "stage", "Swot.StageRequired"),
        ]);
        await using var db = _app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.SwotThemes.CountAsync(t => t.AnalysisCode == "bad")).ShouldBe(0);
        (await db.Db.SwotFindings.CountAsync(f => f.Code.StartsWith("bad-"))).ShouldBe(0);

        // A file without the keys' row is refused as a whole.
        var localizer = _app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        SwotFindingTable.DataRows(TabularFile.ReadCsv(Encoding.UTF8.GetBytes("Tunnus;Teema\r\nS1;A")), localizer).FirstError.Code.ShouldBe("SwotFile.KeysMissing");
        TabularFile.Read(TabularFormat.Xlsx, Encoding.UTF8.GetBytes("not a zip")).ShouldBeNull();
        TabularFile.Read(TabularFormat.Csv, [0xC3, 0x28]).ShouldBeNull();
    }

    [Fact]
    public async Task AnIdentityCode_InAFindingOrATitle_IsRefused()
    {
        await CreateRoundAsync("pid");
        await using var scope = await _app.AsUserAsync(DemoDataSeeder.Coordinator);
        var rounds = scope.Get<ISwotRounds>();
        var theme = (await rounds.SaveThemeAsync("pid", null, "Teema", CaseStage.Guidance)).Value;

        var refused = await rounds.SaveFindingAsync("pid", null, new SwotFindingInput(null, theme, SwotKind.Weakness, "Asiakas 010190-900P jäi ilman", [], [], null));
        refused.FirstError.Code.ShouldBe(PersonalData.ContainsIdentityCodeCode);
        refused.FirstError.Field.ShouldBe("Text");
        (await rounds.CreateAsync(new CreateSwotRoundCommand("pid2", "Paja 010190-900P", new DateOnly(2025, 1, 1)))).FirstError.Code.ShouldBe(PersonalData.ContainsIdentityCodeCode);
        (await rounds.GetAsync("pid")).Value.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnlyACoordinator_ReadsOrChangesRounds()
    {
        await using (var scope = await _app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            var rounds = scope.Get<ISwotRounds>();
            (await rounds.ListAsync()).FirstError.Code.ShouldBe("Common.WrongRole");
            (await rounds.CreateAsync(new CreateSwotRoundCommand("nope", "x", new DateOnly(2025, 1, 1)))).FirstError.Code.ShouldBe("Common.WrongRole");
            (await rounds.ExportAsync(SwotCatalog.Round2022)).FirstError.Code.ShouldBe("Common.WrongRole");
            (await rounds.ImportAsync(SwotCatalog.Round2022, [])).FirstError.Code.ShouldBe("Common.WrongRole");
        }

        var handler = await _app.SignedInClientAsync(DemoDataSeeder.HandlerSouth);
        var refused = await handler.GetAsync("/coordination/swot/export?round=2022&format=csv");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/account/access-denied");

        var coordinator = await _app.SignedInClientAsync(DemoDataSeeder.Coordinator);
        var badFormat = await coordinator.GetAsync("/coordination/swot/export?round=2022&format=pdf");
        badFormat.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badFormat.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await coordinator.GetAsync("/coordination/swot/export?round=nosuch&format=csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var again = await _app.AsUserAsync(DemoDataSeeder.Coordinator);
        (await again.Get<ISwotRounds>().ImportAsync(SwotCatalog.Round2022, [new SwotImportRow(3, ["S1", "Teema", "Guidance", "S", "x", "", "", ""])])).FirstError.Code.ShouldBe("Swot.ShippedReadOnly");
    }

    private async Task CreateRoundAsync(string code)
    {
        await using var scope = await _app.AsUserAsync(DemoDataSeeder.Coordinator);
        (await scope.Get<ISwotRounds>().CreateAsync(new CreateSwotRoundCommand(code, $"Kierros {code}", new DateOnly(2025, 6, 1)))).IsSuccess.ShouldBeTrue();
    }

    private static async Task<byte[]> ExportAsync(HttpClient client, string round, string format)
    {
        var response = await client.GetAsync($"/coordination/swot/export?round={round}&format={format}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>What the round editor does with an uploaded file: read it, take its data rows, import them.</summary>
    private async Task<SwotImportOutcome> ImportAsync(string round, TabularFormat format, byte[] file)
    {
        var localizer = _app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var rows = SwotFindingTable.DataRows(TabularFile.Read(format, file).ShouldNotBeNull(), localizer).Value;
        await using var scope = await _app.AsUserAsync(DemoDataSeeder.Coordinator);
        return (await scope.Get<ISwotRounds>().ImportAsync(round, rows)).Value;
    }

    private List<List<string>> DataRows(TabularFormat format, byte[] file)
    {
        var localizer = _app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        return [.. SwotFindingTable.DataRows(TabularFile.Read(format, file).ShouldNotBeNull(), localizer).Value.Select(r => r.Cells.ToList())];
    }
}
