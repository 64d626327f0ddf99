using System.Text.Json.Nodes;

namespace CooperationModel.LoadDriver;

/// <summary>
/// The UI events a user sends on each page, found by the data-testid of the element the handler sits on (or in) and
/// dispatched as the browser's event delegator does. None changes data: a load run can send them for as long as it likes.
/// <list type="bullet">
/// <item>inbox: a name typed into the search box and cleared again (a filter change: the list reloads after the box's
/// 300 ms debounce), and the "only mine" switch clicked on and off (the list reloads);</item>
/// <item>workspace: the tabs "All" and "Mine" in turn (a tab change: the tab's list is loaded);</item>
/// <item>case page and referral page: none yet (see below).</item>
/// </list>
/// The case page's tab headers and the referral page's return note are not found reliably yet: their handlers are
/// re-rendered in edits that name no element, and pairing a new handler with the one the batch disposes (by event
/// name, in order) picks the wrong one there. The driver would need to track the DOM tree as blazor.web.js does.
/// A page change (the pager's next page) is not sent yet: the pager's buttons get new handlers when they are enabled, in
/// edits that do not say which element they are on, and the driver does not track the DOM tree that would tell.
/// </summary>
public static class PageEvents
{
    public const string Filter = "filter";
    public const string Click = "click";
    public const string Tab = "tab";

    /// <summary>The name searched for on the inbox.</summary>
    public const string SearchText = "Meikäläinen";

    /// <summary>The workspace's tabs: "Mine" first, "All" last.</summary>
    public const int WorkspaceMine = 0;
    public const int WorkspaceAll = 5;

    /// <summary>The kinds of event a page sends, in turn.</summary>
    public static IReadOnlyList<string> KindsOf(string page) => page switch
    {
        "inbox" => [Filter, Click],
        "workspace" => [Tab],
        "case" or "referral" => [],
        _ => throw new ArgumentException($"Unknown page {page} (inbox, workspace, case, referral)."),
    };

    /// <summary>Sends the <paramref name="turn"/>th event of its kind (even and odd turns undo each other).</summary>
    public static Task<TimeSpan> SendAsync(Circuit circuit, string page, string kind, int turn, CancellationToken cancellationToken = default)
    {
        var even = turn % 2 == 0;
        return (page, kind) switch
        {
            ("inbox", Filter) => circuit.DispatchAsync(
                Handler(circuit, "inbox-search", "input"), new JsonObject { ["value"] = even ? SearchText : "", ["type"] = "input" }, cancellationToken),
            ("inbox", Click) => circuit.ChangeAsync(Handler(circuit, "inbox-mine", "change"), JsonValue.Create(even), cancellationToken),
            ("workspace", Tab) => circuit.ClickAsync(TabHeader(circuit, "workspace-tabs", even ? WorkspaceAll : WorkspaceMine), cancellationToken),
            _ => throw new ArgumentException($"The {page} page has no {kind} event."),
        };
    }

    /// <summary>
    /// A tab's header in a MudTabs with the given data-testid (MudTabPanel does not put its own on the header): the
    /// headers are the first click handlers on divs inside it, in order, before the panel's content.
    /// </summary>
    public static EventHandlerFrame TabHeader(Circuit circuit, string tabsTestId, int index)
    {
        var headers = circuit.FindHandlers(tabsTestId, "click", "div");
        return headers.Count > index
            ? headers[index]
            : throw new InvalidOperationException($"{tabsTestId} has {headers.Count} clickable divs, no tab {index}. {Describe(circuit)}");
    }

    /// <summary>The page's handlers (test id:event:element), for a failure's message.</summary>
    public static string Describe(Circuit circuit) =>
        string.Join(", ", circuit.EventHandlers.OrderBy(h => h.Id).Select(h => $"{h.TestId}:{h.EventName}:{h.Element}"));

    private static EventHandlerFrame Handler(Circuit circuit, string testId, string eventName) =>
        circuit.FindHandler(testId, eventName)
        ?? throw new InvalidOperationException($"No {eventName} handler on {testId}. {Describe(circuit)}");
}
