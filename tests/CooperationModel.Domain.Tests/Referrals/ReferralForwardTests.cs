using CooperationModel.Domain.Clients;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Organisations;
using CooperationModel.Domain.Referrals;
using static CooperationModel.Domain.Tests.Fixtures;
using static CooperationModel.Domain.Tests.Referrals.LoopSteps;

namespace CooperationModel.Domain.Tests.Referrals;

/// <summary>
/// Social services forwards an accepted referral to health care or outreach youth work; the partner works the forward
/// like a referral of its own (received, accepted, completed or returned), and the chain knows who is in it.
/// </summary>
public class ReferralForwardTests
{
    private static readonly DateTimeOffset Forwarding = Now.AddHours(2);

    private readonly LoopSteps _steps = new();

    [Fact]
    public void Forward_AcceptedByTheNamedWorker_CreatesAnOpenForward()
    {
        var referral = _steps.Accepted();

        var forward = referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, "  Asiakas toivoo yhteydenottoa. \n", Forwarding).Value;

        forward.Id.ShouldNotBe(Guid.Empty);
        forward.ReferralId.ShouldBe(referral.Id);
        forward.Target.ShouldBe(ForwardTarget.HealthCare);
        forward.FromOrganisationId.ShouldBe(CityOfHelsinki.Id);
        forward.ToOrganisationId.ShouldBe(HelsinkiHealthCareId);
        forward.ForwardedAt.ShouldBe(Forwarding);
        forward.ForwardedByUserId.ShouldBe(_steps.Worker.UserId);
        forward.ForwardedByName.ShouldBe("Sanna Sosiaalityöntekijä");
        forward.Note.ShouldBe("Asiakas toivoo yhteydenottoa.");
        forward.Status.ShouldBe(ForwardStatus.Sent);
        forward.IsOpen.ShouldBeTrue();
        forward.ReceivedAt.ShouldBeNull();
        forward.NamedWorkerUserId.ShouldBeNull();
        forward.ClosedAt.ShouldBeNull();
        referral.Forwards.ShouldHaveSingleItem().ShouldBeSameAs(forward);
        referral.Status.ShouldBe(ReferralStatus.Accepted);
    }

    [Fact]
    public void Forward_InAssessmentByAnotherWorkerOfTheReceiver_Allowed()
    {
        var referral = _steps.InAssessment();

        referral.Forward(Routing, _steps.OtherWorker, ForwardTarget.OutreachYouthWork, null, Later).ShouldSucceed();

        referral.Forwards.ShouldHaveSingleItem().ForwardedByUserId.ShouldBe(_steps.OtherWorker.UserId);
        referral.Status.ShouldBe(ReferralStatus.InAssessment);
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler))]
    [InlineData(nameof(LoopSteps.WestWorker))]
    [InlineData(nameof(LoopSteps.Nurse))]
    [InlineData(nameof(LoopSteps.YouthWorker))]
    public void Forward_NotAWorkerOfTheReceiver_FailsWithNotTheReceiver(string who)
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        var result = referral.Forward(Routing, Person(who), ForwardTarget.HealthCare, null, Forwarding);

        result.FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Referral.NotTheReceiver");
        ShouldNotHaveForwarded(referral, eventsBefore);
    }

    [Theory]
    [InlineData(ReferralStatus.Sent)]
    [InlineData(ReferralStatus.Received)]
    public void Forward_NotYetAccepted_FailsWithNotAccepted(ReferralStatus status)
    {
        var referral = _steps.In(status);
        var eventsBefore = referral.Events.Count;

        var result = referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, null, Forwarding);

        result.FirstError.ShouldBe(Referral.Errors.NotAccepted);
        ShouldNotHaveForwarded(referral, eventsBefore);
    }

    [Theory]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Returned)]
    public void Forward_Closed_FailsWithClosed(ReferralStatus status)
    {
        var referral = _steps.In(status);
        var eventsBefore = referral.Events.Count;

        var result = referral.Forward(Routing, _steps.Worker, ForwardTarget.OutreachYouthWork, null, Last);

        result.FirstError.ShouldBe(Referral.Errors.Closed);
        ShouldNotHaveForwarded(referral, eventsBefore);
    }

    [Fact]
    public void Forward_NoteWithoutConsent_FailsWithForwardNoteWithoutConsent()
    {
        var referral = _steps.Accepted(consent: false);
        var eventsBefore = referral.Events.Count;

        var result = referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, "Huoli terveydestä.", Forwarding);

        var error = result.Errors.ShouldHaveSingleItem().ShouldBeOfType<ValidationError>();
        error.Code.ShouldBe("Referral.ForwardNoteWithoutConsent");
        error.Field.ShouldBe("Note");
        ShouldNotHaveForwarded(referral, eventsBefore);
    }

    [Fact]
    public void Forward_NoteWithConsentNotCoveringDescription_FailsWithForwardNoteWithoutConsent()
    {
        var consent = new ConsentRecord(true, DayOf(Now), ConsentMethod.Phone, CoversDescription: false, CoversFeedback: true);
        var referral = Referral.Send(Routing, _steps.Case, new ReferralContent(ReferralGround.ObviousNeedForSocialCare, consent, null), _steps.Handler, DayOf(Now), Now,
            ReferralDeadlinePolicy.Default).Value;
        referral.Accept(_steps.Worker, Now.AddHours(1)).ShouldSucceed();

        var result = referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, "Huoli terveydestä.", Forwarding);

        result.FirstError.ShouldBe(Referral.Errors.ForwardNoteWithoutConsent);
        referral.Forwards.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Forward_WithoutConsentAndWithoutNote_ForwardsWithoutNote(string? note)
    {
        var referral = _steps.Accepted(consent: false);

        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, note, Forwarding).ShouldSucceed();

        referral.Forwards.ShouldHaveSingleItem().Note.ShouldBeNull();
    }

    [Fact]
    public void Forward_NoteTooLong_FailsWithNoteTooLong()
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        var result = referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, new string('a', Referral.NoteMaxLength + 1), Forwarding);

        result.Errors.ShouldHaveSingleItem().ShouldBe(Referral.Errors.NoteTooLong);
        ShouldNotHaveForwarded(referral, eventsBefore);
    }

    [Fact]
    public void Forward_NoteOfMaxLength_Stored()
    {
        var referral = _steps.Accepted();
        var note = new string('a', Referral.NoteMaxLength);

        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, note, Forwarding).ShouldSucceed();

        referral.Forwards.ShouldHaveSingleItem().Note.ShouldBe(note);
    }

    /// <summary>Health care belongs to the organiser's area; outreach youth work to the home municipality itself.</summary>
    [Theory]
    [InlineData("091", ForwardTarget.HealthCare, OrganisationKind.HealthCare, "90")]
    [InlineData("091", ForwardTarget.OutreachYouthWork, OrganisationKind.OutreachYouthWork, "091")]
    [InlineData("049", ForwardTarget.HealthCare, OrganisationKind.HealthCare, "03")]
    [InlineData("049", ForwardTarget.OutreachYouthWork, OrganisationKind.OutreachYouthWork, "049")]
    [InlineData("092", ForwardTarget.HealthCare, OrganisationKind.HealthCare, "04")]
    public void Forward_Target_GoesToThePartnerOfTheHomeMunicipality(string home, ForwardTarget target, OrganisationKind kind, string code)
    {
        var clientCase = ClientCase.Open(_steps.Handler, Southern, "Maija Meikäläinen", IdentityCode, Municipality(home), Now).Value;
        var referral = SendReferral(clientCase, ReferralGround.ClientRequestsAssessment, false, null, _steps.Handler, Now).Value;
        var worker = new Actor(Guid.NewGuid(), referral.ReceiverOrganisationId, "Sosiaalityöntekijä");
        referral.Accept(worker, Later).ShouldSucceed();

        var forward = referral.Forward(Routing, worker, target, null, Latest).Value;

        forward.ToOrganisationId.ShouldBe(Organisation.IdFor(kind, code));
        forward.FromOrganisationId.ShouldBe(referral.ReceiverOrganisationId);
    }

    [Fact]
    public void Forward_AfterReroute_GoesToThePartnerOfTheNewHomeMunicipality()
    {
        var referral = _steps.Rerouted();
        referral.Accept(_steps.WestWorker, Last).ShouldSucceed();

        var forward = referral.Forward(Routing, _steps.WestWorker, ForwardTarget.OutreachYouthWork, null, Last.AddHours(1)).Value;

        forward.ToOrganisationId.ShouldBe(Organisation.IdFor(OrganisationKind.OutreachYouthWork, "049"));
        forward.FromOrganisationId.ShouldBe(WestUusimaaId);
    }

    [Fact]
    public void Forward_SamePartnerWhileOpen_FailsWithAlreadyForwarded()
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);
        var eventsBefore = referral.Events.Count;

        var result = referral.Forward(Routing, _steps.OtherWorker, ForwardTarget.HealthCare, null, Later);

        result.FirstError.ShouldBeOfType<ConflictError>().Code.ShouldBe("Referral.AlreadyForwarded");
        referral.Forwards.Count.ShouldBe(1);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void Forward_OtherPartnerWhileOneIsOpen_Allowed()
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);

        referral.Forward(Routing, _steps.Worker, ForwardTarget.OutreachYouthWork, null, Later).ShouldSucceed();

        referral.Forwards.Select(f => f.ToOrganisationId).ShouldBe([HelsinkiHealthCareId, HelsinkiYouthWorkId]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Forward_SamePartnerAfterTheFirstIsClosed_Allowed(bool completeFirst)
    {
        var referral = _steps.ForwardAccepted();
        var closed = completeFirst
            ? referral.CompleteForward(_steps.Nurse, null, Later)
            : referral.ReturnForward(_steps.Nurse, ReturnReason.NoCapacity, null, Later);
        closed.ShouldSucceed();

        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, null, Latest).ShouldSucceed();

        referral.Forwards.Count.ShouldBe(2);
        referral.Forwards[^1].Status.ShouldBe(ForwardStatus.Sent);
        referral.Forwards[^1].ToOrganisationId.ShouldBe(HelsinkiHealthCareId);
    }

    [Theory]
    [InlineData(ForwardTarget.HealthCare)]
    [InlineData(ForwardTarget.OutreachYouthWork)]
    public void Forward_Done_RecordsForwardedWithTheTarget(ForwardTarget target)
    {
        var referral = _steps.Accepted();
        var eventsBefore = referral.Events.Count;

        referral.Forward(Routing, _steps.Worker, target, null, Forwarding).ShouldSucceed();

        referral.Events.Count.ShouldBe(eventsBefore + 1);
        var forwarded = referral.Events[^1];
        forwarded.Kind.ShouldBe(ReferralEventKind.Forwarded);
        forwarded.Detail.ShouldBe(target.ToString());
        forwarded.Status.ShouldBe(ReferralStatus.Accepted);
        forwarded.ActorUserId.ShouldBe(_steps.Worker.UserId);
        forwarded.ActorOrganisationId.ShouldBe(CityOfHelsinki.Id);
        forwarded.At.ShouldBe(Forwarding);
    }

    [Fact]
    public void MarkForwardReceived_ByThePartner_MarksItReceived()
    {
        var referral = _steps.Forwarded();

        referral.MarkForwardReceived(_steps.Nurse, Later).ShouldBeTrue();

        var forward = referral.Forwards.ShouldHaveSingleItem();
        forward.Status.ShouldBe(ForwardStatus.Received);
        forward.ReceivedAt.ShouldBe(Later);
        var received = referral.Events[^1];
        received.Kind.ShouldBe(ReferralEventKind.ForwardReceived);
        received.Detail.ShouldBe("HealthCare");
        received.ActorOrganisationId.ShouldBe(HelsinkiHealthCareId);
    }

    [Fact]
    public void MarkForwardReceived_Again_ChangesNothing()
    {
        var referral = _steps.Forwarded();
        referral.MarkForwardReceived(_steps.Nurse, Later).ShouldBeTrue();
        var eventsBefore = referral.Events.Count;

        referral.MarkForwardReceived(_steps.OtherNurse, Latest).ShouldBeFalse();

        referral.Forwards[0].ReceivedAt.ShouldBe(Later);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler))]
    [InlineData(nameof(LoopSteps.Worker))]
    [InlineData(nameof(LoopSteps.WestWorker))]
    [InlineData(nameof(LoopSteps.YouthWorker))]
    public void MarkForwardReceived_NotThePartner_ChangesNothing(string who)
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);
        var eventsBefore = referral.Events.Count;

        referral.MarkForwardReceived(Person(who), Later).ShouldBeFalse();

        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Sent);
        referral.Forwards[0].ReceivedAt.ShouldBeNull();
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void AcceptForward_Received_MakesThePartnerWorkerTheNamedWorker()
    {
        var referral = _steps.Forwarded();
        referral.MarkForwardReceived(_steps.OtherNurse, Later).ShouldBeTrue();

        referral.AcceptForward(_steps.Nurse, Latest).ShouldSucceed();

        var forward = referral.Forwards[0];
        forward.Status.ShouldBe(ForwardStatus.Accepted);
        forward.NamedWorkerUserId.ShouldBe(_steps.Nurse.UserId);
        forward.NamedWorkerName.ShouldBe("Terhi Terveydenhoitaja");
        forward.AcceptedAt.ShouldBe(Latest);
        forward.ReceivedAt.ShouldBe(Later);
        var accepted = referral.Events[^1];
        accepted.Kind.ShouldBe(ReferralEventKind.ForwardAccepted);
        accepted.Detail.ShouldBe("HealthCare");
        accepted.ActorUserId.ShouldBe(_steps.Nurse.UserId);
    }

    [Fact]
    public void AcceptForward_StraightFromSent_AlsoMarksReceived()
    {
        var referral = _steps.Forwarded();

        referral.AcceptForward(_steps.Nurse, Later).ShouldSucceed();

        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Accepted);
        referral.Forwards[0].ReceivedAt.ShouldBe(Later);
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler))]
    [InlineData(nameof(LoopSteps.Worker))]
    [InlineData(nameof(LoopSteps.WestWorker))]
    [InlineData(nameof(LoopSteps.YouthWorker))]
    public void AcceptForward_NotThePartner_FailsWithNotForwardedToYou(string who)
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);
        var eventsBefore = referral.Events.Count;

        var result = referral.AcceptForward(Person(who), Later);

        result.FirstError.ShouldBeOfType<ForbiddenError>().Code.ShouldBe("Referral.NotForwardedToYou");
        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Sent);
        referral.Forwards[0].NamedWorkerUserId.ShouldBeNull();
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void AcceptForward_Twice_FailsWithAlreadyAcceptedAndKeepsTheFirstWorker()
    {
        var referral = _steps.ForwardAccepted();
        var eventsBefore = referral.Events.Count;

        var result = referral.AcceptForward(_steps.OtherNurse, Latest);

        result.FirstError.ShouldBe(Referral.Errors.AlreadyAccepted);
        referral.Forwards[0].NamedWorkerUserId.ShouldBe(_steps.Nurse.UserId);
        referral.Forwards[0].AcceptedAt.ShouldBe(Later);
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void CompleteForward_Accepted_ClosesItWithTheNote()
    {
        var referral = _steps.ForwardAccepted();

        referral.CompleteForward(_steps.OtherNurse, "  Hoitoaika varattu. ", Latest).ShouldSucceed();

        var forward = referral.Forwards[0];
        forward.Status.ShouldBe(ForwardStatus.Completed);
        forward.IsOpen.ShouldBeFalse();
        forward.ClosingNote.ShouldBe("Hoitoaika varattu.");
        forward.ClosedAt.ShouldBe(Latest);
        forward.ReturnReason.ShouldBeNull();
        var completed = referral.Events[^1];
        completed.Kind.ShouldBe(ReferralEventKind.ForwardCompleted);
        completed.Detail.ShouldBe("HealthCare");
        completed.ActorOrganisationId.ShouldBe(HelsinkiHealthCareId);
        referral.Status.ShouldBe(ReferralStatus.Accepted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CompleteForward_NotYetAccepted_FailsWithNotAccepted(bool received)
    {
        var referral = _steps.Forwarded();
        if (received)
        {
            referral.MarkForwardReceived(_steps.Nurse, Later).ShouldBeTrue();
        }

        var eventsBefore = referral.Events.Count;

        var result = referral.CompleteForward(_steps.Nurse, null, Latest);

        result.ShouldFailWith<InvalidTransitionError>("Forward.IllegalTransition.NotAccepted")
            .ArgumentKeys.ShouldBe([received ? "ReferralStatus.Received" : "ReferralStatus.Sent", "ReferralStatus.Completed"]);
        referral.Forwards[0].IsOpen.ShouldBeTrue();
        referral.Events.Count.ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Worker))]
    [InlineData(nameof(LoopSteps.Handler))]
    [InlineData(nameof(LoopSteps.YouthWorker))]
    public void CompleteForward_NotThePartner_FailsWithNotForwardedToYou(string who)
    {
        var referral = _steps.ForwardAccepted();

        var result = referral.CompleteForward(Person(who), null, Latest);

        result.FirstError.ShouldBe(Referral.Errors.NotForwardedToYou);
        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Accepted);
    }

    [Fact]
    public void CompleteForward_NoteTooLong_FailsWithNoteTooLong()
    {
        var referral = _steps.ForwardAccepted();

        var result = referral.CompleteForward(_steps.Nurse, new string('a', Referral.NoteMaxLength + 1), Latest);

        result.FirstError.ShouldBe(Referral.Errors.NoteTooLong);
        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Accepted);
        referral.Forwards[0].ClosingNote.ShouldBeNull();
    }

    /// <summary>A closed forward is no longer the partner's to work: nothing is open for it.</summary>
    [Fact]
    public void CompleteForward_AlreadyCompleted_FailsWithNotForwardedToYouAndKeepsTheFirstNote()
    {
        var referral = _steps.ForwardAccepted();
        referral.CompleteForward(_steps.Nurse, "Ensimmäinen.", Latest).ShouldSucceed();

        var result = referral.CompleteForward(_steps.Nurse, "Toinen.", Last);

        result.FirstError.ShouldBe(Referral.Errors.NotForwardedToYou);
        referral.Forwards[0].ClosingNote.ShouldBe("Ensimmäinen.");
        referral.Forwards[0].ClosedAt.ShouldBe(Latest);
    }

    [Theory]
    [InlineData(ReturnReason.NotReached)]
    [InlineData(ReturnReason.NoCapacity)]
    [InlineData(ReturnReason.ReferredElsewhere)]
    public void ReturnForward_Accepted_ClosesItWithTheReason(ReturnReason reason)
    {
        var referral = _steps.ForwardAccepted();

        referral.ReturnForward(_steps.Nurse, reason, "  Ei resursseja. ", Latest).ShouldSucceed();

        var forward = referral.Forwards[0];
        forward.Status.ShouldBe(ForwardStatus.Returned);
        forward.IsOpen.ShouldBeFalse();
        forward.ReturnReason.ShouldBe(reason);
        forward.ClosingNote.ShouldBe("Ei resursseja.");
        forward.ClosedAt.ShouldBe(Latest);
        var returned = referral.Events[^1];
        returned.Kind.ShouldBe(ReferralEventKind.ForwardReturned);
        returned.Detail.ShouldBe(reason.ToString());
        returned.ActorUserId.ShouldBe(_steps.Nurse.UserId);
    }

    [Fact]
    public void ReturnForward_WithoutAccepting_Allowed()
    {
        var referral = _steps.Forwarded();

        referral.ReturnForward(_steps.Nurse, ReturnReason.ReferredElsewhere, null, Later).ShouldSucceed();

        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Returned);
        referral.Forwards[0].NamedWorkerUserId.ShouldBeNull();
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Worker))]
    [InlineData(nameof(LoopSteps.Handler))]
    [InlineData(nameof(LoopSteps.YouthWorker))]
    public void ReturnForward_NotThePartner_FailsWithNotForwardedToYou(string who)
    {
        var referral = _steps.Forwarded();

        var result = referral.ReturnForward(Person(who), ReturnReason.NoNeed, null, Later);

        result.FirstError.ShouldBe(Referral.Errors.NotForwardedToYou);
        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Sent);
    }

    [Fact]
    public void ReturnForward_NoteTooLong_FailsWithNoteTooLong()
    {
        var referral = _steps.Forwarded();

        var result = referral.ReturnForward(_steps.Nurse, ReturnReason.NoNeed, new string('a', Referral.NoteMaxLength + 1), Later);

        result.FirstError.ShouldBe(Referral.Errors.NoteTooLong);
        referral.Forwards[0].Status.ShouldBe(ForwardStatus.Sent);
    }

    /// <summary>The referral itself stays in assessment; each partner step carries the forward's own status.</summary>
    [Theory]
    [InlineData(false, ReferralEventKind.ForwardCompleted, ReferralStatus.Completed)]
    [InlineData(true, ReferralEventKind.ForwardReturned, ReferralStatus.Returned)]
    public void ForwardSteps_Recorded_CarryTheForwardsStatus(bool returnIt, ReferralEventKind lastKind, ReferralStatus lastStatus)
    {
        var referral = _steps.InAssessment();
        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, null, Later).ShouldSucceed();
        referral.MarkForwardReceived(_steps.Nurse, Latest).ShouldBeTrue();
        referral.AcceptForward(_steps.Nurse, Latest.AddHours(1)).ShouldSucceed();
        var closed = returnIt
            ? referral.ReturnForward(_steps.Nurse, ReturnReason.NoNeed, null, Last)
            : referral.CompleteForward(_steps.Nurse, null, Last);
        closed.ShouldSucceed();

        referral.Events.TakeLast(4).Select(e => (e.Kind, e.Status)).ShouldBe(
        [
            (ReferralEventKind.Forwarded, ReferralStatus.InAssessment),
            (ReferralEventKind.ForwardReceived, ReferralStatus.Received),
            (ReferralEventKind.ForwardAccepted, ReferralStatus.Accepted),
            (lastKind, lastStatus),
        ]);
        referral.Status.ShouldBe(ReferralStatus.InAssessment);
        referral.Events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, referral.Events.Count));
    }

    [Theory]
    [InlineData(nameof(LoopSteps.Handler), true)]
    [InlineData(nameof(LoopSteps.Worker), true)]
    [InlineData(nameof(LoopSteps.Nurse), true)]
    [InlineData(nameof(LoopSteps.YouthWorker), false)]
    [InlineData(nameof(LoopSteps.WestWorker), false)]
    public void IsInChain_ForwardedToHealthCare_SenderReceiverAndThatPartner(string who, bool inChain)
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);

        referral.IsInChain(Person(who).OrganisationId).ShouldBe(inChain);
    }

    [Fact]
    public void IsInChain_PartnerBeforeAnyForward_False() =>
        _steps.Accepted().IsInChain(HelsinkiHealthCareId).ShouldBeFalse();

    [Fact]
    public void IsInChain_PartnerAfterItsForwardIsClosed_StillTrue()
    {
        var referral = _steps.ForwardAccepted();
        referral.CompleteForward(_steps.Nurse, null, Latest).ShouldSucceed();

        referral.IsInChain(HelsinkiHealthCareId).ShouldBeTrue();
    }

    [Fact]
    public void CounterpartsOf_Sender_IsTheReceiverOnly() =>
        _steps.Forwarded().CounterpartsOf(Southern.Id).ShouldBe([CityOfHelsinki.Id]);

    [Fact]
    public void CounterpartsOf_Receiver_IsTheSenderAndEachPartnerOnce()
    {
        var referral = _steps.ForwardAccepted();
        referral.CompleteForward(_steps.Nurse, null, Latest).ShouldSucceed();
        referral.Forward(Routing, _steps.Worker, ForwardTarget.HealthCare, null, Latest.AddHours(1)).ShouldSucceed();
        referral.Forward(Routing, _steps.Worker, ForwardTarget.OutreachYouthWork, null, Latest.AddHours(2)).ShouldSucceed();

        referral.CounterpartsOf(CityOfHelsinki.Id).ShouldBe([Southern.Id, HelsinkiHealthCareId, HelsinkiYouthWorkId]);
    }

    [Fact]
    public void CounterpartsOf_ReceiverBeforeAnyForward_IsTheSenderOnly() =>
        _steps.Accepted().CounterpartsOf(CityOfHelsinki.Id).ShouldBe([Southern.Id]);

    [Fact]
    public void CounterpartsOf_Partner_IsTheReceiverOnly() =>
        _steps.Forwarded(ForwardTarget.OutreachYouthWork).CounterpartsOf(HelsinkiYouthWorkId).ShouldBe([CityOfHelsinki.Id]);

    [Theory]
    [InlineData(nameof(LoopSteps.YouthWorker))]
    [InlineData(nameof(LoopSteps.WestWorker))]
    public void CounterpartsOf_Outsider_IsNobody(string who) =>
        _steps.Forwarded(ForwardTarget.HealthCare).CounterpartsOf(Person(who).OrganisationId).ShouldBeEmpty();

    [Fact]
    public void Return_WrongOrganiserWithAnOpenForward_FailsWithOpenForwardsAndStays()
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);

        var result = referral.Return(Routing, _steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest);

        result.FirstError.ShouldBe(Referral.Errors.OpenForwards);
        referral.ReceiverOrganisationId.ShouldBe(CityOfHelsinki.Id);
    }

    [Fact]
    public void CounterpartsOf_NewReceiverAfterRerouteOfAFinishedForward_ExcludesTheOldReceiversPartner()
    {
        var referral = ReroutedAfterAFinishedForward();

        referral.CounterpartsOf(WestUusimaaId).ShouldBe([Southern.Id]);
        referral.CounterpartsOf(HelsinkiHealthCareId).ShouldBeEmpty();
    }

    [Fact]
    public void AcceptForward_Unopened_RecordsReceivedThenAccepted()
    {
        var referral = _steps.Forwarded(ForwardTarget.HealthCare);

        referral.AcceptForward(_steps.Nurse, Latest).ShouldSucceed();

        referral.Events.TakeLast(2).Select(e => e.Kind).ShouldBe([ReferralEventKind.ForwardReceived, ReferralEventKind.ForwardAccepted]);
    }

    /// <summary>Helsinki forwarded to its health care, which completed; then Helsinki found the client lives in Espoo.</summary>
    internal static Referral ReroutedAfterAFinishedForward(LoopSteps? steps = null)
    {
        steps ??= new LoopSteps();
        var referral = steps.Forwarded(ForwardTarget.HealthCare);
        referral.AcceptForward(steps.Nurse, Latest).ShouldSucceed();
        referral.CompleteForward(steps.Nurse, null, Latest).ShouldSucceed();
        referral.Return(Routing, steps.Worker, ReturnReason.WrongOrganiser, null, Municipality("049"), ReferralDeadlinePolicy.Default, DayOf(Latest), Latest)
            .ShouldSucceed();
        return referral;
    }

    private Actor Person(string who) => who switch
    {
        nameof(LoopSteps.Handler) => _steps.Handler,
        nameof(LoopSteps.Worker) => _steps.Worker,
        nameof(LoopSteps.WestWorker) => _steps.WestWorker,
        nameof(LoopSteps.Nurse) => _steps.Nurse,
        nameof(LoopSteps.YouthWorker) => _steps.YouthWorker,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "No such person in the loop."),
    };

    private static void ShouldNotHaveForwarded(Referral referral, int eventCount)
    {
        referral.Forwards.ShouldBeEmpty();
        referral.Events.Count.ShouldBe(eventCount);
    }
}
