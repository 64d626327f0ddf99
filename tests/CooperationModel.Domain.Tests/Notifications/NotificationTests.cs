using CooperationModel.Domain.Notifications;
using static CooperationModel.Domain.Tests.Fixtures;

namespace CooperationModel.Domain.Tests.Notifications;

public class NotificationTests
{
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly Guid ReferralId = Guid.NewGuid();

    [Theory]
    [InlineData(NotificationKind.NewReferral)]
    [InlineData(NotificationKind.Feedback)]
    [InlineData(NotificationKind.NewMessage)]
    [InlineData(NotificationKind.Forwarded)]
    public void Create_ForAUser_StoresWhatItIsGiven(NotificationKind kind)
    {
        var notification = Notification.Create(Southern.Id, UserId, kind, ReferralId, Now);

        notification.Id.ShouldNotBe(Guid.Empty);
        notification.OrganisationId.ShouldBe(Southern.Id);
        notification.UserId.ShouldBe(UserId);
        notification.Kind.ShouldBe(kind);
        notification.ReferralId.ShouldBe(ReferralId);
        notification.ModelFeedbackId.ShouldBeNull();
        notification.CreatedAt.ShouldBe(Now);
        notification.ReadAt.ShouldBeNull();
        notification.EmailedAt.ShouldBeNull();
    }

    [Fact]
    public void Create_AnAnswerToModelFeedback_RefusedAsAReferralsNotification() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Notification.Create(Southern.Id, UserId, NotificationKind.ModelFeedbackAnswered, ReferralId, Now));

    [Fact]
    public void ModelFeedbackAnswered_NamesTheFeedbackNotAReferral()
    {
        var feedbackId = Guid.CreateVersion7();
        var notification = Notification.ModelFeedbackAnswered(Southern.Id, UserId, feedbackId, Now);

        notification.Kind.ShouldBe(NotificationKind.ModelFeedbackAnswered);
        notification.ModelFeedbackId.ShouldBe(feedbackId);
        notification.ReferralId.ShouldBeNull();
        notification.UserId.ShouldBe(UserId);
    }

    [Fact]
    public void Create_ForAWholeOrganisation_HasNoUser() =>
        Notification.Create(CityOfHelsinki.Id, null, NotificationKind.NewReferral, ReferralId, Now).UserId.ShouldBeNull();

    [Fact]
    public void MarkRead_Unread_SetsReadAtOnly()
    {
        var notification = Notification.Create(Southern.Id, UserId, NotificationKind.Feedback, ReferralId, Now);

        notification.MarkRead(Now.AddMinutes(5));

        notification.ReadAt.ShouldBe(Now.AddMinutes(5));
        notification.EmailedAt.ShouldBeNull();
    }

    [Fact]
    public void MarkRead_Again_KeepsTheFirstTime()
    {
        var notification = Notification.Create(Southern.Id, UserId, NotificationKind.Feedback, ReferralId, Now);
        notification.MarkRead(Now.AddMinutes(5));

        notification.MarkRead(Now.AddHours(1));

        notification.ReadAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void MarkEmailed_NotYetEmailed_SetsEmailedAtOnly()
    {
        var notification = Notification.Create(Southern.Id, UserId, NotificationKind.NewMessage, ReferralId, Now);

        notification.MarkEmailed(Now.AddMinutes(1));

        notification.EmailedAt.ShouldBe(Now.AddMinutes(1));
        notification.ReadAt.ShouldBeNull();
    }

    [Fact]
    public void MarkEmailed_Again_KeepsTheFirstTime()
    {
        var notification = Notification.Create(Southern.Id, UserId, NotificationKind.NewMessage, ReferralId, Now);
        notification.MarkEmailed(Now.AddMinutes(1));

        notification.MarkEmailed(Now.AddMinutes(2));

        notification.EmailedAt.ShouldBe(Now.AddMinutes(1));
    }
}
