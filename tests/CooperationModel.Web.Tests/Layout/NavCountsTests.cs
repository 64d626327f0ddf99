using Bunit;
using CooperationModel.Application.Common;
using CooperationModel.Application.Notifications;
using CooperationModel.Application.Notifications.CountUnread;
using CooperationModel.Domain.Organisations;
using CooperationModel.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace CooperationModel.Web.Tests.Layout;

/// <summary>The menu's counts: where the unread-messages icon leads.</summary>
public sealed class NavCountsTests : ComponentTestContext
{
    private readonly FakeCurrentUser _user = new();
    private readonly FakeCounts _counts = new();

    public NavCountsTests()
    {
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddSingleton<ICountUnreadHandler>(_counts);
        Services.AddSingleton<IChangeFeed, SilentChangeFeed>();
    }

    [Fact]
    public void MessagesIcon_HandlerWithUnreadMessages_LeadsToTheReferralsThread()
    {
        var referralId = Guid.NewGuid();
        _user.Be(Guid.NewGuid(), UserRole.KelaHandler);
        _counts.Answer = new UnreadCounts(0, 2) { OldestUnreadReferralId = referralId };

        var nav = Render<NavCounts>();

        nav.Find("[data-testid=nav-messages]").GetAttribute("href").ShouldBe($"referrals/{referralId}#messages");
    }

    [Fact]
    public void MessagesIcon_HandlerWithNoUnreadMessages_LeadsToTheCases()
    {
        _user.Be(Guid.NewGuid(), UserRole.KelaHandler);
        _counts.Answer = new UnreadCounts(0, 0);

        var nav = Render<NavCounts>();

        nav.Find("[data-testid=nav-messages]").GetAttribute("href").ShouldBe("cases");
    }

    [Fact]
    public void MessagesIcon_SocialWorker_LeadsToTheInbox()
    {
        _user.Be(Guid.NewGuid(), UserRole.SocialWorker);
        _counts.Answer = new UnreadCounts(0, 1);

        var nav = Render<NavCounts>();

        nav.Find("[data-testid=nav-messages]").GetAttribute("href").ShouldBe("inbox");
    }

    private sealed class FakeCounts : ICountUnreadHandler
    {
        public UnreadCounts Answer { get; set; } = new(0, null);

        public Task<UnreadCounts> HandleAsync(CancellationToken cancellationToken = default) => Task.FromResult(Answer);
    }

    private sealed class SilentChangeFeed : IChangeFeed
    {
        public IDisposable Subscribe(Guid organisationId, Func<Task> onChange) => new Subscription();

        public Task PublishAsync(Guid organisationId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        private sealed class Subscription : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
