using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.LoadDriver;
using CooperationModel.Tests.Shared;
using Npgsql;

namespace CooperationModel.IntegrationTests.Circuits;

/// <summary>
/// The app served over a real socket (circuits need a WebSocket), for the load driver's circuits, in the load profile
/// (its diagnostics endpoint on). Its own database.
/// </summary>
public sealed class KestrelAppFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppFactory? _factory;

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

/// <summary>
/// The load driver (tests/CooperationModel.LoadDriver) opens real circuits: signed in as a demo user, each page's own text
/// arrives in the render batches of the circuit (not in the prerendered HTML), and a UI event is dispatched and handled.
/// </summary>
public sealed class CircuitDriverTests(KestrelAppFixture app) : IClassFixture<KestrelAppFixture>
{
    // Generous for a busy 2-core machine: a limit for a failure to show, never a measured time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

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
    public async Task The_load_runs_click_on_the_inbox_hides_and_shows_the_referral_again_over_the_circuit()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "inbox");
        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);

        // "Only mine": the demo referral names no worker yet, so the list empties; off again, it comes back.
        var seen = circuit.Texts.Count;
        await PageEvents.SendAsync(circuit, "inbox", PageEvents.Click, turn: 0);
        await WaitForNewTextAsync(circuit, seen, "Ei saapuneita ilmoituksia");
        seen = circuit.Texts.Count;
        await PageEvents.SendAsync(circuit, "inbox", PageEvents.Click, turn: 1);
        await WaitForNewTextAsync(circuit, seen, "Maija Meikäläinen");
        circuit.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_load_runs_filter_on_the_inbox_searches_and_clears_over_the_circuit()
    {
        using var session = await DemoSession.SignInAsync(app.BaseAddress, DemoDataSeeder.WorkerHelsinki.Email, DemoDataSeeder.DemoPassword);
        await using var circuit = await Circuit.OpenAsync(session, "inbox");
        await circuit.WaitForTextAsync("Maija Meikäläinen", Patience);

        var batches = circuit.Batches;
        await PageEvents.SendAsync(circuit, "inbox", PageEvents.Filter, turn: 0);
        await circuit.WaitForBatchAfterAsync(batches, Patience);
        batches = circuit.Batches;
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
        await PageEvents.SendAsync(circuit, "workspace", PageEvents.Tab, turn: 0);
        await WaitForNewTextAsync(circuit, seen, "Maija Meikäläinen");
        var batches = circuit.Batches;
        await PageEvents.SendAsync(circuit, "workspace", PageEvents.Tab, turn: 1);
        await circuit.WaitForBatchAfterAsync(batches, Patience);
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
    private static async Task WaitForNewTextAsync(Circuit circuit, int seen, string text)
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
