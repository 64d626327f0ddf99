using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Organisations;
using static CooperationModel.Domain.Tests.Meetings.MeetingTestData;

namespace CooperationModel.Domain.Tests.Meetings;

/// <summary>
/// Who reads and changes a meeting: the participating organisations' users read, their admins, handlers and social workers
/// change, coordinators do both for every meeting; anyone else nothing. A follow-up is marked by its owner organisation.
/// </summary>
public class MeetingAccessTests
{
    public static TheoryData<UserRole> RecordingRoles => [UserRole.OrganisationAdmin, UserRole.KelaHandler, UserRole.SocialWorker];

    public static TheoryData<UserRole> ReadingRoles => [UserRole.HealthCareProfessional, UserRole.OutreachYouthWorker];

    public static TheoryData<UserRole> NotCoordinators => [.. Enum.GetValues<UserRole>().Where(r => r != UserRole.Coordinator)];

    [Fact]
    public void Coordinator_ReadsAndChanges_EveryMeeting()
    {
        MeetingAccessRule.For(UserRole.Coordinator, Other, [Kela, Helsinki]).ShouldBe(MeetingAccess.Coordinator);
        MeetingAccess.Coordinator.Reads().ShouldBeTrue();
        MeetingAccess.Coordinator.Changes().ShouldBeTrue();
        MeetingAccessRule.ReadsAll(UserRole.Coordinator).ShouldBeTrue();
        Enum.GetValues<UserRole>().Where(r => MeetingAccessRule.ReadsAll(r)).ShouldBe([UserRole.Coordinator]);
    }

    [Theory]
    [MemberData(nameof(RecordingRoles))]
    public void ParticipantsRecordingRoles_Change(UserRole role)
    {
        var access = MeetingAccessRule.For(role, Helsinki, [Kela, Helsinki]);
        access.ShouldBe(MeetingAccess.Participant);
        access.Changes().ShouldBeTrue();
        MeetingAccessRule.RecordsMeetings(role).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(ReadingRoles))]
    public void ParticipantsOtherRoles_ReadOnly(UserRole role)
    {
        var access = MeetingAccessRule.For(role, Helsinki, [Kela, Helsinki]);
        access.ShouldBe(MeetingAccess.Reader);
        access.Reads().ShouldBeTrue();
        access.Changes().ShouldBeFalse();
        MeetingAccessRule.RecordsMeetings(role).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(NotCoordinators))]
    public void NonParticipant_GetsNothing(UserRole role)
    {
        MeetingAccessRule.For(role, Other, [Kela, Helsinki]).ShouldBe(MeetingAccess.None);
        MeetingAccess.None.Reads().ShouldBeFalse();
    }

    [Fact]
    public void NobodySignedIn_OrNoOrganisation_GetsNothing()
    {
        MeetingAccessRule.For(null, Kela, [Kela, Helsinki]).ShouldBe(MeetingAccess.None);
        MeetingAccessRule.For(UserRole.SocialWorker, Guid.Empty, [Guid.Empty, Kela]).ShouldBe(MeetingAccess.None);
    }

    [Fact]
    public void Recording_NeedsTheOwnOrganisationAmongTheParticipants_ExceptForACoordinator()
    {
        JointMeeting.Record(Content([Helsinki, Other]), Known, UserRole.KelaHandler, Handler, Now)
            .FirstError.Code.ShouldBe("Meeting.OwnOrganisationMustTakePart");
        JointMeeting.Record(Content([Helsinki, Other]), Known, UserRole.Coordinator, Handler with { OrganisationId = Guid.NewGuid() }, Now)
            .IsSuccess.ShouldBeTrue();
        JointMeeting.Record(Content(), Known, UserRole.HealthCareProfessional, Worker, Now).FirstError.Code.ShouldBe("Meeting.ReadOnly");
    }

    [Fact]
    public void Changing_IsRefusedToAReader_AndNotFoundToAnOutsider()
    {
        var meeting = Meeting();
        meeting.Change(MeetingAccess.Reader, Content(), Known, UserRole.HealthCareProfessional, Worker, Now).FirstError.Code.ShouldBe("Meeting.ReadOnly");
        meeting.Change(MeetingAccess.None, Content(), Known, UserRole.SocialWorker, Worker, Now).FirstError.Code.ShouldBe("Meeting.NotFound");
        meeting.Change(MeetingAccess.Participant, Content(title: "Uusi otsikko"), Known, UserRole.SocialWorker, Worker, Now).IsSuccess.ShouldBeTrue();
        meeting.Title.ShouldBe("Uusi otsikko");
        meeting.ChangedByName.ShouldBe(Worker.DisplayName);
    }

    [Fact]
    public void FollowUp_IsMarkedByItsOwnerOrganisation_OrACoordinator_AndNobodyElse()
    {
        var meeting = Meeting();
        var action = meeting.AddFollowUp(MeetingAccess.Participant, "Yhteystiedot päivitetään", Helsinki, new DateOnly(2026, 12, 10), Handler, Now).Value;

        meeting.Complete(action.Id, UserRole.KelaHandler, Handler, Now).FirstError.Code.ShouldBe("Meeting.FollowUpNotOwner");
        meeting.Complete(action.Id, UserRole.SocialWorker, Worker with { OrganisationId = Other }, Now).FirstError.Code.ShouldBe("Meeting.NotFound");
        meeting.Complete(action.Id, UserRole.HealthCareProfessional, Worker, Now).IsSuccess.ShouldBeTrue();
        action.DoneByName.ShouldBe(Worker.DisplayName);
        meeting.Complete(action.Id, UserRole.SocialWorker, Worker, Now).FirstError.Code.ShouldBe("Meeting.FollowUpAlreadyDone");

        meeting.Reopen(action.Id, UserRole.KelaHandler, Handler).FirstError.Code.ShouldBe("Meeting.FollowUpNotOwner");
        meeting.Reopen(action.Id, UserRole.Coordinator, Handler with { OrganisationId = Other }).IsSuccess.ShouldBeTrue();
        action.DoneAt.ShouldBeNull();
        action.DoneByName.ShouldBeNull();
        meeting.Reopen(action.Id, UserRole.Coordinator, Handler).FirstError.Code.ShouldBe("Meeting.FollowUpNotDone");
    }
}
