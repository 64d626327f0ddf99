using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.LoadDriver;
using CooperationModel.Tests.Shared;
using CooperationModel.Tests.Shared.Performance;
using Npgsql;

namespace CooperationModel.IntegrationTests.Circuits;

/// <summary>
/// The app served over a real socket (circuits need a WebSocket), for the load driver's circuits, in the load profile
/// (its diagnostics endpoint on). Its own database.
/// </summary>
public class KestrelAppFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppFactory? _factory;

    /// <summary>Rows seeded on top of the demo data (the benchmark's generator), or none.</summary>
    protected virtual VolumeOptions? Volume => null;

    public Uri BaseAddress { get; private set; } = default!;

    public string OwnerConnectionString => _database?.OwnerConnectionString ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("circuits");
        _factory = new AppFactory(_database, new Dictionary<string, string>
        {
            ["LoadTest:Diagnostics"] = "true",
            // A failed event's message says why (the driver reports it).
            ["DetailedErrors"] = "true",
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        if (Volume is { } volume)
        {
            // After the start-up (migrations, reference data, demo users), as the benchmark seeds.
            await VolumeSeeder.SeedAsync(_database.OwnerConnectionString, volume, DateTimeOffset.UtcNow, _database.IdentityCodeHashKey);
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The app over a real socket with more than a page of rows in the inbox and the workspace (the pager has pages).</summary>
public sealed class FullPageAppFixture : KestrelAppFixture
{
    /// <summary>The benchmark's quick volume (the Helsinki inbox has pages of open referrals; a smaller one had fewer than 26).</summary>
    protected override VolumeOptions? Volume => VolumeOptions.Quick;
}

/// <summary>
/// The load driver (tests/CooperationModel.LoadDriver) opens real circuits: signed in as a demo user, each page's own text
/// arrives in the render batches of the circuit (not in the prerendered HTML), and a UI event is dispatched and handled.
/// </summary>
public sealed class CircuitDriverTests(KestrelAppFixture app) : IClassFixture<KestrelAppFixture>
{
    // Generous for a busy 2-core machine: a limit for a failure to show, never a measured time.
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>How long without a render batch counts as the page having settled (its handlers are the server's).</summary>
    internal static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>Events sent in a row: a handler found once must be found again after each re-render.</summary>
    internal const int Repeats = 20;

    [Fact]
    public async Task The_social_workers_inbox_shows_its_referral_over_the_circuit_and_handles_a_filter_change()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "inbox");

        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);

        var onlyMine = circuit.FindHandler("inbox-mine", "change");
        onlyMine.ShouldNotBeNull(PageEvents.Describe(circuit));
        var batches = circuit.Batches;
        await circuit.ChangeAsync(onlyMine, JsonValue.Create(true));
        await circuit.WaitForBatchAfterAsync(batches, Patience);
        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_circuit_the_driver_ends_is_ended_on_the_server_as_a_closed_tabs_is()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        var circuit = await Circuit.OpenAsync(session, "inbox");
        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);

        await circuit.DisposeAsync();

        circuit.EndedOnServer.ShouldBeTrue("the server refused the driver's POST to _blazor/disconnect");
    }

    [Fact]
    public async Task The_load_runs_click_on_the_inbox_hides_and_shows_the_referral_again_over_the_circuit_twenty_times_in_a_row()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "inbox");
        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);

        // "Only mine": the demo referral names no worker yet, so the list empties; off again, it comes back.
        for (var turn = 0; turn < Repeats; turn++)
        {
            var seen = circuit.Texts.Count;
            await circuit.WaitForQuietAsync(Quiet, Patience);
            await PageEvents.SendAsync(circuit, "inbox", PageEvents.Click, turn);
            await WaitForNewTextAsync(circuit, seen, turn % 2 == 0 ? "Ei saapuneita ilmoituksia" : "Maija Meikäläinen");
        }

        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_inbox_search_finds_no_one_and_then_everyone_again_over_the_circuit_twenty_times_in_a_row()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "inbox");
        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);

        for (var turn = 0; turn < Repeats; turn++)
        {
            var seen = circuit.Texts.Count;
            await PageEvents.SearchAsync(circuit, turn % 2 == 0 ? "Nobody-of-that-name" : "");
            await WaitForNewTextAsync(circuit, seen, turn % 2 == 0 ? "Ei saapuneita ilmoituksia" : "Maija Meikäläinen");
        }

        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_load_runs_filter_on_the_inbox_searches_and_clears_over_the_circuit()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "inbox");
        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);

        var batches = circuit.Batches;
        await circuit.WaitForQuietAsync(Quiet, Patience);
        await PageEvents.SendAsync(circuit, "inbox", PageEvents.Filter, turn: 0);
        await circuit.WaitForBatchAfterAsync(batches, Patience);
        batches = circuit.Batches;
        await circuit.WaitForQuietAsync(Quiet, Patience);
        await PageEvents.SendAsync(circuit, "inbox", PageEvents.Filter, turn: 1);
        await circuit.WaitForBatchAfterAsync(batches, Patience);
        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_handlers_workspace_shows_its_tabs_over_the_circuit()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "cases");

        await circuit.WaitForTextAsync("Omat asiat", Patience);
        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_load_runs_tab_change_on_the_workspace_shows_every_case_and_back_over_the_circuit()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "cases");
        await circuit.WaitForTextAsync("Omat asiat", Patience);

        var seen = circuit.Texts.Count;
        await circuit.WaitForQuietAsync(Quiet, Patience);
        await PageEvents.SendAsync(circuit, "workspace", PageEvents.Tab, turn: 0);
        await WaitForNewTextAsync(circuit, seen, "Maija Meikäläinen");
        var batches = circuit.Batches;
        await circuit.WaitForQuietAsync(Quiet, Patience);
        await PageEvents.SendAsync(circuit, "workspace", PageEvents.Tab, turn: 1);
        await circuit.WaitForBatchAfterAsync(batches, Patience);
        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_load_runs_tab_changes_on_the_workspace_swap_the_tabs_table_twenty_times_in_a_row()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "cases");
        await circuit.WaitUntilAsync(c => c.HasElement("cases-table-Mine"), "the Mine tab's table", Patience);

        // KeepPanelsAlive is off: only the shown tab's table is in the page.
        for (var turn = 0; turn < Repeats; turn++)
        {
            await circuit.WaitForQuietAsync(Quiet, Patience);
            await PageEvents.SendAsync(circuit, "workspace", PageEvents.Tab, turn);
            var (shown, hidden) = turn % 2 == 0 ? ("cases-table-All", "cases-table-Mine") : ("cases-table-Mine", "cases-table-All");
            await circuit.WaitUntilAsync(c => c.HasElement(shown) && !c.HasElement(hidden), $"turn {turn}: {shown} in place of {hidden}", Patience);
        }

        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_case_page_shows_its_client_over_the_circuit()
    {
        var (_, caseId) = await DemoReferralAsync();
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, $"cases/{caseId}");

        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);
        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_referral_page_shows_its_description_over_the_circuit()
    {
        var (referralId, _) = await DemoReferralAsync();
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, $"referrals/{referralId}");

        await circuit.WaitForTextAsync("Asiakas kertoo, ettei selviä arjesta ilman tukea.", Patience);
        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_load_runs_tab_changes_on_a_case_page_show_and_hide_its_timeline_twenty_times_in_a_row()
    {
        var (_, caseId) = await DemoReferralAsync();
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, $"cases/{caseId}");
        await circuit.WaitUntilAsync(c => c.HasElement("case-tabs"), "the case's tabs", Patience);
        circuit.HasElement("timeline").ShouldBeFalse("the timeline tab is not the first");

        for (var turn = 0; turn < Repeats; turn++)
        {
            await circuit.WaitForQuietAsync(Quiet, Patience);
            await PageEvents.SendAsync(circuit, "case", PageEvents.Tab, turn);
            var shown = turn % 2 == 0;
            await circuit.WaitUntilAsync(c => c.HasElement("timeline") == shown, $"turn {turn}: the timeline {(shown ? "shown" : "hidden")}", Patience);
        }

        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_load_runs_note_on_a_referral_page_is_typed_and_cleared_and_its_counter_follows_twenty_times_in_a_row()
    {
        var (referralId, _) = await DemoReferralAsync();
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, $"referrals/{referralId}");
        await circuit.WaitForTextAsync("Asiakas kertoo, ettei selviä arjesta ilman tukea.", Patience);

        for (var turn = 0; turn < Repeats; turn++)
        {
            var seen = circuit.Texts.Count;
            await circuit.WaitForQuietAsync(Quiet, Patience);
            await PageEvents.SendAsync(circuit, "referral", PageEvents.Note, turn);
            await WaitForNewTextAsync(circuit, seen, $"{(turn % 2 == 0 ? PageEvents.NoteText.Length : 0)} / 1000");
        }

        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_load_profile_reads_the_servers_heap_from_outside()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var gc = await LoadRun.ReadServerAsync(http);

        gc.HeapBytes.ShouldBeGreaterThan(0);
        gc.WorkingSetBytes.ShouldBeGreaterThan(gc.HeapBytes);
        gc.CpuMilliseconds.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_load_profile_reads_the_servers_cpu_time_without_a_collection()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var gen2 = async () => (int)(await http.GetFromJsonAsync<JsonObject>("_load/cpu"))!["gen2Collections"]!;
        var before = await gen2();
        var cpu = await LoadRun.ReadCpuAsync(http);
        var after = await gen2();

        cpu.ShouldBeGreaterThan(0);
        // The GC reading forces two full collections; the CPU reading none (a background one may come, not two).
        (after - before).ShouldBeLessThan(2);
        await LoadRun.ReadServerAsync(http);
        (await gen2() - after).ShouldBeGreaterThanOrEqualTo(2);
    }

    /// <summary>Waits until a text containing <paramref name="text"/> arrives after the first <paramref name="seen"/> texts.</summary>
    internal static async Task WaitForNewTextAsync(Circuit circuit, int seen, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!circuit.Texts.Skip(seen).Any(t => t.Contains(text, StringComparison.Ordinal)))
        {
            circuit.Errors.ShouldBeEmpty();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not arrive after the event; it brought: {string.Join(" | ", circuit.Texts.Skip(seen).Take(40))}");
            }

            await circuit.WaitForBatchAfterAsync(circuit.Batches, TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The demo referral (Maija Meikäläinen's) and its case, read past the app as the owner.</summary>
    private async Task<(Guid Referral, Guid Case)> DemoReferralAsync()
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, case_id FROM referrals ORDER BY sent_at LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the demo data has a referral");
        return (reader.GetGuid(0), reader.GetGuid(1));
    }
}

/// <summary>With more than a page of rows: the load run's page change (the pager's next page and back) over the circuit.</summary>
public sealed class FullPageCircuitTests(FullPageAppFixture app) : IClassFixture<FullPageAppFixture>
{

    [Fact]
    public async Task The_load_runs_page_change_on_the_inbox_shows_the_next_page_and_the_first_again_twenty_times_in_a_row()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "inbox");
        await circuit.WaitForTextAsync("1–25 / ", CircuitDriverTests.Patience);

        await PagesAsync(circuit, "inbox");
    }

    [Fact]
    public async Task The_load_runs_page_change_on_the_workspaces_every_case_tab_shows_the_next_page_and_the_first_again_twenty_times_in_a_row()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.HandlerSouth.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "cases");
        await circuit.WaitUntilAsync(c => c.HasElement("cases-table-Mine"), "the Mine tab's table", CircuitDriverTests.Patience);
        await circuit.WaitForQuietAsync(CircuitDriverTests.Quiet, CircuitDriverTests.Patience);
        var seen = circuit.Texts.Count;
        await PageEvents.SendAsync(circuit, "workspace", PageEvents.Tab, turn: 0);
        await CircuitDriverTests.WaitForNewTextAsync(circuit, seen, "1–25 / ");

        await PagesAsync(circuit, "workspace");
    }

    /// <summary>The pager's next page (rows from 26 on) and the first page (1–25) in turn; the page's information follows.</summary>
    private static async Task PagesAsync(Circuit circuit, string page)
    {
        for (var turn = 0; turn < CircuitDriverTests.Repeats; turn++)
        {
            // The page's own renders after the last event first: the pager's handlers are then the server's.
            await circuit.WaitForQuietAsync(CircuitDriverTests.Quiet, CircuitDriverTests.Patience);
            var seen = circuit.Texts.Count;
            await PageEvents.SendAsync(circuit, page, PageEvents.Page, turn);
            await CircuitDriverTests.WaitForNewTextAsync(circuit, seen, turn % 2 == 0 ? "26–" : "1–25 / ");
        }

        circuit.Errors.ShouldBeEmpty();
    }
}
