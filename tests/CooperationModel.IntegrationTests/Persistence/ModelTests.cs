using CooperationModel.Application.Common;
using CooperationModel.Infrastructure.Persistence;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Persistence;

/// <summary>The EF Core model and the migrations say the same: a change to an entity came with its migration.</summary>
[Collection(AppCollection.Name)]
public sealed class ModelTests(AppFixture app)
{
    [Fact]
    public async Task Model_HasNoChangesThatNoMigrationHolds()
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        await using var db = (AppDbContext)await scope.Get<IAppDbContextFactory>().CreateAsync();

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }
}
