using CooperationModel.Application.Accounts;
using CooperationModel.Application.Agreements;
using CooperationModel.Application.Common;
using CooperationModel.Application.Directory;
using CooperationModel.Application.Notifications;
using CooperationModel.Application.Retention;
using CooperationModel.Application.Statistics;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Notifications;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Persistence.Interceptors;
using CooperationModel.Infrastructure.Protection;
using CooperationModel.Infrastructure.Retention;
using CooperationModel.Infrastructure.Statistics;
using CooperationModel.Infrastructure.Seeding;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperationModel.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set (see README.md).");
        services.AddSingleton(new DatabaseConnections(connectionString, configuration.GetConnectionString("Owner")));
        AddPersonalDataProtection(services, configuration, connectionString);

        services.Configure<CaseProcessOptions>(configuration.GetSection(CaseProcessOptions.Section));
        services.AddSingleton<TenantGuardInterceptor>();
        services.AddSingleton<TenantSessionInterceptor>();
        services.AddSingleton<IdentityCodeHashInterceptor>();
        services.AddSingleton<AccessLogInterceptor>();
        services.AddSingleton<ChangeSignalInterceptor>();
        services.AddScoped<PrincipalUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<PrincipalUser>());

        // Scoped factory: each context is built with the current user of the request or circuit.
        services.AddDbContextFactory<AppDbContext>(
            (sp, options) =>
            {
                ConfigureDbContext(options, connectionString);
                AddInterceptors(options, sp);
            },
            ServiceLifetime.Scoped);
        services.AddScoped<IAppDbContextFactory, AppDbContextFactory>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IUserSessions, UserSessions>();
        services.AddScoped<PasswordSignIn>();

        // Live updates across instances, and e-mail about notifications where configured (off by default).
        services.AddSingleton(sp => new PostgresChangeFeed(connectionString, sp.GetRequiredService<ILogger<PostgresChangeFeed>>()));
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresChangeFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeFeed>());
        services.Configure<NotificationEmailOptions>(configuration.GetSection(NotificationEmailOptions.Section));
        services.AddSingleton<NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationMailer>());

        // The partners' directory: contacts and operating environments, and when each was checked.
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));

        // Local agreements: the window before an agreement's end in which both parties' admins are told.
        services.Configure<AgreementsOptions>(configuration.GetSection(AgreementsOptions.Section));

        // Statistics: aggregates read organisation by organisation, as each organisation (docs/security.md).
        services.Configure<StatisticsOptions>(configuration.GetSection(StatisticsOptions.Section));
        services.AddScoped<IPerOrganisationAggregates, PerOrganisationAggregates>();

        // Retention: removes or anonymises expired records daily; settings checked at start-up.
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<IRetentionJob>(sp => sp.GetRequiredService<RetentionJob>());
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        return services;
    }

    internal static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>();

    /// <summary>
    /// The interceptors every context of the app runs with: row-level security's tenant setting on each connection,
    /// the tenant guard and the identity code hashes before a save, the use log entries of what it creates or changes
    /// (after the hashes: they are its client keys), and the change signals to open pages once a save succeeded (its
    /// place in the order does not matter: it only reads what the use case changed). Who is notified is no
    /// interceptor's business: the use cases ask Domain/Notifications/ReferralNotifications.
    /// </summary>
    internal static void AddInterceptors(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(
            services.GetRequiredService<TenantSessionInterceptor>(),
            services.GetRequiredService<TenantGuardInterceptor>(),
            services.GetRequiredService<IdentityCodeHashInterceptor>(),
            services.GetRequiredService<AccessLogInterceptor>(),
            services.GetRequiredService<ChangeSignalInterceptor>());

    /// <summary>
    /// Data Protection with its key ring in PostgreSQL, each key encrypted with the key-encryption key from outside the
    /// database (section "Encryption"); and the protector of personal data columns built on it.
    /// </summary>
    private static void AddPersonalDataProtection(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var encryption = configuration.GetSection(EncryptionOptions.Section).Get<EncryptionOptions>() ?? new EncryptionOptions();
        encryption.Validate();
        services.AddSingleton(encryption);

        var repository = new PostgresXmlRepository(connectionString);
        services.AddSingleton(repository);
        var dataProtection = services.AddDataProtection().SetApplicationName("CooperationModel");
        dataProtection.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = repository);
        if (!string.IsNullOrWhiteSpace(encryption.KeyEncryptionKey))
        {
            var keys = new KeyEncryptionKeys(encryption);
            services.AddSingleton(keys);
            dataProtection.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new AesGcmXmlEncryptor(keys));
            services.AddHostedService<KeyRewrapService>();
        }
        else
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                encryption.KeyEncryptionCertificate!, encryption.KeyEncryptionCertificatePassword));
        }

        var hashKey = EncryptionOptions.DecodeKey(encryption.IdentityCodeHashKey!, "Encryption:IdentityCodeHashKey", exactly: false);
        services.AddSingleton(sp => new PersonalDataProtector(sp.GetRequiredService<IDataProtectionProvider>(), hashKey));
        services.AddSingleton<IIdentityCodeHasher>(sp => sp.GetRequiredService<PersonalDataProtector>());
    }

    /// <summary>How long one statement of a migration may take (ten years of cases indexed on this machine type: minutes), and the backfill after it.</summary>
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Applies pending migrations and seeds reference data; with <paramref name="demoData"/> also the demo users.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, bool demoData, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<DatabaseConnections>();
        var owner = new DbContextOptionsBuilder<AppDbContext>();
        ConfigureDbContext(owner, connections.Owner);
        owner.AddInterceptors(scope.ServiceProvider.GetRequiredService<IdentityCodeHashInterceptor>());
        await using (var db = new AppDbContext(owner.Options, FixedUser.Anonymous, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>()))
        {
            // A migration may rewrite or index whole tables: at national volume that takes minutes, not a query's 30 s.
            db.Database.SetCommandTimeout(MigrationCommandTimeout);
            await db.Database.MigrateAsync(cancellationToken);
            await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
            await PilotDataSeeder.SeedAsync(db, cancellationToken);
            await PersonalDataBackfill.RunAsync(db, cancellationToken);
        }

        if (demoData)
        {
            await DemoDataSeeder.SeedAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        }
    }
}
