using System.Security.Claims;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Security;

/// <summary>
/// Two-factor sign-in is required for the roles that <see cref="UserRoles.RequiresTwoFactor"/> names (organisation
/// admins). Such a user signed in without it reaches nothing but the enrolment page until enrolled: every request is
/// turned there (<see cref="UseTwoFactorEnrolment"/>; the API answers 403), and the router does the same for a
/// navigation inside the interactive app, which makes no request (<c>TwoFactorGate</c> in Routes.razor).
/// </summary>
public static class TwoFactorEnrolment
{
    /// <summary>The enrolment page: set up an authenticator app, recovery codes, reset and turn off.</summary>
    public const string PagePath = "/account/two-factor";

    /// <summary>
    /// The requests an admin who has not enrolled yet may still make, besides any endpoint that allows anonymous callers
    /// (static assets, the sign-in pages, the culture switch, the idle sign-out): withholding what anyone may see protects
    /// nothing. Everything else, the Blazor circuit's hub included, is turned to the enrolment page.
    /// </summary>
    private static readonly string[] AllowedPaths = [PagePath, "/account/logout", "/account/keep-alive"];

    /// <summary>
    /// True when the principal is signed in, has a role that requires two-factor sign-in, and its cookie does not say
    /// that two-factor sign-in is on. Fails closed: a cookie without the claim counts as not enrolled.
    /// </summary>
    public static bool IsMissing(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Enum.GetValues<UserRole>().Any(role => role.RequiresTwoFactor() && user.IsInRole(role.ToString()))
        && user.FindFirstValue(AppClaimTypes.TwoFactorEnabled) != "true";

    /// <summary>The enrolment page, coming back to <paramref name="returnUrl"/> (a local path) once enrolled.</summary>
    public static string PageUrl(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || returnUrl == "/"
            ? PagePath
            : $"{PagePath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>A page an admin who has not enrolled yet may open: the enrolment page and anything anonymous callers may open.</summary>
    public static bool IsAllowedPage(Type pageType) =>
        pageType == typeof(Components.Account.TwoFactor) || Attribute.IsDefined(pageType, typeof(AllowAnonymousAttribute), inherit: true);

    /// <summary>Turns every other request of an admin who has not enrolled to the enrolment page (after authentication).</summary>
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsMissing(context.User) || IsAllowed(context))
            {
                await next(context);
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await Results.Problem(
                        title: l["Api.TwoFactorRequired"],
                        statusCode: StatusCodes.Status403Forbidden,
                        extensions: new Dictionary<string, object?> { ["code"] = "TwoFactor.Required" })
                    .ExecuteAsync(context);
                return;
            }

            // Back to the page asked for after enrolling; only a GET is worth returning to.
            var returnUrl = HttpMethods.IsGet(context.Request.Method) ? context.Request.Path + context.Request.QueryString : null;
            context.Response.Redirect(PageUrl(returnUrl));
        });

    private static bool IsAllowed(HttpContext context) =>
        AllowedPaths.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
        || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
