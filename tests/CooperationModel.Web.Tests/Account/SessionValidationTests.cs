using System.Net.Sockets;
using System.Security.Claims;
using CooperationModel.Application.Accounts;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Web.Security;
using Npgsql;

namespace CooperationModel.Web.Tests.Account;

/// <summary>
/// The session check when the database cannot be reached: it lets the session through (everything protected is in the
/// database, and the page can then say what is wrong) instead of failing every request, static files included. Any other
/// failure still fails.
/// </summary>
public sealed class SessionValidationTests
{
    private static readonly ClaimsPrincipal Someone = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));

    [Fact]
    public async Task DatabaseUnreachable_SessionLetThrough()
    {
        var sessions = new Sessions(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)));

        (await SessionValidation.IsValidOrDatabaseDownAsync(sessions, Someone, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task OtherFailure_Thrown()
    {
        var sessions = new Sessions(new InvalidOperationException("a bug"));

        await Should.ThrowAsync<InvalidOperationException>(() => SessionValidation.IsValidOrDatabaseDownAsync(sessions, Someone, CancellationToken.None));
    }

    [Fact]
    public async Task DatabaseUp_TheCheckDecides()
    {
        (await SessionValidation.IsValidOrDatabaseDownAsync(new Sessions(valid: false), Someone, CancellationToken.None)).ShouldBeFalse();
        (await SessionValidation.IsValidOrDatabaseDownAsync(new Sessions(valid: true), Someone, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public void DatabaseOutage_ConnectionFailuresOnly()
    {
        DatabaseOutage.IsCause(new InvalidOperationException("wrapped", new NpgsqlException("Failed to connect", new SocketException()))).ShouldBeTrue();
        DatabaseOutage.IsCause(new SocketException((int)SocketError.TimedOut)).ShouldBeTrue();
        DatabaseOutage.IsCause(new PostgresException("the database system is shutting down", "FATAL", "FATAL", "57P03")).ShouldBeTrue();
        DatabaseOutage.IsCause(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")).ShouldBeFalse();
        DatabaseOutage.IsCause(new InvalidOperationException("a bug")).ShouldBeFalse();
    }

    private sealed class Sessions(Exception? failure = null, bool valid = true) : IUserSessions
    {
        public Sessions(bool valid)
            : this(null, valid)
        {
        }

        public Task EndAllAsync(Guid userId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
            failure is null ? Task.FromResult(valid) : Task.FromException<bool>(failure);
    }
}
