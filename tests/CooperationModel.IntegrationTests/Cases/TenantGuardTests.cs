using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Cases;

/// <summary>The second lock: even code that bypasses the query filter cannot write another organisation's client data.</summary>
[Collection(AppCollection.Name)]
public sealed class TenantGuardTests(AppFixture app)
{
    [Fact]
    public async Task SaveChanges_OtherDistrictModifiesCase_Throws()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var scope = app.NewDbContextPastRowLevelSecurity(await app.FixedUserAsync(DemoDataSeeder.HandlerNorth));
        var db = scope.Db;
        var southern = await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == sent.CaseId);
        db.Entry(southern).Property(c => c.ClientName).CurrentValue = "Muutettu väärästä piiristä";

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        (await StoredClientNameAsync(sent.CaseId)).ShouldBe(sent.ClientName);
    }

    [Fact]
    public async Task SaveChanges_OtherDistrictDeletesCase_Throws()
    {
        var caseId = await OpenSouthernCaseWithoutReferralAsync();
        await using var scope = app.NewDbContextPastRowLevelSecurity(await app.FixedUserAsync(DemoDataSeeder.HandlerNorth));
        var db = scope.Db;
        var southern = await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == caseId);
        db.Cases.Remove(southern);

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        (await StoredClientNameAsync(caseId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task SaveChanges_OwnDistrictModifiesCase_Saves()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var scope = app.NewDbContextPastRowLevelSecurity(await app.FixedUserAsync(DemoDataSeeder.HandlerSouth));
        var db = scope.Db;
        var own = await db.Cases.SingleAsync(c => c.Id == sent.CaseId);
        var renamed = sent.ClientName + " Muutettu";
        db.Entry(own).Property(c => c.ClientName).CurrentValue = renamed;

        // The case and the access log's entry of the change.
        (await db.SaveChangesAsync()).ShouldBe(2);

        (await StoredClientNameAsync(sent.CaseId)).ShouldBe(renamed);
    }

    [Fact]
    public async Task SaveChanges_AddCaseForOtherDistrict_Throws()
    {
        var handlerNorth = await app.FixedUserAsync(DemoDataSeeder.HandlerNorth);
        var handlerSouth = await app.FixedUserAsync(DemoDataSeeder.HandlerSouth);
        await using var scope = app.NewDbContextPastRowLevelSecurity(handlerNorth);
        var db = scope.Db;
        var southDistrict = await db.Organisations.SingleAsync(o => o.Id == handlerSouth.OrganisationId);
        var clientCase = ClientCase.Open(
            new Actor(handlerSouth.UserId, handlerSouth.OrganisationId, handlerSouth.DisplayName), southDistrict,
            "Väärän piirin asiakas", PersonalIdentityCode.Parse(IdentityCodes.Next()).Value,
            ReferenceCatalog.Instance.FindMunicipality("091")!, DateTimeOffset.UtcNow).Value;
        db.Cases.Add(clientCase);

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        (await StoredClientNameAsync(clientCase.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveChanges_ThirdOrganisationModifiesReferral_Throws()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var scope = app.NewDbContextPastRowLevelSecurity(await app.FixedUserAsync(DemoDataSeeder.WorkerNorthOstrobothnia));
        var db = scope.Db;
        var referral = await db.Referrals.IgnoreQueryFilters().SingleAsync(r => r.Id == sent.ReferralId);
        db.Entry(referral).Property(r => r.NamedWorkerName).CurrentValue = "Olli Oulu";

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = app.NewDbContextPastRowLevelSecurity(await app.FixedUserAsync(DemoDataSeeder.HandlerSouth));
        (await check.Db.Referrals.AsNoTracking().SingleAsync(r => r.Id == sent.ReferralId)).NamedWorkerName.ShouldBeNull();
    }

    [Fact]
    public async Task Query_OtherDistrictWithFilters_FindsNoCase()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, "091");
        await using var scope = app.NewDbContextPastRowLevelSecurity(await app.FixedUserAsync(DemoDataSeeder.HandlerNorth));

        (await scope.Db.Cases.AnyAsync(c => c.Id == sent.CaseId)).ShouldBeFalse();
        (await scope.Db.Referrals.AnyAsync(r => r.Id == sent.ReferralId)).ShouldBeFalse();
        (await scope.Db.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == sent.CaseId)).ShouldBeTrue();
    }

    private async Task<Guid> OpenSouthernCaseWithoutReferralAsync()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var opened = await handler.Get<Application.Cases.OpenCase.IOpenCaseHandler>().HandleAsync(
            new Application.Cases.OpenCase.OpenCaseCommand($"Poisto Testi {Guid.NewGuid():N}"[..25], IdentityCodes.Next(), "049"));
        return opened.Value;
    }

    private async Task<string?> StoredClientNameAsync(Guid caseId)
    {
        await using var scope = app.NewDbContextPastRowLevelSecurity(FixedUser.Anonymous);
        return await scope.Db.Cases.IgnoreQueryFilters().Where(c => c.Id == caseId).Select(c => c.ClientName).SingleOrDefaultAsync();
    }
}
