using CooperationModel.Application.Cases.ListCases;
using CooperationModel.Application.Common;
using CooperationModel.Domain.Calendar;
using CooperationModel.Domain.Referrals;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Referrals;

/// <summary>
/// The workspace list of referrals still open after the expected 7 working days, and the counts on every tab.
/// Other tests add cases to the same district, so counts are compared with the lists, never with fixed numbers.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AwaitingFeedbackTests(AppFixture app)
{
    private const int ExpectedWorkingDays = 7;

    private readonly ReferralLoopSteps _steps = new(app);
    private readonly ProcessSteps _process = new(app);

    [Fact]
    public async Task ListCases_AwaitingFeedback_ReferralSentWeeksAgoListed()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(sent.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var row = (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, sent.Case)).Items.ShouldHaveSingleItem();

        row.Id.ShouldBe(sent.CaseId);
        row.LatestReferralStatus.ShouldBe(ReferralStatus.Sent);
    }

    [Fact]
    public async Task ListCases_AwaitingFeedback_FreshReferralNotListed()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, sent.Case)).Items.ShouldBeEmpty();
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.All, sent.Case)).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListCases_AwaitingFeedback_SentOnTheSeventhWorkingDayBackNotYetListedTheDayBeforeListed()
    {
        var limitDay = WorkingDaysBefore(_process.Today, ExpectedWorkingDays);
        var onTheLimit = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(onTheLimit.ReferralId, FinnishTime.StartOf(limitDay).AddHours(12));
        var dayBefore = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(dayBefore.ReferralId, FinnishTime.StartOf(limitDay.AddDays(-1)).AddHours(12));
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, onTheLimit.Case)).Items.ShouldBeEmpty();
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, dayBefore.Case)).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListCases_AwaitingFeedback_CompletedNoLongerListed()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(sent.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));
        await _steps.InAssessmentAsync(sent.ReferralId);
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, sent.Case)).Items.ShouldHaveSingleItem();

        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.AssessmentDone, PlanType.ActivationPlan);

        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, sent.Case)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListCases_AwaitingFeedback_ReturnedNotListed()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(sent.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.NotReached);

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, sent.Case)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListCases_AwaitingFeedback_ReroutedStillListed()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(sent.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));

        await _steps.ReturnAsync(sent.ReferralId, ReturnReason.WrongOrganiser, "049");

        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        (await ProcessSteps.ListForClientAsync(handler, CaseListFilter.AwaitingFeedback, sent.Case)).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListCases_AwaitingFeedback_AnotherDistrictDoesNotSeeIt()
    {
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(sent.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));
        await using var north = await app.AsUserAsync(DemoDataSeeder.HandlerNorth);

        (await ProcessSteps.ListForClientAsync(north, CaseListFilter.AwaitingFeedback, sent.Case)).Items.ShouldBeEmpty();
        (await ProcessSteps.ListAllPagesAsync(north, CaseListFilter.AwaitingFeedback)).ShouldNotContain(r => r.Id == sent.CaseId);
    }

    [Fact]
    public async Task ListCases_AwaitingFeedback_OldestOpenReferralFirst()
    {
        var older = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(older.ReferralId, DateTimeOffset.UtcNow.AddDays(-40));
        var newer = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(newer.ReferralId, DateTimeOffset.UtcNow.AddDays(-30));
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);

        var ids = (await ProcessSteps.ListAllPagesAsync(handler, CaseListFilter.AwaitingFeedback)).Select(r => r.Id).ToList();

        ids.IndexOf(older.CaseId).ShouldBeGreaterThanOrEqualTo(0);
        ids.IndexOf(older.CaseId).ShouldBeLessThan(ids.IndexOf(newer.CaseId));
    }

    [Fact]
    public async Task CountAsync_Handler_MatchesTheTotalOfEveryList()
    {
        // Something in every list that can hold it: an old open referral, an urgent and a normal case in the queue.
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(sent.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        await _process.QueueAsync(handler, ProcessSteps.Helsinki, urgent: true);
        var monthAgo = _process.Today.AddDays(-30);
        await _process.QueueAsync(handler, ProcessSteps.Helsinki, urgent: false, monthAgo, monthAgo);

        var counts = await handler.Get<IListCasesHandler>().CountAsync();

        counts.ShouldBe(await CountByListsAsync(handler));
        counts.AwaitingFeedback.ShouldBeGreaterThan(0);
        counts.UrgentQueue.ShouldBeGreaterThan(0);
        counts.NormalQueue.ShouldBeGreaterThan(0);
        counts.NearDeadline.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CountAsync_NewHandler_MineCountsTheirOwnCases()
    {
        var newHandler = await _process.NewHandlerAsync("etelainen", "Laskija");
        await using var handler = await _process.AsAsync(newHandler);
        await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);
        await ProcessSteps.OpenAsync(handler, ProcessSteps.Helsinki);

        var counts = await handler.Get<IListCasesHandler>().CountAsync();

        counts.Mine.ShouldBe(2);
        counts.ShouldBe(await CountByListsAsync(handler));
    }

    [Fact]
    public async Task CountAsync_OldReferralSentAndCompleted_AwaitingFeedbackCountFollows()
    {
        await using var handler = await app.AsUserAsync(DemoDataSeeder.HandlerSouth);
        var before = (await handler.Get<IListCasesHandler>().CountAsync()).AwaitingFeedback;
        var sent = await _steps.SendAsync(DemoDataSeeder.HandlerSouth);
        await _steps.SetSentAtAsync(sent.ReferralId, DateTimeOffset.UtcNow.AddDays(-20));

        (await handler.Get<IListCasesHandler>().CountAsync()).AwaitingFeedback.ShouldBe(before + 1);

        await _steps.AcceptAsync(DemoDataSeeder.WorkerHelsinki, sent.ReferralId);
        await _steps.CompleteAsync(sent.ReferralId, ReferralOutcome.ClientDeclined);
        (await handler.Get<IListCasesHandler>().CountAsync()).AwaitingFeedback.ShouldBe(before);
    }

    /// <summary>The counts once failed on a non-UTC DateTimeOffset parameter (timestamptz takes UTC only): every kind of user.</summary>
    [Fact]
    public async Task CountAsync_EveryKindOfUser_NeverThrows()
    {
        foreach (var user in new[] { DemoDataSeeder.HandlerSouth, DemoDataSeeder.HandlerNorth, DemoDataSeeder.WorkerHelsinki, DemoDataSeeder.AdminHelsinki })
        {
            await using var scope = await app.AsUserAsync(user);

            var counts = await scope.Get<IListCasesHandler>().CountAsync();

            counts.ShouldBe(await CountByListsAsync(scope), user.Email);
        }
    }

    [Theory]
    [InlineData(2026, 1, 15)]
    [InlineData(2026, 3, 29)]
    [InlineData(2026, 7, 1)]
    [InlineData(2026, 10, 25)]
    public void StartOf_AnyFinnishDay_IsAUtcInstantAtFinnishMidnight(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        var start = FinnishTime.StartOf(date);

        start.Offset.ShouldBe(TimeSpan.Zero);
        var finnish = FinnishTime.ToFinnish(start);
        DateOnly.FromDateTime(finnish.DateTime).ShouldBe(date);
        finnish.TimeOfDay.ShouldBe(TimeSpan.Zero);
    }

    private static async Task<WorkspaceCounts> CountByListsAsync(UserScope user) => new(
        (await ProcessSteps.ListAsync(user, CaseListFilter.Mine)).TotalCount,
        (await ProcessSteps.ListAsync(user, CaseListFilter.UrgentQueue)).TotalCount,
        (await ProcessSteps.ListAsync(user, CaseListFilter.NormalQueue)).TotalCount,
        (await ProcessSteps.ListAsync(user, CaseListFilter.NearDeadline)).TotalCount,
        (await ProcessSteps.ListAsync(user, CaseListFilter.AwaitingFeedback)).TotalCount);

    /// <summary>The day the given number of working days before <paramref name="day"/> (weekends and holidays skipped).</summary>
    private static DateOnly WorkingDaysBefore(DateOnly day, int workingDays)
    {
        var result = day;
        for (var counted = 0; counted < workingDays;)
        {
            result = result.AddDays(-1);
            if (FinnishCalendar.IsWorkingDay(result))
            {
                counted++;
            }
        }

        return result;
    }
}
