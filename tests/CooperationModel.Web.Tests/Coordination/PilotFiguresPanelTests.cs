using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Statistics;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Statistics;
using CooperationModel.Web.Components.Pages.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Coordination;

/// <summary>The pilot's figures panel: the table as the use case answers it, the suppressed cells, the texts for no area or start.</summary>
public sealed class PilotFiguresPanelTests : ComponentTestContext
{
    private readonly FakeClosedLoopFigures _figures = new();

    public PilotFiguresPanelTests()
    {
        Services.AddSingleton<IClosedLoopFigures>(_figures);
    }

    [Fact]
    public void Panel_ShowsTheFourColumns_TheSharesAndTheSuppressedCells()
    {
        var panel = Render<PilotFiguresPanel>(p => p
            .Add(c => c.MunicipalityCodes, ["091", "049"])
            .Add(c => c.StartMonth, new DateOnly(2025, 1, 1)));

        _figures.Asked.Single().Codes.ShouldBe(["091", "049"]);
        _figures.Asked.Single().Start.ShouldBe(new DateOnly(2025, 1, 1));
        var headers = panel.FindAll("[data-testid=pilot-figures-table] thead th").Select(h => h.TextContent.Trim()).ToList();
        headers.Count.ShouldBe(5);
        headers[1].ShouldStartWith("Pilottialue, ennen");
        headers[1].ShouldContain("(07.2024–12.2024)");
        headers[4].ShouldStartWith("Muu maa, jälkeen");
        headers[4].ShouldContain("(01.2025–06.2025)");
        // Finnish groups digits and sets the percent sign apart with a no-break space.
        Cells(panel, "sent").ShouldBe(["1\u00A0200", "30", "<5", "0"]);
        Cells(panel, "in-time").ShouldBe([$"480 ({FortyPercent})", $"12 ({FortyPercent})", "<5", "0"]);
        Cells(panel, "median").ShouldBe(["2,5", "3", "<5", "–"]);
        Cells(panel, "reason-Declined")[1].ShouldBe("<5");
        Cells(panel, "reason-NoCapacity")[1].ShouldBe("x");
        panel.Find("[data-testid=pilot-figures-notes]").TextContent.ShouldContain("<5");
        panel.Find("[data-testid=pilot-figures-intro]").TextContent.ShouldContain("6 kuukautta");
        panel.Find("[data-testid=pilot-figures-intro]").TextContent.ShouldContain("Helsinki, Espoo");
    }

    [Theory]
    [InlineData("sv", "Pilotområdet, före", "Arbetsdagar till mottagandet (median)")]
    [InlineData("en", "Pilot area, before", "Working days to acceptance (median)")]
    public void Panel_SpeaksTheUsersLanguage(string culture, string header, string median)
    {
        UseCulture(culture);

        var panel = Render<PilotFiguresPanel>(p => p
            .Add(c => c.MunicipalityCodes, ["091"])
            .Add(c => c.StartMonth, new DateOnly(2025, 1, 1)));

        panel.FindAll("[data-testid=pilot-figures-table] thead th")[1].TextContent.ShouldStartWith(header);
        panel.Find("[data-testid=pilot-figures-median] th").TextContent.ShouldBe(median);
    }

    [Fact]
    public void Panel_WithoutMunicipalities_SaysSo_AndAsksNothing()
    {
        var panel = Render<PilotFiguresPanel>(p => p
            .Add(c => c.MunicipalityCodes, [])
            .Add(c => c.StartMonth, new DateOnly(2025, 1, 1)));

        panel.Find("[data-testid=pilot-figures-no-area]").TextContent.ShouldContain("Pilotille ei ole merkitty kuntia");
        panel.FindAll("[data-testid=pilot-figures-table]").ShouldBeEmpty();
        _figures.Asked.ShouldBeEmpty();
    }

    [Fact]
    public void Panel_WithoutAStartMonth_SaysSo_AndAsksNothing()
    {
        var panel = Render<PilotFiguresPanel>(p => p
            .Add(c => c.MunicipalityCodes, ["091"])
            .Add(c => c.StartMonth, null));

        panel.Find("[data-testid=pilot-figures-no-start]").TextContent.ShouldContain("alkukuukautta");
        _figures.Asked.ShouldBeEmpty();
    }

    [Fact]
    public void Panel_WhenTheFiguresAreRefused_SaysTheyCouldNotBeComputed()
    {
        _figures.Answer = CommonErrors.WrongRole;

        var panel = Render<PilotFiguresPanel>(p => p
            .Add(c => c.MunicipalityCodes, ["091"])
            .Add(c => c.StartMonth, new DateOnly(2025, 1, 1)));

        panel.Find("[data-testid=pilot-figures-failed]").TextContent.ShouldContain("Lukuja ei voitu laskea");
    }

    /// <summary>40 % as Finnish writes it (ICU's choice of space before the sign).</summary>
    private static string FortyPercent => 0.4m.ToString("P0", System.Globalization.CultureInfo.CurrentCulture);

    private static List<string> Cells(IRenderedComponent<PilotFiguresPanel> panel, string row) =>
        [.. panel.FindAll($"[data-testid=pilot-figures-{row}] td").Select(c => c.TextContent.Trim())];
}

/// <summary>Answers a fixed comparison (or an error) and records what it was asked.</summary>
internal sealed class FakeClosedLoopFigures : IClosedLoopFigures
{
    public List<(IReadOnlyCollection<string> Codes, DateOnly Start)> Asked { get; } = [];

    public Error? Answer { get; set; }

    public Task<Result<ClosedLoopComparison>> CompareAreaAsync(ClosedLoopAreaQuery query, CancellationToken cancellationToken = default)
    {
        Asked.Add((query.MunicipalityCodes, query.StartMonth));
        if (Answer is { } error)
        {
            return Task.FromResult<Result<ClosedLoopComparison>>(error);
        }

        var periods = ClosedLoopPeriods.Around(query.StartMonth, 6).Value;
        var suppression = SmallCountSuppression.Default;
        var large = ClosedLoopTally.Of(
            [new ClosedLoopGroup(480, true, true, false, null), new ClosedLoopGroup(720, false, false, false, null)],
            [new AcceptanceGroup(5, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 10)), new AcceptanceGroup(5, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 13))]);
        var medium = ClosedLoopTally.Of(
            [
                new ClosedLoopGroup(12, true, true, false, null),
                new ClosedLoopGroup(4, false, false, false, null),
                new ClosedLoopGroup(3, false, false, true, ReturnReason.Declined),
                new ClosedLoopGroup(6, false, false, true, ReturnReason.NoNeed),
                new ClosedLoopGroup(5, false, false, true, ReturnReason.NoCapacity),
            ],
            [new AcceptanceGroup(12, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 12))]);
        var small = ClosedLoopTally.Of([new ClosedLoopGroup(3, true, false, false, null)], [new AcceptanceGroup(3, new DateOnly(2024, 6, 7), new DateOnly(2024, 6, 7))]);
        return Task.FromResult<Result<ClosedLoopComparison>>(new ClosedLoopComparison(
            periods,
            suppression.Threshold,
            ClosedLoopFigures.From(large, suppression),
            ClosedLoopFigures.From(medium, suppression),
            ClosedLoopFigures.From(small, suppression),
            ClosedLoopFigures.From(new ClosedLoopTally(), suppression)));
    }
}
