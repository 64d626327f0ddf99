using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>One SQL command EF Core sent, with copies of its parameters, so it can be explained afterwards.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public bool IsQuery => Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Records the commands EF Core sends while a recording is open, in the async flow that opened it (so parallel work
/// elsewhere never mixes in). Added to the app's own context options; it changes nothing it sees.
/// </summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    private readonly AsyncLocal<List<RecordedCommand>?> _current = new();

    /// <summary>Starts recording in this async flow; dispose the result (or read it) to stop.</summary>
    public Recording Start()
    {
        var commands = new List<RecordedCommand>();
        _current.Value = commands;
        return new Recording(commands, () => _current.Value = null);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (_current.Value is not { } commands)
        {
            return;
        }

        var parameters = command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList();
        lock (commands)
        {
            commands.Add(new RecordedCommand(command.CommandText, parameters));
        }
    }

    /// <summary>The commands of one recording.</summary>
    public sealed class Recording(List<RecordedCommand> commands, Action stop) : IDisposable
    {
        public IReadOnlyList<RecordedCommand> Commands
        {
            get
            {
                lock (commands)
                {
                    return [.. commands];
                }
            }
        }

        public void Dispose() => stop();
    }
}
