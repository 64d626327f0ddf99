using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Tests.Shared.Performance;

/// <summary>
/// The real app on a database of its own (<see cref="AppFactory"/>: migrations, reference data and demo users applied
/// by the app's own start-up), quiet, with a <see cref="SqlRecorder"/> added to its context options.
/// </summary>
public sealed class PerformanceAppFactory(TestDatabase database, SqlRecorder recorder) : AppFactory(database)
{
    public SqlRecorder Recorder => recorder;

    /// <summary>A DI scope whose current user is the given account, as after a real sign-in (claims from the app's own factory).</summary>
    public async Task<AsyncServiceScope> SignInAsync(string email)
    {
        var scope = Services.CreateAsyncScope();
        try
        {
            var services = scope.ServiceProvider;
            var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"No user {email}.");
            var principal = await services.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
            services.GetRequiredService<PrincipalUser>().Set(principal);
            return scope;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // EF logs the first migration's probe of the missing history table as an error; failures still throw.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Fatal");
        builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(recorder)));
    }
}
