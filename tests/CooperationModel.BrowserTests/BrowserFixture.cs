using System.Collections.Concurrent;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CooperationModel.BrowserTests;

/// <summary>
/// One test database, one app served over a real socket (spike P10) and one Chromium for the whole project.
/// Each test opens a fresh <see cref="IBrowserContext"/> per user, so cookies never leak between tests or users.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The app's database, for a test that takes it away (its own fixture, so no other test notices).</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database has not been created.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>
    /// The authenticator keys of the users who enrolled for two-factor sign-in on this fixture's database, by e-mail: the
    /// "authenticator app" of the tests, which <see cref="UserSession"/> reads the codes from (computed by <see cref="Totp"/>).
    /// </summary>
    public ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A new user of the demo password (never a demo user, whose state other tests rely on), for a test that needs one in a
    /// known state; described as a <see cref="DemoUser"/> so that <see cref="UserSession"/> can sign in as them.
    /// </summary>
    public async Task<DemoUser> CreateUserAsync(string displayName, UserRole role, OrganisationKind kind, string organisationCode)
    {
        var user = new DemoUser($"test.{Guid.NewGuid():N}@browser.test", displayName, role, kind, organisationCode);
        await using var scope = (_factory ?? throw new InvalidOperationException("The app has not started.")).Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(
            new AppUser
            {
                UserName = user.Email,
                Email = user.Email,
                EmailConfirmed = true,
                DisplayName = displayName,
                OrganisationId = user.OrganisationId,
                Role = role,
                LockoutEnabled = true,
            },
            DemoDataSeeder.DemoPassword);
        created.Succeeded.ShouldBeTrue(string.Join(", ", created.Errors.Select(e => e.Code)));
        return user;
    }

    /// <summary>Settings on top of the app's defaults; a fixture of its own overrides them for the tests that need them.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        // Auto-waiting assertions: generous enough for a busy 2-core machine, still far from a sleep.
        Assertions.SetDefaultExpectTimeout(15_000);

        _database = await TestDatabase.CreateAsync("browser");
        _factory = new AppFactory(_database, Settings);
        // Kestrel on a free port of 127.0.0.1; environment stays Development (spike P10, P11).
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // Debian's Chromium: Playwright must not download a browser of its own (spike P16).
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh, signed-out browser context (its own cookies, so its own language and user).</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "fi-FI",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
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

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
