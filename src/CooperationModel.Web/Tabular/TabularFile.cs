using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace CooperationModel.Web.Tabular;

/// <summary>The two file formats of the app's tables.</summary>
public enum TabularFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>
/// A table (rows of text cells) as a CSV or XLSX file and back, for any of the app's exports and imports (the SWOT
/// findings; issue 16's statistics can reuse it). The layout (which rows are headers) is the caller's.
/// CSV: UTF-8 with a byte order mark (so that Excel reads the letters right), cells separated by semicolons (the list
/// separator of Excel in Finnish and Swedish), quoted as RFC 4180 when needed; a cell that a spreadsheet would run as a
/// formula (=, +, -, @, tab, CR, or a leading apostrophe) gets an apostrophe in front, which reading takes off again.
/// Reading a CSV takes a semicolon, comma or tab, whichever the first line uses. XLSX: one sheet, every cell text.
/// </summary>
public static class TabularFile
{
    /// <summary>The largest file an import reads (a larger one is refused before reading).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The most rows an import reads.</summary>
    public const int MaxRows = 10_000;

    public static string ContentType(TabularFormat format) => format == TabularFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(TabularFormat format) => format == TabularFormat.Csv ? ".csv" : ".xlsx";

    /// <summary>The format a file name ends with, if it is one of the two.</summary>
    public static TabularFormat? FormatOf(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? TabularFormat.Csv
        : fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? TabularFormat.Xlsx
        : null;

    public static byte[] Write(TabularFormat format, IEnumerable<IReadOnlyList<string>> rows, string sheetName = "Sheet1") =>
        format == TabularFormat.Csv ? WriteCsv(rows) : WriteXlsx(rows, sheetName);

    /// <summary>The file's rows (an unreadable file: null). Trailing empty cells stay; every row is returned, empty ones too.</summary>
    public static IReadOnlyList<IReadOnlyList<string>>? Read(TabularFormat format, byte[] content)
    {
        try
        {
            return format == TabularFormat.Csv ? ReadCsv(content) : ReadXlsx(content);
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException or FormatException or InvalidOperationException or IOException
                                      or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    public static byte[] WriteCsv(IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(';', row.Select(CsvCell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static IReadOnlyList<IReadOnlyList<string>> ReadCsv(byte[] content)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Contains(';') ? ';' : firstLine.Contains('\t') ? '\t' : ',';
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == separator)
            {
                row.Add(FromCsvCell(cell.ToString()));
                cell.Clear();
                wasQuoted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(FromCsvCell(cell.ToString()));
                rows.Add(row);
                row = [];
                cell.Clear();
                wasQuoted = false;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException("A quoted cell does not end.");
        }

        if (cell.Length > 0 || row.Count > 0 || wasQuoted)
        {
            row.Add(FromCsvCell(cell.ToString()));
            rows.Add(row);
        }

        return rows;
    }

    public static byte[] WriteXlsx(IEnumerable<IReadOnlyList<string>> rows, string sheetName = "Sheet1")
    {
        var list = rows.ToList();
        var width = list.Count == 0 ? 1 : list.Max(r => r.Count);
        var columns = Enumerable.Range(0, width).Select(ColumnName).ToArray();
        var values = list.Select(r =>
        {
            var map = new Dictionary<string, object>(width, StringComparer.Ordinal);
            for (var i = 0; i < width; i++)
            {
                map[columns[i]] = i < r.Count ? r[i] ?? "" : "";
            }

            return map;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(values, printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static IReadOnlyList<IReadOnlyList<string>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var rows = new List<IReadOnlyList<string>>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add([.. row.Values.Select(Text)]);
            if (rows.Count > MaxRows + 2)
            {
                break;
            }
        }

        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static bool RunsAsFormula(string value) => value.Length > 0 && "=+-@\t\r'".Contains(value[0]);

    private static string CsvCell(string value)
    {
        if (RunsAsFormula(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', ',', '\t', '"', '\n', '\r']) >= 0 || value.StartsWith('\'') || value != value.Trim()
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
    }

    private static string FromCsvCell(string value) =>
        value.Length > 1 && value[0] == '\'' && RunsAsFormula(value[1..]) ? value[1..] : value;
}
