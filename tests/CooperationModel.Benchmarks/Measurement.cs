using System.Diagnostics;
using CooperationModel.Application.Common;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.Benchmarks;

/// <summary>Timed calls in milliseconds, with their median and p95 (nearest rank).</summary>
public sealed record Timings(IReadOnlyList<double> Milliseconds)
{
    public double Median => Percentile(0.5);

    public double P95 => Percentile(0.95);

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();

    private double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// The SQL floor of a use case, timed in the same run: on the app's role under row-level security (acting for the
/// user's organisation, as TenantSessionInterceptor sets it) and as the table owner without it. <see cref="IdsChecked"/>:
/// the hand-written SQL returned the use case's rows, in order, on both connections (checked once, outside the timing).
/// </summary>
public sealed record Baseline(string Kind, Timings UnderRls, Timings Owner, string IdsChecked)
{
    public const double AppTarget = 1.5;

    public const double RlsTarget = 1.3;
}

/// <summary>The timings of one use case, what its SQL did, and its SQL floor.</summary>
public sealed record Measurement(
    Scenario Scenario,
    string Result,
    Timings App,
    int SqlCommands,
    IReadOnlyList<ExplainedCommand> Plans,
    IReadOnlyList<string> RuleViolations,
    Baseline Sql)
{
    public double Median => App.Median;

    public double P95 => App.P95;

    public double Min => App.Min;

    public double Max => App.Max;

    /// <summary>The app's median over the SQL's under row-level security (target at most 1.5).</summary>
    public double AppOverSql => App.Median / Sql.UnderRls.Median;

    /// <summary>Row-level security's median over the owner's plain query (target at most 1.3).</summary>
    public double RlsOverOwner => Sql.UnderRls.Median / Sql.Owner.Median;
}

/// <summary>
/// Runs each use case as its user, in one DI scope per use case (as one Blazor circuit would): warm-up calls first,
/// then timed calls. The SQL of the last call is explained with ANALYZE and checked against the tenant-index rule.
/// </summary>
public static class Measurements
{
    public static async Task<Measurement> MeasureAsync(
        PerformanceAppFactory app, Scenario scenario, int warmup, int repetitions, CancellationToken cancellationToken)
    {
        await using var scope = await app.SignInAsync(scenario.UserEmail);
        for (var i = 0; i < warmup; i++)
        {
            await scenario.RunAsync(scope.ServiceProvider, cancellationToken);
        }

        var times = new List<double>(repetitions);
        var result = new Outcome("", []);
        IReadOnlyList<RecordedCommand> commands = [];
        var maxCommands = 0;
        for (var i = 0; i < repetitions; i++)
        {
            using var recording = app.Recorder.Start();
            var watch = Stopwatch.StartNew();
            result = await scenario.RunAsync(scope.ServiceProvider, cancellationToken);
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
            commands = recording.Commands;
            maxCommands = Math.Max(maxCommands, commands.Count);
        }

        // Explained as the app runs them: on its role, with row-level security holding it to the user's organisation.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await QueryPlans.ActForAsync(connection, scope.ServiceProvider.GetRequiredService<ICurrentUser>().OrganisationId, cancellationToken);
        var indexes = await QueryPlans.IndexesAsync(connection, cancellationToken);
        var plans = new List<ExplainedCommand>();
        var violations = new List<string>();
        foreach (var command in commands.Where(c => c.IsQuery))
        {
            var plan = await QueryPlans.ExplainAsync(connection, command, analyse: true, cancellationToken);
            plans.Add(plan);
            violations.AddRange(TenantIndexRule.Violations(plan, indexes));
        }

        var baseline = await BaselineAsync(app, scope.ServiceProvider, scenario, commands, result, warmup, repetitions, cancellationToken);
        return new Measurement(scenario, result.Result, new Timings(times), maxCommands, plans, [.. violations.Distinct()], baseline);
    }

    /// <summary>
    /// Times the scenario's SQL on two connections opened once (as a pool hands them out): the app's role acting for the
    /// organisation, and the owner. Both run alternately, warm-up first; hand-written SQL is checked against the use
    /// case's ids first, and a mismatch stops the run (an unfair comparison is worth nothing).
    /// </summary>
    private static async Task<Baseline> BaselineAsync(
        PerformanceAppFactory app,
        IServiceProvider services,
        Scenario scenario,
        IReadOnlyList<RecordedCommand> commands,
        Outcome outcome,
        int warmup,
        int repetitions,
        CancellationToken cancellationToken)
    {
        var (kind, sql) = scenario.HandWritten is { } build
            ? ("hand-written", build(services))
            : ("replayed", HandWrittenSql.Replay(commands));
        await using var rls = new NpgsqlConnection(app.ConnectionString);
        await rls.OpenAsync(cancellationToken);
        await QueryPlans.ActForAsync(rls, services.GetRequiredService<ICurrentUser>().OrganisationId, cancellationToken);
        await using var owner = new NpgsqlConnection(app.OwnerConnectionString);
        await owner.OpenAsync(cancellationToken);

        var checkedIds = "—";
        if (scenario.HandWritten is not null)
        {
            foreach (var (name, connection) in new[] { ("app role under RLS", rls), ("owner", owner) })
            {
                var ids = await sql(connection, cancellationToken);
                if (!ids.SequenceEqual(outcome.Ids))
                {
                    throw new InvalidOperationException(
                        $"{scenario.Group}: {scenario.Name}: the hand-written SQL as {name} returned {ids.Count} rows, not the use case's {outcome.Ids.Count} in the same order.");
                }
            }

            checkedIds = $"{outcome.Ids.Count} ids match";
        }

        for (var i = 0; i < warmup; i++)
        {
            await sql(rls, cancellationToken);
            await sql(owner, cancellationToken);
        }

        var underRls = new List<double>(repetitions);
        var asOwner = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            underRls.Add(await TimeAsync(sql, rls, cancellationToken));
            asOwner.Add(await TimeAsync(sql, owner, cancellationToken));
        }

        return new Baseline(kind, new Timings(underRls), new Timings(asOwner), checkedIds);
    }

    private static async Task<double> TimeAsync(SqlBaseline sql, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await sql(connection, cancellationToken);
        return watch.Elapsed.TotalMilliseconds;
    }
}
