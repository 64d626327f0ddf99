using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Security;

/// <summary>
/// Antiforgery for minimal API endpoints that change state but bind no form (which is when ASP.NET Core would check the
/// token by itself). Razor component pages (EditForm posts) are checked by Blazor; see docs/architecture.md.
/// </summary>
public static class AntiforgeryEndpoints
{
    /// <summary>
    /// The antiforgery middleware validates the token of this endpoint's requests (metadata), and the filter refuses one whose
    /// token is missing or wrong: 400 with problem details, before the handler runs. Without the middleware it fails closed.
    /// </summary>
    public static RouteHandlerBuilder RequireAntiforgery(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(new RequireAntiforgeryTokenAttribute(required: true))
            .AddEndpointFilter(async (context, next) =>
            {
                var validation = context.HttpContext.Features.Get<IAntiforgeryValidationFeature>();
                if (validation is not { IsValid: true })
                {
                    var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    return Results.Problem(
                        title: l["Api.AntiforgeryInvalid"],
                        statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["code"] = "Antiforgery.Invalid" });
                }

                return await next(context);
            });
}
