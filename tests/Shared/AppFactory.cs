using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace CooperationModel.Tests.Shared;

/// <summary>
/// The real app on a test database of its own: migrations and reference data applied, demo users seeded,
/// exactly as <c>make run</c> starts it. Environment Development (static web assets need it; spike P11).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    public AppFactory(TestDatabase database)
    {
        _database = database;
    }

    public string ConnectionString => _database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("Database:ApplyMigrations", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
    }
}
