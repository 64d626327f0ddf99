using CooperationModel.Application.Common;
using CooperationModel.Application.Directory;
using CooperationModel.Domain.Directory;
using CooperationModel.Domain.Organisations;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.PartnerDirectory;

/// <summary>
/// The partners' directory of contacts on PostgreSQL: an organisation admin keeps their own organisation's entries and
/// no one else's (another organisation's admin and every other role are refused); every role reads them; a text with a
/// valid identity code is refused; the search by municipality (area-wide entries included), function and language.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PartnerDirectoryTests(AppFixture app)
{
    private const string Password = "Hakemisto-Testi-2026!";
    private static readonly Guid NorthOstrobothnia = DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId;

    private static SaveDirectoryContactCommand Entry(
        string name, DirectoryFunction function = DirectoryFunction.AdultSocialWork, string? municipality = "091", ServiceLanguage language = ServiceLanguage.Finnish) =>
        new(null, function, municipality, name, language, "09 310 00900", "ma–pe 9–15", "testi@helsinki.demo.test", null,
            function == DirectoryFunction.SocialEmergencyService ? "24/7" : null, null);

    [Fact]
    public async Task AnAdmin_ChangesTheOwnOrganisationsEntries_OthersAreRefused_EveryoneReads()
    {
        var name = $"Testineuvonta {Guid.NewGuid():N}";
        await using var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        var directory = admin.Get<IPartnerDirectory>();
        (await directory.SaveAsync(Entry(name))).IsSuccess.ShouldBeTrue();
        var row = (await directory.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Single(r => r.Name == name);
        row.Access.ShouldBe(DirectoryAccess.ChangesOwn);
        row.CheckedBy.ShouldBe(DemoDataSeeder.AdminHelsinki.DisplayName);

        // Another organisation's admin reads it but changes nothing of it.
        var otherAdmin = await app.CreateUserAsync("Olga Muu Pääkäyttäjä", NorthOstrobothnia, UserRole.OrganisationAdmin, Password);
        await using (var other = await app.AsUserAsync(otherAdmin.Email!))
        {
            var theirs = other.Get<IPartnerDirectory>();
            var seen = (await theirs.SearchAsync(new DirectorySearchQuery("091", null, null, new PageRequest(1, PageRequest.MaxPageSize)))).Value.Items.Single(r => r.Id == row.Id);
            seen.Access.ShouldBe(DirectoryAccess.Reads);
            (await theirs.SaveAsync(SaveDirectoryContactCommand.From(row) with { Name = "Kaapattu" })).FirstError.Code.ShouldBe("Directory.NotYours");
            (await theirs.ConfirmAsync(row.Id)).FirstError.Code.ShouldBe("Directory.NotYours");
            (await theirs.RemoveAsync(row.Id)).FirstError.Code.ShouldBe("Directory.NotYours");
            (await theirs.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.ShouldNotContain(r => r.Id == row.Id);
            (await theirs.ConfirmAsync(Guid.NewGuid())).FirstError.Code.ShouldBe("Directory.NotFound");
        }

        // Every other role reads it and is refused every change, even of its own organisation's entries.
        foreach (var demo in new[] { DemoDataSeeder.HandlerSouth, DemoDataSeeder.WorkerHelsinki, DemoDataSeeder.Coordinator, DemoDataSeeder.HealthCareHelsinki, DemoDataSeeder.YouthWorkHelsinki })
        {
            await using var scope = await app.AsUserAsync(demo);
            var theirs = scope.Get<IPartnerDirectory>();
            (await theirs.SearchAsync(new DirectorySearchQuery("091", null, null, new PageRequest(1, PageRequest.MaxPageSize)))).Value.Items
                .Single(r => r.Id == row.Id).Access.ShouldBe(DirectoryAccess.Reads, demo.Email);
            (await theirs.SaveAsync(Entry("Oma"))).FirstError.Code.ShouldBe("Common.WrongRole", demo.Email);
            (await theirs.SaveAsync(SaveDirectoryContactCommand.From(row) with { Name = "Kaapattu" })).FirstError.Code.ShouldBe("Common.WrongRole", demo.Email);
            (await theirs.ConfirmAsync(row.Id)).FirstError.Code.ShouldBe("Common.WrongRole", demo.Email);
            (await theirs.RemoveAsync(row.Id)).FirstError.Code.ShouldBe("Common.WrongRole", demo.Email);
            (await theirs.MineAsync(new PageRequest())).FirstError.Code.ShouldBe("Common.WrongRole", demo.Email);
        }

        var unchanged = (await directory.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Single(r => r.Id == row.Id);
        unchanged.ShouldBe(row);

        // The own admin changes it, confirms it, removes it.
        (await directory.SaveAsync(SaveDirectoryContactCommand.From(row) with { Name = name + " (muutettu)" })).IsSuccess.ShouldBeTrue();
        (await directory.RemoveAsync(row.Id)).IsSuccess.ShouldBeTrue();
        (await directory.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.ShouldNotContain(r => r.Id == row.Id);
    }

    [Fact]
    public async Task Confirming_AndChanging_MoveCheckedOn_AStaleEntryComesFirstAndIsMarked()
    {
        var name = $"Vanha neuvonta {Guid.NewGuid():N}";
        await using var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        var directory = admin.Get<IPartnerDirectory>();
        (await directory.SaveAsync(Entry(name, DirectoryFunction.Housing))).IsSuccess.ShouldBeTrue();
        var id = (await directory.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Single(r => r.Name == name).Id;
        await AgeAsync(id, months: 13);

        var stale = (await directory.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items;
        stale.Single(r => r.Id == id).IsStale.ShouldBeTrue();
        stale.TakeWhile(r => r.IsStale).ShouldContain(r => r.Id == id);
        stale.SkipWhile(r => r.IsStale).ShouldAllBe(r => !r.IsStale);

        (await directory.ConfirmAsync(id)).IsSuccess.ShouldBeTrue();
        var confirmed = (await directory.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Single(r => r.Id == id);
        (confirmed.IsStale, confirmed.CheckedOn, confirmed.Name).ShouldBe((false, TimeProvider.System.Today(), name));

        await AgeAsync(id, months: 20);
        (await directory.SaveAsync(SaveDirectoryContactCommand.From(confirmed) with { PhoneHours = "ma–pe 8–16" })).IsSuccess.ShouldBeTrue();
        var changed = (await directory.MineAsync(new PageRequest(1, PageRequest.MaxPageSize))).Value.Items.Single(r => r.Id == id);
        (changed.IsStale, changed.CheckedOn, changed.PhoneHours).ShouldBe((false, TimeProvider.System.Today(), "ma–pe 8–16"));
        (await directory.RemoveAsync(id)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task ATextWithAValidIdentityCode_IsRefused_AndNothingIsStored()
    {
        await using var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        var directory = admin.Get<IPartnerDirectory>();
        var result = await directory.SaveAsync(Entry("Neuvonta 010190-900P") with { PaymentCommitmentPlace = "Kysy 150585-922C" });
        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe(
            [("PersonalData.ContainsIdentityCode", "Name"), ("PersonalData.ContainsIdentityCode", "PaymentCommitmentPlace")], ignoreOrder: true);
        await using var db = app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.DirectoryContacts.AnyAsync(c => c.Name.Contains("900P"))).ShouldBeFalse();
    }

    [Fact]
    public async Task TheOwnersKindAndArea_AreChecked_ByTheUseCase()
    {
        await using var admin = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);
        var directory = admin.Get<IPartnerDirectory>();
        (await directory.SaveAsync(Entry("Kela", DirectoryFunction.KelaRegionalContact))).FirstError.Code.ShouldBe("Directory.FunctionNotForOrganisation");
        (await directory.SaveAsync(Entry("Oulu", municipality: "564"))).FirstError.Code.ShouldBe("Directory.MunicipalityNotCovered");
    }

    [Fact]
    public async Task Search_ByMunicipality_CountsTheAreaWideEntries_ByFunctionAndLanguage_PagedAndOrdered()
    {
        var token = Guid.NewGuid().ToString("N");
        var adminUser = await app.CreateUserAsync("Pohjois-Pohjanmaan Pääkäyttäjä", NorthOstrobothnia, UserRole.OrganisationAdmin, Password);
        await using var admin = await app.AsUserAsync(adminUser.Email!);
        var directory = admin.Get<IPartnerDirectory>();
        (await directory.SaveAsync(Entry($"B Oulu {token}", municipality: "564"))).IsSuccess.ShouldBeTrue();
        (await directory.SaveAsync(Entry($"A koko alue {token}", DirectoryFunction.Housing, municipality: null, ServiceLanguage.Swedish))).IsSuccess.ShouldBeTrue();
        (await directory.SaveAsync(Entry($"C Alavieska {token}", municipality: "009", language: ServiceLanguage.Bilingual))).IsSuccess.ShouldBeTrue();
        (await directory.SaveAsync(Entry($"A Oulu {token}", municipality: "564", language: ServiceLanguage.Bilingual))).IsSuccess.ShouldBeTrue();

        async Task<List<string>> Names(string? municipality, DirectoryFunction? function = null, ServiceLanguage? language = null) =>
            [.. (await directory.SearchAsync(new DirectorySearchQuery(municipality, function, language, new PageRequest(1, PageRequest.MaxPageSize)))).Value.Items
                .Where(r => r.Name.EndsWith(token, StringComparison.Ordinal)).Select(r => r.Name[..^(token.Length + 1)])];

        // Ordered by function (adult social work before housing), then by name.
        (await Names("564")).ShouldBe(["A Oulu", "B Oulu", "A koko alue"]);
        (await Names("009")).ShouldBe(["C Alavieska", "A koko alue"]);
        (await Names("564", DirectoryFunction.AdultSocialWork)).ShouldBe(["A Oulu", "B Oulu"]);
        (await Names("564", DirectoryFunction.ChildProtection)).ShouldBeEmpty();
        // Swedish finds the Swedish and the bilingual entries; Finnish the Finnish and the bilingual; bilingual only those.
        (await Names("009", language: ServiceLanguage.Swedish)).ShouldBe(["C Alavieska", "A koko alue"]);
        (await Names("564", language: ServiceLanguage.Finnish)).ShouldBe(["A Oulu", "B Oulu"]);
        (await Names("564", language: ServiceLanguage.Bilingual)).ShouldBe(["A Oulu"]);
        // Helsinki is not in the area: its search shows none of them.
        (await Names("091")).ShouldBeEmpty();
        (await Names(null, DirectoryFunction.Housing)).ShouldBe(["A koko alue"]);

        var onePage = (await directory.SearchAsync(new DirectorySearchQuery("009", null, null, new PageRequest(1, 1)))).Value;
        onePage.Items.Count.ShouldBe(1);
        onePage.TotalCount.ShouldBeGreaterThanOrEqualTo(2);
        (await directory.SearchAsync(new DirectorySearchQuery("999", null, null, new PageRequest()))).FirstError.Code.ShouldBe("Directory.UnknownMunicipality");
        (await directory.SearchAsync(new DirectorySearchQuery(null, null, null, new PageRequest(0)))).FirstError.Code.ShouldBe("Paging.PageInvalid");
    }

    [Fact]
    public async Task ThePanels_TheCasePageShowsTheReceivingOrganisers_TheReferralPageTheOtherSides()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var forCase = (await handler.Get<IPartnerDirectory>().ForCaseAsync("091")).Value;
        forCase.ShouldNotBeEmpty();
        forCase.ShouldAllBe(r => r.OrganisationId == DemoDataSeeder.AdminHelsinki.OrganisationId && (r.MunicipalityCode == null || r.MunicipalityCode == "091"));
        forCase.ShouldContain(r => r.Function == DirectoryFunction.SocialEmergencyService && r.EmergencyHours != null);
        forCase.ShouldContain(r => r.PaymentCommitmentPlace != null);

        var sender = DemoDataSeeder.HandlerSouth.OrganisationId;
        var receiver = DemoDataSeeder.WorkerHelsinki.OrganisationId;
        (await handler.Get<IPartnerDirectory>().ForReferralAsync(sender, receiver, "091")).Value.ShouldAllBe(r => r.OrganisationId == receiver);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var forWorker = (await worker.Get<IPartnerDirectory>().ForReferralAsync(sender, receiver, "091")).Value;
        forWorker.ShouldContain(r => r.Function == DirectoryFunction.KelaRegionalContact);
        forWorker.ShouldAllBe(r => r.OrganisationId == sender);
    }

    private async Task AgeAsync(Guid id, int months)
    {
        await using var db = app.NewDbContext(FixedUser.Anonymous);
        var old = TimeProvider.System.Today().AddMonths(-months);
        await db.Db.DirectoryContacts.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedOnDate, old));
    }
}
