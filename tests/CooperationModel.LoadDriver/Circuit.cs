using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.LoadDriver;

/// <summary>
/// One interactive Blazor Server circuit, opened as blazor.web.js opens it: the page's prerendered HTML gives the server
/// component markers and the persisted state; the circuit starts on /_blazor (StartCircuit, then UpdateRootComponents
/// with the markers), every render batch is acknowledged (OnRenderCompleted), every JS interop call is answered
/// (EndInvokeJSFromDotNet), and UI events go to the renderer's DispatchEventAsync as the browser's event delegator sends them.
/// </summary>
public sealed partial class Circuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly DemoSession _session;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DotNetAnswer>> _calls = new();
    /// <summary>The page's elements as the browser would hold them (locked: batches and lookups come on different threads).</summary>
    private readonly ElementTree _tree = new();
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _jsCalls = new();
    private readonly SemaphoreSlim _batchArrived = new(0);
    private readonly TaskCompletionSource<long> _rendererInterop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>How long the server may take to answer a call before the circuit is taken as broken.</summary>
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    private long _nextCallId;
    private long _nextJsObjectId = 1000;
    private int _batches;

    /// <summary>False under load: the texts of thousands of circuits would be the driver's memory (only tests wait for a text).</summary>
    private readonly bool _keepTexts;

    private Circuit(HubConnection connection, DemoSession session, bool keepTexts)
    {
        _connection = connection;
        _session = session;
        _keepTexts = keepTexts;
    }

    /// <summary>Render batches received.</summary>
    public int Batches => _batches;

    /// <summary>What the server reported as a circuit error (JS.Error) or an unhandled render failure.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>The circuit's id (its secret) from StartCircuit.</summary>
    public string CircuitId { get; private set; } = "";

    /// <summary>Every text and markup string that arrived in the circuit's render batches.</summary>
    public IReadOnlyCollection<string> Texts => _texts;

    /// <summary>Every live event handler, in document order.</summary>
    public IReadOnlyList<EventHandlerFrame> EventHandlers
    {
        get
        {
            lock (_tree)
            {
                return _tree.Find(null, null);
            }
        }
    }

    /// <summary>Nodes in the circuit's element tree (its size in the driver's memory).</summary>
    public int TreeNodes
    {
        get
        {
            lock (_tree)
            {
                return _tree.NodeCount;
            }
        }
    }

    /// <summary>
    /// GETs <paramref name="path"/> as the signed-in user and opens its circuit; <paramref name="keepTexts"/> false keeps
    /// none of the texts that arrive (a load run), so that <see cref="WaitForTextAsync"/> cannot be used.
    /// </summary>
    public static async Task<Circuit> OpenAsync(DemoSession session, string path, CancellationToken cancellationToken = default, bool keepTexts = true)
    {
        var pageUri = new Uri(session.BaseAddress, path);
        using var response = await session.Http.GetAsync(pageUri, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var markers = Markers().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server")
            .OrderBy(m => (int)m["sequence"]!)
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"GET {path} has no interactive server component.");
        }

        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(session.BaseAddress, "_blazor"), options =>
            {
                options.Cookies = session.Cookies;
                options.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var connection = builder.Build();
        var circuit = new Circuit(connection, session, keepTexts);
        circuit.Attach();
        try
        {
            await connection.StartAsync(cancellationToken);
            circuit.CircuitId = await connection.InvokeAsync<string>(
                "StartCircuit", session.BaseAddress.ToString(), pageUri.ToString(), "[]", state, cancellationToken).WaitAsync(AnswerTimeout, cancellationToken)
                ?? throw new InvalidOperationException($"StartCircuit on {path} returned no circuit: {string.Join("; ", circuit.Errors)}");
            var operations = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            })]);
            // blazor.web.js sends its operations in numbered batches (the server answers JS.EndUpdateRootComponents(batchId)).
            var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
            await connection.SendAsync("UpdateRootComponents", batch.ToJsonString(), state, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until a render batch has brought <paramref name="text"/> (the page is interactive and shows it).</summary>
    public async Task WaitForTextAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (!_texts.Any(t => t.Contains(text, StringComparison.Ordinal)))
        {
            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero || !_errors.IsEmpty)
            {
                throw new TimeoutException(
                    $"'{text}' did not arrive over the circuit ({_batches} batches; errors: {string.Join("; ", _errors)}).");
            }

            await _batchArrived.WaitAsync(left, cancellationToken);
        }
    }

    /// <summary>Waits until more than <paramref name="seen"/> render batches have arrived (the page rendered again).</summary>
    public async Task WaitForBatchAfterAsync(int seen, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (_batches <= seen)
        {
            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero || !_errors.IsEmpty)
            {
                throw new TimeoutException($"No render batch after {seen} arrived (errors: {string.Join("; ", _errors)}).");
            }

            await _batchArrived.WaitAsync(left, cancellationToken);
        }
    }

    /// <summary>
    /// Waits until no render batch has arrived for <paramref name="quiet"/>: the page's own work after an event (a
    /// table's second render, counts loading) is done, so the handlers the tree holds are the ones the server has.
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await WaitForBatchAfterAsync(_batches, quiet, cancellationToken);
            }
            catch (TimeoutException) when (_errors.IsEmpty)
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The page kept rendering for {timeout.TotalSeconds:0} s.");
            }
        }
    }

    /// <summary>Whether the page has an element with this data-testid now.</summary>
    public bool HasElement(string testId)
    {
        lock (_tree)
        {
            return _tree.Contains(testId);
        }
    }

    /// <summary>Waits until render batches have made <paramref name="condition"/> true (checked after each batch).</summary>
    public async Task WaitUntilAsync(Func<Circuit, bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition(this))
        {
            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero || !_errors.IsEmpty)
            {
                throw new TimeoutException($"{what} did not happen over the circuit ({_batches} batches; errors: {string.Join("; ", _errors)}).");
            }

            await _batchArrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>The first live handler of an event, in document order, on the element with the given data-testid or inside it.</summary>
    public EventHandlerFrame? FindHandler(string testId, string eventName, string? element = null) =>
        FindHandlers(testId, eventName, element) is [var first, ..] ? first : null;

    /// <summary>
    /// Every live handler of an event, in document order, on elements whose own data-testid, or nearest ancestor's, is
    /// <paramref name="testId"/>; on elements of the given name when it is given.
    /// </summary>
    public IReadOnlyList<EventHandlerFrame> FindHandlers(string testId, string eventName, string? element = null)
    {
        lock (_tree)
        {
            return _tree.Find(testId, eventName, element);
        }
    }

    /// <summary>A click, as the browser's event delegator dispatches it; completes when the server has handled it.</summary>
    public Task<TimeSpan> ClickAsync(EventHandlerFrame handler, CancellationToken cancellationToken = default) =>
        DispatchAsync(handler, new JsonObject
        {
            ["detail"] = 1, ["screenX"] = 0, ["screenY"] = 0, ["clientX"] = 0, ["clientY"] = 0, ["offsetX"] = 0, ["offsetY"] = 0,
            ["pageX"] = 0, ["pageY"] = 0, ["movementX"] = 0, ["movementY"] = 0, ["button"] = 0, ["buttons"] = 0,
            ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false, ["type"] = "click",
        }, cancellationToken);

    /// <summary>A change of an input's value (a checkbox's is a bool, a text field's a string).</summary>
    public Task<TimeSpan> ChangeAsync(EventHandlerFrame handler, JsonNode? value, CancellationToken cancellationToken = default) =>
        DispatchAsync(handler, new JsonObject { ["value"] = value }, cancellationToken);

    /// <summary>Dispatches an event and measures its round trip: until the server answers the dispatch.</summary>
    public async Task<TimeSpan> DispatchAsync(EventHandlerFrame handler, JsonObject eventArgs, CancellationToken cancellationToken = default)
    {
        if (!_rendererInterop.Task.IsCompleted)
        {
            throw new InvalidOperationException($"The renderer has not attached its interop; JS calls: {string.Join(", ", _jsCalls)}");
        }

        var renderer = await _rendererInterop.Task;
        var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<DotNetAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[callId] = answer;
        var descriptor = new JsonObject { ["eventHandlerId"] = handler.Id, ["eventName"] = handler.EventName, ["eventFieldInfo"] = null };
        var args = new JsonArray(descriptor, eventArgs).ToJsonString();
        var watch = Stopwatch.StartNew();
        await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", renderer, args, cancellationToken);
        var result = await answer.Task.WaitAsync(AnswerTimeout, cancellationToken);
        watch.Stop();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The server failed the {handler.EventName} event: {result.ResultOrError}");
        }

        return watch.Elapsed;
    }

    private void Attach()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (batchId, data) =>
        {
            string? error = null;
            try
            {
                var texts = _keepTexts ? new List<string>() : null;
                lock (_tree)
                {
                    RenderBatch.Apply(data, _tree, texts);
                }

                foreach (var text in texts ?? [])
                {
                    _texts.Enqueue(text);
                }
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidDataException)
            {
                error = $"The driver could not read batch {batchId}: {e.Message}";
                _errors.Enqueue(error);
            }

            Interlocked.Increment(ref _batches);
            await _connection.SendAsync("OnRenderCompleted", batchId, error);
            _batchArrived.Release();
        });
        // .NET 10: the handle, the function's identifier, its arguments' JSON, the result type, the JS object it is called on
        // (0: window) and the call type (a function call, a constructor, reading or setting a value).
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (asyncHandle, identifier, argsJson, resultType, _, _) =>
        {
            _jsCalls.Enqueue(identifier);
            var result = AnswerJs(identifier, argsJson, resultType);
            if (asyncHandle != 0)
            {
                var answer = new JsonArray(asyncHandle, true, result).ToJsonString();
                await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, answer);
            }
        });
        // The answer to a .NET call from "JS" (an event dispatch): its call id, success, and the result's JSON (or the error).
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", (callId, success, resultOrError) =>
        {
            if (_calls.TryRemove(callId, out var call))
            {
                call.TrySetResult(new DotNetAnswer(success, resultOrError));
            }
        });
        _connection.On<string>("JS.Error", error =>
        {
            _errors.Enqueue(error);
            _batchArrived.Release();
        });
        _connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        _connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        _connection.On<int, bool>("JS.EndLocationChanging", (_, _) => { });
    }

    /// <summary>
    /// What a browser's JavaScript would answer: the renderer's interop object is remembered (events go to it), a module
    /// import is a new JS object reference, and everything else gets null (void calls, and values the pages tolerate).
    /// </summary>
    private JsonNode? AnswerJs(string identifier, string argsJson, int resultType)
    {
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            using var args = JsonDocument.Parse(argsJson);
            _rendererInterop.TrySetResult(args.RootElement[1].GetProperty("__dotNetObject").GetInt64());
            return null;
        }

        // JSCallResultType.JSObjectReference: an import("./module.js") or a call that returns an object.
        if (resultType == 1)
        {
            return new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref _nextJsObjectId) };
        }

        return null;
    }

    private sealed record DotNetAnswer(bool Succeeded, string ResultOrError);

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();

    /// <summary>Whether the server took the disconnect of <see cref="DisposeAsync"/> (it answers 400 to a malformed one).</summary>
    public bool EndedOnServer { get; private set; }

    /// <summary>
    /// Ends the circuit as a closed tab does: blazor.web.js posts the circuit's id to <c>_blazor/disconnect</c> (a beacon,
    /// on unload) and the server ends the circuit at once. Only dropping the connection would leave it as a disconnected
    /// circuit for CircuitOptions.DisconnectedCircuitRetentionPeriod (3 minutes), waiting for a reconnect, and the next
    /// step's readings would count it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (CircuitId.Length > 0)
        {
            try
            {
                using var disconnect = new FormUrlEncodedContent([new("circuitId", CircuitId)]);
                using var answer = await _session.Http.PostAsync(new Uri(_session.BaseAddress, "_blazor/disconnect"), disconnect);
                EndedOnServer = answer.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                // The server is gone already: nothing is left to end.
            }
        }

        await _connection.DisposeAsync();
        _batchArrived.Dispose();
    }
}
