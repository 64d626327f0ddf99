using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CooperationModel.Web.Endpoints;

/// <summary>
/// What the log says of a request's path. A path is whatever the caller typed (an identity code in place of an id), and
/// the framework puts it on every event of the request (the hosting scope's <c>RequestPath</c>) and into routing's own
/// messages. The request log names the route matched (<c>/api/referrals/{id:guid}</c>); everywhere else a path keeps its
/// first segment when that is a plain word (the app's area: <c>api</c>, <c>referrals</c>) and ids, and nothing else
/// (<c>/api/…</c>). The query string is never logged.
/// </summary>
public sealed partial class RequestLogScrubbing : ILogEventEnricher
{
    /// <summary>The properties that carry a request's path or a value taken from it.</summary>
    private static readonly string[] PathProperties = ["RequestPath", "Path"];

    /// <summary>For <c>RequestLoggingOptions.GetMessageTemplateProperties</c>: the default properties, with the route for the path.</summary>
    public static IEnumerable<LogEventProperty> Properties(HttpContext context, string requestPath, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(context.Request.Method)),
        new("RequestPath", new ScalarValue(context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route }
            ? (route.StartsWith('/') ? route : "/" + route)
            : Scrub(requestPath))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];

    /// <summary>Every segment but a GUID and a first one of lower-case letters becomes "…".</summary>
    public static string Scrub(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var first = segments.Take(i).All(s => s.Length == 0);
            if (segments[i].Length > 0 && !(first && PlainWord().IsMatch(segments[i])) && !Guid.TryParse(segments[i], out _))
            {
                segments[i] = "…";
            }
        }

        return string.Join('/', segments);
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in PathProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path })
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Scrub(path))));
            }
        }

        // Routing's "rejected by constraint … with value '{RouteValue}'": the value is a piece of the path.
        if (logEvent.Properties.ContainsKey("RouteValue"))
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty("RouteValue", new ScalarValue("…")));
        }
    }

    [GeneratedRegex("^_?[a-z]{1,40}$")]
    private static partial Regex PlainWord();
}
