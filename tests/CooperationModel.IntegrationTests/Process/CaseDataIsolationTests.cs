using CooperationModel.Application.Cases.GetCase;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Application.Cases.RecordDecision;
using CooperationModel.Application.Cases.RecordSurvey;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Surveys;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperationModel.IntegrationTests.Process;

/// <summary>
/// The process data (timeline events, queues, decisions, surveys) stays in the district: another district neither reads
/// it nor changes it, and only Kela handlers run the process commands.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseDataIsolationTests(AppFixture app)
{
    private readonly ProcessSteps _steps = new(app);

    [Fact]
    public async Task CaseEvents_NorthernHandler_ReadsNoSouthernEvents()
    {
        OpenedCase southern;
        int southernEventCount;
        await using (var south = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            southern = await _steps.QueueAsync(south, ProcessSteps.Helsinki, urgent: true);
            await using var southDb = await south.Get<IAppDbContextFactory>().CreateAsync();
            southernEventCount = await southDb.CaseEvents.CountAsync(e => e.CaseId == southern.Id);
        }

        southernEventCount.ShouldBeGreaterThan(3);

        await using var north = await app.AsUserAsync(DemoDataSeeder.HandlerNorth);
        await using var db = await north.Get<IAppDbContextFactory>().CreateAsync();
        (await db.CaseEvents.Where(e => e.CaseId == southern.Id).ToListAsync()).ShouldBeEmpty();
        (await db.CaseEvents.AnyAsync(e => e.OrganisationId == DemoDataSeeder.HandlerSouth.OrganisationId)).ShouldBeFalse();
        (await db.CaseEvents.AnyAsync(e => e.OrganisationId != DemoDataSeeder.HandlerNorth.OrganisationId)).ShouldBeFalse();
        (await db.Cases.AnyAsync(c => c.Id == southern.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task SaveChanges_NorthernContextAddsEventAndGuidanceToSouthernCase_RefusedAndNothingStored()
    {
        OpenedCase southern;
        await using (var south = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            southern = await ProcessSteps.OpenAsync(south, ProcessSteps.Helsinki);
            (await south.Get<IProcessCommands>().RecordGuidanceAsync(
                new RecordGuidanceCommand(southern.Id, GuidanceChannel.ServicePoint, true, true))).ShouldSucceed();
        }

        await using var north = await app.AsUserAsync(DemoDataSeeder.HandlerNorth);
        var northUser = north.Get<ICurrentUser>();
        await using (var scope = app.NewDbContextPastRowLevelSecurity(northUser))
        {
            // Past the query filter on purpose: only the save guard stands between this context and southern rows.
            var db = scope.Db;
            (await db.Set<GuidanceContact>().AnyAsync(g => g.CaseId == southern.Id)).ShouldBeFalse();
            var clientCase = await db.Cases.IgnoreQueryFilters().Include(c => c.Events).Include(c => c.GuidanceContacts)
                .SingleAsync(c => c.Id == southern.Id);
            clientCase.RecordGuidance(northUser.ToActor(), GuidanceChannel.KelaOffice, false, false, DateTimeOffset.UtcNow).ShouldSucceed();

            (await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message.ShouldContain("of another organisation");
        }

        await using var check = app.NewDbContextPastRowLevelSecurity(FixedUser.Anonymous);
        (await check.Db.CaseEvents.IgnoreQueryFilters().CountAsync(e => e.CaseId == southern.Id)).ShouldBe(2);
        (await check.Db.Set<GuidanceContact>().IgnoreQueryFilters().CountAsync(g => g.CaseId == southern.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ProcessCommands_NorthernHandlerOnSouthernCase_NotFoundAndNothingChanges()
    {
        await using var south = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var southern = await _steps.QueueAsync(south, ProcessSteps.Helsinki, urgent: true);
        var before = await ProcessSteps.GetAsync(south, southern.Id);
        await using var north = await app.AsUserAsync(DemoDataSeeder.HandlerNorth);
        var commands = north.Get<IProcessCommands>();
        var today = _steps.Today;

        Result[] results =
        [
            await commands.TakeAsync(southern.Id),
            await commands.ConfirmUrgencyAsync(southern.Id),
            await commands.MoveToNormalQueueAsync(southern.Id),
            await commands.LogClientCallAsync(new LogClientCallCommand(southern.Id, DecisionCollection.Post)),
            await commands.RecordGuidanceAsync(new RecordGuidanceCommand(southern.Id, GuidanceChannel.KelaOffice, true, true)),
            await commands.RecordApplicationAsync(new RecordApplicationCommand(southern.Id, ApplicationChannel.Paper, today, today, false)),
            await commands.SendToProcessingAsync(southern.Id),
            await commands.AdvanceAsync(southern.Id, CaseStage.Application),
            await north.Get<IRecordDecisionHandler>().HandleAsync(new RecordDecisionCommand(
                southern.Id, DecisionOutcome.Granted, today, null, null, "Oulun toimipiste", false, false, null, null)),
            await north.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(
                southern.Id, new LifeSituationSurvey { SurveyedOn = today })),
            await north.Get<IGetCaseHandler>().HandleAsync(southern.Id),
        ];

        foreach (var result in results)
        {
            result.ShouldFailWith<NotFoundError>("Case.NotFound");
        }

        var after = await ProcessSteps.GetAsync(south, southern.Id);
        after.Stage.ShouldBe(CaseStage.Processing);
        after.Queue.ShouldBe(ProcessingQueue.Urgent);
        after.HandlerUserId.ShouldBeNull();
        after.Application.ShouldBe(before.Application);
        after.AgreedCollection.ShouldBeNull();
        after.Decision.ShouldBeNull();
        after.Survey.ShouldBeNull();
        after.Guidance.ShouldBeEmpty();
        after.Timeline.Count.ShouldBe(before.Timeline.Count);
    }

    [Fact]
    public async Task ProcessCommands_SocialWorker_WrongRoleAndNothingChanges()
    {
        await using var south = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var southern = await _steps.QueueAsync(south, ProcessSteps.Helsinki, urgent: true);
        var before = await ProcessSteps.GetAsync(south, southern.Id);
        await using var worker = await app.AsUserAsync(DemoDataSeeder.WorkerHelsinki);
        var commands = worker.Get<IProcessCommands>();
        var today = _steps.Today;

        Result[] results =
        [
            await commands.TakeNextAsync(ProcessingQueue.Urgent),
            await commands.TakeNextAsync(ProcessingQueue.Normal),
            await commands.TakeAsync(southern.Id),
            await commands.ConfirmUrgencyAsync(southern.Id),
            await commands.MoveToNormalQueueAsync(southern.Id),
            await commands.LogClientCallAsync(new LogClientCallCommand(southern.Id, DecisionCollection.SocialOffice)),
            await commands.RecordGuidanceAsync(new RecordGuidanceCommand(southern.Id, GuidanceChannel.SocialOffice, true, true)),
            await commands.RecordApplicationAsync(new RecordApplicationCommand(southern.Id, ApplicationChannel.AtOffice, today, today, true)),
            await commands.SendToProcessingAsync(southern.Id),
            await commands.AdvanceAsync(southern.Id, CaseStage.Application),
            await worker.Get<IRecordDecisionHandler>().HandleAsync(new RecordDecisionCommand(
                southern.Id, DecisionOutcome.Granted, today, null, null, null, false, false, null, null)),
            await worker.Get<IRecordSurveyHandler>().HandleAsync(new RecordSurveyCommand(
                southern.Id, new LifeSituationSurvey { SurveyedOn = today })),
        ];

        foreach (var result in results)
        {
            result.ShouldFailWith<ForbiddenError>(CommonErrors.WrongRole.Code);
        }

        var after = await ProcessSteps.GetAsync(south, southern.Id);
        after.HandlerUserId.ShouldBeNull();
        after.Stage.ShouldBe(CaseStage.Processing);
        after.Decision.ShouldBeNull();
        after.Survey.ShouldBeNull();
        after.Timeline.Count.ShouldBe(before.Timeline.Count);
    }
}
