using System.Globalization;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Swot;

namespace CooperationModel.Application.Swot;

/// <summary>
/// The layout of a round's findings as a table (the export, and the import that reads it back): one row per finding,
/// columns in this order with these stable keys, the same in every user interface language. The file puts the keys in
/// its first row and the localised column names in its second (for people; the import recognises and skips it).
/// </summary>
public static class SwotFindingFile
{
    public const string Code = "code";
    public const string Theme = "theme";
    public const string Stage = "stage";
    public const string Kind = "kind";
    public const string Text = "text";
    public const string SubPoints = "sub_points";
    public const string Workshops = "workshops";
    public const string Source = "source";

    /// <summary>Sub-points are the lines of one cell; workshops are codes separated by this.</summary>
    public const char WorkshopSeparator = ';';

    public static IReadOnlyList<string> Keys { get; } = [Code, Theme, Stage, Kind, Text, SubPoints, Workshops, Source];

    /// <summary>The resource key of a column's localised name ("SwotFile.sub_points").</summary>
    public static string LabelKey(string key) => $"SwotFile.{key}";

    /// <summary>The column an error of the domain's finding or theme rules belongs to (by the field it names).</summary>
    public static string ColumnOf(string? field) => field switch
    {
        nameof(SwotFindingInput.LocalCode) => Code,
        nameof(SwotFindingInput.ThemeCode) or "ThemeName" => Theme,
        "Stage" => Stage,
        nameof(SwotFindingInput.Kind) => Kind,
        nameof(SwotFindingInput.SubPoints) => SubPoints,
        nameof(SwotFindingInput.WorkshopCodes) => Workshops,
        nameof(SwotFindingInput.Source) => Source,
        _ => Text,
    };

    /// <summary>A finding's cells, in the order of <see cref="Keys"/>.</summary>
    public static IReadOnlyList<string> ToCells(SwotFindingRecord finding) =>
    [
        finding.LocalCode,
        finding.ThemeNameFi,
        finding.Stage.ToString(),
        SwotRound.KindInitial(finding.Kind).ToString(),
        finding.TextFi,
        string.Join('\n', finding.SubPoints),
        string.Join(WorkshopSeparator, finding.WorkshopCodes),
        finding.Source,
    ];

    /// <summary>A stage as the file writes it: the stage's stable name ("ReferralToSocialWork"), in any case.</summary>
    public static CaseStage? StageFrom(string cell) =>
        cell.Trim() is { Length: > 0 } name && !char.IsAsciiDigit(name[0]) && Enum.TryParse<CaseStage>(name, ignoreCase: true, out var stage) && Enum.IsDefined(stage)
            ? stage
            : null;

    public static IReadOnlyList<string> SubPointsFrom(string cell) =>
        [.. cell.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)];

    public static IReadOnlyList<string> WorkshopsFrom(string cell) =>
        [.. cell.Split(WorkshopSeparator).Select(w => w.Trim()).Where(w => w.Length > 0)];

    /// <summary>A row's cell by key, "" when the row is shorter.</summary>
    public static string Cell(IReadOnlyList<string> cells, string key)
    {
        var index = IndexOf(key);
        return index < cells.Count ? cells[index] ?? "" : "";
    }

    /// <summary>A column's place in the row.</summary>
    public static int IndexOf(string key)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            if (Keys[i] == key)
            {
                return i;
            }
        }

        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No column {key}."), nameof(key));
    }
}
