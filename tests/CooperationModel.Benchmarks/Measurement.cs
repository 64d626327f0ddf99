using System.Diagnostics;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Clients;
using CooperationModel.Infrastructure.Protection;
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

/// <summary>
/// Where a use case's time goes, all in the same minutes, each pair alternating: the app; the app without the access-log
/// insert and its commit; the app's own queries replayed over Npgsql; the hand-written SQL (both under RLS).
/// </summary>
public sealed record Breakdown(Timings App, Timings WithoutLog, Timings Replayed, Timings HandWritten)
{
    /// <summary>The access-log insert and its commit: the app's median less its median without them.</summary>
    public double AccessLog => App.Median - WithoutLog.Median;

    /// <summary>EF Core's part (building the queries, materialising, the extra round trips): without the log, less its SQL replayed.</summary>
    public double Materialisation => WithoutLog.Median - Replayed.Median;

    /// <summary>What the app's SQL costs more than the hand-written: its queries, round trips and columns.</summary>
    public double QueryShape => Replayed.Median - HandWritten.Median;
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
    /// <summary>Set for the scenarios whose time is broken down (<see cref="Scenario.Breakdown"/>).</summary>
    public Breakdown? Breakdown { get; init; }

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

        if (scenario.WithoutLog is { } warmWithoutLog)
        {
            for (var i = 0; i < warmup; i++)
            {
                await warmWithoutLog(scope.ServiceProvider, cancellationToken);
            }
        }

        var times = new List<double>(repetitions);
        var withoutLog = new List<double>(repetitions);
        var result = new Outcome("", SqlRows.None);
        IReadOnlyList<RecordedCommand> commands = [];
        var maxCommands = 0;
        for (var i = 0; i < repetitions; i++)
        {
            using (var recording = app.Recorder.Start())
            {
                var watch = Stopwatch.StartNew();
                result = await scenario.RunAsync(scope.ServiceProvider, cancellationToken);
                watch.Stop();
                times.Add(watch.Elapsed.TotalMilliseconds);
                commands = recording.Commands;
                maxCommands = Math.Max(maxCommands, commands.Count);
            }

            // Alternating with the call above, so that both see the same moments of a shared machine.
            if (scenario.WithoutLog is { } runWithoutLog)
            {
                var watch = Stopwatch.StartNew();
                await runWithoutLog(scope.ServiceProvider, cancellationToken);
                withoutLog.Add(watch.Elapsed.TotalMilliseconds);
            }
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

        var (baseline, replayed) = await BaselineAsync(app, scope.ServiceProvider, scenario, commands, result, warmup, repetitions, cancellationToken);
        return new Measurement(scenario, result.Result, new Timings(times), maxCommands, plans, [.. violations.Distinct()], baseline)
        {
            Breakdown = scenario.Breakdown && withoutLog.Count > 0 && replayed is not null
                ? new Breakdown(new Timings(times), new Timings(withoutLog), replayed, baseline.UnderRls)
                : null,
        };
    }

    /// <summary>
    /// What decrypting a page of identity codes costs through the app's own protector (the seeder writes them in plain
    /// text, so no figure above includes it): <paramref name="codes"/> codes encrypted once, then each call decrypts and
    /// parses all of them, as the value converter of the identity-code columns does for each row read.
    /// </summary>
    public static Timings Decryption(IServiceProvider services, IReadOnlyList<string> codes, int warmup, int repetitions)
    {
        var protector = services.GetRequiredService<PersonalDataProtector>();
        // As stored, plain (the seeder's) or encrypted (a kept database after the start-up's backfill): encrypted afresh.
        var stored = codes.Select(code => protector.Protect(protector.Unprotect(code))).ToList();
        var times = new List<double>(repetitions);
        for (var i = 0; i < warmup + repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var value in stored)
            {
                if (!PersonalIdentityCode.Parse(protector.Unprotect(value)).IsSuccess)
                {
                    throw new InvalidOperationException("A decrypted identity code did not parse.");
                }
            }

            watch.Stop();
            if (i >= warmup)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new Timings(times);
    }

    /// <summary>
    /// Times the scenario's SQL on two connections opened once (as a pool hands them out): the app's role acting for the
    /// organisation, and the owner. Both run alternately, warm-up first; hand-written SQL is checked against the use
    /// case's ids first, and a mismatch stops the run (an unfair comparison is worth nothing).
    /// </summary>
    private static async Task<(Baseline Baseline, Timings? Replayed)> BaselineAsync(
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
                var rows = await sql(connection, cancellationToken);
                if (!rows.Matches(outcome.Rows))
                {
                    throw new InvalidOperationException(
                        $"{scenario.Group}: {scenario.Name}: the hand-written SQL as {name} returned {rows}, not the use case's {outcome.Rows} (ids in the same order).");
                }
            }

            checkedIds = $"{outcome.Rows.Ids.Count} ids, {outcome.Rows.Counts.Count} counts match";
        }

        // The breakdown also times the app's own queries replayed, under RLS, alternating with the hand-written SQL.
        var replay = scenario.Breakdown && scenario.HandWritten is not null ? HandWrittenSql.Replay(commands) : null;
        for (var i = 0; i < warmup; i++)
        {
            await sql(rls, cancellationToken);
            await sql(owner, cancellationToken);
            if (replay is not null)
            {
                await replay(rls, cancellationToken);
            }
        }

        var underRls = new List<double>(repetitions);
        var asOwner = new List<double>(repetitions);
        var replayed = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            underRls.Add(await TimeAsync(sql, rls, cancellationToken));
            asOwner.Add(await TimeAsync(sql, owner, cancellationToken));
            if (replay is not null)
            {
                replayed.Add(await TimeAsync(replay, rls, cancellationToken));
            }
        }

        return (new Baseline(kind, new Timings(underRls), new Timings(asOwner), checkedIds), replay is null ? null : new Timings(replayed));
    }

    private static async Task<double> TimeAsync(SqlBaseline sql, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await sql(connection, cancellationToken);
        return watch.Elapsed.TotalMilliseconds;
    }
}
