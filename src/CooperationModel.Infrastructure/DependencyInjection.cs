using CooperationModel.Application.Common;
using CooperationModel.Application.Notifications;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Notifications;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Persistence.Interceptors;
using CooperationModel.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CooperationModel.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set (see README.md).");

        services.Configure<CaseProcessOptions>(configuration.GetSection(CaseProcessOptions.Section));
        services.AddSingleton<TenantGuardInterceptor>();
        services.AddSingleton<NotificationWriter>();
        services.AddScoped<PrincipalUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<PrincipalUser>());

        // Scoped factory: each context is built with the current user of the request or circuit.
        services.AddDbContextFactory<AppDbContext>(
            (sp, options) =>
            {
                ConfigureDbContext(options, connectionString);
                options.AddInterceptors(sp.GetRequiredService<TenantGuardInterceptor>(), sp.GetRequiredService<NotificationWriter>());
            },
            ServiceLifetime.Scoped);
        services.AddScoped<IAppDbContextFactory, AppDbContextFactory>();
        services.AddScoped<IUserDirectory, UserDirectory>();

        // Live updates across instances, and e-mail about notifications where configured (off by default).
        services.AddSingleton(sp => new PostgresChangeFeed(connectionString, sp.GetRequiredService<ILogger<PostgresChangeFeed>>()));
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresChangeFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeFeed>());
        services.Configure<NotificationEmailOptions>(configuration.GetSection(NotificationEmailOptions.Section));
        services.AddSingleton<NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationMailer>());

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
            .UseSnakeCaseNamingConvention();

    /// <summary>Applies pending migrations and seeds reference data; with <paramref name="demoData"/> also the demo users.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, bool demoData, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using (var db = new AppDbContext(options, FixedUser.Anonymous))
        {
            await db.Database.MigrateAsync(cancellationToken);
            await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
        }

        if (demoData)
        {
            await DemoDataSeeder.SeedAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        }
    }
}
