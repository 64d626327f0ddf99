using System.Diagnostics;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// The load profile's view of the server's memory (<c>make load</c>, docs/performance.md): a full blocking, compacting
/// GC, then the live managed heap, the GC's own figures, the process's RSS and its CPU time. Mapped only when
/// <c>LoadTest:Diagnostics</c> is true and the environment is not Production; no user, no personal data, and never
/// in a deployment (deploy/ does not set it).
/// </summary>
public static class LoadDiagnosticsEndpoints
{
    public const string Path = "/_load/gc";

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
        return endpoints;
    }
}
