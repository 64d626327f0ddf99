using CooperationModel.Application.Cases.OpenCase;
using CooperationModel.Application.Common;
using CooperationModel.Application.Referrals.SendReferral;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Protection;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.IntegrationTests.Support;

/// <summary>
/// One test database and one running app for the whole project (start-up is the slow part).
/// Tests share it, so each creates its own cases, referrals and users with unique names.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly Action<IServiceCollection>? _services;
    private TestDatabase? _database;
    private AppFactory? _factory;

    public AppFixture()
    {
    }

    /// <remarks>Not public: xunit needs a fixture to have one public constructor.</remarks>
    private AppFixture(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    /// <summary>
    /// An app and database of its own with settings on top of the defaults (and services after the app's own);
    /// the test initialises and disposes it.
    /// </summary>
    public static AppFixture With(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null) => new(settings, services);

    public AppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The test database, for a second instance of the app on it.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string ConnectionString => Factory.ConnectionString;

    /// <summary>The tables' owner: every tenant's rows, past row-level security. For checks that look past the app.</summary>
    public string OwnerConnectionString => Factory.OwnerConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("integration");
        _factory = new AppFactory(_database, _settings, _services);
        // Starts the host: migrations, reference data and demo users are in place before any test runs.
        _ = _factory.Services;
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

    /// <summary>
    /// A context that acts as the given user on the owner's connection: row-level security does not apply, so only the
    /// app's own locks (query filters, tenant guard) stand in the way. For the tests of those locks.
    /// </summary>
    public DbScope NewDbContextPastRowLevelSecurity(ICurrentUser user)
    {
        var scope = Factory.Services.CreateAsyncScope();
        var options = new DbContextOptionsBuilder<AppDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>())
            .UseNpgsql(OwnerConnectionString)
            .Options;
        return new DbScope(scope, new AppDbContext(options, user, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>()));
    }

    /// <summary>A context of the app's own configuration (row-level security and tenant guard included) that acts as the given user.</summary>
    public DbScope NewDbContext(ICurrentUser user)
    {
        var scope = Factory.Services.CreateAsyncScope();
        return new DbScope(scope, new AppDbContext(
            scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), user, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>()));
    }

    /// <summary>A DI scope whose current user is the given account, as after a real sign-in.</summary>
    public async Task<UserScope> AsUserAsync(string email)
    {
        var scope = Factory.Services.CreateAsyncScope();
        try
        {
            var services = scope.ServiceProvider;
            var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"No user {email}.");
            var principal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
            services.GetRequiredService<PrincipalUser>().Set(principal);
            return new UserScope(scope, user);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public Task<UserScope> AsUserAsync(DemoUser user) => AsUserAsync(user.Email);

    /// <summary>A demo user as a fixed current user, for a context of its own (<see cref="NewDbContext"/>).</summary>
    public async Task<FixedUser> FixedUserAsync(DemoUser demo)
    {
        await using var scope = await AsUserAsync(demo);
        return new FixedUser(scope.User.Id, scope.User.OrganisationId, demo.Kind, scope.User.Role, scope.User.DisplayName);
    }

    /// <summary>Creates a user account with a strong password (never a demo user, whose state other tests rely on).</summary>
    public async Task<AppUser> CreateUserAsync(string displayName, Guid organisationId, Domain.Organisations.UserRole role, string password)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"test.{Guid.NewGuid():N}@integration.test";
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganisationId = organisationId,
            Role = role,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join(", ", created.Errors.Select(e => e.Code)));
        return user;
    }

    /// <summary>
    /// A Kela handler opens a case for a new, uniquely named client and sends a referral
    /// (with consent and a unique description, unless told otherwise).
    /// </summary>
    public async Task<SentReferral> SendReferralAsync(DemoUser handler, string municipalityCode, bool consentGiven = true)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var clientName = $"Testi Asiakas {suffix}";
        var identityCode = IdentityCodes.Next();
        var description = consentGiven ? $"Tilannekuvaus {suffix}: asiakas tarvitsee tukea." : null;

        await using var scope = await AsUserAsync(handler);
        var opened = await scope.Get<IOpenCaseHandler>().HandleAsync(new OpenCaseCommand(clientName, identityCode, municipalityCode));
        opened.IsSuccess.ShouldBeTrue(opened.IsSuccess ? "" : opened.FirstError.Code);

        var sent = await scope.Get<ISendReferralHandler>().HandleAsync(
            Sending.Command(opened.Value, ReferralGround.ObviousNeedForSocialCare, consentGiven, description));
        sent.IsSuccess.ShouldBeTrue(sent.IsSuccess ? "" : sent.FirstError.Code);

        return new SentReferral(opened.Value, sent.Value, clientName, identityCode, description);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}

/// <summary>What a test sent: the ids, and the personal data that must never reach another organisation.</summary>
public sealed record SentReferral(Guid CaseId, Guid ReferralId, string ClientName, string IdentityCode, string? Description);

/// <summary>A DI scope acting as one signed-in user.</summary>
public sealed class UserScope(AsyncServiceScope scope, AppUser user) : IAsyncDisposable
{
    public AppUser User { get; } = user;

    public IServiceProvider Services => scope.ServiceProvider;

    public T Get<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

/// <summary>An <see cref="AppDbContext"/> and the DI scope its options live in.</summary>
public sealed class DbScope(AsyncServiceScope scope, AppDbContext db) : IAsyncDisposable
{
    public AppDbContext Db { get; } = db;

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await scope.DisposeAsync();
    }
}
