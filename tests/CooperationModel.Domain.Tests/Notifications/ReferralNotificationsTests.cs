using CooperationModel.Domain.Common;
using CooperationModel.Domain.Messages;
using CooperationModel.Domain.Notifications;
using CooperationModel.Domain.Referrals;
using CooperationModel.Domain.Tests.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Notifications;

/// <summary>
/// Who is told of each step of a referral and of each message: one test per row of the table in
/// <see cref="ReferralNotifications"/>, each with only the steps the change added.
/// </summary>
public class ReferralNotificationsTests
{
    private readonly LoopSteps _steps = new();

    [Fact]
    public void OfSteps_Sent_EveryoneOfTheReceiverIsToldOfANewReferral()
    {
        var referral = _steps.Send();

        var told = ReferralNotifications.OfSteps(referral, referral.Events);

        var notification = told.ShouldHaveSingleItem();
        (notification.OrganisationId, notification.UserId, notification.Kind).ShouldBe((CityOfHelsinki.Id, (Guid?)null, NotificationKind.NewReferral));
        notification.ReferralId.ShouldBe(referral.Id);
        notification.CreatedAt.ShouldBe(referral.SentAt);
        notification.ReadAt.ShouldBeNull();
    }

    [Fact]
    public void OfSteps_Received_NobodyIsTold()
    {
        var referral = _steps.Send();

        var told = Change(referral, r => r.MarkReceived(_steps.Worker, Later).ShouldBeTrue());

        told.ShouldBeEmpty();
    }

    [Fact]
    public void OfSteps_Accepted_NobodyIsTold()
    {
        var referral = _steps.Send();

        var told = Change(referral, r => r.Accept(_steps.Worker, Later).ShouldSucceed());

        told.ShouldBeEmpty();
    }

    [Fact]
    public void OfSteps_AssessmentStarted_NobodyIsTold()
    {
        var referral = _steps.Accepted();

        var told = Change(referral, r => r.StartAssessment(_steps.Worker, Later).ShouldSucceed());

        told.ShouldBeEmpty();
    }

    [Fact]
    public void OfSteps_AssignedToAColleague_TheColleagueIsToldOfANewReferral()
    {
        var referral = _steps.Send();

        var told = Change(referral, r => r.Assign(_steps.Worker, _steps.OtherWorker, Later).ShouldSucceed());

        Whom(told).ShouldBe([(CityOfHelsinki.Id, _steps.OtherWorker.UserId, NotificationKind.NewReferral)]);
        told[0].CreatedAt.ShouldBe(Later);
    }

    [Fact]
    public void OfSteps_AssignedToThemselves_NobodyIsTold()
    {
        var referral = _steps.Received();

        var told = Change(referral, r => r.Assign(_steps.Worker, _steps.Worker, Later).ShouldSucceed());

        referral.Events[^1].Kind.ShouldBe(ReferralEventKind.Assigned);
        told.ShouldBeEmpty();
    }

    [Fact]
    public void OfSteps_Completed_TheSendingHandlerIsToldOfFeedback()
    {
        var referral = _steps.InAssessment();

        var told = Change(referral, r => r.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, null, Later).ShouldSucceed());

        Whom(told).ShouldBe([(Southern.Id, _steps.Handler.UserId, NotificationKind.Feedback)]);
        told[0].CreatedAt.ShouldBe(Later);
    }

    [Fact]
    public void OfSteps_Returned_TheSendingHandlerIsToldOfFeedback()
    {
        var referral = _steps.Accepted();

        var told = Change(referral, r =>
            r.Return(Routing, _steps.Worker, ReturnReason.NoCapacity, null, null, ReferralDeadlinePolicy.Default, DayOf(Later), Later).ShouldSucceed());

        Whom(told).ShouldBe([(Southern.Id, _steps.Handler.UserId, NotificationKind.Feedback)]);
    }

    [Fact]
    public void OfSteps_ReturnedToTheWrongOrganiserAndRerouted_OnlyEveryoneOfTheNewReceiverIsTold()
    {
        var referral = _steps.Accepted();

        var told = Change(referral, r =>
            r.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Later), Later)
                .ShouldSucceed());

        referral.Events.TakeLast(2).Select(e => e.Kind).ShouldBe([ReferralEventKind.Returned, ReferralEventKind.Rerouted]);
        Whom(told).ShouldBe([(WestUusimaaId, null, NotificationKind.NewReferral)]);
    }

    [Theory]
    [InlineData(ForwardTarget.HealthCare)]
    [InlineData(ForwardTarget.OutreachYouthWork)]
    public void OfSteps_Forwarded_EveryoneOfThePartnerIsTold(ForwardTarget target)
    {
        var referral = _steps.Accepted();

        var told = Change(referral, r => r.Forward(Routing, _steps.Worker, target, null, Later).ShouldSucceed());

        var partner = target == ForwardTarget.HealthCare ? HelsinkiHealthCareId : HelsinkiYouthWorkId;
        Whom(told).ShouldBe([(partner, null, NotificationKind.Forwarded)]);
    }

    [Fact]
    public void OfSteps_ForwardedToASecondPartner_OnlyThatPartnerIsTold()
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);

        var told = Change(referral, r => r.Forward(Routing, _steps.Worker, ForwardTarget.OutreachYouthWork, null, Latest).ShouldSucceed());

        Whom(told).ShouldBe([(HelsinkiYouthWorkId, null, NotificationKind.Forwarded)]);
    }

    [Fact]
    public void OfSteps_ForwardedAgainAfterThePartnerReturnedIt_ThePartnerIsToldOfTheNewForward()
    {
        var referral = _steps.ForwardAccepted();
        referral.ReturnForward(_steps.Nurse, ReturnReason.NoCapacity, null, Latest).ShouldSucceed();

        var told = Change(referral, r => r.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, null, Last).ShouldSucceed());

        Whom(told).ShouldBe([(HelsinkiHealthCareId, null, NotificationKind.Forwarded)]);
        told[0].CreatedAt.ShouldBe(Last);
    }

    [Fact]
    public void OfSteps_ForwardReceived_NobodyIsTold()
    {
        var referral = _steps.Forwarded();

        var told = Change(referral, r => r.MarkForwardReceived(_steps.Nurse, Later).ShouldBeTrue());

        told.ShouldBeEmpty();
    }

    [Fact]
    public void OfSteps_ForwardAccepted_NobodyIsTold()
    {
        var referral = _steps.Forwarded();

        var told = Change(referral, r => r.AcceptForward(_steps.Nurse, Later).ShouldSucceed());

        told.ShouldBeEmpty();
    }

    [Fact]
    public void OfSteps_ForwardCompleted_TheNamedWorkerOfSocialServicesIsToldOfFeedback()
    {
        var referral = _steps.ForwardAccepted();

        var told = Change(referral, r => r.CompleteForward(_steps.Nurse, null, Latest).ShouldSucceed());

        Whom(told).ShouldBe([(CityOfHelsinki.Id, _steps.Worker.UserId, NotificationKind.Feedback)]);
        told[0].CreatedAt.ShouldBe(Latest);
    }

    [Fact]
    public void OfSteps_ForwardReturned_TheNamedWorkerOfSocialServicesIsToldOfFeedback()
    {
        var referral = _steps.ForwardAccepted();

        var told = Change(referral, r => r.ReturnForward(_steps.Nurse, ReturnReason.Declined, null, Latest).ShouldSucceed());

        Whom(told).ShouldBe([(CityOfHelsinki.Id, _steps.Worker.UserId, NotificationKind.Feedback)]);
    }

    [Fact]
    public void OfSteps_OnlyTheStepsGiven_EarlierStepsAreNotToldAgain()
    {
        var referral = _steps.Completed();

        ReferralNotifications.OfSteps(referral, []).ShouldBeEmpty();
    }

    [Fact]
    public void OfSteps_StepsOfAnotherReferral_Refused()
    {
        var referral = _steps.Send();
        var other = new LoopSteps().Send();

        Should.Throw<ArgumentException>(() => ReferralNotifications.OfSteps(referral, other.Events));
    }

    [Fact]
    public void OfMessage_ToTheReceiverBeforeAnyoneTookIt_EveryoneThereIsTold()
    {
        var referral = _steps.Send();

        var told = ReferralNotifications.OfMessage(referral, Post(referral, _steps.Handler, CityOfHelsinki.Id));

        Whom(told).ShouldBe([(CityOfHelsinki.Id, null, NotificationKind.NewMessage)]);
        told[0].CreatedAt.ShouldBe(Latest);
        told[0].ReferralId.ShouldBe(referral.Id);
    }

    [Fact]
    public void OfMessage_ToTheReceiverWithANamedWorker_TheNamedWorkerIsTold()
    {
        var referral = _steps.Accepted();

        var told = ReferralNotifications.OfMessage(referral, Post(referral, _steps.Handler, CityOfHelsinki.Id));

        Whom(told).ShouldBe([(CityOfHelsinki.Id, _steps.Worker.UserId, NotificationKind.NewMessage)]);
    }

    [Fact]
    public void OfMessage_ToKela_TheSendingHandlerIsTold()
    {
        var referral = _steps.Accepted();

        var told = ReferralNotifications.OfMessage(referral, Post(referral, _steps.OtherWorker, Southern.Id));

        Whom(told).ShouldBe([(Southern.Id, _steps.Handler.UserId, NotificationKind.NewMessage)]);
    }

    [Fact]
    public void OfMessage_ToAPartnerBeforeItsNamedWorker_EveryoneOfThePartnerIsTold()
    {
        var referral = _steps.Forwarded();

        var told = ReferralNotifications.OfMessage(referral, Post(referral, _steps.Worker, HelsinkiHealthCareId));

        Whom(told).ShouldBe([(HelsinkiHealthCareId, null, NotificationKind.NewMessage)]);
    }

    [Fact]
    public void OfMessage_ToAPartnerWithANamedWorker_ThePartnersNamedWorkerIsTold()
    {
        var referral = _steps.ForwardAccepted();

        var told = ReferralNotifications.OfMessage(referral, Post(referral, _steps.Worker, HelsinkiHealthCareId));

        Whom(told).ShouldBe([(HelsinkiHealthCareId, _steps.Nurse.UserId, NotificationKind.NewMessage)]);
    }

    [Fact]
    public void OfMessage_ToAPartnerForwardedAgain_TheNamedWorkerOfTheLatestForwardIsTold()
    {
        var referral = _steps.ForwardAccepted();
        referral.CompleteForward(_steps.Nurse, null, Latest).ShouldSucceed();
        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, null, Latest.AddHours(1)).ShouldSucceed();
        referral.AcceptForward(_steps.OtherNurse, Latest.AddHours(2)).ShouldSucceed();

        var told = ReferralNotifications.OfMessage(referral, Post(referral, _steps.Worker, HelsinkiHealthCareId));

        Whom(told).ShouldBe([(HelsinkiHealthCareId, _steps.OtherNurse.UserId, NotificationKind.NewMessage)]);
    }

    [Fact]
    public void OfMessage_OfAnotherReferral_Refused()
    {
        var referral = _steps.Accepted();
        var other = new LoopSteps().Accepted();
        var message = Post(other, SenderOf(other), CityOfHelsinki.Id);

        Should.Throw<ArgumentException>(() => ReferralNotifications.OfMessage(referral, message));
    }

    /// <summary>Applies one change and returns what the steps it added tell, as a use case asks.</summary>
    private static IReadOnlyList<Notification> Change(Referral referral, Action<Referral> change)
    {
        var before = referral.Events.Count;
        change(referral);
        referral.Events.Count.ShouldBeGreaterThan(before, "the change added no step");
        return ReferralNotifications.OfSteps(referral, referral.Events.Skip(before));
    }

    private static List<(Guid Organisation, Guid? User, NotificationKind Kind)> Whom(IEnumerable<Notification> told) =>
        [.. told.Select(n => (n.OrganisationId, n.UserId, n.Kind))];

    private static ReferralMessage Post(Referral referral, Actor from, Guid to)
    {
        var posted = referral.PostMessage(from, to, "Viesti.", [], Latest);
        posted.IsSuccess.ShouldBeTrue(posted.IsSuccess ? "" : posted.FirstError.Code);
        return posted.Value;
    }

    private static Actor SenderOf(Referral referral) =>
        new(referral.SentByUserId, referral.SenderOrganisationId, referral.SentByName);
}
