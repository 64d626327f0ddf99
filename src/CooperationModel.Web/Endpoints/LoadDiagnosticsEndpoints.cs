using System.Diagnostics;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// The load profile's view of the server (<c>make load</c>, docs/performance.md). <see cref="Path"/>: a full blocking,
/// compacting GC, then the live managed heap, the GC's own figures, the process's RSS and its CPU time.
/// <see cref="CpuPath"/>: the process's CPU time and the GC's collection counts, without a collection (the CPU of UI
/// events is measured with it: a forced GC in the reading would outweigh the events). Mapped only when
/// <c>LoadTest:Diagnostics</c> is true and the environment is not Production; no user, no personal data, and never
/// in a deployment (deploy/ does not set it).
/// </summary>
public static class LoadDiagnosticsEndpoints
{
    public const string Path = "/_load/gc";

    public const string CpuPath = "/_load/cpu";

    public static IEndpointRouteBuilder MapLoadDiagnostics(this IEndpointRouteBuilder endpoints, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue<bool>("LoadTest:Diagnostics") || environment.IsProduction())
        {
            return endpoints;
        }

        endpoints.MapGet(Path, () =>
        {
            // Twice, so that objects freed by finalisers are gone too.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new
            {
                TotalMemoryBytes = GC.GetTotalMemory(forceFullCollection: false),
                HeapSizeBytes = info.HeapSizeBytes,
                CommittedBytes = info.TotalCommittedBytes,
                WorkingSetBytes = process.WorkingSet64,
                CpuMilliseconds = process.TotalProcessorTime.TotalMilliseconds,
                System.Runtime.GCSettings.IsServerGC,
            });
        }).AllowAnonymous();
        endpoints.MapGet(CpuPath, () =>
        {
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new
            {
                CpuMilliseconds = process.TotalProcessorTime.TotalMilliseconds,
                Gen0Collections = GC.CollectionCount(0),
                Gen2Collections = GC.CollectionCount(2),
                ThreadPoolThreads = ThreadPool.ThreadCount,
            });
        }).AllowAnonymous();
        return endpoints;
    }
}
