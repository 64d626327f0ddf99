using CooperationModel.Application.Accounts;
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
        if (!await sessions.IsValidAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
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
        return await scope.ServiceProvider.GetRequiredService<IUserSessions>().IsValidAsync(authenticationState.User, cancellationToken);
    }
}
