using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Swot;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Swot;

/// <summary>
/// The matrix' filters: one theme, one workshop (region); null does not filter. <paramref name="RoundCode"/> chooses the
/// analysis round; null is the newest published round (the shipped 2022 one until coordinators publish another).
/// </summary>
public sealed record SwotFilter(string? ThemeCode = null, string? WorkshopCode = null, string? RoundCode = null);

/// <summary>A pilot that answers a weakness, as the weakness names it.</summary>
public sealed record AnsweringPilot(Guid Id, string NameFi, string? NameSv);

public sealed record SwotFindingRow(
    string Code, string ThemeCode, string ThemeNameFi, CaseStage Stage, SwotKind Kind, string TextFi, IReadOnlyList<string> SubPoints,
    string Source, IReadOnlyList<AnsweringPilot> AnsweredBy);

/// <summary>One cell: a stage and a kind, its count and its findings.</summary>
public sealed record SwotCell(CaseStage Stage, SwotKind Kind, IReadOnlyList<SwotFindingRow> Findings)
{
    public int Count => Findings.Count;
}

public sealed record SwotThemeRow(string Code, int Order, string NameFi, CaseStage Stage);

public sealed record SwotWorkshopRow(string Code, string? KelaDistrictCode, IReadOnlyList<string> MunicipalityCodes, DateOnly Month, bool Remote);

/// <summary>The matrix stage × S/W/O/T of one analysis round, and what the filters can choose from (the rounds too).</summary>
public sealed record SwotMatrixView(
    string AnalysisCode, IReadOnlyList<SwotThemeRow> Themes, IReadOnlyList<SwotWorkshopRow> Workshops, IReadOnlyList<SwotCell> Cells,
    IReadOnlyList<SwotRoundRow>? Rounds = null)
{
    /// <summary>The round shown, when the rounds are known.</summary>
    public SwotRoundRow? Round => Rounds?.FirstOrDefault(r => r.Code == AnalysisCode);

    public static IReadOnlyList<CaseStage> Stages { get; } = Enum.GetValues<CaseStage>();

    public static IReadOnlyList<SwotKind> Kinds { get; } = Enum.GetValues<SwotKind>();

    public SwotCell Cell(CaseStage stage, SwotKind kind) => Cells.Single(c => c.Stage == stage && c.Kind == kind);

    public int Total => Cells.Sum(c => c.Count);
}

/// <summary>The analysis rounds for coordinators (the 2022 one by default): the matrix, and the weaknesses no pilot answers.</summary>
public interface ISwotAnalysis
{
    Task<Result<SwotMatrixView>> MatrixAsync(SwotFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every weakness (within the filter) that no pilot names as answered.</summary>
    Task<Result<IReadOnlyList<SwotFindingRow>>> UnansweredWeaknessesAsync(SwotFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every weakness of the published rounds, for choosing the ones a pilot answers.</summary>
    Task<Result<IReadOnlyList<SwotFindingRow>>> WeaknessesAsync(CancellationToken cancellationToken = default);
}

public sealed class SwotAnalysis(IAppDbContextFactory dbFactory, ICurrentUser user) : ISwotAnalysis
{
    public async Task<Result<SwotMatrixView>> MatrixAsync(SwotFilter filter, CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var rounds = await RoundsAsync(db, cancellationToken);
        var round = RoundOf(rounds, filter);
        var themes = await ThemesAsync(db, round, cancellationToken);
        var workshops = await db.SwotWorkshops.AsNoTracking().Where(w => w.AnalysisCode == round).OrderBy(w => w.KelaDistrictCode == null).ThenBy(w => w.Code)
            .Select(w => new SwotWorkshopRow(w.Code, w.KelaDistrictCode, w.MunicipalityCodes, w.Month, w.Remote)).ToListAsync(cancellationToken);
        var findings = await FindingsAsync(db, themes, filter, cancellationToken);
        var cells = SwotMatrixView.Stages
            .SelectMany(stage => SwotMatrixView.Kinds.Select(kind => new SwotCell(stage, kind, findings.Where(f => f.Stage == stage && f.Kind == kind).ToList())))
            .ToList();
        return new SwotMatrixView(round, themes, workshops, cells, rounds);
    }

    public async Task<Result<IReadOnlyList<SwotFindingRow>>> UnansweredWeaknessesAsync(SwotFilter filter, CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var themes = await ThemesAsync(db, RoundOf(await RoundsAsync(db, cancellationToken), filter), cancellationToken);
        var findings = await FindingsAsync(db, themes, filter, cancellationToken);
        return findings.Where(f => f.Kind == SwotKind.Weakness && f.AnsweredBy.Count == 0).ToList();
    }

    public async Task<Result<IReadOnlyList<SwotFindingRow>>> WeaknessesAsync(CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var weaknesses = new List<SwotFindingRow>();
        // The oldest round first: the 2022 weaknesses keep their place at the top of a pilot's list.
        foreach (var round in (await RoundsAsync(db, cancellationToken)).Where(r => r.Published).OrderBy(r => r.Month).ThenBy(r => r.Code))
        {
            var themes = await ThemesAsync(db, round.Code, cancellationToken);
            weaknesses.AddRange((await FindingsAsync(db, themes, new SwotFilter(), cancellationToken)).Where(f => f.Kind == SwotKind.Weakness));
        }

        return weaknesses;
    }

    /// <summary>The rounds, newest first.</summary>
    private static Task<List<SwotRoundRow>> RoundsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        db.SwotRounds.AsNoTracking().OrderByDescending(r => r.Month).ThenBy(r => r.Code)
            .Select(r => new SwotRoundRow(r.Code, r.TitleFi, r.Month, r.Source, r.Shipped, r.Published, 0)).ToListAsync(cancellationToken);

    /// <summary>The round asked for, if it exists; otherwise the newest published one (2022 until another is published).</summary>
    private static string RoundOf(IReadOnlyList<SwotRoundRow> rounds, SwotFilter filter) =>
        rounds.FirstOrDefault(r => r.Code == filter.RoundCode)?.Code
        ?? rounds.FirstOrDefault(r => r.Published)?.Code
        ?? SwotCatalog.Round2022;

    private static Task<List<SwotThemeRow>> ThemesAsync(IAppDbContext db, string round, CancellationToken cancellationToken) =>
        db.SwotThemes.AsNoTracking().Where(t => t.AnalysisCode == round).OrderBy(t => t.Order)
            .Select(t => new SwotThemeRow(t.Code, t.Order, t.NameFi, t.Stage)).ToListAsync(cancellationToken);

    /// <summary>The round's findings within the filter, in the analysis' order, each weakness with the pilots that answer it.</summary>
    private static async Task<List<SwotFindingRow>> FindingsAsync(IAppDbContext db, IReadOnlyList<SwotThemeRow> themes, SwotFilter filter, CancellationToken cancellationToken)
    {
        var themeCodes = themes.Select(t => t.Code).ToList();
        var query = db.SwotFindings.AsNoTracking().Where(f => themeCodes.Contains(f.ThemeCode));
        if (filter.ThemeCode is { Length: > 0 } theme)
        {
            query = query.Where(f => f.ThemeCode == theme);
        }

        if (filter.WorkshopCode is { Length: > 0 } workshop)
        {
            // A synthesis of all workshops (no workshop named) belongs to each of them.
            query = query.Where(f => f.WorkshopCodes.Count == 0 || f.WorkshopCodes.Contains(workshop));
        }

        var rows = await query.Select(f => new { f.Code, f.ThemeCode, f.Kind, f.TextFi, f.SubPoints, f.Source }).ToListAsync(cancellationToken);
        var pilots = await db.Pilots.AsNoTracking().Where(p => p.AnswersWeaknessCodes.Count > 0)
            .Select(p => new { p.Id, p.NameFi, p.NameSv, p.AnswersWeaknessCodes }).ToListAsync(cancellationToken);
        var byTheme = themes.ToDictionary(t => t.Code);
        return rows
            .OrderBy(f => byTheme[f.ThemeCode].Order).ThenBy(f => f.Kind).ThenBy(f => FindingNumber(f.Code)).ThenBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => new SwotFindingRow(
                f.Code, f.ThemeCode, byTheme[f.ThemeCode].NameFi, byTheme[f.ThemeCode].Stage, f.Kind, f.TextFi, f.SubPoints, f.Source,
                pilots.Where(p => p.AnswersWeaknessCodes.Contains(f.Code)).OrderBy(p => p.NameFi).Select(p => new AnsweringPilot(p.Id, p.NameFi, p.NameSv)).ToList()))
            .ToList();
    }

    /// <summary>The number after the kind's initial ("2022-3-2-W10" → 10), so that findings keep the analysis' order.</summary>
    internal static int FindingNumber(string code) =>
        int.TryParse(code.AsSpan(code.LastIndexOf('-') + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
