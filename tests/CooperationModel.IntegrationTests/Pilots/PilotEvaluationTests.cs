using CooperationModel.Application.Pilots;
using CooperationModel.Domain.Pilots;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Pilots;

/// <summary>A pilot's evaluation on PostgreSQL: recorded step by step as the status allows, read with the pilot, coordinators only.</summary>
[Collection(AppCollection.Name)]
public sealed class PilotEvaluationTests(AppFixture app)
{
    [Fact]
    public async Task ACoordinator_RecordsTheEvaluation_AsTheStatusAllows_AndReadsItWithThePilot()
    {
        var pilot = await PilotAsync("collecting-cooperation-models");
        await using var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        var registry = scope.Get<IPilotRegistry>();
        var evaluation = scope.Get<IPilotEvaluation>();
        (await registry.GetAsync(pilot)).Value.Pilot.Status.ShouldBe(PilotStatus.Planned);

        // Planned: indicators yes, findings and the verdict not yet.
        (await evaluation.AddIndicatorAsync(new AddPilotIndicatorCommand(pilot, "Kootut mallit", "Mallien määrä, tavoite 10", "0", null))).IsSuccess.ShouldBeTrue();
        (await evaluation.AddIndicatorAsync(new AddPilotIndicatorCommand(pilot, "Väliaikainen", "poistetaan", null, null))).IsSuccess.ShouldBeTrue();
        (await evaluation.AddFindingAsync(new AddPilotFindingCommand(pilot, "liian aikaisin"))).FirstError.Code.ShouldBe("Pilot.FindingsNotOpen");
        (await evaluation.GiveVerdictAsync(new GivePilotVerdictCommand(pilot, PilotVerdict.End, "liian aikaisin"))).FirstError.Code.ShouldBe("Pilot.VerdictNotOpen");
        var planned = (await registry.GetAsync(pilot)).Value.Evaluation;
        planned.Allowed.ShouldBe(new PilotEvaluationAllowed(true, false, false));
        planned.Indicators.Select(i => i.Name).ShouldBe(["Kootut mallit", "Väliaikainen"]);

        (await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, PilotStatus.Running, "Alkoi"))).IsSuccess.ShouldBeTrue();
        (await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, PilotStatus.UnderEvaluation, "Arvioidaan"))).IsSuccess.ShouldBeTrue();

        var kept = planned.Indicators[0].Id;
        (await evaluation.EditIndicatorAsync(new EditPilotIndicatorCommand(pilot, kept, "Kootut mallit", "Mallien määrä, tavoite 10", "0", "12"))).IsSuccess.ShouldBeTrue();
        (await evaluation.RemoveIndicatorAsync(new RemovePilotIndicatorCommand(pilot, planned.Indicators[1].Id))).IsSuccess.ShouldBeTrue();
        (await evaluation.AddFindingAsync(new AddPilotFindingCommand(pilot, "Alueet kokosivat mallinsa"))).IsSuccess.ShouldBeTrue();
        (await evaluation.GiveVerdictAsync(new GivePilotVerdictCommand(pilot, PilotVerdict.AdoptIntoModel, "Mallit kattavat maan"))).IsSuccess.ShouldBeTrue();

        var details = (await registry.GetAsync(pilot)).Value;
        details.Pilot.Status.ShouldBe(PilotStatus.UnderEvaluation);
        var under = details.Evaluation;
        under.Allowed.ShouldBe(new PilotEvaluationAllowed(true, true, true));
        under.Indicators.Select(i => (i.Id, i.Name, i.Target, i.Baseline, i.Result, i.ChangedByName))
            .ShouldBe([(kept, "Kootut mallit", "Mallien määrä, tavoite 10", (string?)"0", (string?)"12", DemoDataSeeder.Coordinator.DisplayName)]);
        under.Findings.Select(f => (f.Text, f.ByName)).ShouldBe([("Alueet kokosivat mallinsa", DemoDataSeeder.Coordinator.DisplayName)]);
        under.Verdict.ShouldNotBeNull();
        (under.Verdict.Verdict, under.Verdict.Rationale, under.Verdict.ByName, under.Verdict.SuggestedStatus)
            .ShouldBe((PilotVerdict.AdoptIntoModel, "Mallit kattavat maan", DemoDataSeeder.Coordinator.DisplayName, PilotStatus.AdoptedIntoModel));

        // The status is a separate step; once adopted, findings stay open and the rest is closed.
        (await registry.ChangeStatusAsync(new ChangePilotStatusCommand(pilot, under.Verdict.SuggestedStatus, "Arvion mukaan"))).IsSuccess.ShouldBeTrue();
        (await registry.GetAsync(pilot)).Value.Evaluation.Allowed.ShouldBe(new PilotEvaluationAllowed(false, true, false));
        (await evaluation.EditIndicatorAsync(new EditPilotIndicatorCommand(pilot, kept, "n", "t", null, null))).FirstError.Code.ShouldBe("Pilot.IndicatorsNotOpen");
        (await evaluation.AddFindingAsync(new AddPilotFindingCommand(pilot, "Käytössä kaikkialla"))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task IdentityCodes_AndUnknownRecords_AreRefused_AndNothingIsStored()
    {
        var pilot = await PilotAsync("client-terminals");
        await using var scope = await app.AsUserAsync(DemoDataSeeder.Coordinator);
        var evaluation = scope.Get<IPilotEvaluation>();

        var withCode = await evaluation.AddIndicatorAsync(new AddPilotIndicatorCommand(pilot, "Asiakas 010190-900P", "t", null, null));
        (withCode.FirstError.Code, withCode.FirstError.Field).ShouldBe(("PersonalData.ContainsIdentityCode", "IndicatorName"));
        (await evaluation.AddIndicatorAsync(new AddPilotIndicatorCommand(Guid.NewGuid(), "n", "t", null, null))).FirstError.Code.ShouldBe("Pilot.NotFound");
        (await evaluation.RemoveIndicatorAsync(new RemovePilotIndicatorCommand(pilot, Guid.NewGuid()))).FirstError.Code.ShouldBe("Pilot.IndicatorNotFound");

        await using var db = app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.PilotIndicators.CountAsync(i => i.PilotId == pilot)).ShouldBe(0);
    }

    [Fact]
    public async Task EveryoneButACoordinator_IsRefused()
    {
        var pilot = await PilotAsync("client-terminals");
        foreach (var user in DemoDataSeeder.Users.Where(u => u != DemoDataSeeder.Coordinator))
        {
            await using var scope = await app.AsUserAsync(user);
            var evaluation = scope.Get<IPilotEvaluation>();
            (await evaluation.AddIndicatorAsync(new AddPilotIndicatorCommand(pilot, "n", "t", null, null))).FirstError.Code.ShouldBe("Common.WrongRole");
            (await evaluation.EditIndicatorAsync(new EditPilotIndicatorCommand(pilot, Guid.NewGuid(), "n", "t", null, null))).FirstError.Code.ShouldBe("Common.WrongRole");
            (await evaluation.RemoveIndicatorAsync(new RemovePilotIndicatorCommand(pilot, Guid.NewGuid()))).FirstError.Code.ShouldBe("Common.WrongRole");
            (await evaluation.AddFindingAsync(new AddPilotFindingCommand(pilot, "x"))).FirstError.Code.ShouldBe("Common.WrongRole");
            (await evaluation.GiveVerdictAsync(new GivePilotVerdictCommand(pilot, PilotVerdict.End, "x"))).FirstError.Code.ShouldBe("Common.WrongRole");
        }

        await using var db = app.NewDbContext(FixedUser.Anonymous);
        (await db.Db.PilotIndicators.CountAsync(i => i.PilotId == pilot)).ShouldBe(0);
    }

    private async Task<Guid> PilotAsync(string code)
    {
        await using var scope = app.NewDbContext(FixedUser.Anonymous);
        return await scope.Db.Pilots.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }
}
