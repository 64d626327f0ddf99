using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CooperationModel.Tests.Shared;

/// <summary>
/// The real app on a test database of its own: migrations and reference data applied, demo users seeded,
/// exactly as <c>make run</c> starts it. Environment Development (static web assets need it; spike P11).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="database">The database the app runs on; several instances may share one.</param>
    /// <param name="settings">Settings on top of the defaults (e.g. to switch on e-mail), by configuration key.</param>
    /// <param name="services">Services added after the app's own (e.g. a log sink that Serilog reads from the services).</param>
    public AppFactory(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
    }

    /// <summary>The app's connection (row-level security applies: set app.organisation_id to see a tenant's rows).</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The owner's connection: every tenant's rows, for a test that looks past the app.</summary>
    public string OwnerConnectionString => _database.OwnerConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:Owner", _database.OwnerConnectionString);
        builder.UseSetting("Encryption:KeyEncryptionKey", _database.KeyEncryptionKey);
        builder.UseSetting("Encryption:IdentityCodeHashKey", _database.IdentityCodeHashKey);
        builder.UseSetting("Database:ApplyMigrations", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
        // A whole suite signs in (and calls the API) from one address within seconds; the rate limit tests lower these again.
        builder.UseSetting("RateLimits:SignInPerAddress", "100000");
        builder.UseSetting("RateLimits:SignInPerUserName", "100000");
        builder.UseSetting("RateLimits:ApiPerUser", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
