using System.Globalization;

namespace CooperationModel.LoadDriver;

/// <summary>
/// <c>make load</c> runs it (scripts/load.sh): dotnet run --project tests/CooperationModel.LoadDriver -c Release --
/// --url http://127.0.0.1:5193 --circuits 100,1000 [--page inbox|workspace|case|referral] [--case-id GUID] [--referral-id GUID]
/// [--think 30] [--events-for 120] [--idle-for 10] [--steps 4] [--ramp-at 1000] [--ramp-for 30]
/// [--open-parallel 16] [--paging] [--report FILE]. The app must run in the load profile (LoadTest:Diagnostics=true).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        double Seconds(string name, string fallback) => double.Parse(Arg(name, fallback), CultureInfo.InvariantCulture);

        // Thousands of circuits wake up at once (render batches, answers): threads ready, not grown one by one.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        var options = new LoadOptions(
            new Uri(Arg("--url", "http://127.0.0.1:5193/").TrimEnd('/') + "/"),
            [.. Arg("--circuits", "100,1000").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            Arg("--page", "inbox"),
            TimeSpan.FromSeconds(Seconds("--think", "30")),
            TimeSpan.FromSeconds(Seconds("--events-for", "120")),
            int.Parse(Arg("--steps", "4"), CultureInfo.InvariantCulture),
            Arg("--case-id", "") is { Length: > 0 } caseId ? Guid.Parse(caseId) : null,
            TimeSpan.FromSeconds(Seconds("--idle-for", "10")),
            RampAt: Arg("--ramp-at", "") is { Length: > 0 } rampAt ? int.Parse(rampAt, CultureInfo.InvariantCulture) : null,
            RampPhase: TimeSpan.FromSeconds(Seconds("--ramp-for", "30")),
            OpenParallel: int.Parse(Arg("--open-parallel", "16"), CultureInfo.InvariantCulture),
            Paging: args.Contains("--paging"),
            ReferralId: Arg("--referral-id", "") is { Length: > 0 } referralId ? Guid.Parse(referralId) : null,
            Settle: TimeSpan.FromSeconds(Seconds("--settle", "0")));
        var report = await LoadRun.RunAsync(options, Console.Out);
        var output = Arg("--report", "");
        if (output.Length > 0)
        {
            await File.AppendAllTextAsync(output, report + Environment.NewLine);
        }

        return 0;
    }
}
