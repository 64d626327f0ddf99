using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Domain.Cases;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Geography;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Process;

/// <summary>
/// Each Kela district has an urgent and a normal queue; the urgent one is taken in order of arrival, and only within
/// the district. The order tests run in the central district (keskinen), which no other test uses, and empty its
/// queues first.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UrgentQueueTests(AppFixture app)
{
    private readonly ProcessSteps _steps = new(app);

    /// <summary>
    /// "My cases" names who has each case: the cases the handler opened and has not yet sent to processing are theirs (the
    /// column was empty), a case taken from the queue is the taker's; a case waiting in the queue is nobody's.
    /// </summary>
    [Fact]
    public async Task ListCases_Mine_HeldByTheOpenerBeforeProcessingAndByTheTakerAfter()
    {
        var user = await _steps.NewHandlerAsync("etelainen", "Oma Lista");
        await using var handler = await _steps.AsAsync(user);
        var opened = await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        var applied = await _steps.OpenWithApplicationAsync(handler, ProcessSteps.Helsinki, urgent: false);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false);

        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.Mine, opened)).Items.ShouldHaveSingleItem().HeldBy.ShouldBe(user.DisplayName);
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.Mine, applied)).Items.ShouldHaveSingleItem().HeldBy.ShouldBe(user.DisplayName);
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.All, queued)).Items.ShouldHaveSingleItem().HeldBy.ShouldBeNull();

        (await handler.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldSucceed();
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.Mine, queued)).Items.ShouldHaveSingleItem().HeldBy.ShouldBe(user.DisplayName);
    }

    [Fact]
    public async Task ListCases_UrgentQueue_UntakenUrgentCasesInOrderOfArrival()
    {
        await using var handler = await _steps.AsAsync(await _steps.NewHandlerAsync("keskinen", "Jono Järjestys"));
        await ProcessSteps.DrainAsync(handler, ProcessingQueue.Urgent);

        var first = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: true);
        var normal = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: false);
        var notSent = await _steps.OpenWithApplicationAsync(handler, ProcessSteps.Jyvaskyla, urgent: true);
        var second = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: true);
        var third = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: true);

        var queue = await ProcessSteps.ListAsync(handler, CaseListFilter.UrgentQueue);

        queue.Items.Select(r => r.Id).ShouldBe([first.Id, second.Id, third.Id]);
        queue.TotalCount.ShouldBe(3);
        queue.Items.Select(r => r.QueuedAt!.Value).ShouldBeInOrder(SortDirection.Ascending);
        queue.Items.ShouldAllBe(r => r.Queue == ProcessingQueue.Urgent && r.Stage == CaseStage.Processing && r.HandlerName == null);
        queue.Items.Select(r => r.Id).ShouldNotContain(normal.Id);
        queue.Items.Select(r => r.Id).ShouldNotContain(notSent.Id);
    }

    [Fact]
    public async Task ListCases_SouthernUrgentQueue_OwnCasesInOrderOfArrival()
    {
        // The southern queue is shared with other tests: only the relative order of this test's cases is asserted.
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var first = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var second = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var third = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var mine = new[] { first.Id, second.Id, third.Id };

        var rows = await ProcessSteps.ListAllPagesAsync(handler, CaseListFilter.UrgentQueue);

        rows.Select(r => r.Id).Where(mine.Contains).ShouldBe(mine);
        rows.Select(r => r.QueuedAt!.Value).ShouldBeInOrder(SortDirection.Ascending);
        rows.ShouldAllBe(r => r.Queue == ProcessingQueue.Urgent && r.HandlerName == null);
    }

    [Fact]
    public async Task TakeNext_Urgent_OldestUntakenFirstThenQueueEmpty()
    {
        var user = await _steps.NewHandlerAsync("keskinen", "Ottaja Ensimmäinen");
        await using var handler = await _steps.AsAsync(user);
        await using var colleague = await _steps.AsAsync(await _steps.NewHandlerAsync("keskinen", "Ottaja Toinen"));
        await ProcessSteps.DrainAsync(handler, ProcessingQueue.Urgent);
        await ProcessSteps.DrainAsync(handler, ProcessingQueue.Normal);

        // A normal case arrives first: the urgent queue ignores it.
        var normal = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: false);
        var oldest = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: true);
        var middle = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: true);
        var newest = await _steps.QueueAsync(handler, ProcessSteps.Jyvaskyla, urgent: true);
        (await colleague.Get<IProcessCommands>().TakeAsync(middle.Id)).ShouldSucceed();
        var commands = handler.Get<IProcessCommands>();

        (await commands.TakeNextAsync(ProcessingQueue.Urgent)).Value.ShouldBe(oldest.Id);
        (await commands.TakeNextAsync(ProcessingQueue.Urgent)).Value.ShouldBe(newest.Id);
        (await commands.TakeNextAsync(ProcessingQueue.Urgent)).ShouldFailWith<NotFoundError>(ProcessCommands.QueueEmpty.Code);

        var taken = await ProcessSteps.GetAsync(handler, oldest.Id);
        taken.HandlerUserId.ShouldBe(user.Id);
        taken.HandlerName.ShouldBe(user.DisplayName);
        var takenEntry = taken.Timeline.Where(e => e.Kind == CaseEventKind.Taken).ShouldHaveSingleItem();
        takenEntry.ActorName.ShouldBe(user.DisplayName);
        takenEntry.Detail.ShouldBe(nameof(ProcessingQueue.Urgent));
        (await ProcessSteps.GetAsync(handler, middle.Id)).HandlerUserId.ShouldBe(colleague.User.Id);
        (await ProcessSteps.GetAsync(handler, normal.Id)).HandlerUserId.ShouldBeNull();

        (await commands.TakeNextAsync(ProcessingQueue.Normal)).Value.ShouldBe(normal.Id);
    }

    [Fact]
    public async Task TakeNext_CaseAlreadyHeld_AlreadyTakenForOthersAndNoOpForHolder()
    {
        var holderUser = await _steps.NewHandlerAsync("etelainen", "Pitäjä Etelä");
        await using var holder = await _steps.AsAsync(holderUser);
        await using var other = await _steps.AsAsync(await _steps.NewHandlerAsync("etelainen", "Toinen Etelä"));
        var queued = await _steps.QueueAsync(holder, ProcessSteps.Helsinki, urgent: true);
        (await holder.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldSucceed();

        (await other.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldFailWith<ConflictError>("Case.AlreadyTaken");
        (await holder.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldSucceed();

        var stored = await ProcessSteps.GetAsync(holder, queued.Id);
        stored.HandlerUserId.ShouldBe(holderUser.Id);
        stored.Timeline.Count(e => e.Kind == CaseEventKind.Taken).ShouldBe(1);
    }

    [Fact]
    public async Task TakeNext_NorthernHandler_NeverGetsSouthernCase()
    {
        await using var south = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        await using var north = await _steps.AsAsync(await _steps.NewHandlerAsync("pohjoinen", "Pohjoinen Ottaja"));
        await ProcessSteps.DrainAsync(north, ProcessingQueue.Urgent);

        // The southern case arrives first: a queue that ignored the district would hand it out first.
        var southern = await _steps.QueueAsync(south, ProcessSteps.Helsinki, urgent: true);
        var northern = await _steps.QueueAsync(north, ProcessSteps.Oulu, urgent: true);

        var northQueue = await ProcessSteps.ListAsync(north, CaseListFilter.UrgentQueue);
        northQueue.Items.Select(r => r.Id).ShouldBe([northern.Id]);
        northQueue.Items.ShouldAllBe(r => ReferenceCatalog.Instance.FindMunicipality(r.HomeMunicipalityCode)!.KelaDistrictCode == "pohjoinen");

        var commands = north.Get<IProcessCommands>();
        (await commands.TakeNextAsync(ProcessingQueue.Urgent)).Value.ShouldBe(northern.Id);
        (await commands.TakeNextAsync(ProcessingQueue.Urgent)).ShouldFailWith<NotFoundError>(ProcessCommands.QueueEmpty.Code);

        (await ProcessSteps.GetAsync(south, southern.Id)).HandlerUserId.ShouldBeNull();
        (await ProcessSteps.ListForClientAsync(south, CaseListFilter.UrgentQueue, southern)).Items
            .ShouldHaveSingleItem().Id.ShouldBe(southern.Id);
    }
}
