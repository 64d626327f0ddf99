using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Swot;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Swot;

public sealed record SwotRoundRow(string Code, string TitleFi, DateOnly Month, string Source, bool Shipped, bool Published, int Findings);

/// <summary>A finding as the round editor and the file show it: its code within the round, its theme by name.</summary>
public sealed record SwotFindingRecord(
    string Code, string LocalCode, string ThemeCode, string ThemeNameFi, CaseStage Stage, SwotKind Kind, string TextFi,
    IReadOnlyList<string> SubPoints, IReadOnlyList<string> WorkshopCodes, string Source);

public sealed record SwotRoundDetails(
    SwotRoundRow Round, IReadOnlyList<SwotWorkshopRow> Workshops, IReadOnlyList<SwotThemeRow> Themes, IReadOnlyList<SwotFindingRecord> Findings);

public sealed record CreateSwotRoundCommand(string? Code, string? TitleFi, DateOnly? Month);

/// <summary>
/// The analysis rounds, for coordinators: the list, one round with its workshops, themes and findings, the changes to a
/// round they recorded (the shipped 2022 round is read-only), and its findings as a table to export and to import.
/// National records: every coordinator reads and changes the same rounds; no other role reads them.
/// </summary>
public interface ISwotRounds
{
    Task<Result<IReadOnlyList<SwotRoundRow>>> ListAsync(CancellationToken cancellationToken = default);

    Task<Result<SwotRoundDetails>> GetAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>A new round (a draft); returns its code.</summary>
    Task<Result<string>> CreateAsync(CreateSwotRoundCommand command, CancellationToken cancellationToken = default);

    Task<Result> EditAsync(string code, string? titleFi, DateOnly? month, CancellationToken cancellationToken = default);

    Task<Result> PublishAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Adds a workshop (<paramref name="workshopCode"/> null) or changes one.</summary>
    Task<Result> SaveWorkshopAsync(string roundCode, string? workshopCode, SwotWorkshopInput input, CancellationToken cancellationToken = default);

    Task<Result> RemoveWorkshopAsync(string roundCode, string workshopCode, CancellationToken cancellationToken = default);

    /// <summary>Adds a theme (<paramref name="themeCode"/> null) or changes one; returns its code.</summary>
    Task<Result<string>> SaveThemeAsync(string roundCode, string? themeCode, string? nameFi, CaseStage? stage, CancellationToken cancellationToken = default);

    Task<Result> RemoveThemeAsync(string roundCode, string themeCode, CancellationToken cancellationToken = default);

    /// <summary>Adds a finding (<paramref name="findingCode"/> null) or changes one; returns its code.</summary>
    Task<Result<string>> SaveFindingAsync(string roundCode, string? findingCode, SwotFindingInput input, CancellationToken cancellationToken = default);

    Task<Result> RemoveFindingAsync(string roundCode, string findingCode, CancellationToken cancellationToken = default);

    /// <summary>The round's findings as the rows of its file (<see cref="SwotFindingFile"/>), in the analysis' order.</summary>
    Task<Result<IReadOnlyList<IReadOnlyList<string>>>> ExportAsync(string roundCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the file's findings to a round coordinators recorded, all or none: every row is checked (against the round and
    /// the rows above it); one bad cell anywhere and nothing is added, the outcome listing every error by row and column.
    /// A theme the round lacks is added with the stage its first row gives; workshops must be the round's.
    /// </summary>
    Task<Result<SwotImportOutcome>> ImportAsync(string roundCode, IReadOnlyList<SwotImportRow> rows, CancellationToken cancellationToken = default);
}

public sealed partial class SwotRounds(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider time) : ISwotRounds
{
    public static NotFoundError NotFound => new("Swot.RoundNotFound");

    public static NotFoundError ItemNotFound => new("Swot.ItemNotFound");

    public static ValidationError StageInvalid => new("Swot.StageInvalid") { Field = "Stage" };

    public static ValidationError KindInvalid => new("Swot.KindInvalid") { Field = nameof(SwotFindingInput.Kind) };

    public static ValidationError ThemeStageDiffers => new("Swot.ThemeStageDiffers") { Field = "Stage" };

    public static InvalidTransitionError AnsweredByPilot => new("Swot.FindingAnsweredByPilot");

    public async Task<Result<IReadOnlyList<SwotRoundRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await RoundRowsAsync(db, cancellationToken);
    }

    public async Task<Result<SwotRoundDetails>> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var round = (await RoundRowsAsync(db, cancellationToken)).SingleOrDefault(r => r.Code == code);
        if (round is null)
        {
            return NotFound;
        }

        var workshops = await db.SwotWorkshops.AsNoTracking().Where(w => w.AnalysisCode == code).OrderBy(w => w.KelaDistrictCode == null).ThenBy(w => w.Code)
            .Select(w => new SwotWorkshopRow(w.Code, w.KelaDistrictCode, w.MunicipalityCodes, w.Month, w.Remote)).ToListAsync(cancellationToken);
        var themes = await db.SwotThemes.AsNoTracking().Where(t => t.AnalysisCode == code).OrderBy(t => t.Order)
            .Select(t => new SwotThemeRow(t.Code, t.Order, t.NameFi, t.Stage)).ToListAsync(cancellationToken);
        return new SwotRoundDetails(round, workshops, themes, await FindingRecordsAsync(db, themes, cancellationToken));
    }

    public async Task<Result<string>> CreateAsync(CreateSwotRoundCommand command, CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var codes = await db.SwotRounds.Select(r => r.Code).ToListAsync(cancellationToken);
        var created = SwotRound.Create(command.Code, command.TitleFi, command.Month, codes, time.GetUtcNow());
        if (!created.TryGetValue(out var round))
        {
            return Result<string>.Failure(created.Errors);
        }

        db.SwotRounds.Add(round);
        return await SaveAsync(db, cancellationToken) is { } failed ? Result<string>.Failure(failed.Errors) : round.Code;
    }

    public Task<Result> EditAsync(string code, string? titleFi, DateOnly? month, CancellationToken cancellationToken = default) =>
        ChangeAsync(code, (_, round) => Task.FromResult(round.Edit(titleFi, month)), cancellationToken);

    public Task<Result> PublishAsync(string code, CancellationToken cancellationToken = default) =>
        ChangeAsync(code, (_, round) => Task.FromResult(round.Publish()), cancellationToken);

    public Task<Result> SaveWorkshopAsync(string roundCode, string? workshopCode, SwotWorkshopInput input, CancellationToken cancellationToken = default) =>
        ChangeAsync(roundCode, async (db, round) =>
        {
            var workshops = await db.SwotWorkshops.Where(w => w.AnalysisCode == round.Code).ToListAsync(cancellationToken);
            if (workshopCode is null)
            {
                var added = round.AddWorkshop(input, workshops);
                if (added.TryGetValue(out var workshop))
                {
                    db.SwotWorkshops.Add(workshop);
                }

                return added;
            }

            return workshops.SingleOrDefault(w => w.Code == workshopCode) is { } stored ? round.EditWorkshop(stored, input) : ItemNotFound;
        }, cancellationToken);

    public Task<Result> RemoveWorkshopAsync(string roundCode, string workshopCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(roundCode, async (db, round) =>
        {
            var workshop = await db.SwotWorkshops.SingleOrDefaultAsync(w => w.AnalysisCode == round.Code && w.Code == workshopCode, cancellationToken);
            if (workshop is null)
            {
                return ItemNotFound;
            }

            var check = round.CheckRemoveWorkshop(workshop, await RoundFindingsAsync(db, round.Code, cancellationToken));
            if (check.IsSuccess)
            {
                db.SwotWorkshops.Remove(workshop);
            }

            return check;
        }, cancellationToken);

    public async Task<Result<string>> SaveThemeAsync(string roundCode, string? themeCode, string? nameFi, CaseStage? stage, CancellationToken cancellationToken = default)
    {
        var code = themeCode;
        var result = await ChangeAsync(roundCode, async (db, round) =>
        {
            var themes = await db.SwotThemes.Where(t => t.AnalysisCode == round.Code).ToListAsync(cancellationToken);
            if (themeCode is null)
            {
                var added = round.AddTheme(nameFi, stage, themes);
                if (added.TryGetValue(out var theme))
                {
                    db.SwotThemes.Add(theme);
                    code = theme.Code;
                }

                return added;
            }

            return themes.SingleOrDefault(t => t.Code == themeCode) is { } stored ? round.EditTheme(stored, nameFi, stage, themes) : ItemNotFound;
        }, cancellationToken);
        return result.IsSuccess ? code! : Result<string>.Failure(result.Errors);
    }

    public Task<Result> RemoveThemeAsync(string roundCode, string themeCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(roundCode, async (db, round) =>
        {
            var theme = await db.SwotThemes.SingleOrDefaultAsync(t => t.AnalysisCode == round.Code && t.Code == themeCode, cancellationToken);
            if (theme is null)
            {
                return ItemNotFound;
            }

            var check = round.CheckRemoveTheme(theme, await RoundFindingsAsync(db, round.Code, cancellationToken));
            if (check.IsSuccess)
            {
                db.SwotThemes.Remove(theme);
            }

            return check;
        }, cancellationToken);

    public async Task<Result<string>> SaveFindingAsync(string roundCode, string? findingCode, SwotFindingInput input, CancellationToken cancellationToken = default)
    {
        var code = findingCode;
        var result = await ChangeAsync(roundCode, async (db, round) =>
        {
            var themes = await db.SwotThemes.Where(t => t.AnalysisCode == round.Code).ToListAsync(cancellationToken);
            var workshops = await db.SwotWorkshops.Where(w => w.AnalysisCode == round.Code).ToListAsync(cancellationToken);
            var findings = await RoundFindingsAsync(db, round.Code, cancellationToken);
            if (findingCode is null)
            {
                var added = round.AddFinding(input, themes, workshops, findings);
                if (added.TryGetValue(out var finding))
                {
                    db.SwotFindings.Add(finding);
                    code = finding.Code;
                }

                return added;
            }

            return findings.SingleOrDefault(f => f.Code == findingCode) is { } stored ? round.EditFinding(stored, input, themes, workshops) : ItemNotFound;
        }, cancellationToken);
        return result.IsSuccess ? code! : Result<string>.Failure(result.Errors);
    }

    public Task<Result> RemoveFindingAsync(string roundCode, string findingCode, CancellationToken cancellationToken = default) =>
        ChangeAsync(roundCode, async (db, round) =>
        {
            if (round.CheckRemoveFinding() is { IsSuccess: false } refused)
            {
                return refused;
            }

            var finding = (await RoundFindingsAsync(db, round.Code, cancellationToken)).SingleOrDefault(f => f.Code == findingCode);
            if (finding is null)
            {
                return ItemNotFound;
            }

            // A pilot's link names the weakness by its code: the link goes first, on the pilot's page.
            if (await db.Pilots.AnyAsync(p => p.AnswersWeaknessCodes.Contains(findingCode), cancellationToken))
            {
                return AnsweredByPilot;
            }

            db.SwotFindings.Remove(finding);
            return Result.Success();
        }, cancellationToken);


    /// <summary>Loads the round (tracked), runs the change, and saves it when it succeeded; the round's row is touched, so two changes at once conflict.</summary>
    private async Task<Result> ChangeAsync(string code, Func<IAppDbContext, SwotRound, Task<Result>> change, CancellationToken cancellationToken)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var round = await db.SwotRounds.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (round is null)
        {
            return NotFound;
        }

        var result = await change(db, round);
        if (!result.IsSuccess)
        {
            return result;
        }

        // The round's xmin moves with every change of its contents: a second coordinator's change made from the same state fails.
        db.SwotRounds.Update(round);
        return await SaveAsync(db, cancellationToken) ?? Result.Success();
    }

    private static async Task<Result?> SaveAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // A concurrent change (the round's version) or a code someone else took first.
            return CommonErrors.ChangedByAnother;
        }
    }

    private static Task<List<SwotRoundRow>> RoundRowsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        db.SwotRounds.AsNoTracking()
            .OrderByDescending(r => r.Month).ThenBy(r => r.Code)
            .Select(r => new SwotRoundRow(
                r.Code, r.TitleFi, r.Month, r.Source, r.Shipped, r.Published,
                db.SwotFindings.Count(f => db.SwotThemes.Any(t => t.Code == f.ThemeCode && t.AnalysisCode == r.Code))))
            .ToListAsync(cancellationToken);

    private static Task<List<SwotFinding>> RoundFindingsAsync(IAppDbContext db, string roundCode, CancellationToken cancellationToken) =>
        db.SwotFindings.Where(f => db.SwotThemes.Any(t => t.Code == f.ThemeCode && t.AnalysisCode == roundCode)).ToListAsync(cancellationToken);

    private static async Task<List<SwotFindingRecord>> FindingRecordsAsync(IAppDbContext db, IReadOnlyList<SwotThemeRow> themes, CancellationToken cancellationToken)
    {
        var themeCodes = themes.Select(t => t.Code).ToList();
        var rows = await db.SwotFindings.AsNoTracking().Where(f => themeCodes.Contains(f.ThemeCode)).ToListAsync(cancellationToken);
        var byTheme = themes.ToDictionary(t => t.Code);
        return rows
            .OrderBy(f => byTheme[f.ThemeCode].Order).ThenBy(f => f.Kind).ThenBy(f => SwotAnalysis.FindingNumber(f.Code)).ThenBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => new SwotFindingRecord(
                f.Code, SwotRound.LocalCodeOf(f.Code), f.ThemeCode, byTheme[f.ThemeCode].NameFi, byTheme[f.ThemeCode].Stage, f.Kind, f.TextFi,
                f.SubPoints, f.WorkshopCodes, f.Source))
            .ToList();
    }
}
