using System.Diagnostics;
using CooperationModel.Application.Common;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.Benchmarks;

/// <summary>The timings of one use case and what its SQL did.</summary>
public sealed record Measurement(
    Scenario Scenario,
    string Result,
    IReadOnlyList<double> Milliseconds,
    int SqlCommands,
    IReadOnlyList<ExplainedCommand> Plans,
    IReadOnlyList<string> RuleViolations)
{
    public double Median => Percentile(0.5);

    public double P95 => Percentile(0.95);

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();

    /// <summary>Nearest rank on the sorted timings.</summary>
    private double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
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
        var result = "";
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

        return new Measurement(scenario, result, times, maxCommands, plans, [.. violations.Distinct()]);
    }
}
