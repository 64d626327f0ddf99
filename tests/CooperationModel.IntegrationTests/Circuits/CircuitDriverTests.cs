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
        _factory = new AppFactory(_database, new Dictionary<string, string> { ["LoadTest:Diagnostics"] = "true" });
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
        onlyMine.ShouldNotBeNull(string.Join(", ", circuit.EventHandlers.Select(h => $"{h.TestId}:{h.EventName}")));
        var batches = circuit.Batches;
        await circuit.ChangeAsync(onlyMine, JsonValue.Create(true));
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
