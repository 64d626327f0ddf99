using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace CooperationModel.Infrastructure.Persistence;

/// <summary>
/// Tells an unreachable database (no connection, a broken one, a server shutting down or refusing connections) from
/// every other failure, so that the user can be told to try again later instead of "an unexpected error".
/// </summary>
public static class DatabaseOutage
{
    /// <summary>True when the exception, or one inside it, says the database could not be reached.</summary>
    public static bool IsCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Class 08: connection exception; 57P01-57P03: shut down, crash, cannot connect now; class 53: out of resources.
                case PostgresException server when server.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || server.SqlState.StartsWith("57P0", StringComparison.Ordinal)
                    || server.SqlState.StartsWith("53", StringComparison.Ordinal):
                    return true;
                // Whatever else the driver itself calls transient (a terminated backend, a database closed to connections).
                case DbException { IsTransient: true }:
                    return true;
                case PostgresException:
                    return false;
                // Raised by Npgsql itself, not the server: it could not connect, or the connection broke or timed out.
                case NpgsqlException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
