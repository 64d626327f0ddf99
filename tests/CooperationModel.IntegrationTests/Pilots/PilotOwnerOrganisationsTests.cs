using CooperationModel.Application.Common;
using CooperationModel.Application.Pilots;
using CooperationModel.Domain.Pilots;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Pilots;

/// <summary>
/// A pilot's owner organisations on PostgreSQL: the coordinator links an organisation; its users (any role) read the pilot
/// and comment, and change nothing else; another organisation's users do not find it; the page shows no client data.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PilotOwnerOrganisationsTests(AppFixture app)
{
    private static readonly Guid Helsinki = DemoDataSeeder.WorkerHelsinki.OrganisationId;

    [Fact]
    public async Task LinkedOrganisationsWorker_ReadsAndComments_AndChangesNothingElse()
    {
        var pilot = await LinkedPilotAsync("guidance-municipal-task", Helsinki);
        await using var scope = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var registry = scope.Get<IPilotRegistry>();

        var details = (await registry.GetAsync(pilot)).Value;
        details.Access.ShouldBe(PilotAccess.OwnerOrganisation);
        details.History.ShouldNotBeEmpty();
        details.NextStatuses.ShouldBeEmpty();
        details.Evaluation.Allowed.Any.ShouldBeFalse();
        details.OwnerOrganisations.Select(o => o.Id).ShouldBe([Helsinki]);

        (await registry.AddEntryAsync(new AddPilotEntryCommand(pilot, PilotEntryKind.Comment, "Helsingissä toimii hyvin"))).IsSuccess.ShouldBeTrue();
        (await registry.AddEntryAsync(new AddPilotEntryCommand(pilot, PilotEntryKind.Update, "Pilotti alkoi"))).FirstError.Code.ShouldBe("Pilot.CommentsOnly");
        (await registry.AddEntryAsync(new AddPilotEntryCommand(pilot, PilotEntryKind.Comment, "Asiakas 010190-900P"))).FirstError.Code.ShouldBe("PersonalData.ContainsIdentityCode");

        (await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, PilotStatus.Running, "aloitettiin"))).FirstError.Code.ShouldBe("Common.WrongRole");
        (await registry.SetWeaknessesAsync(new SetPilotWeaknessesCommand(pilot, ["2022-3-7-W2"]))).FirstError.Code.ShouldBe("Common.WrongRole");
        (await registry.SetOwnerOrganisationsAsync(new SetPilotOwnerOrganisationsCommand(pilot, [Helsinki, DemoDataSeeder.WorkerNorthOstrobothnia.OrganisationId])))
            .FirstError.Code.ShouldBe("Common.WrongRole");
        var evaluation = scope.Get<IPilotEvaluation>();
        (await evaluation.AddFindingAsync(new AddPilotFindingCommand(pilot, "havainto"))).FirstError.Code.ShouldBe("Common.WrongRole");
        (await evaluation.AddIndicatorAsync(new AddPilotIndicatorCommand(pilot, "Mittari", "Tavoite", null, null))).FirstError.Code.ShouldBe("Common.WrongRole");
        (await evaluation.GiveVerdictAsync(new GivePilotVerdictCommand(pilot, PilotVerdict.AdoptIntoModel, "hyvä"))).FirstError.Code.ShouldBe("Common.WrongRole");

        var after = (await registry.GetAsync(pilot)).Value;
        after.Pilot.Status.ShouldBe(details.Pilot.Status);
        after.AnswersWeaknessCodes.ShouldBe(details.AnswersWeaknessCodes);
        after.Entries.Select(e => (e.Kind, e.Text, e.ByName)).ShouldBe([(PilotEntryKind.Comment, "Helsingissä toimii hyvin", DemoDataSeeder.WorkerHelsinki.DisplayName)]);
        (await registry.MineAsync(new PageRequest())).Value.Items.Select(p => p.Id).ShouldContain(pilot);
        (await registry.AnyMineAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task LinkedOrganisationsAdmin_ReadsToo_AnyRoleOfTheOrganisation()
    {
        var pilot = await LinkedPilotAsync("service-points", Helsinki);
        await using var scope = await app.AsUserAsync(DemoDataSeeder.AdminHelsinki);

        (await scope.Get<IPilotRegistry>().GetAsync(pilot)).Value.Access.ShouldBe(PilotAccess.OwnerOrganisation);
        (await scope.Get<IPilotRegistry>().AddEntryAsync(new AddPilotEntryCommand(pilot, PilotEntryKind.Comment, "Pääkäyttäjän kommentti"))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task UnlinkedOrganisationsWorker_DoesNotFindThePilot()
    {
        var pilot = await LinkedPilotAsync("concern-screen-tool", Helsinki);
        foreach (var user in new[] { DemoDataSeeder.WorkerNorthOstrobothnia, DemoDataSeeder.HandlerSouth, DemoDataSeeder.HealthCareHelsinki })
        {
            await using var scope = await app.AsUserAsync(user);
            var registry = scope.Get<IPilotRegistry>();

            (await registry.GetAsync(pilot)).FirstError.Code.ShouldBe("Pilot.NotFound", user.Email);
            (await registry.GetAsync(Guid.NewGuid())).FirstError.Code.ShouldBe("Pilot.NotFound");
            (await registry.AddEntryAsync(new AddPilotEntryCommand(pilot, PilotEntryKind.Comment, "Hei"))).FirstError.Code.ShouldBe("Pilot.NotFound", user.Email);
            (await registry.MineAsync(new PageRequest())).Value.Items.ShouldNotContain(p => p.Id == pilot);
        }

        await using var db = app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.PilotEntries.CountAsync(e => e.PilotId == pilot)).ShouldBe(0);
    }

    [Fact]
    public async Task SetOwnerOrganisations_Coordinator_KnownOrganisationsOnly_AndUnlinkingEndsTheAccess()
    {
        var pilot = await LinkedPilotAsync("digital-guidance-projects", Helsinki);
        await using (var coordinator = await app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            var registry = coordinator.Get<IPilotRegistry>();
            (await registry.SetOwnerOrganisationsAsync(new SetPilotOwnerOrganisationsCommand(pilot, [Helsinki, Guid.NewGuid()]))).FirstError.Code.ShouldBe("Pilot.UnknownOrganisation");
            (await registry.GetAsync(pilot)).Value.OwnerOrganisations.Select(o => o.Id).ShouldBe([Helsinki]);
            (await registry.SetOwnerOrganisationsAsync(new SetPilotOwnerOrganisationsCommand(pilot, []))).IsSuccess.ShouldBeTrue();
        }

        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        (await worker.Get<IPilotRegistry>().GetAsync(pilot)).FirstError.Code.ShouldBe("Pilot.NotFound");
    }

    /// <summary>Over HTTP, as a browser: the linked worker's page shows the pilot and the comment form, no status move and no client data; another organisation's worker gets not found.</summary>
    [Fact]
    public async Task PilotPage_LinkedWorkerSeesIt_WithoutClientData_AndAnotherOrganisationsWorkerGetsNotFound()
    {
        var sent = await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);
        var pilot = await LinkedPilotAsync("identification-web-training", Helsinki);
        string name;
        await using (var coordinator = await app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            name = (await coordinator.Get<IPilotRegistry>().GetAsync(pilot)).Value.Pilot.NameFi;
        }

        var worker = await app.SignedInClientAsync(DemoDataSeeder.WorkerHelsinki);
        var own = await worker.GetPageAsync($"/coordination/pilot?id={pilot}");
        own.ShouldContain(name);
        own.ShouldContain("data-testid=\"pilot-entry-text\"");
        own.ShouldNotContain("data-testid=\"pilot-change-status\"");
        own.ShouldNotContain("data-testid=\"pilot-owners\"");
        own.ShouldNotContain("data-testid=\"pilot-weaknesses\"");
        own.ShouldNotContain(sent.ClientName);
        own.ShouldNotContain(sent.IdentityCode);
        (await worker.GetPageAsync("/pilots")).ShouldContain(name);

        var other = await app.SignedInClientAsync(DemoDataSeeder.WorkerNorthOstrobothnia);
        var hidden = await other.GetPageAsync($"/coordination/pilot?id={pilot}");
        hidden.ShouldContain("data-testid=\"pilot-not-found\"");
        hidden.ShouldNotContain(name);
        (await other.GetPageAsync("/pilots")).ShouldNotContain(name);
    }

    /// <summary>The coordinator links the organisation (replacing earlier links of this test's own pilot).</summary>
    private async Task<Guid> LinkedPilotAsync(string code, Guid organisationId)
    {
        Guid pilot;
        await using (var scope = app.NewDbContext(FixedUser.Anonymous))
        {
            pilot = await scope.Db.Pilots.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        }

        await using var coordinator = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        (await coordinator.Get<IPilotRegistry>().SetOwnerOrganisationsAsync(new SetPilotOwnerOrganisationsCommand(pilot, [organisationId]))).IsSuccess.ShouldBeTrue();
        return pilot;
    }
}
