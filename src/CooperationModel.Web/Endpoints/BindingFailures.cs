using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// A request the framework cannot bind to an endpoint's parameters (a value that is not of the parameter's type, a missing
/// required one, a body that is not JSON) is the caller's mistake: it gets the same localised 400 problem details as every
/// other malformed parameter, and it is not an error of the app. The framework's exception names the value the caller
/// sent (an identity code, if that is what was typed), so it goes no further than here: neither the exception handler
/// nor the request log sees it, and the one line logged keeps the parameter but not the value.
/// </summary>
public static partial class BindingFailures
{
    /// <summary>
    /// Binding failures always throw, in every environment (by default only in Development; elsewhere the framework logs
    /// the raw value at Debug and answers an empty 400), so that they all come here.
    /// </summary>
    public static IServiceCollection AddBindingFailureAnswers(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

    /// <summary>Right inside the request log, so that neither it nor the exception handler sees the exception.</summary>
    public static IApplicationBuilder UseBindingFailureAnswers(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BindingFailures))
                    .RequestNotBound(exception.StatusCode, context.GetEndpoint()?.DisplayName, Scrub(exception.Message));
                context.Response.Clear();
                context.Response.Headers.CacheControl = "no-store";
                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await Results.Problem(
                        title: l["Api.InvalidRequest"],
                        statusCode: exception.StatusCode,
                        extensions: new Dictionary<string, object?> { ["code"] = "Api.InvalidRequest" })
                    .ExecuteAsync(context);
            }
        });

    /// <summary>
    /// The framework's message without what the caller sent: it quotes the parameter first ("bool? mine") and then the
    /// value; every quoted part after the first is removed.
    /// </summary>
    public static string Scrub(string message)
    {
        var first = true;
        return Quoted().Replace(message, match =>
        {
            if (first)
            {
                first = false;
                return match.Value;
            }

            return "\"…\"";
        });
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [LoggerMessage(Level = LogLevel.Information, Message = "Request not bound ({StatusCode}) to {Endpoint}: {Reason}")]
    private static partial void RequestNotBound(this ILogger logger, int statusCode, string? endpoint, string reason);
}
