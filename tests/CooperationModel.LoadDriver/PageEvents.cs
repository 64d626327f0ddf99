using System.Text.Json.Nodes;

namespace CooperationModel.LoadDriver;

/// <summary>
/// The UI events a user sends on each page, found by the data-testid of the element the handler sits on (or in: the
/// circuit's <see cref="ElementTree"/>) and dispatched as the browser's event delegator does. None changes data: a load
/// run can send them for as long as it likes. Even and odd turns of a kind undo each other.
/// <list type="bullet">
/// <item>inbox: a name typed into the search box and cleared again (a filter change: the list reloads after the box's
/// 300 ms debounce), the "only mine" switch on and off (the list reloads) and, with a full page of rows
/// (<c>paging</c>), the pager's next page and back to the first;</item>
/// <item>workspace: the tabs "All" and "Mine" in turn (the tab's list is loaded) and, with paging, the pager;</item>
/// <item>case page: its tabs "Timeline" and "Work" in turn (the handler's most used switch; the panel's content is
/// rendered anew, KeepPanelsAlive is off);</item>
/// <item>referral page: a note typed into the return form and cleared (a change of the field: the form validates it
/// and the counter shows its length; nothing is saved).</item>
/// </list>
/// </summary>
public static class PageEvents
{
    public const string Filter = "filter";
    public const string Click = "click";
    public const string Tab = "tab";
    public const string Page = "page";
    public const string Note = "note";

    /// <summary>The name searched for on the inbox.</summary>
    public const string SearchText = "Meikäläinen";

    /// <summary>The note typed on the referral page (never saved).</summary>
    public const string NoteText = "Asiakkaan kotikunta on tarkistettava.";

    /// <summary>The workspace's tabs: "Mine" first, "All" last.</summary>
    public const int WorkspaceMine = 0;
    public const int WorkspaceAll = 5;

    /// <summary>The case page's tabs: the stage's work first, the timeline last.</summary>
    public const int CaseWork = 0;
    public const int CaseTimeline = 3;

    /// <summary>The kinds of event a page sends, in turn; <paramref name="paging"/> adds the pager's page change.</summary>
    public static IReadOnlyList<string> KindsOf(string page, bool paging = false) => page switch
    {
        "inbox" => paging ? [Filter, Click, Page] : [Filter, Click],
        "workspace" => paging ? [Tab, Page] : [Tab],
        "case" => [Tab],
        "referral" => [Note],
        _ => throw new ArgumentException($"Unknown page {page} (inbox, workspace, case, referral)."),
    };

    /// <summary>Sends the <paramref name="turn"/>th event of its kind (even and odd turns undo each other).</summary>
    public static Task<TimeSpan> SendAsync(Circuit circuit, string page, string kind, int turn, CancellationToken cancellationToken = default)
    {
        var even = turn % 2 == 0;
        return (page, kind) switch
        {
            ("inbox", Filter) => SearchAsync(circuit, even ? SearchText : "", cancellationToken),
            ("inbox", Click) => circuit.ChangeAsync(Handler(circuit, "inbox-mine", "change"), JsonValue.Create(even), cancellationToken),
            ("inbox" or "workspace", Page) => circuit.ClickAsync(Handler(circuit, even ? "table-page-Next" : "table-page-First", "click"), cancellationToken),
            ("workspace", Tab) => circuit.ClickAsync(TabHeader(circuit, "workspace-tabs", even ? WorkspaceAll : WorkspaceMine), cancellationToken),
            ("case", Tab) => circuit.ClickAsync(TabHeader(circuit, "case-tabs", even ? CaseTimeline : CaseWork), cancellationToken),
            ("referral", Note) => circuit.ChangeAsync(Handler(circuit, "return-note-input", "change"), JsonValue.Create(even ? NoteText : ""), cancellationToken),
            _ => throw new ArgumentException($"The {page} page has no {kind} event."),
        };
    }

    /// <summary>Types <paramref name="text"/> into the inbox's search box (an input event, as each key sends).</summary>
    public static Task<TimeSpan> SearchAsync(Circuit circuit, string text, CancellationToken cancellationToken = default) =>
        circuit.DispatchAsync(Handler(circuit, "inbox-search", "input"), new JsonObject { ["value"] = text, ["type"] = "input" }, cancellationToken);

    /// <summary>
    /// A tab's header in a MudTabs with the given data-testid (MudTabPanel does not put its own on the header): the
    /// headers are the first click handlers on divs inside it, in document order, before the panel's content.
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
        string.Join(", ", circuit.EventHandlers.Select(h => $"{h.TestId}:{h.EventName}:{h.Element}"));

    private static EventHandlerFrame Handler(Circuit circuit, string testId, string eventName) =>
        circuit.FindHandler(testId, eventName)
        ?? throw new InvalidOperationException($"No {eventName} handler on {testId}. {Describe(circuit)}");
}
