using System.Text;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.ListInbox;
using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>
/// The same result as a use case, computed by SQL over plain Npgsql on a connection that is already open (and, for the
/// app's role, already acting for the user's organisation): the floor the data layer is measured against. Returns the
/// ids of the rows in order, so that they can be checked against the use case's once, outside the timing.
/// </summary>
public delegate Task<IReadOnlyList<Guid>> SqlBaseline(NpgsqlConnection connection, CancellationToken cancellationToken);

/// <summary>Builds the SQL baselines: hand-written where a scenario has one, else the use case's own queries replayed.</summary>
public static class HandWrittenSql
{
    /// <summary>
    /// The social services inbox (ListInboxHandler.ReceivedAsync), as a skilled engineer would write it: one count and
    /// one page, the columns the row shows (the identity code as stored: decrypting it is the app's work), the overdue
    /// flag computed in the query. Only the queries of a receiving organisation (not a partner's forwards) are written.
    /// </summary>
    public static SqlBaseline Inbox(IServiceProvider services, ListInboxQuery query)
    {
        var user = services.GetRequiredService<ICurrentUser>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        var where = new StringBuilder("r.receiver_organisation_id = @organisation");
        var parameters = new List<(string Name, object Value)> { ("organisation", user.OrganisationId) };
        if (query.Status is { } status)
        {
            where.Append(" AND r.status = @status");
            parameters.Add(("status", status.ToString()));
        }

        if (query.OnlyMine)
        {
            where.Append(" AND r.named_worker_user_id = @me");
            parameters.Add(("me", user.UserId));
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            if (PersonalIdentityCode.Parse(search).TryGetValue(out var code))
            {
                where.Append(" AND r.client_identity_code_hash = @hash");
                parameters.Add(("hash", services.GetRequiredService<IIdentityCodeHasher>().Hash(code)));
            }
            else
            {
                where.Append(" AND lower(r.client_name) LIKE @name");
                parameters.Add(("name", $"%{search.ToLowerInvariant()}%"));
            }
        }

        if (query.Ground is not null || query.MunicipalityCode is not null || query.Overdue is not null)
        {
            throw new NotSupportedException("The hand-written inbox covers the filters the benchmark uses.");
        }

        var order = query.Order switch
        {
            InboxOrder.NewestFirst => "r.sent_at DESC",
            InboxOrder.ClientName => "r.client_name, r.sent_at DESC",
            InboxOrder.Status => "CASE r.status WHEN 'Sent' THEN 1 WHEN 'Received' THEN 2 WHEN 'Accepted' THEN 3 WHEN 'InAssessment' THEN 4 WHEN 'Completed' THEN 5 ELSE 6 END, r.sent_at DESC",
            _ => throw new NotSupportedException($"Order {query.Order} is not hand-written."),
        };
        var awaiting = string.Join(", ", ReferralPredicates.AwaitingAcceptanceStatuses.Select(s => $"'{s}'"));
        parameters.Add(("today", today));
        var sql = $"""
            SELECT count(*) FROM referrals r WHERE {where};
            SELECT r.id, r.client_name, r.client_identity_code, r.home_municipality_code, r.ground, r.consent_given, r.status,
                   r.sent_at, r.named_worker_name, r.urgent, r.respond_by,
                   (r.status IN ({awaiting}) AND r.respond_by < @today) AS is_overdue
            FROM referrals r WHERE {where}
            ORDER BY {order}
            LIMIT {query.Page.Take} OFFSET {query.Page.Skip}
            """;
        return async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            _ = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            var ids = new List<Guid>(query.Page.Take);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                ids.Add((Guid)values[0]);
            }

            return ids;
        };
    }

    /// <summary>
    /// The use case's own queries (as the SqlRecorder saw them in its last timed call), replayed over plain Npgsql with
    /// their parameters, every value read: what PostgreSQL and the wire cost without EF Core, materialisation,
    /// decryption or the access-log insert. No ids: the rows are the app's own by construction.
    /// </summary>
    public static SqlBaseline Replay(IReadOnlyList<RecordedCommand> commands)
    {
        var queries = commands.Where(c => c.IsQuery).ToList();
        return async (connection, ct) =>
        {
            foreach (var recorded in queries)
            {
                await using var command = new NpgsqlCommand(recorded.Sql, connection);
                foreach (var parameter in recorded.Parameters)
                {
                    command.Parameters.Add(parameter.Clone());
                }

                await using var reader = await command.ExecuteReaderAsync(ct);
                do
                {
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync(ct))
                    {
                        reader.GetValues(values);
                    }
                }
                while (await reader.NextResultAsync(ct));
            }

            return [];
        };
    }
}
