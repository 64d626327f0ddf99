using CooperationModel.Application.Common;
using CooperationModel.Application.Pilots;
using CooperationModel.Application.Swot;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Pilots;
using CooperationModel.Domain.Swot;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Pilots;

/// <summary>The seeded pilots and the 2022 findings on PostgreSQL, the registry's filters, and its changes.</summary>
[Collection(AppCollection.Name)]
public sealed class PilotRegistryTests(AppFixture app)
{
    [Fact]
    public async Task StartUp_HoldsTheTwentyPilots_AndThe2022Analysis_AsTheSeedsCountThem()
    {
        await using var scope = app.NewDbContext(FixedUser.Anonymous);
        var db = scope.Db;

        (await db.Pilots.CountAsync()).ShouldBe(20);
        (await db.Pilots.CountAsync(p => p.NameSv == null)).ShouldBe(2);
        // Every pilot starts with the status the model v1.0 gives it, dated, with its source as the person.
        var first = await db.PilotStatusChanges.AsNoTracking().Where(c => c.From == null).ToListAsync();
        first.Count.ShouldBe(20);
        first.ShouldAllBe(c => c.To == PilotStatus.Planned && c.At == PilotCatalog.ModelPublished && c.Reason == PilotDataSeeder.SeedReason && c.ByName.StartsWith("model v1.0"));

        (await db.SwotWorkshops.CountAsync()).ShouldBe(6);
        (await db.SwotThemes.CountAsync()).ShouldBe(7);
        (await db.SwotFindings.CountAsync()).ShouldBe(52);
        (await db.SwotFindings.CountAsync(f => f.Kind == SwotKind.Strength)).ShouldBe(27);
        (await db.SwotFindings.CountAsync(f => f.Kind == SwotKind.Weakness)).ShouldBe(25);
        (await db.SwotFindings.AsNoTracking().Select(f => f.SubPoints.Count).ToListAsync()).Sum().ShouldBe(40);
    }

    [Fact]
    public async Task PrepareDatabase_RunAgain_KeepsWhatCoordinatorsRecorded()
    {
        var pilot = await PilotAsync("online-life-situation");
        await using (var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator))
        {
            (await scope.Get<IPilotRegistry>().AddEntryAsync(new AddPilotEntryCommand(pilot, PilotEntryKind.Update, "Työkalu testissä"))).IsSuccess.ShouldBeTrue();
        }

        await Infrastructure.DependencyInjection.PrepareDatabaseAsync(app.Factory.Services, demoData: true);

        await using var db = app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.Pilots.CountAsync()).ShouldBe(20);
        (await db.Db.SwotFindings.CountAsync()).ShouldBe(52);
        (await db.Db.PilotEntries.CountAsync(e => e.PilotId == pilot && e.Text == "Työkalu testissä")).ShouldBe(1);
    }

    [Fact]
    public async Task List_FiltersInTheDatabase_AndPages()
    {
        await using var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        var registry = scope.Get<IPilotRegistry>();

        var all = (await registry.ListAsync(new PilotFilter(), new PageRequest(1, 100))).Value;
        all.TotalCount.ShouldBe(20);
        var page2 = (await registry.ListAsync(new PilotFilter(), new PageRequest(2, 8))).Value;
        page2.TotalCount.ShouldBe(20);
        page2.Items.Select(p => p.Code).ShouldBe(all.Items.Skip(8).Take(8).Select(p => p.Code));

        var eksote = (await registry.ListAsync(new PilotFilter(Owner: "Eksote"), new PageRequest())).Value;
        eksote.Items.Select(p => p.Code).Order().ShouldBe(["joint-assessment", "reception-centre-guidance", "regional-cooperation-meetings"]);

        var decision = (await registry.ListAsync(new PilotFilter(Stage: CaseStage.Decision), new PageRequest())).Value;
        decision.Items.Select(p => p.Code).Order().ShouldBe(["decision-quality", "preventive-guidelines", "rollout-insurance-districts"]);

        // Ostrobothnia (15): Vaasa's pilots, Vasso's, and every national one; never South Karelia's alone.
        var ostrobothnia = (await registry.ListAsync(new PilotFilter(RegionCode: "15"), new PageRequest(1, 100))).Value.Items;
        ostrobothnia.ShouldContain(p => p.Code == "economic-social-work");
        ostrobothnia.ShouldContain(p => p.Code == "information-to-kela");
        ostrobothnia.ShouldContain(p => p.Code == "kela-supports-advisers");
        ostrobothnia.ShouldNotContain(p => p.Code == "joint-assessment");
        ostrobothnia.Count.ShouldBe(all.Items.Count(p => p.IsNational) + 4);
    }

    [Fact]
    public async Task ChangeStatus_KeepsTheHistory_AndRefusesAnIllegalMove()
    {
        var pilot = await PilotAsync("decision-quality");
        await using var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        var registry = scope.Get<IPilotRegistry>();
        var before = (await registry.GetAsync(pilot)).Value;

        var illegal = await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, PilotStatus.AdoptedIntoModel, "suoraan malliin"));
        before.Pilot.Status.ShouldBe(PilotStatus.Planned);
        illegal.FirstError.Code.ShouldBe("Pilot.StatusMoveNotAllowed");
        var next = before.NextStatuses.First(s => s != PilotStatus.Ended && s != PilotStatus.Idea);
        (await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, next, "Kela aloitti laatutyön"))).IsSuccess.ShouldBeTrue();
        var withCode = await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, PilotStatus.Ended, "asiakas 010190-900P"));
        withCode.FirstError.Code.ShouldBe("PersonalData.ContainsIdentityCode");

        var after = (await registry.GetAsync(pilot)).Value;
        after.Pilot.Status.ShouldBe(next);
        after.History.Count.ShouldBe(before.History.Count + 1);
        after.History[^1].ShouldBe(new PilotStatusChangeRow(before.Pilot.Status, next, after.History[^1].At, DemoDataSeeder.Coordinator.DisplayName, "Kela aloitti laatutyön"));
    }

    [Fact]
    public async Task EveryoneButACoordinator_IsRefused()
    {
        var pilot = await PilotAsync("skype-every-municipality");
        foreach (var user in DemoDataSeeder.Users.Where(u => u != DemoDataSeeder.Coordinator))
        {
            await using var scope = await app.AsUserAsync(user);
            var registry = scope.Get<IPilotRegistry>();
            (await registry.ListAsync(new PilotFilter(), new PageRequest())).FirstError.Code.ShouldBe("Common.WrongRole");
            // A pilot its organisation does not own is not found (its existence is not revealed): PilotOwnerOrganisationsTests.
            (await registry.GetAsync(pilot)).FirstError.Code.ShouldBe("Pilot.NotFound");
            (await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, PilotStatus.Running, "x"))).FirstError.Code.ShouldBe("Common.WrongRole");
            (await scope.Get<ISwotAnalysis>().MatrixAsync(new SwotFilter())).FirstError.Code.ShouldBe("Common.WrongRole");
        }
    }

    [Fact]
    public async Task Matrix_CountsTheSeededFindings_AndShowsWhichPilotAnswersAWeakness()
    {
        var pilot = await PilotAsync("what-is-social-work");
        await using var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        var swot = scope.Get<ISwotAnalysis>();
        var registry = scope.Get<IPilotRegistry>();
        (await registry.SetWeaknessesAsync(new SetPilotWeaknessesCommand(pilot, ["2022-3-7-W2"]))).IsSuccess.ShouldBeTrue();
        (await registry.SetWeaknessesAsync(new SetPilotWeaknessesCommand(pilot, ["2022-3-7-S1"]))).FirstError.Code.ShouldBe("Pilot.UnknownWeakness");

        var matrix = (await swot.MatrixAsync(new SwotFilter())).Value;
        matrix.Total.ShouldBe(52);
        matrix.Cell(CaseStage.ReferralToSocialWork, SwotKind.Strength).Count.ShouldBe(3 + 4);
        matrix.Cell(CaseStage.ReferralToSocialWork, SwotKind.Weakness).Count.ShouldBe(3 + 4);
        matrix.Cell(CaseStage.Cooperation, SwotKind.Strength).Count.ShouldBe(2 + 4);
        matrix.Cell(CaseStage.Decision, SwotKind.Weakness).Count.ShouldBe(6);
        matrix.Cells.Where(c => c.Kind is SwotKind.Opportunity or SwotKind.Threat).Sum(c => c.Count).ShouldBe(0);
        var answered = matrix.Cell(CaseStage.Decision, SwotKind.Weakness).Findings.Single(f => f.Code == "2022-3-7-W2");
        answered.AnsweredBy.Select(p => p.Id).ShouldBe([pilot]);

        var theme = (await swot.MatrixAsync(new SwotFilter(ThemeCode: "2022-3-2"))).Value;
        theme.Total.ShouldBe(6);
        (await swot.MatrixAsync(new SwotFilter(WorkshopCode: "itainen"))).Value.Total.ShouldBe(52);

        var unanswered = (await swot.UnansweredWeaknessesAsync(new SwotFilter())).Value;
        unanswered.ShouldNotContain(f => f.Code == "2022-3-7-W2");
        unanswered.ShouldAllBe(f => f.Kind == SwotKind.Weakness && f.AnsweredBy.Count == 0);
        unanswered.Count.ShouldBe(25 - await AnsweredWeaknessCountAsync());
    }

    private async Task<int> AnsweredWeaknessCountAsync()
    {
        await using var scope = app.NewDbContext(FixedUser.Anonymous);
        return (await scope.Db.Pilots.AsNoTracking().Select(p => p.AnswersWeaknessCodes).ToListAsync()).SelectMany(c => c).Distinct().Count();
    }

    private async Task<Guid> PilotAsync(string code)
    {
        await using var scope = app.NewDbContext(FixedUser.Anonymous);
        return await scope.Db.Pilots.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }
}
