using System.Text.Json;
using CooperationModel.Tests.Shared;
using CooperationModel.Tests.Shared.Performance;

namespace CooperationModel.Benchmarks;

/// <summary>
/// A seeded database kept by <c>BENCH_KEEP=1</c>, and what is needed to time it again with <c>BENCH_DATABASE</c>: the
/// keys it was seeded with (the identity code hashes depend on one) and what the seeder wrote. Written beside the
/// reports (test-output/benchmarks/kept, ignored by git); test keys of a throw-away database, not secrets.
/// </summary>
public sealed record KeptDatabase(string Name, string Scale, string KeyEncryptionKey, string IdentityCodeHashKey, IReadOnlyList<KeptTable> Tables, double SeedingSeconds, double AnalysingSeconds)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task SaveAsync(string outputDirectory, TestDatabase database, VolumeReport volume, CancellationToken ct)
    {
        var kept = new KeptDatabase(
            database.Name,
            volume.Options.Name,
            database.KeyEncryptionKey,
            database.IdentityCodeHashKey,
            [.. volume.Tables.Select(t => new KeptTable(t.Table, t.Rows))],
            volume.Seeding.TotalSeconds,
            volume.Analysing.TotalSeconds);
        Directory.CreateDirectory(FolderOf(outputDirectory));
        await File.WriteAllTextAsync(FileOf(outputDirectory, database.Name), JsonSerializer.Serialize(kept, Json), ct);
    }

    public static async Task<KeptDatabase> LoadAsync(string outputDirectory, string name, CancellationToken ct)
    {
        var file = FileOf(outputDirectory, name);
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

    private static string FolderOf(string outputDirectory) => Path.Combine(outputDirectory, "kept");

    private static string FileOf(string outputDirectory, string name) => Path.Combine(FolderOf(outputDirectory), $"{name}.json");
}

public sealed record KeptTable(string Table, long Rows);
