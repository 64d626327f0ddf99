using CooperationModel.Tests.Shared;
using CooperationModel.Tests.Shared.Performance;
using CooperationModel.Application.Common;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.IntegrationTests.Performance;

/// <summary>
/// A database of its own with enough client data that PostgreSQL plans as it would in production (about 21,000
/// referrals over the organisers, with their cases, events, forwards, messages, disclosures and notifications,
/// then VACUUM ANALYZE), and the real app on it with a recorder on its context options.
/// </summary>
public sealed class PlanCheckFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PerformanceAppFactory? _app;

    public PerformanceAppFactory App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public VolumeSamples Samples { get; private set; } = null!;

    public IReadOnlyDictionary<string, IndexInfo> Indexes { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("plans");
        _app = new PerformanceAppFactory(_database, new SqlRecorder());
        // Starts the host: migrations, reference data and demo users, as the app's own start-up leaves them.
        _ = _app.Services;
        await VolumeSeeder.SeedAsync(_database.OwnerConnectionString, VolumeOptions.PlanChecks, DateTimeOffset.UtcNow, _database.IdentityCodeHashKey);
        Samples = await VolumeSamples.LoadAsync(_database.OwnerConnectionString, CancellationToken.None);
        await using var connection = new NpgsqlConnection(_database.OwnerConnectionString);
        await connection.OpenAsync();
        Indexes = await QueryPlans.IndexesAsync(connection);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs a use case as the user, records the SQL EF sends, and explains every query with its own parameters. With
    /// <paramref name="withoutSeqScans"/> the planner is told not to scan (<c>enable_seqscan = off</c>): for the small
    /// tables the volume does not fill, the plan then shows whether an index fits the query at all.
    /// </summary>
    public async Task<PlanCheck> RunAsync(string email, Func<IServiceProvider, Task> useCase, bool withoutSeqScans = false)
    {
        IReadOnlyList<RecordedCommand> commands;
        Guid organisationId;
        await using (var scope = await App.SignInAsync(email))
        {
            organisationId = scope.ServiceProvider.GetRequiredService<ICurrentUser>().OrganisationId;
            using var recording = App.Recorder.Start();
            await useCase(scope.ServiceProvider);
            commands = recording.Commands;
        }

        // Explained as the app runs them: on its role, with row-level security holding it to the user's organisation.
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await QueryPlans.ActForAsync(connection, organisationId);
        if (withoutSeqScans)
        {
            await using var setting = new NpgsqlCommand("SET enable_seqscan = off", connection);
            await setting.ExecuteNonQueryAsync();
        }

        var plans = new List<ExplainedCommand>();
        foreach (var command in commands.Where(c => c.IsQuery))
        {
            plans.Add(await QueryPlans.ExplainAsync(connection, command));
        }

        return new PlanCheck(commands, plans, Indexes);
    }
}

/// <summary>What one use case sent, and its plans.</summary>
public sealed record PlanCheck(IReadOnlyList<RecordedCommand> Commands, IReadOnlyList<ExplainedCommand> Plans, IReadOnlyDictionary<string, IndexInfo> Indexes)
{
    /// <summary>Fails with the offending plans when a query scans a client table or uses an index that is not tenant-first.</summary>
    public void ShouldUseTenantIndexes(params string[] knownExceptions)
    {
        var allowed = knownExceptions.ToHashSet();
        var failures = Plans
            .Select(plan => (plan, violations: TenantIndexRule.Violations(plan, Indexes, allowed)))
            .Where(p => p.violations.Count > 0)
            .Select(p => string.Join("\n", p.violations) + "\n" + p.plan.Command.Sql + "\n" + p.plan.PlanText)
            .ToList();
        failures.ShouldBeEmpty(string.Join("\n\n", failures));
    }
}
