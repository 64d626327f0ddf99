using Npgsql;

namespace CooperationModel.Tests.Shared;

/// <summary>
/// A database of its own for one test run, on the PostgreSQL cluster that <c>make test</c> starts
/// (COOPERATIONMODEL_TEST_CONNECTION, an admin connection to that cluster). Created empty, dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "COOPERATIONMODEL_TEST_CONNECTION";

    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(string purpose) =>
        CreateAsync(purpose, Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with `make test`, which starts a test database and sets it."));

    /// <summary>A database on the given server (an admin connection string), e.g. the benchmark's.</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose, string server)
    {
        var name = $"cm_test_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
