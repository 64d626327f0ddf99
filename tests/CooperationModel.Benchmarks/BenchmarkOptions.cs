using System.Globalization;
using CooperationModel.Tests.Shared;
using CooperationModel.Tests.Shared.Performance;

namespace CooperationModel.Benchmarks;

/// <summary>
/// The benchmark's settings, from arguments first, then environment variables, then defaults:
/// <code>
///   --scale quick|national|tenyears|tenyears-quick|N
///                              BENCH_SCALE        quick (3 × 4,000 referrals); national = 3 × 130,000; tenyears = 10 × 130,000 with
///                                                 about 5 million cases and the access log; tenyears-quick = 10 × 4,000; N = referrals a year
///   --connection "..."         BENCH_CONNECTION   admin connection to a PostgreSQL server (else COOPERATIONMODEL_TEST_CONNECTION,
///                                                 else the test cluster on 127.0.0.1:54339)
///   --warmup N                 BENCH_WARMUP       calls before measuring each use case (default 5)
///   --repetitions N            BENCH_REPETITIONS  measured calls of each use case (default 30)
///   --sends N                  BENCH_SENDS        referrals sent through the app, and as many raw, for throughput (default 200)
///   --output DIR               BENCH_OUTPUT       where the markdown goes (default test-output/benchmarks of the repo)
///   --keep                     BENCH_KEEP=1       keep the database afterwards (its name is printed; its keys and row counts go to
///                                                 .local/benchmarks/kept/NAME.json)
///   --seed-only                BENCH_SEED_ONLY=1  seed and keep, time nothing (seed a big scale now, time it on a quiet machine later)
///   --database NAME            BENCH_DATABASE     time a database kept by an earlier run again, without seeding (it stays kept)
/// </code>
/// </summary>
public sealed record BenchmarkOptions(VolumeOptions Scale, string Server, int Warmup, int Repetitions, string OutputDirectory, bool Keep)
{
    /// <summary>Referrals sent through SendReferral (and as many written raw) for the throughput figure.</summary>
    public int Sends { get; init; } = 200;

    /// <summary>Where a kept database's keys and row counts go: .local/benchmarks/kept of the repo (make test empties test-output).</summary>
    public string KeptDirectory { get; init; } = Path.Combine(RepositoryRoot(), ".local", "benchmarks", "kept");

    /// <summary>Seed and keep the database, time nothing.</summary>
    public bool SeedOnly { get; init; }

    /// <summary>The name of a database kept by an earlier run, to time again without seeding; null seeds a new one.</summary>
    public string? Database { get; init; }

    public const string DefaultServer = "Host=127.0.0.1;Port=54339;Username=postgres;Database=postgres";

    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal)
                ? args[i][2..]
                : throw new ArgumentException($"Unexpected argument '{args[i]}' (see BenchmarkOptions.cs for the options).");
            values[name] = name is "keep" or "seed-only" ? "1" : i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value.");
        }

        string? Value(string name, string variable) =>
            values.TryGetValue(name, out var given) ? given
            : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set
            : null;
        int Number(string name, string variable, int fallback) =>
            Value(name, variable) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

        return new BenchmarkOptions(
            VolumeOptions.Parse(Value("scale", "BENCH_SCALE") ?? "quick"),
            Value("connection", "BENCH_CONNECTION") ?? Environment.GetEnvironmentVariable(TestDatabase.ServerVariable) ?? DefaultServer,
            Number("warmup", "BENCH_WARMUP", 5),
            Number("repetitions", "BENCH_REPETITIONS", 30),
            Path.GetFullPath(Value("output", "BENCH_OUTPUT") ?? Path.Combine(RepositoryRoot(), "test-output", "benchmarks")),
            Value("keep", "BENCH_KEEP") == "1" || Value("seed-only", "BENCH_SEED_ONLY") == "1")
        {
            Sends = Number("sends", "BENCH_SENDS", 200),
            SeedOnly = Value("seed-only", "BENCH_SEED_ONLY") == "1",
            Database = Value("database", "BENCH_DATABASE"),
        };
    }

    /// <summary>The folder holding CooperationModel.sln, found upwards from the working folder or the binaries.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CooperationModel.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
