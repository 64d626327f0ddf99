using System.Text.Json;
using CooperationModel.Tests.Shared;
using CooperationModel.Tests.Shared.Performance;

namespace CooperationModel.Benchmarks;

/// <summary>
/// A seeded database kept by <c>BENCH_KEEP=1</c>, and what is needed to time it again with <c>BENCH_DATABASE</c>: the
/// keys it was seeded with (without them its encrypted data and identity code hashes cannot be read) and what the seeder
/// wrote. Written to .local/benchmarks/kept (ignored by git, and not emptied by make test as test-output is); test keys
/// of a throw-away database, not secrets.
/// </summary>
public sealed record KeptDatabase(string Name, string Scale, string KeyEncryptionKey, string IdentityCodeHashKey, IReadOnlyList<KeptTable> Tables, double SeedingSeconds, double AnalysingSeconds)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task SaveAsync(string keptDirectory, TestDatabase database, VolumeReport volume, CancellationToken ct)
    {
        var kept = new KeptDatabase(
            database.Name,
            volume.Options.Name,
            database.KeyEncryptionKey,
            database.IdentityCodeHashKey,
            [.. volume.Tables.Select(t => new KeptTable(t.Table, t.Rows))],
            volume.Seeding.TotalSeconds,
            volume.Analysing.TotalSeconds);
        Directory.CreateDirectory(keptDirectory);
        await File.WriteAllTextAsync(FileOf(keptDirectory, database.Name), JsonSerializer.Serialize(kept, Json), ct);
    }

    public static async Task<KeptDatabase> LoadAsync(string keptDirectory, string name, CancellationToken ct)
    {
        var file = FileOf(keptDirectory, name);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"BENCH_DATABASE={name}: {file} is missing; only a database kept by BENCH_KEEP=1 can be timed again.");
        }

        return JsonSerializer.Deserialize<KeptDatabase>(await File.ReadAllTextAsync(file, ct), Json)
            ?? throw new InvalidOperationException($"{file} is empty.");
    }

    public TestDatabase Open(string server) => TestDatabase.Existing(server, Name, KeyEncryptionKey, IdentityCodeHashKey);

    public VolumeReport Volume() => new(
        VolumeOptions.Parse(Scale),
        [.. Tables.Select(t => (t.Table, t.Rows))],
        TimeSpan.FromSeconds(SeedingSeconds),
        TimeSpan.FromSeconds(AnalysingSeconds));

    private static string FileOf(string keptDirectory, string name) => Path.Combine(keptDirectory, $"{name}.json");
}

public sealed record KeptTable(string Table, long Rows);
