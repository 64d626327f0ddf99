using CooperationModel.Application.Common;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CooperationModel.Infrastructure.Persistence;

/// <summary>Hands the use cases one short-lived context per operation, bound to the scope's current user.</summary>
public sealed class AppDbContextFactory(IDbContextFactory<AppDbContext> factory) : IAppDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);
}

/// <summary>For <c>dotnet ef</c> only: builds the model without a running app or a database.</summary>
public sealed class DesignTimeAppDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDbContext(options, "Host=127.0.0.1;Database=design_time");
        return new AppDbContext(options.Options, FixedUser.Anonymous, PersonalDataProtector.DesignTime());
    }
}
