using CooperationModel.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CooperationModel.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });

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
