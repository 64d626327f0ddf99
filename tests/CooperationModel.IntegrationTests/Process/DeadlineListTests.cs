using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Cases.Process;
using CooperationModel.Application.Cases.RecordDecision;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Cases;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Process;

/// <summary>The workspace's near-deadline list: undecided cases at or past their 14 a § deadline, marked as such.</summary>
[Collection(AppCollection.Name)]
public sealed class DeadlineListTests(AppFixture app)
{
    private readonly ProcessSteps _steps = new(app);

    [Fact]
    public async Task ListCases_NearDeadline_CaseCompleteAMonthAgoIsOverdue()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var monthAgo = _steps.Today.AddDays(-30);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false, monthAgo, monthAgo);
        var due = DecisionDeadline.For(monthAgo, urgent: false);
        due.ShouldBeLessThan(_steps.Today);

        var row = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.NearDeadline, queued)).Items.ShouldHaveSingleItem();

        row.Id.ShouldBe(queued.Id);
        row.DecisionDueOn.ShouldBe(due);
        row.Deadline.ShouldBe(DeadlineState.Overdue);
        (await ProcessSteps.GetAsync(handler, queued.Id)).Deadline.ShouldBe(DeadlineState.Overdue);
    }

    [Fact]
    public async Task ListCases_NearDeadline_ApplicationNotYetSentWithPastDeadline_Listed()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var monthAgo = _steps.Today.AddDays(-30);
        var applied = await _steps.OpenWithApplicationAsync(handler, ProcessSteps.Helsinki, urgent: false, monthAgo, monthAgo);

        var row = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.NearDeadline, applied)).Items.ShouldHaveSingleItem();

        row.Stage.ShouldBe(CaseStage.Application);
        row.DecisionDueOn.ShouldBe(DecisionDeadline.For(monthAgo, urgent: false));
        row.Deadline.ShouldBe(DeadlineState.Overdue);
    }

    [Fact]
    public async Task ListCases_NearDeadline_DeadlineTodayIsDueToday()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var today = _steps.Today;
        // The completion day whose deadline is the earliest on or after today: today itself on a working day.
        var complete = Enumerable.Range(0, 31).Select(days => today.AddDays(-days))
            .Where(day => DecisionDeadline.For(day, urgent: false) >= today)
            .OrderBy(day => DecisionDeadline.For(day, urgent: false)).ThenBy(day => day)
            .First();
        var due = DecisionDeadline.For(complete, urgent: false);
        if (FinnishCalendar.IsWorkingDay(today))
        {
            due.ShouldBe(today);
        }

        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false, complete, complete);

        var row = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.NearDeadline, queued)).Items.ShouldHaveSingleItem();
        row.DecisionDueOn.ShouldBe(due);
        row.Deadline.ShouldBe(due == today ? DeadlineState.DueToday : DecisionDeadline.Assess(due, today));
        row.Deadline.ShouldNotBe(DeadlineState.OnTime);
    }

    [Fact]
    public async Task ListCases_NearDeadline_DeadlineFarAhead_NotListed()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false, _steps.Today, _steps.Today);
        DecisionDeadline.Assess(DecisionDeadline.For(_steps.Today, urgent: false), _steps.Today).ShouldBe(DeadlineState.OnTime);

        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.NearDeadline, queued)).Items.ShouldBeEmpty();

        var row = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.All, queued)).Items.ShouldHaveSingleItem();
        row.Deadline.ShouldBe(DeadlineState.OnTime);
    }

    [Fact]
    public async Task ListCases_NearDeadline_DecidedCaseNotListed()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var monthAgo = _steps.Today.AddDays(-30);
        var queued = await _steps.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false, monthAgo, monthAgo);
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.NearDeadline, queued)).Items.ShouldHaveSingleItem();
        (await handler.Get<IProcessCommands>().TakeAsync(queued.Id)).ShouldSucceed();

        (await handler.Get<IRecordDecisionHandler>().HandleAsync(new RecordDecisionCommand(
            queued.Id, DecisionOutcome.Refused, _steps.Today, null, null, null, false, false, null, null))).ShouldSucceed();

        var nearDeadline = await ProcessSteps.ListForClientAsync(handler, CaseListFilter.NearDeadline, queued);
        nearDeadline.Items.ShouldBeEmpty();
        nearDeadline.TotalCount.ShouldBe(0);
        var row = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.All, queued)).Items.ShouldHaveSingleItem();
        row.Stage.ShouldBe(CaseStage.Decision);
        row.Deadline.ShouldBeNull();
        (await ProcessSteps.GetAsync(handler, queued.Id)).Deadline.ShouldBeNull();
    }
}
