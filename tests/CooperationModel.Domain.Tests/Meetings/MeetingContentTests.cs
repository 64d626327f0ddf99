using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Organisations;
using static CooperationModel.Domain.Tests.Meetings.MeetingTestData;

namespace CooperationModel.Domain.Tests.Meetings;

/// <summary>The participants rule (two or more known organisations, follow-up owners among them) and the texts' rules.</summary>
public class MeetingContentTests
{
    [Fact]
    public void Participants_TwoOrMoreDistinct()
    {
        Content([Kela]).Check().Errors.Select(e => e.Code).ShouldBe(["Meeting.TooFewParticipants"]);
        Content([Kela, Kela]).Check().Errors.Select(e => e.Code).ShouldBe(["Meeting.TooFewParticipants"]);
        Content([Kela, Guid.Empty]).Check().Errors.Select(e => e.Code).ShouldBe(["Meeting.TooFewParticipants"]);
        Content([Helsinki, Kela, Helsinki]).Check().Value.ParticipantOrganisationIds.ShouldBe(new[] { Helsinki, Kela }.Order().ToList());
    }

    [Fact]
    public void Participants_MustBeKnownOrganisations()
    {
        JointMeeting.Record(Content([Kela, Guid.NewGuid()]), Known, UserRole.KelaHandler, Handler, Now).FirstError.Code.ShouldBe("Meeting.UnknownOrganisation");
    }

    [Fact]
    public void FollowUpsOwner_TakesPart_AndStaysAParticipant()
    {
        var meeting = Meeting();
        meeting.AddFollowUp(MeetingAccess.Participant, "Tehtävä", Other, new DateOnly(2026, 12, 10), Handler, Now)
            .FirstError.Code.ShouldBe("Meeting.FollowUpOwnerNotParticipant");
        meeting.AddFollowUp(MeetingAccess.Participant, "Tehtävä", Helsinki, new DateOnly(2026, 12, 10), Handler, Now).IsSuccess.ShouldBeTrue();

        meeting.Change(MeetingAccess.Participant, Content([Kela, Other]), Known, UserRole.KelaHandler, Handler, Now)
            .FirstError.Code.ShouldBe("Meeting.OwnerMustTakePart");
        meeting.ParticipantOrganisationIds.ShouldContain(Helsinki);
    }

    [Fact]
    public void Texts_RefuseAValidIdentityCode_InEveryField()
    {
        const string code = "Asiakas 010190-900P";
        Content(title: code).Check().Errors.Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", "Title")]);
        Content(minutes: code).Check().Errors.Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", "Minutes")]);
        Content(decisions: "Päätös\n" + code).Check().Errors.Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", "Decisions")]);
        (Content() with { Agenda = code }).Check().Errors.Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", "Agenda")]);
        JointMeeting.CheckFollowUp(code, Kela, new DateOnly(2026, 12, 10), out _).Select(e => (e.Code, e.Field)).ShouldBe([("PersonalData.ContainsIdentityCode", "Text")]);

        // A reference number shaped like a code, but not a valid one, passes.
        Content(minutes: "Viite 010190-900A").Check().IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Texts_AreBounded_AndTheTitleRequired()
    {
        Content(title: "  ").Check().Errors.Select(e => e.Code).ShouldBe(["Meeting.TitleRequired"]);
        Content(title: new string('a', JointMeeting.TitleMaxLength)).Check().IsSuccess.ShouldBeTrue();
        var tooLong = Content(title: new string('a', JointMeeting.TitleMaxLength + 1)).Check().FirstError;
        (tooLong.Code, tooLong.Field).ShouldBe(("Meeting.TextTooLong", "Title"));
        Content(minutes: new string('a', JointMeeting.MinutesMaxLength + 1)).Check().FirstError.Field.ShouldBe("Minutes");
        Content(decisions: new string('a', JointMeeting.DecisionsMaxLength + 1)).Check().FirstError.Field.ShouldBe("Decisions");
    }

    [Fact]
    public void Decisions_AreTheLines_WithoutBlankOnes()
    {
        Content(decisions: " Yksi \r\n\nKaksi\n").Check().Value.Decisions.ShouldBe(["Yksi", "Kaksi"]);
        Content(decisions: null).Check().Value.Decisions.ShouldBeEmpty();
    }
}
