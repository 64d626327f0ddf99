using System.Globalization;
using CooperationModel.Application.Swot;
using CooperationModel.Domain.Common;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Tabular;

/// <summary>
/// A round's findings as a file: row 1 the stable column keys (<see cref="SwotFindingFile.Keys"/>), row 2 the columns'
/// names in the user's language, then one finding a row. Reading takes row 1 as the keys (they must be there, in that
/// order) and skips row 2 when it is a row of column names in Finnish, Swedish or English; any other row 2 is data.
/// </summary>
public static class SwotFindingTable
{
    public static ValidationError KeysMissing => new("SwotFile.KeysMissing");

    public static ValidationError Unreadable => new("SwotFile.Unreadable");

    public static ValidationError TooLarge => new("SwotFile.TooLarge");

    public static ValidationError WrongType => new("SwotFile.WrongType");

    public static ValidationError NoRows => new("SwotFile.NoRows");

    public static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<IReadOnlyList<string>> findings, IStringLocalizer l) =>
        [SwotFindingFile.Keys, [.. SwotFindingFile.Keys.Select(k => l[SwotFindingFile.LabelKey(k)].Value)], .. findings];

    public static string FileName(string roundCode, TabularFormat format) => $"swot-{roundCode}-findings{TabularFile.Extension(format)}";

    /// <summary>The data rows of a file's table, each with its row number in the file; or what is wrong with the table as a whole.</summary>
    public static Result<IReadOnlyList<SwotImportRow>> DataRows(IReadOnlyList<IReadOnlyList<string>> table, IStringLocalizer l)
    {
        if (table.Count == 0 || !IsKeyRow(table[0]))
        {
            return KeysMissing;
        }

        if (table.Count > TabularFile.MaxRows + 2)
        {
            return TooLarge;
        }

        var first = table.Count > 1 && IsLabelRow(table[1], l) ? 2 : 1;
        var rows = table.Skip(first).Select((cells, i) => new SwotImportRow(first + i + 1, cells)).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        return rows.Count == 0 ? NoRows : rows;
    }

    private static bool IsKeyRow(IReadOnlyList<string> row) =>
        row.Count >= SwotFindingFile.Keys.Count
        && SwotFindingFile.Keys.Select((k, i) => string.Equals(row[i].Trim(), k, StringComparison.OrdinalIgnoreCase)).All(same => same)
        && row.Skip(SwotFindingFile.Keys.Count).All(string.IsNullOrWhiteSpace);

    private static bool IsLabelRow(IReadOnlyList<string> row, IStringLocalizer l)
    {
        var names = SwotFindingFile.Keys.Select(_ => new HashSet<string>(StringComparer.OrdinalIgnoreCase)).ToList();
        var current = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in WebServices.Cultures)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                for (var i = 0; i < names.Count; i++)
                {
                    names[i].Add(l[SwotFindingFile.LabelKey(SwotFindingFile.Keys[i])].Value);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }

        return names.Select((set, i) => i < row.Count && set.Contains(row[i].Trim())).All(named => named);
    }
}
