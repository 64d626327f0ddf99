using System.Diagnostics;
using System.Globalization;
using CooperationModel.Infrastructure.Protection;
using CooperationModel.Tests.Shared;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.Benchmarks;

/// <summary>
/// The benchmark harness (make bench; docs/development.md): a database of its own, the app's own start-up
/// (migrations, reference data, demo users), data at volume, then the use cases people run all day, timed.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);

        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the working folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var ct = cancel.Token;
        var startedAt = DateTimeOffset.UtcNow;

        var kept = options.Database is { } reused ? await KeptDatabase.LoadAsync(options.KeptDirectory, reused, ct) : null;
        var scale = kept is null ? options.Scale : VolumeOptions.Parse(kept.Scale);
        // The kept database's scale, not the default's, in everything the run reports.
        options = options with { Scale = scale };
        Console.WriteLine($"==> benchmark, scale {scale.Name}: {scale.Referrals:N0} referrals over {scale.Years} years");
        var database = kept?.Open(options.Server) ?? await TestDatabase.CreateAsync("bench", options.Server);
        Console.WriteLine(kept is null ? $"==> database {database.Name}" : $"==> database {database.Name}, kept by an earlier run: not seeded again");
        try
        {
            var recorder = new SqlRecorder();
            await using var app = new PerformanceAppFactory(database, recorder);

            var watch = Stopwatch.StartNew();
            // The app's protector: the seeder encrypts with it, the samples are read back through it.
            var protector = app.Services.GetRequiredService<PersonalDataProtector>();
            var startUp = watch.Elapsed;
            Console.WriteLine($"==> app started (migrations, reference data, demo users) in {startUp.TotalSeconds:0.0} s{(kept is null ? "; seeding" : "")}");

            VolumeReport volume;
            if (kept is null)
            {
                // Encrypted as the app writes it: the reads pay for decryption, and a kept database's next start-up finds
                // nothing to encrypt (PersonalDataBackfill; plain rows would take it hours at ten years).
                volume = await VolumeSeeder.SeedAsync(
                    app.OwnerConnectionString, options.Scale, DateTimeOffset.UtcNow, database.IdentityCodeHashKey, protector.Protect, Console.Out, ct);
                if (options.Keep)
                {
                    await KeptDatabase.SaveAsync(options.KeptDirectory, database, volume, ct);
                }
            }
            else
            {
                volume = kept.Volume();
            }

            Console.WriteLine($"==> seeded in {volume.Seeding.TotalSeconds:0.0} s, VACUUM ANALYZE {volume.Analysing.TotalSeconds:0.0} s:");
            foreach (var (table, rows) in volume.Tables)
            {
                Console.WriteLine($"    {table,-20} {rows,12:N0}");
            }

            if (options.SeedOnly)
            {
                Console.WriteLine($"==> BENCH_SEED_ONLY=1: kept database {database.Name}; time it with BENCH_DATABASE={database.Name}");
                return;
            }

            var samples = await VolumeSamples.LoadAsync(app.OwnerConnectionString, ct);
            // The seeder writes identity codes encrypted (and a database kept from before it did was encrypted by the
            // app's start-up, PersonalDataBackfill): the samples' codes are read back through the protector.
            samples = samples with
            {
                HelsinkiIdentityCode = protector.Unprotect(samples.HelsinkiIdentityCode),
                SouthIdentityCode = protector.Unprotect(samples.SouthIdentityCode),
            };
            var measurements = new List<Measurement>();
            foreach (var scenario in Scenarios.All(samples))
            {
                var measurement = await Measurements.MeasureAsync(app, scenario, options.Warmup, options.Repetitions, ct);
                Console.WriteLine($"    {measurement.Median,7:0.0} ms  {scenario.Group}: {scenario.Name}");
                measurements.Add(measurement);
            }

            var codes = await PageOfIdentityCodesAsync(app.OwnerConnectionString, ct);
            var decryption = Measurements.Decryption(app.Services, codes, options.Warmup, options.Repetitions);
            Console.WriteLine($"    {decryption.Median,7:0.000} ms  decrypting {codes.Count} identity codes");

            // Last: it writes referrals, which the read scenarios above must not see.
            var sends = await SendThroughput.MeasureAsync(app, options.Sends, ct);
            Console.WriteLine($"    {sends.AppPerSecond,7:0.0} /s  SendReferral; raw INSERT of the same rows {sends.RawPerSecond:0.0} /s");

            var (version, settings) = await ServerInfoAsync(app.OwnerConnectionString, ct);
            var run = new RunInfo(startedAt, options, database.Name, version, settings, startUp, volume) { Decryption = decryption, DecryptedCodes = codes.Count };
            Console.WriteLine();
            Console.WriteLine(Report.ConsoleTable(measurements));
            Console.WriteLine(Report.BreakdownTable(measurements, decryption, codes.Count));
            Console.WriteLine(Report.SendLine(sends));

            Directory.CreateDirectory(options.OutputDirectory);
            var day = startedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var file = Path.Combine(options.OutputDirectory, scale == VolumeOptions.National ? $"{day}.md" : $"{day}-{scale.Name.Replace('/', '-')}.md");
            await File.WriteAllTextAsync(file, Report.Markdown(run, measurements, sends), ct);
            Console.WriteLine($"==> report: {file}");
        }
        finally
        {
            if (options.Keep || kept is not null)
            {
                Console.WriteLine($"==> kept database {database.Name} (drop it with: DROP DATABASE \"{database.Name}\" WITH (FORCE))");
            }
            else
            {
                await database.DisposeAsync();
                Console.WriteLine($"==> dropped database {database.Name}");
            }
        }
    }

    /// <summary>The identity codes of the Helsinki inbox's first page, as stored (encrypted by the seeder).</summary>
    private static async Task<IReadOnlyList<string>> PageOfIdentityCodesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT client_identity_code FROM referrals WHERE receiver_organisation_id = @organisation ORDER BY sent_at DESC LIMIT 25", connection);
        command.Parameters.AddWithValue("organisation", VolumeSamples.Helsinki);
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    private static async Task<(string Version, string Settings)> ServerInfoAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        async Task<string> Scalar(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (string)(await command.ExecuteScalarAsync(ct))!;
        }

        var version = await Scalar("SELECT split_part(version(), ' on ', 1)");
        var settings = new List<string>();
        foreach (var name in new[] { "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "jit" })
        {
            settings.Add($"{name} {await Scalar($"SHOW {name}")}");
        }

        return (version, string.Join(", ", settings));
    }
}
