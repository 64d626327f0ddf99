namespace CooperationModel.Domain.Model;

/// <summary>How one row of a side-by-side comparison differs.</summary>
public enum DiffKind
{
    Same = 1,
    /// <summary>Only in the published version.</summary>
    Removed = 2,
    /// <summary>Only in the draft.</summary>
    Added = 3,
    /// <summary>A line of the published version replaced by a line of the draft.</summary>
    Changed = 4,
}

/// <summary>One row of the comparison: the published line on the left, the draft's on the right (null: none).</summary>
public sealed record DiffRow(DiffKind Kind, string? Published, string? Draft);

/// <summary>
/// A line-by-line comparison of a published text and its draft, for showing side by side: the longest common
/// subsequence of lines stays in place, and a run of removed lines followed by added lines is paired row by row as
/// changed (the rest of the longer run stays removed or added). Lines are compared exactly, after trimming.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffRow> Compare(IReadOnlyList<string> published, IReadOnlyList<string> draft)
    {
        var a = published.Select(l => l.Trim()).ToArray();
        var b = draft.Select(l => l.Trim()).ToArray();

        // lcs[i, j]: the length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<DiffRow>();
        var removed = new List<string>();
        var added = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Flush(rows, removed, added);
                rows.Add(new DiffRow(DiffKind.Same, a[x], b[y]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                removed.Add(a[x++]);
            }
        }

        Flush(rows, removed, added);
        return rows;
    }

    /// <summary>Splits a text into its lines (CR LF or LF), dropping empty lines at either end.</summary>
    public static IReadOnlyList<string> Lines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        return lines;
    }

    public static bool HasChanges(IReadOnlyList<DiffRow> rows) => rows.Any(r => r.Kind != DiffKind.Same);

    private static void Flush(List<DiffRow> rows, List<string> removed, List<string> added)
    {
        var paired = Math.Min(removed.Count, added.Count);
        for (var i = 0; i < paired; i++)
        {
            rows.Add(new DiffRow(DiffKind.Changed, removed[i], added[i]));
        }

        rows.AddRange(removed.Skip(paired).Select(l => new DiffRow(DiffKind.Removed, l, null)));
        rows.AddRange(added.Skip(paired).Select(l => new DiffRow(DiffKind.Added, null, l)));
        removed.Clear();
        added.Clear();
    }
}
