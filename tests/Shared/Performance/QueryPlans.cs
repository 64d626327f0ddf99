using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>One node of a PostgreSQL plan that reads a table (or an index of it).</summary>
public sealed record ScanNode(string NodeType, string Table, string? Index, string? IndexCondition, double? ActualRows, double? ActualLoops, double? ActualMs)
{
    public bool IsSeqScan => NodeType == "Seq Scan";

    public override string ToString()
    {
        var text = Index is null ? $"{NodeType} on {Table}" : $"{NodeType} using {Index} on {Table}";
        return ActualRows is { } rows
            ? text + string.Create(CultureInfo.InvariantCulture, $" (rows {rows:0} × {ActualLoops:0}, {ActualMs:0.###} ms)")
            : text;
    }
}

/// <summary>An explained command: the scan nodes of its plan and the plan as PostgreSQL's text, for messages.</summary>
public sealed record ExplainedCommand(RecordedCommand Command, IReadOnlyList<ScanNode> Scans, string PlanText);

/// <summary>An index of the database: its table, its columns in order, and whether it is the primary key.</summary>
public sealed record IndexInfo(string Name, string Table, IReadOnlyList<string> Columns, bool IsPrimaryKey);

/// <summary>Runs EXPLAIN (FORMAT JSON) on recorded commands and reads which tables and indexes the plan touches.</summary>
public static class QueryPlans
{
    /// <summary>Explains a recorded SELECT with its own parameter values; with <paramref name="analyse"/> it also runs it.</summary>
    public static async Task<ExplainedCommand> ExplainAsync(
        NpgsqlConnection connection, RecordedCommand command, bool analyse = false, CancellationToken cancellationToken = default)
    {
        if (!command.IsQuery)
        {
            throw new InvalidOperationException("Only queries are explained (EXPLAIN ANALYZE would run a write).");
        }

        var options = analyse ? "ANALYZE, BUFFERS, FORMAT JSON" : "FORMAT JSON";
        await using var explain = new NpgsqlCommand($"EXPLAIN ({options}) {command.Sql}", connection);
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var json = (string)(await explain.ExecuteScalarAsync(cancellationToken))!;
        using var document = JsonDocument.Parse(json);
        var plan = document.RootElement[0].GetProperty("Plan");
        var scans = new List<ScanNode>();
        var text = new StringBuilder();
        Walk(plan, scans, text, 0);
        return new ExplainedCommand(command, scans, text.ToString());
    }

    /// <summary>Every index of the public schema, by name.</summary>
    /// <summary>
    /// Makes an app-role connection act for an organisation, as the app's <c>TenantSessionInterceptor</c> does: its queries
    /// are then explained with the row-level security policies PostgreSQL applies to the app.
    /// </summary>
    public static async Task ActForAsync(NpgsqlConnection connection, Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('app.organisation_id', @organisation, false)", connection);
        command.Parameters.AddWithValue("organisation", organisationId.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyDictionary<string, IndexInfo>> IndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT i.relname, t.relname, ix.indisprimary,
                   array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[]
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var indexes = new Dictionary<string, IndexInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var info = new IndexInfo(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(3), reader.GetBoolean(2));
            indexes[info.Name] = info;
        }

        return indexes;
    }

    private static void Walk(JsonElement node, List<ScanNode> scans, StringBuilder text, int depth)
    {
        var type = node.GetProperty("Node Type").GetString()!;
        var table = node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null;
        var index = node.TryGetProperty("Index Name", out var indexName) ? indexName.GetString() : null;
        double? Number(string name) => node.TryGetProperty(name, out var value) ? value.GetDouble() : null;

        text.Append(' ', depth * 2).Append("-> ").Append(type);
        if (index is not null)
        {
            text.Append(" using ").Append(index);
        }

        if (table is not null)
        {
            text.Append(" on ").Append(table);
        }

        foreach (var detail in new[] { "Index Cond", "Filter", "Recheck Cond", "Sort Key", "Subplan Name" })
        {
            if (node.TryGetProperty(detail, out var value))
            {
                text.Append("  [").Append(detail).Append(": ").Append(value.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", value.EnumerateArray().Select(v => v.GetString()))
                    : value.GetString()).Append(']');
            }
        }

        if (Number("Actual Rows") is { } actualRows)
        {
            text.Append(CultureInfo.InvariantCulture, $"  (actual rows {actualRows:0} loops {Number("Actual Loops"):0}, {Number("Actual Total Time"):0.###} ms)");
        }

        text.AppendLine();

        // A bitmap index scan names the index only; its table is the bitmap heap scan's, found through the index.
        if (type is "Seq Scan" or "Index Scan" or "Index Only Scan" or "Bitmap Heap Scan" or "Bitmap Index Scan")
        {
            var condition = node.TryGetProperty("Index Cond", out var indexCondition) ? indexCondition.GetString() : null;
            scans.Add(new ScanNode(type, table ?? "", index, condition, Number("Actual Rows"), Number("Actual Loops"), Number("Actual Total Time")));
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, scans, text, depth + 1);
            }
        }
    }
}
