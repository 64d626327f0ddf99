using CooperationModel.Application.Notifications.MarkRead;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Notifications;
using CooperationModel.Infrastructure.Identity;
using CooperationModel.Infrastructure.Seeding;
using CooperationModel.IntegrationTests.Messages;
using CooperationModel.IntegrationTests.Process;
using CooperationModel.IntegrationTests.Referrals;
using CooperationModel.IntegrationTests.Support;

namespace CooperationModel.IntegrationTests.Notifications;

/// <summary>The notifications page and the menu count through their use cases: whose they are, paging, reading.</summary>
[Collection(AppCollection.Name)]
public sealed class NotificationUseCaseTests(AppFixture app)
{
    private readonly NotificationSteps _notifications = new(app);
    private readonly ProcessSteps _process = new(app);
    private readonly ReferralLoopSteps _steps = new(app);

    [Fact]
    public async Task CountUnread_NewReferral_CountsForEveryReceiverOfTheOrganisationOnly()
    {
        var worker = await _notifications.CountsAsync(DemoDataSeeder.WorkerHelsinki);
        var admin = await _notifications.CountsAsync(DemoDataSeeder.AdminHelsinki);
        var nurse = await _notifications.CountsAsync(DemoDataSeeder.HealthCareHelsinki);
        var handler = await _notifications.CountsAsync(DemoDataSeeder.HandlerSouth);

        await app.SendReferralAsync(DemoDataSeeder.HandlerSouth, ProcessSteps.Helsinki);

        (await _notifications.CountsAsync(DemoDataSeeder.WorkerHelsinki)).Notifications.ShouldBe(worker.Notifications + 1);
        (await _notifications.CountsAsync(DemoDataSeeder.AdminHelsinki)).ShouldBe(admin);
        (await _notifications.CountsAsync(DemoDataSeeder.HealthCareHelsinki)).ShouldBe(nurse);
        (await _notifications.CountsAsync(DemoDataSeeder.HandlerSouth)).ShouldBe(handler);
        admin.Messages.ShouldBeNull();
    }

    /// <summary>The handler's unread-messages icon leads to the thread of the referral with the oldest unread message.</summary>
    [Fact]
    public async Task CountUnread_HandlerWithUnreadMessages_NamesTheReferralOfTheOldest()
    {
        var handler = await _process.NewHandlerAsync("etelainen", "Viesti Vanhin");
        Guid first, second;
        await using (var scope = await _process.AsAsync(handler))
        {
            first = await ReferralLoopSteps.SendFromAsync(scope, (await ProcessSteps.OpenAsync(scope, ProcessSteps.Helsinki)).Id);
            second = await ReferralLoopSteps.SendFromAsync(scope, (await ProcessSteps.OpenAsync(scope, ProcessSteps.Helsinki)).Id);
            (await NotificationSteps.CountsAsync(scope)).OldestUnreadReferralId.ShouldBeNull();
        }

        var messages = new MessageSteps(app);
        await messages.PostOkAsync(DemoDataSeeder.WorkerHelsinki, second, ReferralLoopSteps.Southern, "Ensimmäinen");
        await messages.PostOkAsync(DemoDataSeeder.WorkerHelsinki, first, ReferralLoopSteps.Southern, "Toinen");

        await using (var scope = await _process.AsAsync(handler))
        {
            var counts = await NotificationSteps.CountsAsync(scope);
            counts.Messages.ShouldBe(2);
            counts.OldestUnreadReferralId.ShouldBe(second);
        }
    }

    [Fact]
    public async Task ListNotifications_ThreeFeedbacks_NewestFirstOnePageAtATime()
    {
        var handler = await _process.NewHandlerAsync("etelainen", "Heikki Ilmoitus");
        var referralIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            referralIds.Add(await SendAndCompleteAsync(handler));
        }

        await using var scope = await _process.AsAsync(handler);
        var first = await NotificationSteps.ListAsync(scope, page: 1, pageSize: 2);
        var second = await NotificationSteps.ListAsync(scope, page: 2, pageSize: 2);

        first.TotalCount.ShouldBe(3);
        first.Items.Select(n => n.ReferralId).ShouldBe([referralIds[2], referralIds[1]]);
        second.Items.Select(n => n.ReferralId).ShouldBe([referralIds[0]]);
        first.Items.Concat(second.Items).ShouldAllBe(n => n.Kind == NotificationKind.Feedback && !n.Read);
        (await NotificationSteps.CountsAsync(scope)).ShouldBe(new(3, 0));
    }

    [Fact]
    public async Task MarkRead_OwnNotification_ReadOnceAndNobodyElseCanReadIt()
    {
        var handler = await _process.NewHandlerAsync("etelainen", "Hanna Luku");
        await SendAndCompleteAsync(handler);
        await using var scope = await _process.AsAsync(handler);
        var notification = (await NotificationSteps.ListAsync(scope)).Items.ShouldHaveSingleItem();

        await using (var colleague = await app.AsUserAsync(DemoDataSeeder.HandlerSouth))
        {
            (await colleague.Get<IMarkNotificationsReadHandler>().MarkReadAsync(notification.Id))
                .ShouldFailWith<NotFoundError>(MarkNotificationsReadHandler.NotFound.Code);
        }

        (await scope.Get<IMarkNotificationsReadHandler>().MarkReadAsync(notification.Id)).ShouldSucceed();
        (await scope.Get<IMarkNotificationsReadHandler>().MarkReadAsync(notification.Id)).ShouldSucceed();

        (await NotificationSteps.ListAsync(scope)).Items.ShouldHaveSingleItem().Read.ShouldBeTrue();
        (await NotificationSteps.CountsAsync(scope)).Notifications.ShouldBe(0);
        var stored = (await _notifications.RowsOfAsync(notification.ReferralId!.Value)).Single(r => (string)r["kind"]! == "Feedback");
        stored["read_at"].ShouldNotBeNull();
    }

    [Fact]
    public async Task MarkAllRead_TwoUnread_ReadsThemAndNoOneElses()
    {
        var handler = await _process.NewHandlerAsync("etelainen", "Matti Kaikki");
        await SendAndCompleteAsync(handler);
        await SendAndCompleteAsync(handler);
        var colleague = await _notifications.CountsAsync(DemoDataSeeder.HandlerSouth);
        var worker = await _notifications.CountsAsync(DemoDataSeeder.WorkerHelsinki);
        await using var scope = await _process.AsAsync(handler);

        var marked = await scope.Get<IMarkNotificationsReadHandler>().MarkAllReadAsync();

        marked.ShouldBe(2);
        (await NotificationSteps.CountsAsync(scope)).Notifications.ShouldBe(0);
        (await NotificationSteps.ListAsync(scope)).Items.Count(n => n.Read).ShouldBe(2);
        (await _notifications.CountsAsync(DemoDataSeeder.HandlerSouth)).ShouldBe(colleague);
        (await _notifications.CountsAsync(DemoDataSeeder.WorkerHelsinki)).ShouldBe(worker);
    }

    /// <summary>The handler sends a referral of a new client to Helsinki, which completes it: feedback for the handler.</summary>
    private async Task<Guid> SendAndCompleteAsync(AppUser handler)
    {
        Guid referralId;
        await using (var scope = await _process.AsAsync(handler))
        {
            var opened = await ProcessSteps.OpenAsync(scope, ProcessSteps.Helsinki);
            referralId = await ReferralLoopSteps.SendFromAsync(scope, opened.Id);
        }

        await _steps.InAssessmentAsync(referralId);
        await _steps.CompleteAsync(referralId);
        return referralId;
    }
}
