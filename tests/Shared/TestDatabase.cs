using Npgsql;

namespace CooperationModel.Tests.Shared;

/// <summary>
/// A database of its own for one test run, on the PostgreSQL cluster that <c>make test</c> starts
/// (COOPERATIONMODEL_TEST_CONNECTION, an admin connection to that cluster). Created empty and owned by the owner
/// role, dropped at the end. The app connects as the app role, as in production (docs/security.md), with keys of
/// this database's own.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "COOPERATIONMODEL_TEST_CONNECTION";
    public const string OwnerRole = "cooperationmodel_owner";
    public const string AppRole = "cooperationmodel_app";

    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name, string? keyEncryptionKey = null, string? identityCodeHashKey = null)
    {
        KeyEncryptionKey = keyEncryptionKey ?? Infrastructure.Protection.EncryptionOptions.NewKey();
        IdentityCodeHashKey = identityCodeHashKey ?? Infrastructure.Protection.EncryptionOptions.NewKey();
        _serverConnectionString = serverConnectionString;
        Name = name;
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Username = OwnerRole }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Username = AppRole }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The app's connection: row-level security holds it to the organisation it sets.</summary>
    public string ConnectionString { get; }

    /// <summary>The tables' owner: migrations, and tests that look at every tenant's rows (not subject to row-level security).</summary>
    public string OwnerConnectionString { get; }

    /// <summary>The key-encryption key and the identity code hash key of this database (settings "Encryption:…").</summary>
    public string KeyEncryptionKey { get; }

    public string IdentityCodeHashKey { get; }

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
        await EnsureRolesAsync(connection);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(server, name);
    }

    /// <summary>A database made and kept by an earlier run (the benchmark's BENCH_DATABASE), with the keys it was made with.</summary>
    public static TestDatabase Existing(string server, string name, string keyEncryptionKey, string identityCodeHashKey) =>
        new(server, name, keyEncryptionKey, identityCodeHashKey);

    /// <summary>
    /// Closes the database to every connection (and ends those open, the app's pooled ones among them), or opens it again:
    /// the database is down, as far as the app can tell.
    /// </summary>
    public async Task SetConnectionsAllowedAsync(bool allowed)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", connection);
        await alter.ExecuteNonQueryAsync();
        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("name", Name);
            await terminate.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The roles scripts/pg.sh creates; made here too when a server was set up otherwise. Test projects run at once.</summary>
    private static async Task EnsureRolesAsync(NpgsqlConnection connection)
    {
        foreach (var (role, options) in new[] { (OwnerRole, "LOGIN"), (AppRole, "LOGIN NOBYPASSRLS") })
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = @role", connection);
            exists.Parameters.AddWithValue("role", role);
            if (await exists.ExecuteScalarAsync() is not null)
            {
                continue;
            }

            try
            {
                await using var create = new NpgsqlCommand($"CREATE ROLE {role} {options}", connection);
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
            {
                // Another test project created it a moment ago.
            }
        }
    }
}
