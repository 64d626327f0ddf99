using CooperationModel.Application.Common;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Swot;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.Application.Swot;

/// <summary>One data row of an imported file: its row number in the file (1 is the keys' row) and its cells by column.</summary>
public sealed record SwotImportRow(int FileRow, IReadOnlyList<string> Cells);

/// <summary>What is wrong with one cell of an imported file: the file's row, the column's key, the error.</summary>
public sealed record SwotImportError(int FileRow, string Column, Error Error);

/// <summary>An import's outcome: the findings it added, or (none added) every error of every row.</summary>
public sealed record SwotImportOutcome(int Imported, IReadOnlyList<SwotImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A round's findings as a table: the export, and the all-or-nothing import of a file in the same layout.</summary>
public sealed partial class SwotRounds
{
    public async Task<Result<IReadOnlyList<IReadOnlyList<string>>>> ExportAsync(string roundCode, CancellationToken cancellationToken = default)
    {
        if (user.Role != UserRole.Coordinator)
        {
            return CommonErrors.WrongRole;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await db.KeepConnectionOpenAsync(cancellationToken);
        if (!await db.SwotRounds.AnyAsync(r => r.Code == roundCode, cancellationToken))
        {
            return NotFound;
        }

        var themes = await db.SwotThemes.AsNoTracking().Where(t => t.AnalysisCode == roundCode).OrderBy(t => t.Order)
            .Select(t => new SwotThemeRow(t.Code, t.Order, t.NameFi, t.Stage)).ToListAsync(cancellationToken);
        var findings = await FindingRecordsAsync(db, themes, cancellationToken);
        return findings.Select(SwotFindingFile.ToCells).ToList();
    }

    public async Task<Result<SwotImportOutcome>> ImportAsync(string roundCode, IReadOnlyList<SwotImportRow> rows, CancellationToken cancellationToken = default)
    {
        SwotImportOutcome? outcome = null;
        var result = await ChangeAsync(roundCode, async (db, round) =>
        {
            if (round.CheckEditable() is { IsSuccess: false } refused)
            {
                return refused;
            }

            var themes = await db.SwotThemes.Where(t => t.AnalysisCode == round.Code).ToListAsync(cancellationToken);
            var workshops = await db.SwotWorkshops.Where(w => w.AnalysisCode == round.Code).ToListAsync(cancellationToken);
            var findings = await RoundFindingsAsync(db, round.Code, cancellationToken);
            var errors = new List<SwotImportError>();
            var added = new List<SwotFinding>();
            var newThemes = new List<SwotTheme>();
            foreach (var row in rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))))
            {
                var rowErrors = new List<SwotImportError>();
                void Add(Error error) => rowErrors.Add(new SwotImportError(row.FileRow, SwotFindingFile.ColumnOf(error.Field), error));

                var stageCell = SwotFindingFile.Cell(row.Cells, SwotFindingFile.Stage);
                var stage = SwotFindingFile.StageFrom(stageCell);
                if (stage is null && stageCell.Trim().Length > 0)
                {
                    Add(StageInvalid);
                }

                var kindCell = SwotFindingFile.Cell(row.Cells, SwotFindingFile.Kind);
                var kind = SwotRound.KindFromInitial(kindCell);
                if (kind is null && kindCell.Trim().Length > 0)
                {
                    Add(KindInvalid);
                }

                var themeName = SwotFindingFile.Cell(row.Cells, SwotFindingFile.Theme).Trim();
                var theme = themes.FirstOrDefault(t => string.Equals(t.NameFi, themeName, StringComparison.OrdinalIgnoreCase));
                if (theme is null && themeName.Length > 0 && (stage is not null || stageCell.Trim().Length == 0))
                {
                    var newTheme = round.AddTheme(themeName, stage, themes);
                    if (newTheme.TryGetValue(out var created))
                    {
                        theme = created;
                        themes.Add(created);
                        newThemes.Add(created);
                    }
                    else
                    {
                        newTheme.Errors.ToList().ForEach(Add);
                    }
                }
                else if (theme is not null && stage is not null && theme.Stage != stage)
                {
                    Add(ThemeStageDiffers with { ArgumentKeys = [$"Stage.{theme.Stage}"] });
                }

                var input = new SwotFindingInput(
                    SwotFindingFile.Cell(row.Cells, SwotFindingFile.Code),
                    theme?.Code ?? (themeName.Length > 0 ? "" : null),
                    kind,
                    SwotFindingFile.Cell(row.Cells, SwotFindingFile.Text),
                    SwotFindingFile.SubPointsFrom(SwotFindingFile.Cell(row.Cells, SwotFindingFile.SubPoints)),
                    SwotFindingFile.WorkshopsFrom(SwotFindingFile.Cell(row.Cells, SwotFindingFile.Workshops)),
                    SwotFindingFile.Cell(row.Cells, SwotFindingFile.Source));
                var finding = round.AddFinding(input, themes, workshops, [.. findings, .. added]);
                if (finding.TryGetValue(out var ok))
                {
                    added.Add(ok);
                }
                else
                {
                    // A named theme that could not be added has said why (its name or its stage).
                    finding.Errors.Where(e => !(e.Field == nameof(SwotFindingInput.ThemeCode) && theme is null && themeName.Length > 0)).ToList().ForEach(Add);
                }

                // One error per cell, the first ("invalid" before "required"), in the order of the columns.
                errors.AddRange(rowErrors.GroupBy(e => e.Column).Select(g => g.First()).OrderBy(e => SwotFindingFile.IndexOf(e.Column)));
            }

            outcome = new SwotImportOutcome(errors.Count == 0 ? added.Count : 0, errors);
            if (errors.Count == 0)
            {
                db.SwotThemes.AddRange(newThemes);
                db.SwotFindings.AddRange(added);
            }

            return Result.Success();
        }, cancellationToken);
        return result.IsSuccess ? outcome! : Result<SwotImportOutcome>.Failure(result.Errors);
    }
}
