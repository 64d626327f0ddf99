using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CooperationModel.IntegrationTests.Logging;

/// <summary>
/// An in-memory Serilog sink in the app's own logger pipeline (Program reads sinks from the services), so a test reads
/// exactly what the app logged, at the levels its configuration sets.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>Adds this sink to the app's services; Program's <c>ReadFrom.Services</c> puts it beside the configured sinks.</summary>
    public void AddTo(IServiceCollection services) => services.AddSingleton<ILogEventSink>(this);

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>
    /// Everything of one event a log reader could see: the template, the rendered message, every property value
    /// (nested structures and sequences rendered in full) and the exception with its stack and inner exceptions.
    /// </summary>
    public static IEnumerable<(string Part, string Text)> Texts(LogEvent logEvent)
    {
        yield return ("template", logEvent.MessageTemplate.Text);
        yield return ("message", logEvent.RenderMessage(CultureInfo.InvariantCulture));
        foreach (var (name, value) in logEvent.Properties)
        {
            yield return ($"property {name}", value.ToString(null, CultureInfo.InvariantCulture));
        }

        if (logEvent.Exception is not null)
        {
            yield return ("exception", logEvent.Exception.ToString());
        }
    }

    public static string Describe(LogEvent logEvent) =>
        $"[{logEvent.Level}] {(logEvent.Properties.TryGetValue("SourceContext", out var source) ? source.ToString() : "?")}: "
        + logEvent.MessageTemplate.Text;
}
