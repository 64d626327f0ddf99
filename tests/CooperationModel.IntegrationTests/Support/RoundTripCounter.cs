using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperationModel.IntegrationTests.Support;

/// <summary>
/// Counts what a use case costs the database in the async flow that started counting: the connections its contexts
/// open (each one also sends the tenant setting, <c>TenantSessionInterceptor</c>), the commands EF Core sends (a batch
/// of statements is one command, one round trip), and the transactions begun and committed. Added to the app's own
/// context options; it changes nothing it sees.
/// </summary>
public sealed class RoundTripCounter : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly AsyncLocal<List<string>?> _current = new();

    /// <summary>Starts counting in this async flow; dispose the result to stop.</summary>
    public Counting Start()
    {
        var steps = new List<string>();
        _current.Value = steps;
        return new Counting(steps, () => _current.Value = null);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Note(Counting.Open);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(Counting.Open);
        return Task.CompletedTask;
    }

    public DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) => result;

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command.CommandText);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command.CommandText);
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Note(command.CommandText);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Note(Counting.Begin);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Note(Counting.Begin);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Note(Counting.Commit);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(Counting.Commit);
        return Task.CompletedTask;
    }

    private void Note(string step)
    {
        if (_current.Value is not { } steps)
        {
            return;
        }

        lock (steps)
        {
            steps.Add(step);
        }
    }

    /// <summary>What one counting saw, in order.</summary>
    public sealed class Counting(List<string> steps, Action stop) : IDisposable
    {
        public const string Open = "(connection opened: tenant setting)";
        public const string Begin = "(BEGIN: sent with the next command)";
        public const string Commit = "(COMMIT)";

        public IReadOnlyList<string> Steps
        {
            get
            {
                lock (steps)
                {
                    return [.. steps];
                }
            }
        }

        public int Connections => Steps.Count(s => s == Open);

        public int Commands => Steps.Count(s => s is not (Open or Begin or Commit));

        public int Transactions => Steps.Count(s => s == Begin);

        public int Commits => Steps.Count(s => s == Commit);

        /// <summary>Messages that wait for the server: the tenant setting of each connection, each command, each commit.</summary>
        public int RoundTrips => Connections + Commands + Commits;

        public string Describe() => string.Join("\n", Steps.Select((s, i) => $"{i + 1}. {s}"));

        public void Dispose() => stop();
    }
}
