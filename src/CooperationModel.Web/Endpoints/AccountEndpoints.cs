using CooperationModel.Application.Accounts;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CooperationModel.Web.Endpoints;

public static class AccountEndpoints
{
    /// <summary>Where the idle timeout lands: the sign-in page, with the "signed out due to inactivity" message.</summary>
    public const string IdleSignedOutPath = "~/account/login?reason=idle";

    /// <summary>Where a sign-out lands when the database was down: this browser is out, other sessions could not be ended.</summary>
    public const string SignOutIncompletePath = "~/account/login?reason=signout-incomplete";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The layout's sign-out form carries an antiforgery token; without this check nobody would read it.
        // Sign-out ends every session of the user on every instance (a new security stamp), not only this browser's
        // cookie: a copy of the cookie taken before is refused from now on.
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn, IUserSessions sessions, HttpContext context) =>
        {
            var target = "~/account/login";
            if (Guid.TryParse(signIn.UserManager.GetUserId(context.User), out var userId))
            {
                try
                {
                    await sessions.EndAllAsync(userId, context.RequestAborted);
                }
                catch (Exception exception) when (DatabaseOutage.IsCause(exception))
                {
                    // This browser is still signed out; the user is told that other copies of the session were not ended.
                    target = SignOutIncompletePath;
                }
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(target);
        }).RequireAntiforgery();

        // The idle session timeout. GET, so the layout can navigate here: it only ends the caller's own session (whose
        // cookie expires now anyway, so a copy of it dies too); the user's other devices stay signed in.
        // Anonymous, because the cookie may already have expired; the target is fixed, so no open redirect.
        endpoints.MapGet("/account/idle-logout", async (SignInManager<AppUser> signIn, HttpContext context) =>
        {
            await signIn.SignOutAsync();
            context.Response.Headers.CacheControl = "no-store";
            return Results.LocalRedirect(IdleSignedOutPath);
        }).AllowAnonymous();

        // "Stay signed in" and activity in the interactive app: re-issues the auth cookie with a fresh expiry, so its idle
        // timeout starts again (RefreshSignInAsync would keep the old expiry). The session was checked against the account
        // before this runs (SessionValidation, as on every request); the user is reloaded for the fresh cookie's claims.
        // No antiforgery token: the layout's script calls it with fetch and no form. A forged call could do no more than
        // keep the victim's own session alive, and none can be forged from another site: the auth cookie is SameSite=Strict,
        // so a cross-site request arrives signed out and gets 401. (On the allow list of AntiforgeryCoverageTests.)
        endpoints.MapPost("/account/keep-alive", async (SignInManager<AppUser> signIn, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var user = await signIn.ValidateSecurityStampAsync(context.User);
            if (user is null)
            {
                await signIn.SignOutAsync();
                return Results.Unauthorized();
            }

            var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            var properties = current.Properties ?? new AuthenticationProperties();
            properties.IssuedUtc = null;
            properties.ExpiresUtc = null;
            await signIn.SignInAsync(user, properties, context.User.FindFirst("amr")?.Value);
            return Results.NoContent();
        }).DisableAntiforgery();

        // The language switch: remembers the choice in the standard culture cookie for a year.
        endpoints.MapGet("/culture/set", (HttpContext context, [FromQuery] string? culture, [FromQuery] string? redirectUri) =>
        {
            var chosen = WebServices.Cultures.Contains(culture) ? culture! : WebServices.Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = string.IsNullOrEmpty(redirectUri) || !Uri.IsWellFormedUriString(redirectUri, UriKind.Relative) || redirectUri.StartsWith("//", StringComparison.Ordinal)
                ? "/"
                : redirectUri;
            return Results.LocalRedirect("~" + (target.StartsWith('/') ? target : "/" + target));
        }).AllowAnonymous();

        return endpoints;
    }
}
