using System.Diagnostics;
using CooperationModel.Infrastructure.Seeding;
using Npgsql;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>What the seeder wrote and how long it took.</summary>
public sealed record VolumeReport(VolumeOptions Options, IReadOnlyList<(string Table, long Rows)> Tables, TimeSpan Seeding, TimeSpan Analysing)
{
    public long Rows(string table) => Tables.Single(t => t.Table.Trim('"') == table).Rows;
}

/// <summary>
/// Seeds a migrated database (reference data and demo users in place, as the app's start-up leaves it) with client
/// data at volume, fast: generated in memory a chunk at a time and written with binary COPY, never through EF one row at
/// a time. Staff users are added to every district and organiser; the demo users get their share of the work, so that
/// "mine" lists have rows. Ends with VACUUM ANALYZE, as autovacuum would leave a live database.
/// </summary>
public static class VolumeSeeder
{
    private const int ReferralsPerChunk = 20_000;

    /// <summary>
    /// Seeds on the owner's connection (it writes every tenant's rows). With the app's identity code hash key (base64) the
    /// generated codes get the keyed hash the app looks clients up by, so that a search by identity code finds its client.
    /// With the app's protector (<c>PersonalDataProtector.Protect</c>), personal data is written encrypted as the app
    /// writes it, so that reads pay for decryption and the app's start-up has nothing to encrypt.
    /// </summary>
    public static async Task<VolumeReport> SeedAsync(
        string connectionString,
        VolumeOptions options,
        DateTimeOffset now,
        string identityCodeHashKey,
        Func<string, string>? protect = null,
        TextWriter? progress = null,
        CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SET synchronous_commit = off", cancellationToken);

        var tables = new VolumeTables(Convert.FromBase64String(identityCodeHashKey), protect);
        var demoStaff = await DemoStaffAsync(connection, cancellationToken);
        var (handlers, workers) = VolumeGenerator.Staff(options, tables, demoStaff);
        var generator = new VolumeGenerator(options, tables, now, handlers, workers);
        await tables.Users.FlushAsync(connection, cancellationToken);

        while (generator.Next())
        {
            if (tables.Referrals.Buffered >= ReferralsPerChunk)
            {
                await FlushAsync(connection, tables, cancellationToken);
                progress?.WriteLine($"  {generator.ReferralsWritten,9:N0} / {options.Referrals:N0} referrals ({watch.Elapsed.TotalSeconds:N0} s)");
            }
        }

        await FlushAsync(connection, tables, cancellationToken);
        var seeding = watch.Elapsed;

        // VACUUM sets the visibility map (index-only scans), ANALYZE the statistics the planner chooses by.
        watch.Restart();
        foreach (var table in tables.InWriteOrder)
        {
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {table.Name}", cancellationToken, timeoutSeconds: 0);
        }

        return new VolumeReport(options, [.. tables.InWriteOrder.Select(t => (t.Name.Trim('"'), t.Written))], seeding, watch.Elapsed);
    }

    private static async Task FlushAsync(NpgsqlConnection connection, VolumeTables tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables.InWriteOrder)
        {
            await table.FlushAsync(connection, cancellationToken);
        }
    }

    /// <summary>The demo users (seeded by the app at start-up) by organisation, so they share in the generated work.</summary>
    private static async Task<Dictionary<Guid, List<StaffMember>>> DemoStaffAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var emails = DemoDataSeeder.Users.Select(u => u.Email).ToArray();
        await using var command = new NpgsqlCommand(
            "SELECT id, organisation_id, display_name FROM \"AspNetUsers\" WHERE email = ANY(@emails)", connection);
        command.Parameters.AddWithValue("emails", emails);
        var staff = new Dictionary<Guid, List<StaffMember>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var member = new StaffMember(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2));
            if (!staff.TryGetValue(member.OrganisationId, out var list))
            {
                staff[member.OrganisationId] = list = [];
            }

            list.Add(member);
        }

        return staff;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, int timeoutSeconds = 30)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
