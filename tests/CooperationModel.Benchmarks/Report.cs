using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CooperationModel.Tests.Shared.Performance;

namespace CooperationModel.Benchmarks;

/// <summary>Where and on what the benchmark ran.</summary>
public sealed record RunInfo(
    DateTimeOffset StartedAt,
    BenchmarkOptions Options,
    string DatabaseName,
    string PostgresVersion,
    string PostgresSettings,
    TimeSpan StartUp,
    VolumeReport Volume)
{
    /// <summary>Decrypting and parsing a page of identity codes through the app's protector (Measurements.Decryption).</summary>
    public Timings? Decryption { get; init; }

    public int DecryptedCodes { get; init; }
}

/// <summary>The results as a console table and as a markdown file.</summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string ConsoleTable(IReadOnlyList<Measurement> measurements)
    {
        var text = new StringBuilder();
        var width = measurements.Max(m => m.Scenario.Name.Length) + 2;
        var group = "";
        text.AppendLine(Invariant, $"{"use case".PadRight(width)} {"median",8} {"p95",8} {"min",8} {"max",8} {"SQL",4}  result");
        foreach (var m in measurements)
        {
            if (m.Scenario.Group != group)
            {
                group = m.Scenario.Group;
                text.AppendLine(Invariant, $"-- {group}");
            }

            text.AppendLine(Invariant, $"{m.Scenario.Name.PadRight(width)} {m.Median,8:0.0} {m.P95,8:0.0} {m.Min,8:0.0} {m.Max,8:0.0} {m.SqlCommands,4}  {m.Result}{(m.RuleViolations.Count > 0 ? "  [!] " + m.RuleViolations.Count + " plan finding(s)" : "")}");
        }

        text.AppendLine();
        text.AppendLine(Invariant, $"{"against the SQL floor".PadRight(width)} {"app med",8} {"p95",8} {"RLS med",8} {"p95",8} {"own med",8} {"p95",8} {"app/RLS",8} {"RLS/own",8}  SQL");
        foreach (var m in measurements)
        {
            text.AppendLine(Invariant, $"{m.Scenario.Name.PadRight(width)} {m.App.Median,8:0.00} {m.App.P95,8:0.00} {m.Sql.UnderRls.Median,8:0.00} {m.Sql.UnderRls.P95,8:0.00} {m.Sql.Owner.Median,8:0.00} {m.Sql.Owner.P95,8:0.00} {Ratio(m.AppOverSql, Baseline.AppTarget),8} {Ratio(m.RlsOverOwner, Baseline.RlsTarget),8}  {m.Sql.Kind}");
        }

        return text.ToString();
    }

    /// <summary>Where the time goes, for the scenarios broken down: the medians under RLS and their differences.</summary>
    public static string BreakdownTable(IReadOnlyList<Measurement> measurements, Timings? decryption, int codes)
    {
        var text = new StringBuilder();
        text.AppendLine("where the time goes (medians in ms; all under RLS, each pair alternating in the same minutes)");
        text.AppendLine(Invariant, $"{"use case",-44} {"app",8} {"no log",8} {"replayed",8} {"hand",8} {"log",8} {"EF",8} {"queries",8}");
        foreach (var m in measurements.Where(m => m.Breakdown is not null))
        {
            var b = m.Breakdown!;
            text.AppendLine(Invariant, $"{m.Scenario.Name,-44} {b.App.Median,8:0.00} {b.WithoutLog.Median,8:0.00} {b.Replayed.Median,8:0.00} {b.HandWritten.Median,8:0.00} {b.AccessLog,8:0.00} {b.Materialisation,8:0.00} {b.QueryShape,8:0.00}");
        }

        if (decryption is not null)
        {
            text.AppendLine(Invariant, $"decrypting {codes} identity codes (the app's protector, then parsing): median {decryption.Median:0.000} ms, p95 {decryption.P95:0.000} ms");
        }

        return text.ToString();
    }

    /// <summary>A ratio with a mark when it misses its target.</summary>
    private static string Ratio(double ratio, double target) => ratio.ToString("0.00", Invariant) + (ratio <= target ? " " : "!");

    public static string SendLine(SendMeasurement sends) => string.Create(
        Invariant,
        $"referral creation ({sends.Sends} each): SendReferral {sends.AppPerSecond:0.0}/s, raw INSERT of the same rows {sends.RawPerSecond:0.0}/s, app/raw {Ratio(sends.Ratio, double.MaxValue)} (target at least {SendMeasurement.Target:0.0}{(sends.Ratio >= SendMeasurement.Target ? ", met" : ", missed")}); rows a send: {string.Join(", ", sends.RowsPerSend.Select(t => $"{t.Table} {t.Rows}"))}");

    public static string Markdown(RunInfo run, IReadOnlyList<Measurement> measurements, SendMeasurement sends)
    {
        var md = new StringBuilder();
        var options = run.Options;
        md.AppendLine(Invariant, $"# Benchmark {run.StartedAt:yyyy-MM-dd HH:mm} UTC — scale {options.Scale.Name}");
        md.AppendLine();
        md.AppendLine(Invariant, $"- Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GB RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        md.AppendLine(Invariant, $"- Database: {run.PostgresVersion}; {run.PostgresSettings}");
        md.AppendLine(Invariant, $"- Data: about {options.Scale.Years} years × {options.Scale.ReferralsPerYear:N0} referrals a year (counts below), spread over the 308 municipalities, so over the 38 organisers and 5 Kela districts in proportion to their municipalities");
        md.AppendLine(Invariant, $"- Start-up (app's migrations, reference data, demo users): {run.StartUp.TotalSeconds:0.0} s; seeding (binary COPY): {run.Volume.Seeding.TotalSeconds:0.0} s; VACUUM ANALYZE: {run.Volume.Analysing.TotalSeconds:0.0} s");
        md.AppendLine(Invariant, $"- Method: each use case through the Application layer as its signed-in user, one DI scope per use case; {options.Warmup} warm-up calls, then {options.Repetitions} timed calls (wall clock of the handler call: context, SQL, materialisation). Times in ms.");
        md.AppendLine();
        md.AppendLine("| table | rows |");
        md.AppendLine("|---|---:|");
        foreach (var (table, rows) in run.Volume.Tables)
        {
            md.AppendLine(Invariant, $"| {table} | {rows:N0} |");
        }

        md.AppendLine();
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine("| who | use case | result | median | p95 | min | max | SQL commands | tenant-index rule |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var m in measurements)
        {
            var rule = m.RuleViolations.Count == 0 ? "ok" : string.Join("<br>", m.RuleViolations);
            md.AppendLine(Invariant, $"| {m.Scenario.Group} | {m.Scenario.Name} | {m.Result} | {m.Median:0.0} | {m.P95:0.0} | {m.Min:0.0} | {m.Max:0.0} | {m.SqlCommands} | {rule} |");
        }

        md.AppendLine();
        md.AppendLine("## The data layer against the SQL floor");
        md.AppendLine();
        md.AppendLine(Invariant, $"The same result by SQL over plain Npgsql, timed in the same run on connections opened once: as the app's role under row-level security (acting for the user's organisation, as TenantSessionInterceptor sets it), and as the table owner (no RLS). *hand-written*: SQL written for the use case, its ids checked once against the use case's; *replayed*: the use case's own queries. Targets: app/RLS at most {Baseline.AppTarget:0.0}, RLS/owner at most {Baseline.RlsTarget:0.0} (! marks a miss). Times in ms.");
        md.AppendLine();
        md.AppendLine("| who | use case | SQL | app median | app p95 | SQL (RLS) median | p95 | SQL (owner) median | p95 | app / SQL (RLS) | RLS / owner | rows checked |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in measurements)
        {
            md.AppendLine(Invariant, $"| {m.Scenario.Group} | {m.Scenario.Name} | {m.Sql.Kind} | {m.App.Median:0.00} | {m.App.P95:0.00} | {m.Sql.UnderRls.Median:0.00} | {m.Sql.UnderRls.P95:0.00} | {m.Sql.Owner.Median:0.00} | {m.Sql.Owner.P95:0.00} | {Ratio(m.AppOverSql, Baseline.AppTarget)} | {Ratio(m.RlsOverOwner, Baseline.RlsTarget)} | {m.Sql.IdsChecked} |");
        }

        md.AppendLine();
        md.AppendLine("## Where the time goes");
        md.AppendLine();
        md.AppendLine("Medians in ms, all under row-level security, in the same minutes: the app; the app without the access-log insert and its commit (the inbox shown again with the same rows, `ListInboxQuery.AlreadyShown`; the case page's `RereadAsync`, its interactive render after the logged prerender), alternating with the app; the app's own queries replayed over Npgsql and the hand-written SQL, alternating. *log* = app − no log; *EF* (EF Core: building the query, materialising, the pool's connection and its tenant setting) = no log − replayed; *queries* (the app's SQL over the hand-written: round trips, columns, query shape) = replayed − hand-written.");
        md.AppendLine();
        md.AppendLine("| who | use case | app | no log | replayed | hand-written | log | EF | queries |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in measurements.Where(m => m.Breakdown is not null))
        {
            var b = m.Breakdown!;
            md.AppendLine(Invariant, $"| {m.Scenario.Group} | {m.Scenario.Name} | {b.App.Median:0.00} | {b.WithoutLog.Median:0.00} | {b.Replayed.Median:0.00} | {b.HandWritten.Median:0.00} | {b.AccessLog:0.00} | {b.Materialisation:0.00} | {b.QueryShape:0.00} |");
        }

        if (run.Decryption is { } decryption)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"Decryption on its own (the seeder writes personal data encrypted, so the figures above include it): {run.DecryptedCodes} identity codes encrypted by the app's `PersonalDataProtector`, then decrypted and parsed as the columns' value converter does, {decryption.Median:0.000} ms median, {decryption.P95:0.000} ms p95 a page ({decryption.Milliseconds.Count} calls).");
        }

        md.AppendLine();
        md.AppendLine("## Referral creation");
        md.AppendLine();
        md.AppendLine(Invariant, $"{sends.Sends} referrals sent one after another by the Southern district's handler through SendReferralHandler (reads of the case and the open-referral check, then one save: referral, events, disclosure, notification, the case's step, access log), against {sends.Sends} raw INSERTs of the same rows (copied from the app's own first send, new ids) on the app's role under RLS, one transaction and one batch a referral.");
        md.AppendLine();
        md.AppendLine("| | referrals / s |");
        md.AppendLine("|---|---:|");
        md.AppendLine(Invariant, $"| SendReferral (app) | {sends.AppPerSecond:0.0} |");
        md.AppendLine(Invariant, $"| raw INSERT | {sends.RawPerSecond:0.0} |");
        md.AppendLine(Invariant, $"| app / raw (target at least {SendMeasurement.Target:0.0}) | {sends.Ratio:0.00} |");
        md.AppendLine();
        md.AppendLine(Invariant, $"Rows a send: {string.Join(", ", sends.RowsPerSend.Select(t => $"{t.Table} {t.Rows}"))}.");

        md.AppendLine();
        md.AppendLine("## Plans");
        md.AppendLine();
        md.AppendLine("EXPLAIN (ANALYZE, BUFFERS) of every query of the last timed call, with its own parameter values.");
        foreach (var m in measurements)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"### {m.Scenario.Group}: {m.Scenario.Name}");
            foreach (var plan in m.Plans)
            {
                md.AppendLine();
                md.AppendLine("<details><summary>SQL</summary>");
                md.AppendLine();
                md.AppendLine("```sql");
                md.AppendLine(plan.Command.Sql);
                md.AppendLine("```");
                md.AppendLine("</details>");
                md.AppendLine();
                md.AppendLine("```text");
                md.Append(plan.PlanText);
                md.AppendLine("```");
            }
        }

        return md.ToString();
    }
}
