using System.Security.Claims;
using CooperationModel.Application.Accounts;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CooperationModel.Web.Security;

/// <summary>
/// Server-side session validation (see docs/security.md, "Sessions and their revocation"): every request's sign-in
/// cookie, and every open circuit at <see cref="IdleSessionOptions.RevalidationInterval"/>, is checked against the
/// account in PostgreSQL by <see cref="IUserSessions.IsValidAsync"/>. A copied cookie therefore stops working on every
/// instance as soon as its user signs out, changes a credential or is locked out.
/// </summary>
public static class SessionValidation
{
    /// <summary>The cookie's principal check on every request (in place of Identity's 30-minute stamp check).</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<IUserSessions>();
        if (!await IsValidOrDatabaseDownAsync(sessions, context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>
    /// The check, or true when the database cannot be reached: every protected thing lives in the database, so a session
    /// let through then reads nothing, while the page can say that the database is down (and an open form keeps its
    /// text) instead of every request, static files included, failing. The check runs again on the next request.
    /// </summary>
    internal static async Task<bool> IsValidOrDatabaseDownAsync(IUserSessions sessions, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        try
        {
            return await sessions.IsValidAsync(principal, cancellationToken);
        }
        catch (Exception exception) when (DatabaseOutage.IsCause(exception))
        {
            return true;
        }
    }
}

/// <summary>
/// The authentication state of a Blazor circuit, revalidated: a circuit makes no requests, so a revoked session would
/// otherwise keep its open page. When the check fails the circuit's user becomes anonymous: data access fails closed
/// and the router sends the page to the sign-in page.
/// </summary>
public sealed class RevalidatingSessionStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdleSessionOptions> session)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => session.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await SessionValidation.IsValidOrDatabaseDownAsync(
            scope.ServiceProvider.GetRequiredService<IUserSessions>(), authenticationState.User, cancellationToken);
    }
}
