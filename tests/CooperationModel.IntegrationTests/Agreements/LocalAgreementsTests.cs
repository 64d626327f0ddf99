using CooperationModel.Application.Agreements;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Agreements;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Identity;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Agreements;

/// <summary>
/// Local agreements on PostgreSQL: both parties' staff read an agreement, a third organisation does not find it, only the
/// parties' admins change and end it, the parties' areas must meet, a text with an identity code is refused, the lists'
/// state filter and the admins' ending-soon count use the one validity rule; and over HTTP, as a browser.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LocalAgreementsTests(AppFixture app)
{
    private static readonly Guid South = DemoDataSeeder.AdminSouth.OrganisationId;
    private static readonly Guid Helsinki = DemoDataSeeder.WorkerHelsinki.OrganisationId;
    private static readonly Guid NorthOstrobothnia = DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId;
    private static readonly DateOnly Today = TimeProvider.System.Today();

    private static AgreementDraft Draft(string title, DateOnly? until = null) => new(
        AgreementSubject.ContactPractices, title, "Soitetaan ensin, sitten kirjoitetaan.", Today.AddDays(-10), until,
        "Elina Eteläinen", "020 634 0000", null, "Pauli Pääkäyttäjä", null, "pauli@hel.demo.test");

    [Fact]
    public async Task Get_BothPartiesStaff_AndCoordinator_Read_AThirdOrganisationDoesNotFindIt()
    {
        var id = await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft($"Yhteydenpito {Guid.NewGuid():N}"));

        foreach (var (user, access) in new[]
        {
            (DemoDataSeeder.HandlerSouth, AgreementAccess.Party), (DemoDataSeeder.WorkerHelsinki, AgreementAccess.Party),
            (DemoDataSeeder.AdminHelsinki, AgreementAccess.PartyAdmin), (DemoDataSeeder.AdminSouth, AgreementAccess.PartyAdmin),
            (DemoDataSeeder.Coordinator, AgreementAccess.Coordinator),
        })
        {
            await using var scope = await app.AsUserAsync(user);
            var agreements = scope.Get<ILocalAgreements>();
            var details = (await agreements.GetAsync(id)).Value;
            details.Access.ShouldBe(access, user.Email);
            details.Agreement.KelaDistrict.Id.ShouldBe(South);
            details.Agreement.Organiser.Id.ShouldBe(Helsinki);
            (await agreements.ListAsync(new AgreementFilter(), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.ShouldContain(r => r.Id == id, user.Email);
        }

        foreach (var user in new[] { DemoDataSeeder.WorkerNorthOstrobothnia, DemoDataSeeder.HandlerNorth, DemoDataSeeder.HealthCareHelsinki, DemoDataSeeder.YouthWorkHelsinki })
        {
            await using var scope = await app.AsUserAsync(user);
            var agreements = scope.Get<ILocalAgreements>();
            (await agreements.GetAsync(id)).FirstError.Code.ShouldBe("Agreement.NotFound", user.Email);
            (await agreements.ListAsync(new AgreementFilter(), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.ShouldNotContain(r => r.Id == id, user.Email);
            (await agreements.SaveAsync(new SaveAgreementCommand(id, null, Draft("Kaapattu")))).FirstError.Code.ShouldBe("Agreement.NotFound", user.Email);
            (await agreements.EndAsync(new EndAgreementCommand(id, Today))).FirstError.Code.ShouldBe("Agreement.NotFound", user.Email);
        }
    }

    [Fact]
    public async Task ChangeAndEnd_OnlyTheParties_Admins()
    {
        var title = $"Maksusitoumukset {Guid.NewGuid():N}";
        var id = await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft(title));

        foreach (var user in new[] { DemoDataSeeder.HandlerSouth, DemoDataSeeder.WorkerHelsinki, DemoDataSeeder.Coordinator })
        {
            await using var scope = await app.AsUserAsync(user);
            var agreements = scope.Get<ILocalAgreements>();
            (await agreements.SaveAsync(new SaveAgreementCommand(id, null, Draft("Muutettu")))).FirstError.Code.ShouldBe("Agreement.NotPartyAdmin", user.Email);
            (await agreements.EndAsync(new EndAgreementCommand(id, Today))).FirstError.Code.ShouldBe("Agreement.NotPartyAdmin", user.Email);
        }

        await using (var helsinkiAdmin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki))
        {
            var agreements = helsinkiAdmin.Get<ILocalAgreements>();
            (await agreements.GetAsync(id)).Value.Agreement.Title.ShouldBe(title);
            (await agreements.SaveAsync(new SaveAgreementCommand(id, null, Draft(title + " (muutettu)")))).IsSuccess.ShouldBeTrue();
            (await agreements.EndAsync(new EndAgreementCommand(id, Today.AddDays(5)))).IsSuccess.ShouldBeTrue();
            var after = (await agreements.GetAsync(id)).Value;
            after.Agreement.Title.ShouldBe(title + " (muutettu)");
            after.Agreement.ValidUntil.ShouldBe(Today.AddDays(5));
            after.Agreement.State.ShouldBe(AgreementState.EndingSoon);
            after.ChangedByName.ShouldBe(DemoDataSeeder.AdminHelsinki.DisplayName);
            after.EndedEarlyAt.ShouldNotBeNull();
            after.RecordedByName.ShouldBe(DemoDataSeeder.AdminSouth.DisplayName);
        }
    }

    [Fact]
    public async Task Record_TheParties_AreasMustMeet_AndOnlyAnAdminOfAPartyKindRecords()
    {
        await using (var southAdmin = await app.AsUserAsync(DemoDataSeeder.AdminSouth))
        {
            var agreements = southAdmin.Get<ILocalAgreements>();
            var partners = await agreements.PartnersAsync();
            partners.Select(p => p.Id).ShouldContain(Helsinki);
            partners.Select(p => p.Id).ShouldNotContain(NorthOstrobothnia);
            partners.ShouldAllBe(p => p.Kind == OrganisationKind.SocialServicesOrganiser);

            var refused = await agreements.SaveAsync(new SaveAgreementCommand(null, NorthOstrobothnia, Draft("Pohjoinen ei kohtaa")));
            refused.FirstError.Code.ShouldBe("Agreement.PartiesDoNotMeet");
            refused.FirstError.Field.ShouldBe("PartnerOrganisationId");
            (await agreements.SaveAsync(new SaveAgreementCommand(null, South, Draft("Itsensä kanssa")))).FirstError.Code.ShouldBe("Agreement.PartiesDoNotMeet");
            (await agreements.SaveAsync(new SaveAgreementCommand(null, Guid.NewGuid(), Draft("Tuntematon")))).FirstError.Code.ShouldBe("Agreement.PartiesDoNotMeet");
            (await agreements.SaveAsync(new SaveAgreementCommand(null, null, Draft("Ei osapuolta")))).FirstError.Code.ShouldBe("Agreement.PartnerRequired");
        }

        await using (var helsinkiAdmin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki))
        {
            var partners = await helsinkiAdmin.Get<ILocalAgreements>().PartnersAsync();
            partners.Select(p => p.Id).ShouldBe([South]);
        }

        foreach (var user in new[] { DemoDataSeeder.HandlerSouth, DemoDataSeeder.WorkerHelsinki, DemoDataSeeder.Coordinator })
        {
            await using var scope = await app.AsUserAsync(user);
            var agreements = scope.Get<ILocalAgreements>();
            (await agreements.PartnersAsync()).ShouldBeEmpty(user.Email);
            (await agreements.SaveAsync(new SaveAgreementCommand(null, user == DemoDataSeeder.WorkerHelsinki ? South : Helsinki, Draft("Ei pääkäyttäjä"))))
                .FirstError.Code.ShouldBe("Common.WrongRole", user.Email);
        }

        await using var db = app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.LocalAgreements.CountAsync(a => a.Title == "Pohjoinen ei kohtaa" || a.Title == "Ei pääkäyttäjä" || a.Title == "Itsensä kanssa")).ShouldBe(0);
    }

    [Fact]
    public async Task Save_ATextWithAnIdentityCode_IsRefusedAtItsField_AndNothingIsStored()
    {
        var title = $"Henkilötunnus {Guid.NewGuid():N}";
        await using var southAdmin = await app.AsUserAsync(DemoDataSeeder.AdminSouth);
        var agreements = southAdmin.Get<ILocalAgreements>();

        var refused = await agreements.SaveAsync(new SaveAgreementCommand(null, Helsinki, Draft(title) with { Text = "Asiakas 010190-900P soittaa." }));
        refused.Errors.ShouldContain(e => e.Code == "PersonalData.ContainsIdentityCode" && e.Field == "Text");
        (await agreements.SaveAsync(new SaveAgreementCommand(null, Helsinki, Draft(title) with { OrganiserContactName = "020290-9016" })))
            .Errors.ShouldContain(e => e.Code == "PersonalData.ContainsIdentityCode" && e.Field == "OrganiserContactName");

        var id = await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft(title));
        (await agreements.SaveAsync(new SaveAgreementCommand(id, null, Draft(title + " 010190-900P"))))
            .Errors.ShouldContain(e => e.Code == "PersonalData.ContainsIdentityCode" && e.Field == "Title");
        (await agreements.GetAsync(id)).Value.Agreement.Title.ShouldBe(title);

        await using var db = app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.LocalAgreements.CountAsync(a => a.Title.StartsWith(title))).ShouldBe(1);
    }

    [Fact]
    public async Task EndingSoonCount_BothAdmins_CountTheirOrganisationsAgreementsInTheWindow_OthersGetNone()
    {
        var before = await CountAsync(DemoDataSeeder.AdminSouth);
        var beforeHelsinki = await CountAsync(DemoDataSeeder.AdminHelsinki);
        before.ShouldNotBeNull();
        beforeHelsinki.ShouldNotBeNull();

        var soon = await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft($"Päättyy pian {Guid.NewGuid():N}", Today.AddDays(10)));
        await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft($"Päättyy myöhemmin {Guid.NewGuid():N}", Today.AddDays(200)));
        await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft($"Toistaiseksi {Guid.NewGuid():N}"));
        await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft($"Päättynyt {Guid.NewGuid():N}") with { ValidFrom = Today.AddDays(-30), ValidUntil = Today.AddDays(-1) });

        (await CountAsync(DemoDataSeeder.AdminSouth)).ShouldBe(before + 1);
        (await CountAsync(DemoDataSeeder.AdminHelsinki)).ShouldBe(beforeHelsinki + 1);
        (await CountAsync(DemoDataSeeder.HandlerSouth)).ShouldBeNull();
        (await CountAsync(DemoDataSeeder.WorkerHelsinki)).ShouldBeNull();
        (await CountAsync(DemoDataSeeder.Coordinator)).ShouldBeNull();

        // The list's state filter is the same rule: the agreement ending soon is there, and under no other state.
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var agreements = scope.Get<ILocalAgreements>();
        foreach (var state in Enum.GetValues<AgreementState>())
        {
            var rows = (await agreements.ListAsync(new AgreementFilter(state), new PageRequest(1, PageRequest.MaxPageSize))).Value.Items;
            rows.ShouldAllBe(r => r.State == state);
            rows.Any(r => r.Id == soon).ShouldBe(state == AgreementState.EndingSoon, state.ToString());
        }
    }

    /// <summary>Over HTTP: Helsinki's social worker reads the agreement's page; North Ostrobothnia's gets not found; an enrolled admin's home page flags it.</summary>
    [Fact]
    public async Task Pages_PartysWorkerReads_AnotherOrganisationGetsNotFound_AndTheAdminsHomePageFlags()
    {
        var title = $"Paperittomat {Guid.NewGuid():N}";
        var id = await RecordAsync(DemoDataSeeder.AdminSouth, Helsinki, Draft(title, Today.AddDays(3)) with { Subject = AgreementSubject.UndocumentedClients });

        var worker = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);
        var page = await worker.GetPageAsync($"/agreements/{id}");
        page.ShouldContain(title);
        page.ShouldContain("data-testid=\"agreement-ending-soon\"");
        page.ShouldNotContain("data-testid=\"agreement-form\"");
        (await worker.GetPageAsync("/agreements")).ShouldContain(title);

        var other = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);
        var hidden = await other.GetPageAsync($"/agreements/{id}");
        hidden.ShouldContain("data-testid=\"agreement-not-found\"");
        hidden.ShouldNotContain(title);
        (await other.GetPageAsync("/agreements")).ShouldNotContain(title);

        var admin = await app.CreateUserAsync("Testi Etelä", South, UserRole.OrganisationAdmin, TwoFactorSteps.Password);
        var adminClient = await app.SignedInClientAsync(admin.Email!, TwoFactorSteps.Password);
        await adminClient.EnrolAsync();
        var home = await adminClient.GetPageAsync("/");
        home.ShouldContain("data-testid=\"home-agreements-ending\"");
        home.ShouldContain("agreements?state=EndingSoon");
        var own = await adminClient.GetPageAsync($"/agreements/{id}");
        own.ShouldContain("data-testid=\"agreement-form\"");
        own.ShouldContain("data-testid=\"agreement-end-form\"");
    }

    private async Task<Guid> RecordAsync(Infrastructure.Seeding.DemoUser admin, Guid partner, AgreementDraft draft)
    {
        await using var scope = await app.AsUserAsync(admin);
        var saved = await scope.Get<ILocalAgreements>().SaveAsync(new SaveAgreementCommand(null, partner, draft));
        saved.IsSuccess.ShouldBeTrue(saved.IsSuccess ? "" : string.Join(", ", saved.Errors.Select(e => e.Code)));
        return saved.Value;
    }

    private async Task<int?> CountAsync(Infrastructure.Seeding.DemoUser user)
    {
        await using var scope = await app.AsUserAsync(user);
        return await scope.Get<ILocalAgreements>().EndingSoonCountAsync();
    }
}
