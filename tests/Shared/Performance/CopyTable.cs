using Npgsql;
using NpgsqlTypes;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>Rows for one table, buffered and written with PostgreSQL's binary COPY (one statement per flush).</summary>
internal sealed class CopyTable(string name, params (string Column, NpgsqlDbType Type)[] columns)
{
    private readonly List<object?[]> _rows = [];
    private readonly List<int> _protected = [];
    private Func<string, string>? _protect;

    public string Name { get; } = name;

    public long Written { get; private set; }

    public int Buffered => _rows.Count;

    /// <summary>
    /// Encrypts the named columns' text as the app stores it (its personal data protector), so that the app reads them
    /// as it reads its own rows; null leaves them plain, which the app also reads (text from before encryption).
    /// </summary>
    public CopyTable Protecting(Func<string, string>? protect, params string[] protectedColumns)
    {
        _protect = protect;
        _protected.AddRange(protectedColumns.Select(name => Array.FindIndex(columns, c => c.Column == name) is var i and >= 0
            ? i
            : throw new ArgumentException($"{Name} has no column {name}.", nameof(protectedColumns))));
        return this;
    }

    public void Add(params object?[] row)
    {
        if (row.Length != columns.Length)
        {
            throw new ArgumentException($"{Name}: {row.Length} values for {columns.Length} columns.", nameof(row));
        }

        if (_protect is not null)
        {
            foreach (var i in _protected)
            {
                if (row[i] is string plain)
                {
                    row[i] = _protect(plain);
                }
            }
        }

        _rows.Add(row);
    }

    public async Task FlushAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var sql = $"COPY {Name} ({string.Join(", ", columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken))
        {
            // A chunk of the access log is millions of rows; on a loaded machine its COMPLETE took longer than the
            // connection's 30 s command timeout and ended a ten-year seed. The run's own cancellation still applies.
            importer.Timeout = TimeSpan.Zero; // Npgsql: zero is no timeout (a negative span would expire at once)
            foreach (var row in _rows)
            {
                importer.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        importer.Write(value, columns[i].Type);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        Written += _rows.Count;
        _rows.Clear();
    }
}
