using CooperationModel.Domain.Meetings;
using CooperationModel.Domain.Organisations;
using static CooperationModel.Domain.Tests.Meetings.MeetingTestData;

namespace CooperationModel.Domain.Tests.Meetings;

/// <summary>The follow-up states at the due date's boundaries: due today is open, due yesterday overdue, done is done.</summary>
public class FollowUpStateTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData(-30, FollowUpState.Overdue)]
    [InlineData(-1, FollowUpState.Overdue)]
    [InlineData(0, FollowUpState.Open)]
    [InlineData(1, FollowUpState.Open)]
    public void OpenAction_IsOverdue_OnlyAfterItsDueDate(int dueInDays, FollowUpState expected)
    {
        var action = Action(Today.AddDays(dueInDays));
        action.StateOn(Today).ShouldBe(expected);
        FollowUpStates.Overdue(Today).Compile()(action).ShouldBe(expected == FollowUpState.Overdue);
        FollowUpStates.Open.Compile()(action).ShouldBeTrue();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void DoneAction_IsDone_WhateverItsDueDate(int dueInDays)
    {
        var meeting = Meeting();
        var action = meeting.AddFollowUp(MeetingAccess.Participant, "Tehtävä", Kela, Today.AddDays(dueInDays), Handler, Now).Value;
        meeting.Complete(action.Id, UserRole.KelaHandler, Handler, Now).IsSuccess.ShouldBeTrue();

        action.StateOn(Today).ShouldBe(FollowUpState.Done);
        FollowUpStates.Overdue(Today).Compile()(action).ShouldBeFalse();
        FollowUpStates.Open.Compile()(action).ShouldBeFalse();
        FollowUpStates.Done.Compile()(action).ShouldBeTrue();
    }

    [Fact]
    public void ReopenedAction_IsOpenOrOverdue_Again()
    {
        var meeting = Meeting();
        var action = meeting.AddFollowUp(MeetingAccess.Participant, "Tehtävä", Kela, Today.AddDays(-1), Handler, Now).Value;
        meeting.Complete(action.Id, UserRole.KelaHandler, Handler, Now);
        meeting.Reopen(action.Id, UserRole.KelaHandler, Handler).IsSuccess.ShouldBeTrue();
        action.StateOn(Today).ShouldBe(FollowUpState.Overdue);
    }

    private static FollowUpAction Action(DateOnly due) =>
        Meeting().AddFollowUp(MeetingAccess.Participant, "Tehtävä", Helsinki, due, Handler, Now).Value;
}
