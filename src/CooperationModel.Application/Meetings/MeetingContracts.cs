using CooperationModel.Application.Common;
using CooperationModel.Application.Organisations.OrganisationNames;
using CooperationModel.Domain.Common;
using CooperationModel.Domain.Meetings;

namespace CooperationModel.Application.Meetings;

/// <summary>The list's filters; a null filter does not filter. An organisation narrows to the meetings it takes part in.</summary>
public sealed record MeetingFilter(MeetingType? Type = null, Guid? OrganisationId = null);

public sealed record MeetingRow(Guid Id, DateTimeOffset HeldAt, MeetingType Type, string Title, IReadOnlyList<OrganisationName> Participants, int OpenFollowUps);

/// <summary>One follow-up action as the lists and the meeting show it, with its state today and whether the user may mark it.</summary>
public sealed record FollowUpRow(
    Guid Id, Guid MeetingId, string MeetingTitle, string Text, OrganisationName? Owner, DateOnly DueOn, FollowUpState State,
    DateTimeOffset? DoneAt, string? DoneByName, bool MayComplete);

public sealed record MeetingDetails(
    Guid Id, DateTimeOffset HeldAt, MeetingType Type, IReadOnlyList<OrganisationName> Participants, string Title, string Agenda,
    string Minutes, IReadOnlyList<string> Decisions, string RecordedByName, DateTimeOffset RecordedAt, DateTimeOffset? ChangedAt,
    string? ChangedByName, IReadOnlyList<FollowUpRow> FollowUps, MeetingAccess Access)
{
    /// <summary>The meeting's date and time in Finnish time (what the form shows and the minutes print).</summary>
    public DateTimeOffset HeldAtFinnish => FinnishTime.ToFinnish(HeldAt);
}

/// <summary>
/// Records a meeting (<see cref="MeetingId"/> null) or changes one: the date in Finnish time, the time as "14.30" or
/// "14:30", the decisions one a line.
/// </summary>
public sealed record SaveMeetingCommand(
    Guid? MeetingId, DateTime? Date, string? Time, MeetingType? Type, IReadOnlyList<Guid> Participants, string? Title, string? Agenda,
    string? Minutes, string? Decisions);

public sealed record AddFollowUpCommand(Guid MeetingId, string? Text, Guid? Owner, DateTime? DueOn);

public sealed record MarkFollowUpCommand(Guid MeetingId, Guid FollowUpId);

/// <summary>
/// The joint meetings of the cooperation model and their follow-up actions. Who reads and changes a meeting is
/// <see cref="MeetingAccessRule"/>, asked by every method: a meeting the user may not read is not found, in the lists too.
/// </summary>
public interface IJointMeetings
{
    /// <summary>The meetings the user's organisation takes part in (a coordinator's: all), newest first, paged in the database.</summary>
    Task<Result<Page<MeetingRow>>> ListAsync(MeetingFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The open follow-up actions the user's organisation owns, overdue first (by due date), paged in the database.</summary>
    Task<Result<Page<FollowUpRow>>> OpenFollowUpsAsync(PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<MeetingDetails>> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Records a new meeting or changes one (<see cref="SaveMeetingCommand.MeetingId"/>); the new meeting's id.</summary>
    Task<Result<Guid>> SaveAsync(SaveMeetingCommand command, CancellationToken cancellationToken = default);

    Task<Result> AddFollowUpAsync(AddFollowUpCommand command, CancellationToken cancellationToken = default);

    Task<Result> CompleteFollowUpAsync(MarkFollowUpCommand command, CancellationToken cancellationToken = default);

    Task<Result> ReopenFollowUpAsync(MarkFollowUpCommand command, CancellationToken cancellationToken = default);

    /// <summary>The organisations that may take part in a meeting (every app organisation), by their Finnish name, in one query.</summary>
    Task<IReadOnlyList<OrganisationName>> OrganisationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the user reads every meeting (<see cref="MeetingAccessRule.ReadsAll"/>; the list offers the organisation filter).</summary>
    bool ReadsAllMeetings { get; }

    /// <summary>Whether the user's role records meetings (the list page offers the form).</summary>
    bool RecordsMeetings { get; }
}
