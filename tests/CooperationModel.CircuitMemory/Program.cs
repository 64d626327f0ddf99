using System.Globalization;
using System.Text.Json;
using CooperationModel.LoadDriver;
using Microsoft.Playwright;

// Circuit memory probe (docs/performance.md, "Circuit memory"). Against a running app with
// LoadTest__Diagnostics=true, opens N signed-in Chromium pages of one kind, waits until each is interactive and the
// server is idle, and reads the live managed heap after a full blocking GC (/_load/gc, the load profile's endpoint). The slope of heap over
// N is the cost of one idle circuit.
//
//   dotnet run -c Release --project tests/CooperationModel.CircuitMemory -- <app url> <inbox|workspace|case|referral> [steps]
//
// steps: comma-separated page counts (default 0,10,20,30). CHROMIUM_PATH names the browser (default /usr/bin/chromium).
// PROBE_GCDUMP="<dotnet-gcdump path>;<app pid>;<folder>" also writes a heap snapshot at each step.
var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') + "/" : "http://127.0.0.1:5080/";
var kind = args.Length > 1 ? args[1] : "inbox";
var steps = (args.Length > 2 ? args[2] : "0,10,20,30").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
const string Password = "Demo-salasana-2026";
var email = kind is "workspace" or "case" ? "kasittelija.etela@demo.test" : "sosiaalityo.helsinki@demo.test";

using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
    Args = ["--disable-gpu", "--disable-dev-shm-usage"],
});

// Sign in once through the real form; every page gets a context of its own with the same cookie.
var signIn = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "fi-FI" });
var first = await signIn.NewPageAsync();
await first.GotoAsync("account/login");
await first.Locator("#email").FillAsync(email);
await first.Locator("#password").FillAsync(Password);
await first.GetByTestId("login-submit").ClickAsync();
await first.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
var target = kind switch
{
    "inbox" => "inbox",
    "workspace" => "cases",
    "case" => await FirstLinkAsync(first, "cases", "table a[href^='cases/']", "cases/", openLastTab: true),
    "referral" => await FirstLinkAsync(first, "inbox", "a[href^='referrals/']", "referrals/"),
    _ => throw new ArgumentException($"unknown page kind '{kind}'"),
};
var state = await signIn.StorageStateAsync();
await signIn.CloseAsync();
Console.WriteLine($"page: {target} as {email}");

var pages = new List<IBrowserContext>();
var points = new List<(int N, double Kb)>();
foreach (var n in steps)
{
    while (pages.Count < n)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "fi-FI", StorageState = state });
        var page = await context.NewPageAsync();
        await page.GotoAsync(target);
        await page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        pages.Add(context);
    }
    // Let first-render work, interop calls and prerender leftovers settle before measuring.
    await Task.Delay(TimeSpan.FromSeconds(5));
    await HeapAsync();
    var heap = await HeapAsync();
    points.Add((n, heap.GetProperty("totalMemoryBytes").GetInt64() / 1024.0));
    if (Environment.GetEnvironmentVariable("PROBE_GCDUMP") is { Length: > 0 } dump)
    {
        // "<dotnet-gcdump path>;<app process id>;<output folder>": a heap snapshot per step, to diff by type.
        var parts = dump.Split(';');
        using var tool = System.Diagnostics.Process.Start(parts[0], ["collect", "-p", parts[1], "-o", Path.Combine(parts[2], $"{kind}-{n}.gcdump")]);
        await tool.WaitForExitAsync();
    }
    Console.WriteLine($"N={n,3}  live={points[^1].Kb,10:F0} KB  heap={heap.GetProperty("heapSizeBytes").GetInt64() / 1024,10} KB  ws={heap.GetProperty("workingSetBytes").GetInt64() / 1048576} MB");
}

var (slope, r2) = LoadRun.Fit([.. points.Select(p => ((double)p.N, p.Kb))]);
Console.WriteLine($"RESULT {kind}: {slope:F0} KB per circuit (r² {r2:F3}, {points.Count} points)");
foreach (var context in pages)
{
    await context.CloseAsync();
}
return;

async Task<JsonElement> HeapAsync()
{
    using var response = await http.GetAsync("_load/gc");
    response.EnsureSuccessStatusCode();
    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

static async Task<string> FirstLinkAsync(IPage page, string list, string selector, string prefix, bool openLastTab = false)
{
    await page.GotoAsync(list);
    await page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    if (openLastTab)
    {
        await page.GetByRole(AriaRole.Tab).Last.ClickAsync(); // the workspace: every case
    }
    var links = page.Locator(selector);
    await links.First.WaitForAsync();
    var count = await links.CountAsync();
    for (var i = 0; i < count; i++)
    {
        var href = await links.Nth(i).GetAttributeAsync("href");
        if (href is not null && href.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(href[prefix.Length..], out _))
        {
            return href;
        }
    }
    throw new InvalidOperationException($"no {prefix} link on {list}");
}
