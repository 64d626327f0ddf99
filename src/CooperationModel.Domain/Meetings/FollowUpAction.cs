using System.Linq.Expressions;
using CooperationModel.Domain.Common;

namespace CooperationModel.Domain.Meetings;

/// <summary>Where a follow-up action stands: <see cref="FollowUpStates"/> says which, once.</summary>
public enum FollowUpState
{
    /// <summary>Not done, due today or later.</summary>
    Open = 0,

    /// <summary>Not done and its due date has passed (due yesterday or earlier, in Finnish time).</summary>
    Overdue = 1,

    Done = 2,
}

/// <summary>
/// A follow-up action agreed in a meeting: what is to be done, which participating organisation owns it, by when. Open
/// until a user of the owner organisation (or a coordinator) marks it done, with who and when; it may be reopened (a
/// mark made by mistake, or the work came back), which clears the mark.
/// </summary>
public sealed class FollowUpAction
{
    public const int TextMaxLength = 1000;

    private FollowUpAction()
    {
    }

    internal FollowUpAction(Guid meetingId, string text, Guid ownerOrganisationId, DateOnly dueOn, Actor by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        Text = text;
        OwnerOrganisationId = ownerOrganisationId;
        DueOn = dueOn;
        AddedAt = at;
        AddedByName = by.DisplayName;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public string Text { get; private set; } = "";

    public Guid OwnerOrganisationId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public string AddedByName { get; private set; } = "";

    /// <summary>When it was marked done; null while open.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    public Guid? DoneByUserId { get; private set; }

    public string? DoneByName { get; private set; }

    public FollowUpState StateOn(DateOnly today) => FollowUpStates.StateOf(this, today);

    internal void MarkDone(Actor by, DateTimeOffset at)
    {
        DoneAt = at;
        DoneByUserId = by.UserId;
        DoneByName = by.DisplayName;
    }

    internal void Reopen()
    {
        DoneAt = null;
        DoneByUserId = null;
        DoneByName = null;
    }
}

/// <summary>
/// The follow-up states, each stated once as an expression EF Core translates (<c>db.FollowUps.Where(FollowUpStates.Open)</c>)
/// and, compiled once, what the entity answers in memory: open = not marked done; overdue = open and its due date before
/// today (due today is not yet overdue); done = marked done. Open follow-ups ordered by due date put the overdue first.
/// </summary>
public static class FollowUpStates
{
    public static Expression<Func<FollowUpAction, bool>> Open { get; } = f => f.DoneAt == null;

    public static Expression<Func<FollowUpAction, bool>> Done { get; } = f => f.DoneAt != null;

    private static readonly Expression<Func<FollowUpAction, DateOnly, bool>> OverdueOn = (f, today) => f.DoneAt == null && f.DueOn < today;

    private static readonly Func<FollowUpAction, bool> IsDone = Done.Compile();

    private static readonly Func<FollowUpAction, DateOnly, bool> IsOverdueOn = OverdueOn.Compile();

    /// <summary>Open and past its due date on <paramref name="today"/>, as an expression with that day bound.</summary>
    public static Expression<Func<FollowUpAction, bool>> Overdue(DateOnly today)
    {
        var follow = OverdueOn.Parameters[0];
        var body = new Bind(OverdueOn.Parameters[1], Expression.Constant(today)).Visit(OverdueOn.Body);
        return Expression.Lambda<Func<FollowUpAction, bool>>(body, follow);
    }

    public static FollowUpState StateOf(FollowUpAction action, DateOnly today) =>
        IsDone(action) ? FollowUpState.Done : IsOverdueOn(action, today) ? FollowUpState.Overdue : FollowUpState.Open;

    private sealed class Bind(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : base.VisitParameter(node);
    }
}
