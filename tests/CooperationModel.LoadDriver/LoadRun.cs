using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CooperationModel.LoadDriver;

/// <summary>What the server said of itself after a forced full GC (the load profile's /_load/gc).</summary>
public sealed record ServerReading(long HeapBytes, long WorkingSetBytes, double CpuMilliseconds);

/// <summary>The options of one run (see <see cref="Program"/>).</summary>
public sealed record LoadOptions(Uri BaseAddress, IReadOnlyList<int> Circuits, string Page, TimeSpan ThinkTime, TimeSpan EventPhase, int Steps, Guid? CaseId);

/// <summary>
/// One load run: circuits opened in steps, the server's heap and RSS read after each step (a linear fit gives the cost of a
/// circuit), then, with every circuit open, a UI event per circuit every think time; round trips and server CPU per event.
/// </summary>
public static class LoadRun
{
    private const string Password = "Demo-salasana-2026";
    private const string Worker = "sosiaalityo.helsinki@demo.test";
    private const string Handler = "kasittelija.etela@demo.test";

    public static async Task<ServerReading> ReadServerAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        var json = await http.GetFromJsonAsync<JsonObject>("_load/gc", cancellationToken)
            ?? throw new InvalidOperationException("The diagnostics endpoint answered nothing.");
        return new ServerReading((long)json["heapSizeBytes"]!, (long)json["workingSetBytes"]!, (double)json["cpuMilliseconds"]!);
    }

    public static async Task<string> RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        using var diagnostics = new HttpClient { BaseAddress = options.BaseAddress };
        using var worker = await DemoSession.SignInAsync(options.BaseAddress, Worker, Password, cancellationToken);
        using var handler = await DemoSession.SignInAsync(options.BaseAddress, Handler, Password, cancellationToken);
        var (session, path) = await PageAsync(options, worker, handler, cancellationToken);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"page {path} ({options.Page}), think time {options.ThinkTime.TotalSeconds:0} s, event phase {options.EventPhase.TotalSeconds:0} s");
        report.AppendLine("| circuits | heap KB/circuit (r²) | RSS KB/circuit (r²) | events | CPU ms/event | p50 ms | p95 ms | p99 ms | failed |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var total in options.Circuits)
        {
            var circuits = new List<Circuit>();
            var points = new List<(double Circuits, ServerReading Reading)> { (0, await ReadServerAsync(diagnostics, cancellationToken)) };
            for (var step = 1; step <= options.Steps; step++)
            {
                var target = total * step / options.Steps;
                await OpenAsync(session, path, circuits, target - circuits.Count, cancellationToken);
                var reading = await ReadServerAsync(diagnostics, cancellationToken);
                points.Add((circuits.Count, reading));
                log.WriteLine($"{circuits.Count} circuits: heap {reading.HeapBytes / 1024} KB, RSS {reading.WorkingSetBytes / 1024} KB");
            }

            var (heapSlope, heapR2) = Fit(points.Select(p => (p.Circuits, (double)p.Reading.HeapBytes)).ToList());
            var (rssSlope, rssR2) = Fit(points.Select(p => (p.Circuits, (double)p.Reading.WorkingSetBytes)).ToList());
            var (events, cpuPerEvent, latencies, failed) = await EventsAsync(circuits, options, diagnostics, cancellationToken);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {circuits.Count} | {heapSlope / 1024:0} ({heapR2:0.000}) | {rssSlope / 1024:0} ({rssR2:0.000}) | {events} | {cpuPerEvent:0.00} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.95):0.0} | {Percentile(latencies, 0.99):0.0} | {failed} |");
            log.WriteLine(report.ToString());
            foreach (var circuit in circuits)
            {
                await circuit.DisposeAsync();
            }
        }

        return report.ToString();
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
            case "referral":
                var inbox = await worker.Http.GetFromJsonAsync<JsonObject>("api/inbox", cancellationToken);
                var id = (string?)inbox?["items"]?[0]?["id"] ?? throw new InvalidOperationException("The inbox has no referral.");
                return (worker, $"referrals/{id}");
            default:
                throw new ArgumentException($"Unknown page {options.Page} (inbox, workspace, case, referral).");
        }
    }

    /// <summary>Opens circuits a few at a time (as tabs being opened), each shown interactive before it counts.</summary>
    private static async Task OpenAsync(DemoSession session, string path, List<Circuit> circuits, int count, CancellationToken cancellationToken)
    {
        const int Parallel = 8;
        for (var opened = 0; opened < count; opened += Parallel)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(Parallel, count - opened)).Select(async _ =>
            {
                var circuit = await Circuit.OpenAsync(session, path, cancellationToken);
                await circuit.WaitForBatchAfterAsync(0, TimeSpan.FromSeconds(60), cancellationToken);
                return circuit;
            }));
            circuits.AddRange(batch);
        }
    }

    /// <summary>
    /// Every circuit sends one event per think time, spread evenly (on the inbox: its "only mine" switch, on and off);
    /// the server's CPU over the phase, less its idle rate, per event.
    /// </summary>
    private static async Task<(int Events, double CpuPerEvent, List<double> Latencies, int Failed)> EventsAsync(
        List<Circuit> circuits, LoadOptions options, HttpClient diagnostics, CancellationToken cancellationToken)
    {
        if (options.Page != "inbox")
        {
            return (0, 0, [], 0);
        }

        var idleStart = await ReadServerAsync(diagnostics, cancellationToken);
        var idleWatch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var idleEnd = await ReadServerAsync(diagnostics, cancellationToken);
        var idleCpuPerSecond = (idleEnd.CpuMilliseconds - idleStart.CpuMilliseconds) / idleWatch.Elapsed.TotalSeconds;

        var latencies = new List<double>();
        var failed = 0;
        var start = await ReadServerAsync(diagnostics, cancellationToken);
        var watch = Stopwatch.StartNew();
        var random = new Random(13);
        var loops = circuits.Select(async circuit =>
        {
            var on = true;
            // A random phase, so that the circuits do not all fire at once.
            await Task.Delay(options.ThinkTime * random.NextDouble(), cancellationToken);
            while (watch.Elapsed < options.EventPhase)
            {
                try
                {
                    var elapsed = await EventAsync(circuit, on, cancellationToken);
                    on = !on;
                    lock (latencies)
                    {
                        latencies.Add(elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    Interlocked.Increment(ref failed);
                }

                await Task.Delay(options.ThinkTime, cancellationToken);
            }
        });
        await Task.WhenAll(loops);
        var end = await ReadServerAsync(diagnostics, cancellationToken);
        // The reading itself (two forced GCs) costs CPU too: counted in the idle rate, which has two readings as well.
        var busy = end.CpuMilliseconds - start.CpuMilliseconds - (idleCpuPerSecond * watch.Elapsed.TotalSeconds);
        return (latencies.Count, latencies.Count == 0 ? 0 : Math.Max(0, busy) / latencies.Count, latencies, failed);
    }

    /// <summary>
    /// The inbox's filter change. The other pages get no events yet: their first button may take a case from a queue or
    /// change data, so each needs an event chosen by hand (the next step of issue 13).
    /// </summary>
    private static Task<TimeSpan> EventAsync(Circuit circuit, bool on, CancellationToken cancellationToken)
    {
        var onlyMine = circuit.FindHandler("inbox-mine", "change")
            ?? throw new InvalidOperationException("The inbox has no \"only mine\" switch.");
        return circuit.ChangeAsync(onlyMine, JsonValue.Create(on), cancellationToken);
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

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
