using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CooperationModel.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The third lock of tenant isolation: on every connection a context opens, tells PostgreSQL whose data it may see
/// (setting <c>app.organisation_id</c>), and the row-level security policies of migration SecurityInDepth hold
/// every query, raw SQL included, to that organisation. Nobody signed in: the setting is empty and no row is visible.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public const string Setting = "app.organisation_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(DbConnection connection, ConnectionEndEventData eventData)
    {
        var organisationId = eventData.Context is AppDbContext db && db.User.OrganisationId != Guid.Empty
            ? db.User.OrganisationId.ToString()
            : "";
        var command = new NpgsqlCommand($"SELECT set_config('{Setting}', @organisation, false)", (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("organisation", organisationId);
        return command;
    }
}
