using System.Globalization;

namespace CooperationModel.LoadDriver;

/// <summary>
/// <c>make load</c> runs it (scripts/load.sh): dotnet run --project tests/CooperationModel.LoadDriver -c Release --
/// --url http://127.0.0.1:5193 --circuits 100,1000 [--page inbox|workspace|case|referral] [--case-id GUID]
/// [--think 30] [--events-for 120] [--steps 4]. The app must run in the load profile (LoadTest:Diagnostics=true).
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

        var options = new LoadOptions(
            new Uri(Arg("--url", "http://127.0.0.1:5193/").TrimEnd('/') + "/"),
            [.. Arg("--circuits", "100,1000").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            Arg("--page", "inbox"),
            TimeSpan.FromSeconds(double.Parse(Arg("--think", "30"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Arg("--events-for", "120"), CultureInfo.InvariantCulture)),
            int.Parse(Arg("--steps", "4"), CultureInfo.InvariantCulture),
            Arg("--case-id", "") is { Length: > 0 } caseId ? Guid.Parse(caseId) : null);
        var report = await LoadRun.RunAsync(options, Console.Out);
        var output = Arg("--report", "");
        if (output.Length > 0)
        {
            await File.AppendAllTextAsync(output, report + Environment.NewLine);
        }

        return 0;
    }
}
