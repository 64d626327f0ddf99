using System.Runtime;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// A measuring aid for circuit memory (docs/performance.md, "Circuit memory"): <c>GET /diagnostics/heap</c> forces a
/// full, blocking, compacting collection and answers the live managed heap. Mapped only when the environment variable
/// <c>COOPERATIONMODEL_DIAGNOSTICS</c> is <c>1</c> and the app does not run as Production; otherwise the path does not
/// exist. It reads no data and names nobody, but a forced collection stalls the whole process, so it is never public.
/// </summary>
public static class DiagnosticsEndpoints
{
    public const string HeapPath = "/diagnostics/heap";

    public static IEndpointRouteBuilder MapDiagnosticsEndpoints(this IEndpointRouteBuilder endpoints, IWebHostEnvironment environment)
    {
        if (Environment.GetEnvironmentVariable("COOPERATIONMODEL_DIAGNOSTICS") != "1" || environment.IsProduction())
        {
            return endpoints;
        }

        endpoints.MapGet(HeapPath, () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var live = GC.GetTotalMemory(forceFullCollection: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            return Results.Json(new
            {
                liveBytes = live,
                heapSizeBytes = info.HeapSizeBytes,
                committedBytes = info.TotalCommittedBytes,
                fragmentedBytes = info.FragmentedBytes,
                workingSetBytes = Environment.WorkingSet,
                serverGc = GCSettings.IsServerGC,
            });
        }).AllowAnonymous();
        return endpoints;
    }
}
