using System.Security.Claims;

namespace CooperationModel.Application.Accounts;

/// <summary>
/// The sign-in sessions of a user account. A session is a sign-in cookie; it carries the account's security stamp of the
/// moment it was issued, and the stamp lives in PostgreSQL, so every instance of the app sees a change at once.
/// </summary>
public interface IUserSessions
{
    /// <summary>
    /// Ends every session of the user, on every instance: the next request, keep-alive or circuit revalidation of any of
    /// them is refused. The one call for sign-out, a password change, deactivation and a two-factor reset.
    /// A session the caller means to keep must be issued again afterwards (SignInManager.RefreshSignInAsync).
    /// </summary>
    Task EndAllAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether a signed-in principal's session is still valid: its account exists, is not locked out (nor deactivated,
    /// which is a lockout without end), and still has the security stamp the session was issued with.
    /// </summary>
    Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);
}
