using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.ReferenceData;

[Collection(AppCollection.Name)]
public sealed class ReferenceDataSeedingTests(AppFixture app)
{
    [Fact]
    public async Task StartUp_FreshDatabase_HoldsAllReferenceData()
    {
        var counts = await CountAsync();

        counts.Municipalities.ShouldBe(308);
        counts.Regions.ShouldBe(19);
        counts.KelaDistricts.ShouldBe(5);
        counts.Organisations.ShouldBe(5 + 38 + 1 + 38 + 308);
        counts.DemoUsers.ShouldBe(DemoDataSeeder.Users.Count);
        await using var scope = NewContext();
        var db = scope.Db;
        (await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.KelaDistrict)).ShouldBe(5);
        (await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.SocialServicesOrganiser)).ShouldBe(38);
        (await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.NationalCoordination)).ShouldBe(1);
        (await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.HealthCare)).ShouldBe(38);
        (await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.OutreachYouthWork)).ShouldBe(308);
    }

    [Fact]
    public async Task StartUp_EveryMunicipality_JoinsOneOrganiserAndOneKelaDistrict()
    {
        await using var scope = NewContext();
        var db = scope.Db;
        var municipalities = await db.Municipalities.AsNoTracking().ToListAsync();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync();
        var districtCodes = await db.KelaDistricts.AsNoTracking().Select(d => d.Code).ToListAsync();
        var regionCodes = await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync();

        municipalities.Count.ShouldBe(308);
        foreach (var municipality in municipalities)
        {
            var organisers = organisations
                .Where(o => o.Kind == OrganisationKind.SocialServicesOrganiser && o.Code == municipality.OrganiserCode)
                .ToList();
            organisers.Count.ShouldBe(1, $"organiser of municipality {municipality.Code}");
            organisers[0].Id.ShouldBe(Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, municipality.OrganiserCode));
            // The partners a referral can be forwarded to: the organiser's health care, the municipality's youth work.
            organisations.Count(o => o.Id == Organisation.IdFor(OrganisationKind.HealthCare, municipality.OrganiserCode))
                .ShouldBe(1, $"health care for municipality {municipality.Code}");
            organisations.Count(o => o.Id == Organisation.IdFor(OrganisationKind.OutreachYouthWork, municipality.Code))
                .ShouldBe(1, $"outreach youth work of municipality {municipality.Code}");
            districtCodes.Count(c => c == municipality.KelaDistrictCode).ShouldBe(1, $"Kela district of municipality {municipality.Code}");
            regionCodes.Count(c => c == municipality.RegionCode).ShouldBe(1, $"region of municipality {municipality.Code}");
        }

        // Every Kela district is also a tenant organisation, and every organiser receives for some municipality.
        foreach (var code in districtCodes)
        {
            organisations.Count(o => o.Kind == OrganisationKind.KelaDistrict && o.Code == code && o.Id == Organisation.IdFor(OrganisationKind.KelaDistrict, code))
                .ShouldBe(1, $"district organisation {code}");
        }

        organisations.Where(o => o.Kind == OrganisationKind.SocialServicesOrganiser)
            .Where(o => !municipalities.Any(m => m.OrganiserCode == o.Code))
            .Select(o => o.Code)
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task PrepareDatabase_RunAgain_ChangesNothing()
    {
        var before = await CountAsync();

        await Infrastructure.DependencyInjection.PrepareDatabaseAsync(app.Factory.Services, demoData: true);
        await Infrastructure.DependencyInjection.PrepareDatabaseAsync(app.Factory.Services, demoData: true);

        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task StartUp_KnownMunicipalities_RouteToTheirOrganiser()
    {
        await using var scope = NewContext();
        var db = scope.Db;
        var organiserOf = await db.Municipalities.AsNoTracking()
            .Where(m => m.Code == "091" || m.Code == "049" || m.Code == "564")
            .ToDictionaryAsync(m => m.Code, m => m.OrganiserCode);

        organiserOf["091"].ShouldBe("90");
        organiserOf["049"].ShouldBe("03");
        organiserOf["564"].ShouldBe("19");
    }

    private DbScope NewContext() => app.NewDbContext(FixedUser.Anonymous);

    private async Task<Counts> CountAsync()
    {
        await using var scope = NewContext();
        var db = scope.Db;
        var demoEmails = DemoDataSeeder.Users.Select(u => u.Email.ToUpperInvariant()).ToList();
        return new Counts(
            await db.Municipalities.CountAsync(),
            await db.Regions.CountAsync(),
            await db.KelaDistricts.CountAsync(),
            await db.Organisations.CountAsync(),
            await db.Users.CountAsync(u => demoEmails.Contains(u.NormalizedEmail!)),
            await db.Cases.IgnoreQueryFilters().CountAsync(),
            await db.Referrals.IgnoreQueryFilters().CountAsync());
    }

    private sealed record Counts(int Municipalities, int Regions, int KelaDistricts, int Organisations, int DemoUsers, int Cases, int Referrals);
}
