using CooperationModel.Application.Common;
using CooperationModel.Application.Directory.Environments;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Geography;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Environments;

/// <summary>
/// The municipalities' operating environments on PostgreSQL: the seed, who changes one, the identity-code refusal, the
/// overview's shares and the list. A database of its own (the tests change environments). Each test uses municipalities
/// no other test here touches: Helsinki (091) and Espoo (049) for the access rule, Vantaa (092) for the texts,
/// Päijät-Häme (09) and Itä-Uusimaa (01) for the overview, Oulu (564) for the reseed.
/// </summary>
public sealed class OperatingEnvironmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Password = "Vahva-salasana-2026!";

    private static ChangeOperatingEnvironmentCommand Assessment(string municipality, OperatingEnvironmentType type = OperatingEnvironmentType.Limited, string? note = null) =>
        new(municipality, type, true, "ti ja to 9–15", false, true, SocialOfficeReception.ByAppointmentOnly, null, SocialEmergencyService.OnSite, note);

    private async Task<UserScope> AdminOfAsync(OrganisationKind kind, string code)
    {
        var user = await app.CreateUserAsync($"Pääkäyttäjä {kind} {code}", Organisation.IdFor(kind, code), UserRole.OrganisationAdmin, Password);
        return await app.AsUserAsync(user.Email!);
    }

    private async Task<OperatingEnvironment> StoredAsync(string municipality)
    {
        await using var scope = app.NewDbContextPastRowLevelSecurity(FixedUser.Anonymous);
        return await scope.Db.OperatingEnvironments.AsNoTracking().SingleAsync(e => e.MunicipalityCode == municipality);
    }

    [Fact]
    public async Task Seed_GivesEveryMunicipalityOfTheCatalog_AlandIncluded_NotAssessedWithoutFacts_BesidesTheDemoOnes()
    {
        await using var scope = app.NewDbContextPastRowLevelSecurity(FixedUser.Anonymous);
        var rows = await scope.Db.OperatingEnvironments.AsNoTracking().ToListAsync();
        var catalog = ReferenceCatalog.Instance;

        rows.Count.ShouldBe(308);
        rows.Select(r => r.MunicipalityCode).Order().ShouldBe(catalog.Municipalities.Select(m => m.Code).Order());
        rows.Count(r => catalog.FindMunicipality(r.MunicipalityCode)!.IsOnAland).ShouldBe(16);
        rows.ShouldAllBe(r => r.OrganiserCode == catalog.FindMunicipality(r.MunicipalityCode)!.OrganiserCode);
        // Besides the demo's four, the two that other tests of this class assess (in any order).
        string[] assessed = ["091", "398", "504", "576", "564", "016"];
        var others = rows.Where(r => !assessed.Contains(r.MunicipalityCode)).ToList();
        others.Count.ShouldBe(302);
        others.ShouldAllBe(r => r.Type == OperatingEnvironmentType.NotAssessed && r.Facts == null && r.CheckedOnDate == null && r.Note == null);
    }

    [Fact]
    public async Task Reseeding_KeepsWhatTheOrganiserSet()
    {
        await using (var admin = await AdminOfAsync(OrganisationKind.SocialServicesOrganiser, "19"))
        {
            (await admin.Get<IOperatingEnvironments>().ChangeAsync(Assessment("564", OperatingEnvironmentType.Wide, "Kela Oulun keskustassa"))).IsSuccess.ShouldBeTrue();
        }

        var before = await StoredAsync("564");
        // As at every start: migrations, reference data, demo data.
        await Infrastructure.DependencyInjection.PrepareDatabaseAsync(app.Factory.Services, demoData: true);

        var after = await StoredAsync("564");
        after.Type.ShouldBe(OperatingEnvironmentType.Wide);
        after.Facts.ShouldBe(before.Facts);
        after.Facts!.Note.ShouldBe("Kela Oulun keskustassa");
        after.Checked.ShouldBe(before.Checked);
        await using var count = app.NewDbContextPastRowLevelSecurity(FixedUser.Anonymous);
        (await count.Db.OperatingEnvironments.CountAsync()).ShouldBe(308);
    }

    [Fact]
    public async Task TheOrganisersAdmin_ChangesOnlyTheirOwnMunicipalities_EveryoneElseIsRefused_AndEveryoneReads()
    {
        var before = await StoredAsync("091");
        List<(string Who, UserScope Scope)> refused =
        [
            ("another organiser's admin", await AdminOfAsync(OrganisationKind.SocialServicesOrganiser, "19")),
            ("a Kela district's admin", await AdminOfAsync(OrganisationKind.KelaDistrict, "etelainen")),
            ("Helsinki health care's admin", await AdminOfAsync(OrganisationKind.HealthCare, "90")),
        ];
        foreach (var demo in new[] { DemoDataSeeder.WorkerHelsinki, DemoDataSeeder.HandlerSouth, DemoDataSeeder.Coordinator, DemoDataSeeder.HealthCareHelsinki, DemoDataSeeder.YouthWorkHelsinki })
        {
            refused.Add((demo.Email, await app.AsUserAsync(demo)));
        }

        foreach (var (who, scope) in refused)
        {
            await using (scope)
            {
                var environments = scope.Get<IOperatingEnvironments>();
                (await environments.ChangeAsync(Assessment("091"))).FirstError.ShouldBe(OperatingEnvironments.NotTheOrganisersAdmin, who);
                (await environments.ConfirmUnchangedAsync("091")).FirstError.ShouldBe(OperatingEnvironments.NotTheOrganisersAdmin, who);
                var read = await environments.GetAsync("091");
                read.IsSuccess.ShouldBeTrue(who);
                read.Value.Access.ShouldBe(OperatingEnvironmentAccess.Reader, who);
            }
        }

        (await StoredAsync("091")).Checked.ShouldBe(before.Checked);

        await using var helsinki = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        var own = helsinki.Get<IOperatingEnvironments>();
        (await own.GetAsync("091")).Value.Access.ShouldBe(OperatingEnvironmentAccess.OrganiserAdmin);
        (await own.ChangeAsync(Assessment("091", OperatingEnvironmentType.Wide))).IsSuccess.ShouldBeTrue();
        var changed = (await own.GetAsync("091")).Value;
        changed.Type.ShouldBe(OperatingEnvironmentType.Wide);
        changed.Checked.ShouldBe(new CheckedOn(TimeProvider.System.Today(), DemoDataSeeder.AdminHelsinki.DisplayName));
        changed.IsStale.ShouldBeFalse();
        (await own.ConfirmUnchangedAsync("091")).IsSuccess.ShouldBeTrue();
        (await own.GetAsync("091")).Value.Facts.ShouldBe(changed.Facts);

        // Espoo is Länsi-Uusimaa's: Helsinki's admin reads it and may not change it; an unknown code is not found.
        (await own.GetAsync("049")).Value.Access.ShouldBe(OperatingEnvironmentAccess.Reader);
        (await own.ChangeAsync(Assessment("049"))).FirstError.ShouldBe(OperatingEnvironments.NotTheOrganisersAdmin);
        (await StoredAsync("049")).Type.ShouldBe(OperatingEnvironmentType.NotAssessed);
        (await own.GetAsync("999")).FirstError.ShouldBe(OperatingEnvironments.NotFound);
        (await own.ChangeAsync(Assessment("999"))).FirstError.ShouldBe(OperatingEnvironments.NotFound);
    }

    [Fact]
    public async Task ATextWithAnIdentityCode_IsRefusedWithItsError_AndNothingIsStored()
    {
        await using var admin = await AdminOfAsync(OrganisationKind.SocialServicesOrganiser, "04");
        var environments = admin.Get<IOperatingEnvironments>();

        var result = await environments.ChangeAsync(Assessment("092", note: "Asiakas 010190-900P asioi täällä") with { WalkInHours = "x", SocialOffice = SocialOfficeReception.WalkInHours });

        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", "Note")]);
        (await StoredAsync("092")).Type.ShouldBe(OperatingEnvironmentType.NotAssessed);
        (await environments.ChangeAsync(Assessment("092", note: new string('x', OperatingEnvironment.NoteMaxLength + 1)))).FirstError.Code.ShouldBe("Environment.NoteTooLong");
        (await environments.ConfirmUnchangedAsync("092")).FirstError.ShouldBe(OperatingEnvironment.Errors.NotAssessed);
    }

    [Fact]
    public async Task Overview_CountsEachOrganisersMunicipalitiesAndAssessed_AndTheListFilters()
    {
        var catalog = ReferenceCatalog.Instance;
        var paijatHame = catalog.Municipalities.Count(m => m.OrganiserCode == "09");
        await using (var admin = await AdminOfAsync(OrganisationKind.SocialServicesOrganiser, "09"))
        {
            (await admin.Get<IOperatingEnvironments>().ChangeAsync(Assessment("016", OperatingEnvironmentType.VeryNarrow))).IsSuccess.ShouldBeTrue();
        }

        await using var reader = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var overview = reader.Get<IOperatingEnvironmentOverview>();
        var shares = (await overview.OverviewAsync()).Value;

        shares.Organisers.Count.ShouldBe(catalog.Organisers.Count);
        shares.Municipalities.ShouldBe(308);
        // Lahti and Padasjoki from the demo, Asikkala here.
        var line = shares.Organisers.Single(o => o.OrganiserCode == "09");
        (line.Municipalities, line.Assessed, line.SharePercent).ShouldBe((paijatHame, 3, 300 / paijatHame));
        shares.Organisers.Single(o => o.OrganiserCode == "90").ShouldBe(new OrganiserAssessmentShare("90", 1, 1));
        shares.Organisers.Single(o => o.OrganiserCode == "05").Assessed.ShouldBe(0);

        var veryNarrow = (await overview.ListAsync(new EnvironmentFilter("09", OperatingEnvironmentType.VeryNarrow), new PageRequest())).Value;
        veryNarrow.Items.Select(r => r.MunicipalityCode).ShouldBe(["016", "576"]);
        veryNarrow.TotalCount.ShouldBe(2);
        var stale = (await overview.ListAsync(new EnvironmentFilter("01", null, StaleOnly: true), new PageRequest())).Value;
        stale.Items.Select(r => (r.MunicipalityCode, r.IsStale)).ShouldBe([("504", true)]);
        var all = (await overview.ListAsync(new EnvironmentFilter(), new PageRequest(2, 100))).Value;
        (all.TotalCount, all.Items.Count).ShouldBe((308, 100));
        (await overview.ListAsync(new EnvironmentFilter("zz"), new PageRequest())).FirstError.ShouldBe(OperatingEnvironmentOverview.UnknownOrganiser);
        (await overview.ListAsync(new EnvironmentFilter(), new PageRequest(0, 25))).FirstError.Code.ShouldBe("Paging.PageInvalid");
        overview.MyOrganiserCode.ShouldBeNull();
        await using var helsinki = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        helsinki.Get<IOperatingEnvironmentOverview>().MyOrganiserCode.ShouldBe("90");
    }

    [Fact]
    public async Task TheCasePanel_AdvisesFromTheMunicipalityAndTheClientType()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var environments = handler.Get<IOperatingEnvironments>();

        // Padasjoki: very narrow services (demo), no Kela office nor service point: phone first, the nearest point elsewhere.
        var padasjoki = (await environments.ForCaseAsync("576", ClientType.NoDevicesReducedSkills)).Value;
        padasjoki.Type.ShouldBe(OperatingEnvironmentType.VeryNarrow);
        padasjoki.Advice.Primary.ShouldBe(RecommendedChannel.GuidedByPhoneOrRemote);
        padasjoki.Advice.InPerson.ShouldContain(InPersonHelp.NearestKelaPointElsewhere);
        var notAssessed = (await environments.ForCaseAsync("005", ClientType.Digital)).Value;
        notAssessed.Advice.IsAssessed.ShouldBeFalse();
        notAssessed.Advice.Channels.ShouldBe(ClientTypes.RecommendedChannelsFor(ClientType.Digital));
    }
}
