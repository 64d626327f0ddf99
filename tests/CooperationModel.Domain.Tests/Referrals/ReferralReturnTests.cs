using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>The receiver returns a referral with a coded reason; a wrong organiser re-routes it to the right one.</summary>
public class ReferralReturnTests
{
    private readonly LoopSteps _steps = new();

    public static TheoryData<ReturnReason> ClosingReasons() =>
        [ReturnReason.NotReached, ReturnReason.Declined, ReturnReason.NoNeed, ReturnReason.ReferredElsewhere, ReturnReason.NoCapacity];

    public static TheoryData<ReferralStatus> OpenStates() =>
        [ReferralStatus.Sent, ReferralStatus.Received, ReferralStatus.Accepted, ReferralStatus.InAssessment];

    [Theory]
    [MemberData(nameof(ClosingReasons))]
    public void Return_ReasonOtherThanWrongOrganiser_ClosesAsReturned(ReturnReason reason)
    {
        var referral = _steps.Accepted();

        var result = referral.Return(Routing, _steps.Worker, reason, "  Asiakas ohjattu muualle. ", null, ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.IsSuccess.ShouldBeTrue();
        referral.Status.ShouldBe(ReferralStatus.Returned);
        referral.IsOpen.ShouldBeFalse();
        referral.ReturnReason.ShouldBe(reason);
        referral.ReturnedAt.ShouldBe(Latest);
        referral.ClosingNote.ShouldBe("Asiakas ohjattu muualle.");
        referral.Outcome.ShouldBeNull();
        referral.CompletedAt.ShouldBeNull();
        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki.Id);
        referral.NamedWorkerUserId.ShouldBe(_steps.Worker.UserId);
        var recorded = referral.Events[^1];
        recorded.Kind.ShouldBe(ReferralEventKind.Returned);
        recorded.Detail.ShouldBe(reason.ToString());
        recorded.Status.ShouldBe(ReferralStatus.Returned);
        recorded.ActorUserId.ShouldBe(_steps.Worker.UserId);
        recorded.ActorOrganisationId.ShouldBe(CityOfHelsinki.Id);
    }

    [Theory]
    [MemberData(nameof(OpenStates))]
    public void Return_FromEveryOpenState_Returned(ReferralStatus status)
    {
        var referral = _steps.In(status);

        referral.Return(Routing, _steps.Worker, ReturnReason.NoCapacity, null, null, ReferralDeadlinePolicy.Default, DayOf(Latest), Latest).ShouldSucceed();

        referral.Status.ShouldBe(ReferralStatus.Returned);
        referral.ClosingNote.ShouldBeNull();
    }

    [Fact]
    public void Return_ClosingReasonWithMunicipality_IgnoresTheMunicipality()
    {
        var referral = _steps.Accepted();

        referral.Return(Routing, _steps.Worker, ReturnReason.NoNeed, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest).ShouldSucceed();

        referral.Status.ShouldBe(ReferralStatus.Returned);
        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki.Id);
        referral.HomeMunicipalityCode.ShouldBe("091");
    }

    [Fact]
    public void Return_NoteTooLong_FailsWithNoteTooLong()
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        var result = referral.Return(Routing, _steps.Worker, ReturnReason.NoNeed, new string('x', Referral.NoteMaxLength + 1), null, ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.FirstError.ShouldBe(Referral.Errors.NoteTooLong);
        referral.Status.ShouldBe(ReferralStatus.Accepted);
        referral.ReturnReason.ShouldBeNull();
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Returned)]
    public void Return_Closed_FailsWithClosed(ReferralStatus status)
    {
        var referral = _steps.In(status);
        var reason = referral.ReturnReason;
        var eventsBefore = referral.Events.Count;

        var result = referral.Return(Routing, _steps.Worker, ReturnReason.NoCapacity, null, null, ReferralDeadlinePolicy.Default, DayOf(Last), Last);

        result.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.Closed")
            .ArgumentKeys.ShouldBe([$"ReferralStatus.{status}", "ReferralStatus.Returned"]);
        referral.Status.ShouldBe(status);
        referral.ReturnReason.ShouldBe(reason);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void Return_WrongOrganiserAfterCompletion_FailsWithClosed()
    {
        var referral = _steps.Completed();

        var result = referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Last), Last);

        result.ShouldFailWith<InvalidTransitionError>("Referral.IllegalTransition.Closed")
            .ArgumentKeys.ShouldBe(["ReferralStatus.Completed", "ReferralStatus.Returned"]);
        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki.Id);
    }

    [Fact]
    public void Return_WorkerOfAnotherOrganiser_FailsWithNotTheReceiver()
    {
        var referral = _steps.Accepted();

        var result = referral.Return(Routing, _steps.WestWorker, ReturnReason.NoNeed, null, null, ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.FirstError.ShouldBe(Referral.Errors.NotTheReceiver);
        referral.Status.ShouldBe(ReferralStatus.Accepted);
    }

    [Fact]
    public void Return_Sender_FailsWithNotTheReceiver()
    {
        var referral = _steps.Send();

        var result = referral.Return(Routing, _steps.Handler, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.FirstError.ShouldBe(Referral.Errors.NotTheReceiver);
        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki.Id);
        referral.Status.ShouldBe(ReferralStatus.Sent);
    }

    [Fact]
    public void Return_WrongOrganiserWithoutMunicipality_FailsWithMunicipalityRequired()
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        var result = referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, null, ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe("Referral.RerouteMunicipalityRequired");
        error.Field.ShouldBe("MunicipalityCode");
        ShouldStayWithHelsinki(referral, eventsBefore);
    }

    [Fact]
    public void Return_WrongOrganiserNamingTheSameMunicipality_FailsWithSameOrganiser()
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        var result = referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Helsinki, ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.Errors.ShouldHaveSingleItem().ShouldBe(Referral.Errors.SameOrganiser);
        ShouldStayWithHelsinki(referral, eventsBefore);
    }

    [Fact]
    public void Return_WrongOrganiserNamingAnotherMunicipalityOfTheSameOrganiser_FailsWithSameOrganiser()
    {
        var handler = _steps.Handler;
        var espooCase = ClientCase.Open(handler, Southern, "Erkki Espoolainen", IdentityCode, Municipality("049"), Now).Value;
        var referral = SendReferral(espooCase, ReferralGround.ClientRequestsAssessment, false, null, handler, Now).Value;
        referral.ReceiverOrganisationId.ShouldBe(WestUusimaaId);

        var result = referral.Return(Routing, _steps.WestWorker, ReturnReason.WrongOrganiser, null, Municipality("235"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.FirstError.ShouldBeOfType<ValidationError>().Code.ShouldBe("Referral.RerouteSameOrganiser");
        referral.ReceiverOrganisationId.ShouldBe(WestUusimaaId);
        referral.HomeMunicipalityCode.ShouldBe("049");
        referral.Events.ShouldHaveSingleItem().Kind.ShouldBe(ReferralEventKind.Sent);
    }

    [Fact]
    public void Return_WrongOrganiserNamingEspoo_ReroutesToWestUusimaaAsSent()
    {
        var referral = _steps.Accepted();
        referral.StartAssessment(_steps.Worker, Now.AddHours(2)).ShouldSucceed();

        var result = referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.IsSuccess.ShouldBeTrue();
        referral.ReceiverOrganisationId.ShouldBe(WestUusimaaId);
        referral.ReceiverOrganisationId.ShouldBe(WestUusimaa.Id);
        referral.HomeMunicipalityCode.ShouldBe("049");
        referral.Status.ShouldBe(ReferralStatus.Sent);
        referral.IsOpen.ShouldBeTrue();
        referral.ReceivedAt.ShouldBeNull();
        referral.NamedWorkerUserId.ShouldBeNull();
        referral.NamedWorkerName.ShouldBeNull();
        referral.AcceptedAt.ShouldBeNull();
        referral.Outcome.ShouldBeNull();
        // What stays: the sender, the client and when Kela sent it.
        referral.SenderOrganisationId.ShouldBe(Southern.Id);
        referral.ClientName.ShouldBe(_steps.Case.ClientName);
        referral.SentAt.ShouldBe(Now);
    }

    [Fact]
    public void Return_WrongOrganiser_RecordsReturnedThenRerouted()
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest).ShouldSucceed();

        referral.Events.Count.ShouldBe(eventsBefore + 2);
        var returned = referral.Events[^2];
        returned.Kind.ShouldBe(ReferralEventKind.Returned);
        returned.Detail.ShouldBe("WrongOrganiser");
        returned.Status.ShouldBe(ReferralStatus.Returned);
        returned.ActorUserId.ShouldBe(_steps.Worker.UserId);
        returned.ActorName.ShouldBe(_steps.Worker.DisplayName);
        returned.ActorOrganisationId.ShouldBe(CityOfHelsinki.Id);
        returned.At.ShouldBe(Latest);
        var rerouted = referral.Events[^1];
        rerouted.Kind.ShouldBe(ReferralEventKind.Rerouted);
        rerouted.Detail.ShouldBe("049");
        rerouted.Status.ShouldBe(ReferralStatus.Sent);
        rerouted.ActorOrganisationId.ShouldBe(CityOfHelsinki.Id);
        rerouted.At.ShouldBe(Latest);
        rerouted.Sequence.ShouldBe(returned.Sequence + 1);
    }

    [Fact]
    public void Return_WrongOrganiser_StraightFromSent_Reroutes()
    {
        var referral = _steps.Send();

        referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest).ShouldSucceed();

        referral.ReceiverOrganisationId.ShouldBe(WestUusimaaId);
        referral.Status.ShouldBe(ReferralStatus.Sent);
    }

    /// <summary>The reason is the wrong organiser, and both sides are told so (see <see cref="ReferralVisibility.FeedbackVisibleTo"/>).</summary>
    [Fact]
    public void Return_WrongOrganiser_RecordsTheReturnReason()
    {
        var referral = _steps.Rerouted();

        referral.ReturnReason.ShouldBe(ReturnReason.WrongOrganiser);
    }

    [Fact]
    public void Rerouted_OldReceiver_CanNoLongerActOnIt()
    {
        var referral = _steps.Rerouted();

        referral.MarkReceived(_steps.OtherWorker, Last).ShouldBeFalse();
        referral.Accept(_steps.Worker, Last).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);
        referral.StartAssessment(_steps.Worker, Last).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);
        referral.Complete(_steps.Worker, ReferralOutcome.NoNeedFound, null, null, Last).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);
        referral.Return(Routing, _steps.Worker, ReturnReason.NoNeed, null, null, ReferralDeadlinePolicy.Default, DayOf(Last), Last).FirstError.ShouldBe(Referral.Errors.NotTheReceiver);
        referral.Status.ShouldBe(ReferralStatus.Sent);
    }

    [Fact]
    public void Rerouted_NewReceiver_TakesItThroughTheLoop()
    {
        var referral = _steps.Rerouted();

        referral.MarkReceived(_steps.WestWorker, Latest.AddHours(1)).ShouldBeTrue();
        referral.Accept(_steps.WestWorker, Latest.AddHours(2)).ShouldSucceed();
        referral.NamedWorkerUserId.ShouldBe(_steps.WestWorker.UserId);
        referral.StartAssessment(_steps.WestWorker, Last).ShouldSucceed();
        referral.Complete(_steps.WestWorker, ReferralOutcome.AssessmentDone, PlanType.ClientPlan, null, Last.AddHours(1)).ShouldSucceed();

        referral.Status.ShouldBe(ReferralStatus.Completed);
        referral.ReceivedAt.ShouldBe(Latest.AddHours(1));
        referral.Events.Select(e => e.Kind).ShouldBe(
        [
            ReferralEventKind.Sent, ReferralEventKind.Received, ReferralEventKind.Accepted, ReferralEventKind.Returned,
            ReferralEventKind.Rerouted, ReferralEventKind.Received, ReferralEventKind.Accepted, ReferralEventKind.AssessmentStarted,
            ReferralEventKind.Completed,
        ]);
    }

    [Fact]
    public void Rerouted_NewReceiverSendsItOnAgain_ReroutesOnceMore()
    {
        var referral = _steps.Rerouted();

        referral.Return(Routing, _steps.WestWorker, ReturnReason.WrongOrganiser, null, Municipality("092"), ReferralDeadlinePolicy.Default, DayOf(Last), Last).ShouldSucceed();

        referral.ReceiverOrganisationId.ShouldBe(Organisation.IdFor(OrganisationKind.SocialServicesOrganiser, "04"));
        referral.HomeMunicipalityCode.ShouldBe("092");
        referral.Events[^1].Detail.ShouldBe("092");
        referral.Events[^1].ActorOrganisationId.ShouldBe(WestUusimaaId);
    }

    private static void ShouldStayWithHelsinki(Referral referral, int eventCount)
    {
        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki.Id);
        referral.HomeMunicipalityCode.ShouldBe("091");
        referral.Status.ShouldBe(ReferralStatus.Accepted);
        referral.NamedWorkerUserId.ShouldNotBeNull();
        referral.ReturnReason.ShouldBeNull();
        referral.Events.Count.ShouldBe(eventCount);
    }
}
