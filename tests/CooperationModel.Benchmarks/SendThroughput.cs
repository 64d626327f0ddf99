using System.Diagnostics;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.Tests.Shared.Performance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.Benchmarks;

/// <summary>Referral creation: the app's sends a second against raw INSERTs of the same rows a second.</summary>
public sealed record SendMeasurement(int Sends, double AppPerSecond, double RawPerSecond, IReadOnlyList<(string Table, int Rows)> RowsPerSend)
{
    /// <summary>The app at least half of raw.</summary>
    public const double Target = 0.5;

    public double Ratio => AppPerSecond / RawPerSecond;
}

/// <summary>
/// Sends referrals from the Southern district's decided cases as its demo handler, one after another through
/// SendReferralHandler (the case and its open-referral check read, the referral, its events, disclosure and notification,
/// the case's step and the access-log entries written in one save). Then writes the same rows again for as many other
/// cases with raw INSERTs over Npgsql on the app's role under row-level security, one transaction a referral: the rows
/// are those the app wrote for its last send, copied with new ids (and the new case's and referral's ids).
/// </summary>
public static class SendThroughput
{
    private static readonly string[] ChildTables = ["referral_events", "disclosures", "notifications"];

    public static async Task<SendMeasurement> MeasureAsync(PerformanceAppFactory app, int sends, CancellationToken ct)
    {
        var south = VolumeSamples.South;
        await using var owner = new NpgsqlConnection(app.OwnerConnectionString);
        await owner.OpenAsync(ct);
        var cases = await CasesAsync(owner, south, 2 * sends + 1, ct);
        if (cases.Count < 2 * sends + 1)
        {
            throw new InvalidOperationException($"Only {cases.Count} decided cases without a referral in the Southern district.");
        }

        await using var scope = await app.SignInAsync(DemoDataSeeder.HandlerSouth.Email);
        var handler = scope.ServiceProvider.GetRequiredService<ISendReferralHandler>();
        Task<Guid> Send(Guid caseId) => Sent(handler.HandleAsync(
            new SendReferralCommand(caseId, ReferralGround.ClientRequestsAssessment, ConsentGiven: true, SituationDescription: "Asiakas toivoo yhteydenottoa.",
                ConsentGivenOn: DateOnly.FromDateTime(DateTime.UtcNow), ConsentMethod: ConsentMethod.InPerson, ConsentCoversDescription: true,
                ConsentCoversFeedback: true, RepeatReason: "Uusi tilanne."),
            ct));

        // One send first (warms EF and the plans) whose rows are the template of the raw INSERTs.
        var templateCase = cases[0];
        var since = await NowAsync(owner, ct);
        var templateReferral = await Send(templateCase);
        var template = await TemplateAsync(owner, templateCase, templateReferral, since, ct);

        var watch = Stopwatch.StartNew();
        foreach (var caseId in cases.Skip(1).Take(sends))
        {
            await Send(caseId);
        }

        var appSeconds = watch.Elapsed.TotalSeconds;

        await using var rls = new NpgsqlConnection(app.ConnectionString);
        await rls.OpenAsync(ct);
        await QueryPlans.ActForAsync(rls, south, ct);
        watch.Restart();
        foreach (var caseId in cases.Skip(1 + sends).Take(sends))
        {
            await InsertAsync(rls, template, caseId, ct);
        }

        var rawSeconds = watch.Elapsed.TotalSeconds;
        return new SendMeasurement(sends, sends / appSeconds, sends / rawSeconds, [.. template.Tables.Select(t => (t.Table, t.Rows.Count))]);
    }

    private static async Task<Guid> Sent(Task<CooperationModel.Domain.Common.Result<Guid>> send)
    {
        var result = await send;
        return result.IsSuccess ? result.Value : throw new InvalidOperationException("SendReferral failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    private static async Task<List<Guid>> CasesAsync(NpgsqlConnection owner, Guid organisation, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.id FROM cases c
            WHERE c.organisation_id = @o AND c.stage = 'Decision' AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id)
            ORDER BY c.opened_at DESC LIMIT @n
            """,
            owner);
        command.Parameters.AddWithValue("o", organisation);
        command.Parameters.AddWithValue("n", count);
        var ids = new List<Guid>(count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<DateTime> NowAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        return (DateTime)(await command.ExecuteScalarAsync(ct))!;
    }

    private sealed record TableRows(string Table, string[] Columns, List<object?[]> Rows);

    private sealed record Template(Guid CaseId, Guid ReferralId, string CaseStage, List<TableRows> Tables);

    /// <summary>Every row the send wrote, read back as the owner: the referral, its children, the case's new steps, the access log.</summary>
    private static async Task<Template> TemplateAsync(NpgsqlConnection owner, Guid caseId, Guid referralId, DateTime since, CancellationToken ct)
    {
        var tables = new List<TableRows> { await RowsAsync(owner, "referrals", "id = @r", caseId, referralId, since, ct) };
        foreach (var child in ChildTables)
        {
            tables.Add(await RowsAsync(owner, child, "referral_id = @r", caseId, referralId, since, ct));
        }

        tables.Add(await RowsAsync(owner, "case_events", "case_id = @c AND at >= @since", caseId, referralId, since, ct));
        tables.Add(await RowsAsync(owner, "access_log", "record_id IN (@c, @r) AND at >= @since", caseId, referralId, since, ct));
        await using var stage = new NpgsqlCommand("SELECT stage FROM cases WHERE id = @c", owner);
        stage.Parameters.AddWithValue("c", caseId);
        return new Template(caseId, referralId, (string)(await stage.ExecuteScalarAsync(ct))!, tables);
    }

    private static async Task<TableRows> RowsAsync(
        NpgsqlConnection owner, string table, string where, Guid caseId, Guid referralId, DateTime since, CancellationToken ct)
    {
        // The columns a row is written with: a generated column (the folded name) is computed by the database.
        await using var written = new NpgsqlCommand(
            "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns "
            + "WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER'",
            owner);
        written.Parameters.AddWithValue("table", table);
        var select = (string)(await written.ExecuteScalarAsync(ct))!;
        await using var command = new NpgsqlCommand($"SELECT {select} FROM {table} WHERE {where}", owner);
        command.Parameters.AddWithValue("c", caseId);
        command.Parameters.AddWithValue("r", referralId);
        command.Parameters.AddWithValue("since", since);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add([.. values.Select(v => v is DBNull ? null : v)]);
        }

        return new TableRows(table, columns, rows);
    }

    /// <summary>
    /// The template's rows for another case, in one transaction: the referral and its children, the case's steps (numbered
    /// after its last), the case's new stage and the access log; one batch, one round trip.
    /// </summary>
    private static async Task InsertAsync(NpgsqlConnection connection, Template template, Guid caseId, CancellationToken ct)
    {
        var referralId = Guid.CreateVersion7();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var table in template.Tables)
        {
            foreach (var row in table.Rows)
            {
                var command = new NpgsqlBatchCommand();
                var columns = new List<string>();
                var values = new List<string>();
                for (var i = 0; i < table.Columns.Length; i++)
                {
                    var column = table.Columns[i];
                    if (column == "id" && row[i] is long)
                    {
                        continue; // an identity column (the access log): the database numbers the row
                    }

                    columns.Add(column);
                    if (table.Table == "case_events" && column == "sequence")
                    {
                        values.Add("(SELECT coalesce(max(sequence), 0) + 1 FROM case_events WHERE case_id = $" + (command.Parameters.Count + 1) + "::uuid)");
                        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
                        continue;
                    }

                    var value = row[i] switch
                    {
                        _ when column == "id" => table.Table == "referrals" ? referralId : Guid.CreateVersion7(),
                        Guid id when id == template.ReferralId => referralId,
                        Guid id when id == template.CaseId => caseId,
                        var other => other,
                    };
                    values.Add("$" + (command.Parameters.Count + 1));
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                command.CommandText = $"INSERT INTO {table.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
                batch.BatchCommands.Add(command);
            }
        }

        var update = new NpgsqlBatchCommand("UPDATE cases SET stage = $1 WHERE id = $2");
        update.Parameters.Add(new NpgsqlParameter { Value = template.CaseStage });
        update.Parameters.Add(new NpgsqlParameter { Value = caseId });
        batch.BatchCommands.Add(update);
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
