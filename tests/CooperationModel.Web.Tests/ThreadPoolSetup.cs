using System.Runtime.CompilerServices;

namespace CooperationModel.Web.Tests;

/// <summary>
/// The component tests run in parallel, and bunit's synchronous waits hold thread-pool threads. On a 2-core CI machine
/// the pool starts with two workers and grows slowly, so a renderer's dispatcher could wait past bunit's timeout
/// without its check ever running (seen once on a clean-clone CI run). Start the pool with enough threads.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 4), io);
    }
}
