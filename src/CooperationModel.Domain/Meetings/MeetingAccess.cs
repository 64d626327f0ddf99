using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Meetings;

/// <summary>What a user may do with one joint meeting; the one rule is <see cref="MeetingAccessRule"/>.</summary>
public enum MeetingAccess
{
    /// <summary>Nothing: the meeting is not found (its existence is not revealed).</summary>
    None = 0,

    /// <summary>A user of a participating organisation whose role does not record meetings: reads it.</summary>
    Reader = 1,

    /// <summary>A participating organisation's admin, Kela handler or social worker: reads and changes it.</summary>
    Participant = 2,

    /// <summary>A project coordinator: reads and changes every meeting.</summary>
    Coordinator = 3,
}

/// <summary>
/// Who may do what with a joint meeting. The users of the participating organisations (any role) and the coordinators
/// read it; anyone else gets "not found". Coordinators, and the participating organisations' admins, Kela handlers and
/// social workers, record and change it: they are the parties of the model who sit in these meetings and answer for
/// what was agreed. Health care professionals and outreach youth workers read the meetings of their organisation but do
/// not record them (they take part through the forwards, not as parties of the model). A follow-up action is marked done
/// (or reopened) by any user of its owner organisation or a coordinator. The use cases check this and the pages ask it.
/// </summary>
public static class MeetingAccessRule
{
    /// <summary>The roles of a participating organisation that record and change its meetings.</summary>
    public static IReadOnlySet<UserRole> RecordingRoles { get; } =
        new HashSet<UserRole> { UserRole.OrganisationAdmin, UserRole.KelaHandler, UserRole.SocialWorker };

    public static MeetingAccess For(UserRole? role, Guid organisationId, IReadOnlyCollection<Guid> participantOrganisationIds) =>
        role switch
        {
            UserRole.Coordinator => MeetingAccess.Coordinator,
            { } r when organisationId != Guid.Empty && participantOrganisationIds.Contains(organisationId) =>
                RecordingRoles.Contains(r) ? MeetingAccess.Participant : MeetingAccess.Reader,
            _ => MeetingAccess.None,
        };

    /// <summary>
    /// Whether the user records a new meeting with these participants: a coordinator any; a user of a recording role
    /// only a meeting their own organisation takes part in.
    /// </summary>
    public static bool MayRecord(UserRole? role, Guid organisationId, IReadOnlyCollection<Guid> participantOrganisationIds) =>
        For(role, organisationId, participantOrganisationIds).Changes();

    /// <summary>Whether the role reads every meeting (a coordinator): the list then offers the organisation filter.</summary>
    public static bool ReadsAll(UserRole? role) => role == UserRole.Coordinator;

    /// <summary>Whether the role records meetings at all (the page offers the new-meeting form).</summary>
    public static bool RecordsMeetings(UserRole? role) => role == UserRole.Coordinator || (role is { } r && RecordingRoles.Contains(r));

    public static bool Reads(this MeetingAccess access) => access != MeetingAccess.None;

    /// <summary>Changes the meeting: its facts, participants, texts and decisions, and adds follow-up actions.</summary>
    public static bool Changes(this MeetingAccess access) => access is MeetingAccess.Participant or MeetingAccess.Coordinator;

    /// <summary>Marks a follow-up done or reopens it: a coordinator, or any user of the action's owner organisation.</summary>
    public static bool MayComplete(UserRole? role, Guid organisationId, Guid ownerOrganisationId) =>
        role == UserRole.Coordinator || (role is not null && organisationId != Guid.Empty && organisationId == ownerOrganisationId);
}
