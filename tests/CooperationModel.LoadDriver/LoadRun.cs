using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CooperationModel.LoadDriver;

/// <summary>
/// What the server said of itself after a forced full GC (the load profile's /_load/gc): the GC heap after the collection
/// (GCMemoryInfo.HeapSizeBytes), the live bytes (GC.GetTotalMemory, what the Chromium probe fits), RSS and CPU time.
/// </summary>
public sealed record ServerReading(long HeapBytes, long LiveBytes, long WorkingSetBytes, double CpuMilliseconds);

/// <summary>
/// The options of one run (see <see cref="Program"/>). RampAt: at this count of circuits, the think time is lowered step
/// by step until p95 passes 250 ms.
/// </summary>
public sealed record LoadOptions(
    Uri BaseAddress,
    IReadOnlyList<int> Circuits,
    string Page,
    TimeSpan ThinkTime,
    TimeSpan EventPhase,
    int Steps,
    Guid? CaseId,
    TimeSpan IdlePhase,
    int? RampAt = null,
    TimeSpan RampPhase = default,
    int OpenParallel = 16,
    bool Paging = false,
    Guid? ReferralId = null,
    TimeSpan Settle = default);

/// <summary>
/// The figures of one event phase: CpuPerEvent is the server's CPU time over the phase, less its idle rate, per event;
/// ServerCores the server's CPU over the phase, in cores (2 is all of this machine).
/// </summary>
public sealed record EventPhase(int Events, double Seconds, double CpuPerEvent, double ServerCores, List<double> Latencies, int Failed, string? FirstFailure)
{
    public double Rate => Seconds == 0 ? 0 : Events / Seconds;

    public double P50 => LoadRun.Percentile(Latencies, 0.50);

    public double P95 => LoadRun.Percentile(Latencies, 0.95);

    public double P99 => LoadRun.Percentile(Latencies, 0.99);
}

/// <summary>
/// One load run: circuits opened in steps, the server's heap and RSS read after each step (a linear fit gives the cost of a
/// circuit), then, with every circuit open, the page's UI events (<see cref="PageEvents"/>), one per circuit every think
/// time; round trips and server CPU per event. At <see cref="LoadOptions.RampAt"/> circuits, the think time is lowered
/// until p95 passes 250 ms.
/// </summary>
public static class LoadRun
{
    /// <summary>The p95 whose event rate the ramp looks for.</summary>
    public const double RampLimitMilliseconds = 250;

    private const string Password = "Demo-salasana-2026";
    private const string Worker = "sosiaalityo.helsinki@demo.test";
    private const string Handler = "kasittelija.etela@demo.test";

    /// <summary>The think times of the ramp, in seconds, each a step faster than the last.</summary>
    private static readonly double[] RampThinkTimes = [10, 5, 2.5, 1.2, 0.6, 0.3, 0.15, 0.08, 0.04];

    public static async Task<ServerReading> ReadServerAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        var json = await http.GetFromJsonAsync<JsonObject>("_load/gc", cancellationToken)
            ?? throw new InvalidOperationException("The diagnostics endpoint answered nothing.");
        return new ServerReading((long)json["heapSizeBytes"]!, (long)json["totalMemoryBytes"]!, (long)json["workingSetBytes"]!, (double)json["cpuMilliseconds"]!);
    }

    /// <summary>The server's CPU time so far, read without a collection (the load profile's /_load/cpu).</summary>
    public static async Task<double> ReadCpuAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        var json = await http.GetFromJsonAsync<JsonObject>("_load/cpu", cancellationToken)
            ?? throw new InvalidOperationException("The diagnostics endpoint answered nothing.");
        return (double)json["cpuMilliseconds"]!;
    }

    public static async Task<string> RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        using var diagnostics = new HttpClient { BaseAddress = options.BaseAddress };
        using var worker = await DemoSession.SignInAsync(options.BaseAddress, Worker, Password, cancellationToken);
        using var handler = await DemoSession.SignInAsync(options.BaseAddress, Handler, Password, cancellationToken);
        var (session, path) = await PageAsync(options, worker, handler, cancellationToken);
        var kinds = PageEvents.KindsOf(options.Page, options.Paging);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"page {path} ({options.Page}), events {string.Join(", ", kinds)} in turn, think time {options.ThinkTime.TotalSeconds:0.##} s, event phase {options.EventPhase.TotalSeconds:0} s, idle phase {options.IdlePhase.TotalSeconds:0} s");
        report.AppendLine();
        report.AppendLine("| circuits | heap KB/circuit (r²) | live KB/circuit (r²) | RSS KB/circuit (r²) | open s | events | events/s | CPU ms/event | server cores | p50 ms | p95 ms | p99 ms | failed |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var ramp = new StringBuilder();
        foreach (var total in options.Circuits)
        {
            var circuits = new List<Circuit>();
            try
            {
                var points = new List<(double Circuits, ServerReading Reading)> { (0, await ReadServerAsync(diagnostics, cancellationToken)) };
                var opening = Stopwatch.StartNew();
                var openingTime = TimeSpan.Zero;
                for (var step = 1; step <= options.Steps; step++)
                {
                    var target = total * step / options.Steps;
                    opening.Restart();
                    await OpenAsync(session, path, circuits, target - circuits.Count, options.OpenParallel, cancellationToken);
                    openingTime += opening.Elapsed;
                    // A page's own loads after its first render (the inbox's rows) settle first, as the Chromium probe waits.
                    await Task.Delay(options.Settle, cancellationToken);
                    var reading = await ReadServerAsync(diagnostics, cancellationToken);
                    points.Add((circuits.Count, reading));
                    // The driver's own cost: its managed heap and the element tree of one circuit (what 5,000 circuits hold here).
                    var driverBytes = GC.GetTotalMemory(forceFullCollection: false);
                    log.WriteLine($"{circuits.Count} circuits: heap {reading.HeapBytes / 1024} KB, RSS {reading.WorkingSetBytes / 1024} KB; driver heap {driverBytes / 1024 / 1024} MB, {(circuits.Count > 0 ? circuits[0].TreeNodes : 0)} tree nodes a circuit ({started.Elapsed.TotalSeconds:0} s)");
                }

                var heap = Fit(points.Select(p => (p.Circuits, (double)p.Reading.HeapBytes)).ToList());
                var live = Fit(points.Select(p => (p.Circuits, (double)p.Reading.LiveBytes)).ToList());
                var rss = Fit(points.Select(p => (p.Circuits, (double)p.Reading.WorkingSetBytes)).ToList());
                var memory = string.Create(CultureInfo.InvariantCulture,
                    $"| {circuits.Count} | {heap.Slope / 1024:0} ({heap.R2:0.000}) | {live.Slope / 1024:0} ({live.R2:0.000}) | {rss.Slope / 1024:0} ({rss.R2:0.000}) | {openingTime.TotalSeconds:0} |");
                if (kinds.Count == 0)
                {
                    // No event on this page yet (PageEvents): its memory only.
                    report.AppendLine(memory + " – | – | – | – | – | – | – | – |");
                    log.WriteLine($"RESULT {options.Page} {circuits.Count}: heap {heap.Slope / 1024:0} KB, live {live.Slope / 1024:0} KB per circuit");
                    continue;
                }

                // The last circuits' start-up work (first renders, interop answers) settles first: it is not idle CPU.
                await Task.Delay(options.IdlePhase, cancellationToken);
                var idleRate = await IdleRateAsync(diagnostics, options.IdlePhase, cancellationToken);
                var phase = await EventsAsync(circuits, options, kinds, options.ThinkTime, options.EventPhase, idleRate, diagnostics, cancellationToken);
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{memory} {phase.Events} | {phase.Rate:0.0} | {phase.CpuPerEvent:0.00} | {phase.ServerCores:0.00} | {phase.P50:0.0} | {phase.P95:0.0} | {phase.P99:0.0} | {phase.Failed} |");
                log.WriteLine($"RESULT {options.Page} {circuits.Count}: heap {heap.Slope / 1024:0} KB, live {live.Slope / 1024:0} KB per circuit");
                if (phase.FirstFailure is { } failure)
                {
                    log.WriteLine($"first failed event: {failure}");
                }

                log.WriteLine(report.ToString());
                if (options.RampAt == total)
                {
                    ramp.Append(await RampAsync(circuits, options, kinds, idleRate, diagnostics, log, cancellationToken));
                }
            }
            finally
            {
                await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
            }
        }

        report.Append(ramp);
        report.AppendLine(CultureInfo.InvariantCulture, $"({options.Page}: {started.Elapsed.TotalMinutes:0.0} min)");
        return report.ToString();
    }

    /// <summary>
    /// With every circuit open, each step sends events faster (a shorter think time) until p95 passes 250 ms: the event
    /// rate (events/s) and the server CPU there.
    /// </summary>
    private static async Task<string> RampAsync(
        List<Circuit> circuits, LoadOptions options, IReadOnlyList<string> kinds, double idleRate, HttpClient diagnostics, TextWriter log, CancellationToken cancellationToken)
    {
        var ramp = new StringBuilder();
        ramp.AppendLine();
        ramp.AppendLine(CultureInfo.InvariantCulture, $"ramp at {circuits.Count} circuits ({options.RampPhase.TotalSeconds:0} s a step): think time lowered until p95 > {RampLimitMilliseconds:0} ms");
        ramp.AppendLine();
        ramp.AppendLine("| think s | events | events/s | CPU ms/event | server cores | p50 ms | p95 ms | p99 ms | failed |");
        ramp.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        EventPhase? below = null;
        EventPhase? above = null;
        foreach (var think in RampThinkTimes.Where(t => t < options.ThinkTime.TotalSeconds))
        {
            var phase = await EventsAsync(circuits, options, kinds, TimeSpan.FromSeconds(think), options.RampPhase, idleRate, diagnostics, cancellationToken);
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {think:0.##} | {phase.Events} | {phase.Rate:0.0} | {phase.CpuPerEvent:0.00} | {phase.ServerCores:0.00} | {phase.P50:0.0} | {phase.P95:0.0} | {phase.P99:0.0} | {phase.Failed} |");
            ramp.AppendLine(row);
            log.WriteLine($"ramp: {row}");
            if (phase.P95 > RampLimitMilliseconds || phase.Failed > phase.Events / 20)
            {
                above = phase;
                break;
            }

            below = phase;
        }

        ramp.AppendLine();
        ramp.AppendLine(above is null
            ? $"p95 stayed under {RampLimitMilliseconds:0} ms up to {below?.Rate ?? 0:0} events/s (the fastest step)."
            : string.Create(CultureInfo.InvariantCulture,
                $"p95 passed {RampLimitMilliseconds:0} ms between {below?.Rate ?? 0:0} events/s (p95 {below?.P95 ?? 0:0} ms, server {below?.ServerCores ?? 0:0.00} cores) and {above.Rate:0} events/s (p95 {above.P95:0} ms, server {above.ServerCores:0.00} cores)."));
        return ramp.ToString();
    }

    private static async Task<(DemoSession Session, string Path)> PageAsync(LoadOptions options, DemoSession worker, DemoSession handler, CancellationToken cancellationToken)
    {
        switch (options.Page)
        {
            case "inbox":
                return (worker, "inbox");
            case "workspace":
                return (handler, "cases");
            case "case":
                return (handler, $"cases/{options.CaseId ?? throw new ArgumentException("--case-id is needed for the case page.")}");
            case "referral" when options.ReferralId is { } referralId:
                return (worker, $"referrals/{referralId}");
            case "referral":
                var inbox = await worker.Http.GetFromJsonAsync<JsonObject>("api/inbox", cancellationToken);
                var id = (string?)inbox?["items"]?[0]?["id"] ?? throw new InvalidOperationException("The inbox has no referral.");
                return (worker, $"referrals/{id}");
            default:
                throw new ArgumentException($"Unknown page {options.Page} (inbox, workspace, case, referral).");
        }
    }

    /// <summary>Opens circuits a few at a time (as tabs being opened), each shown interactive before it counts.</summary>
    private static async Task OpenAsync(DemoSession session, string path, List<Circuit> circuits, int count, int parallel, CancellationToken cancellationToken)
    {
        for (var opened = 0; opened < count; opened += parallel)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, count - opened)).Select(async _ =>
            {
                var circuit = await Circuit.OpenAsync(session, path, cancellationToken, keepTexts: false);
                try
                {
                    await circuit.WaitForBatchAfterAsync(0, TimeSpan.FromSeconds(60), cancellationToken);
                    return circuit;
                }
                catch
                {
                    await circuit.DisposeAsync();
                    throw;
                }
            }));
            circuits.AddRange(batch);
        }
    }

    /// <summary>The server's CPU ms per second with the circuits open and nothing sent, read without a GC.</summary>
    private static async Task<double> IdleRateAsync(HttpClient diagnostics, TimeSpan idlePhase, CancellationToken cancellationToken)
    {
        var start = await ReadCpuAsync(diagnostics, cancellationToken);
        var watch = Stopwatch.StartNew();
        await Task.Delay(idlePhase, cancellationToken);
        var end = await ReadCpuAsync(diagnostics, cancellationToken);
        return (end - start) / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Every circuit sends one event per think time (a random phase first, so that they do not all fire at once), the
    /// page's kinds of event in turn; the server's CPU over the phase (read without a GC), less its idle rate, per event.
    /// </summary>
    private static async Task<EventPhase> EventsAsync(
        List<Circuit> circuits, LoadOptions options, IReadOnlyList<string> kinds, TimeSpan think, TimeSpan length, double idleRate,
        HttpClient diagnostics, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var failed = 0;
        string? firstFailure = null;
        var start = await ReadCpuAsync(diagnostics, cancellationToken);
        var watch = Stopwatch.StartNew();
        using var phaseEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        phaseEnd.CancelAfter(length);
        var random = new Random(13);
        var loops = circuits.Select(async circuit =>
        {
            var turns = new int[kinds.Count];
            try
            {
                await Task.Delay(think * random.NextDouble(), phaseEnd.Token);
                for (var n = 0; !phaseEnd.IsCancellationRequested; n++)
                {
                    var kind = n % kinds.Count;
                    try
                    {
                        var elapsed = await PageEvents.SendAsync(circuit, options.Page, kinds[kind], turns[kind]++, cancellationToken);
                        lock (latencies)
                        {
                            latencies.Add(elapsed.TotalMilliseconds);
                        }
                    }
                    catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                    }

                    await Task.Delay(think, phaseEnd.Token);
                }
            }
            catch (OperationCanceledException) when (phaseEnd.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The phase is over.
            }
        });
        await Task.WhenAll(loops);
        var end = await ReadCpuAsync(diagnostics, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var busy = end - start - (idleRate * seconds);
        return new EventPhase(
            latencies.Count,
            seconds,
            latencies.Count == 0 ? 0 : Math.Max(0, busy) / latencies.Count,
            (end - start) / seconds / 1000,
            latencies,
            failed,
            firstFailure);
    }

    /// <summary>Least squares: the slope (bytes per circuit) and r².</summary>
    public static (double Slope, double R2) Fit(IReadOnlyList<(double X, double Y)> points)
    {
        var n = points.Count;
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var syy = points.Sum(p => (p.Y - meanY) * (p.Y - meanY));
        if (n < 2 || sxx == 0)
        {
            return (0, 0);
        }

        var slope = sxy / sxx;
        return (slope, syy == 0 ? 1 : sxy * sxy / (sxx * syy));
    }

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
