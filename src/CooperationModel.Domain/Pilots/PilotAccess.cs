using CooperationModel.Domain.Organisations;

namespace CooperationModel.Domain.Pilots;

/// <summary>What a user may do with one pilot; the one rule is <see cref="PilotAccessRule"/>.</summary>
public enum PilotAccess
{
    /// <summary>Nothing: the pilot is not found (its existence is not revealed).</summary>
    None = 0,

    /// <summary>A user of one of the pilot's owner organisations (any role): reads the pilot and adds comments only.</summary>
    OwnerOrganisation = 1,

    /// <summary>A project coordinator: reads and changes everything.</summary>
    Coordinator = 2,
}

/// <summary>
/// Who may do what with a pilot: a coordinator everything; a user of an organisation the coordinators linked to the pilot
/// as its owner (whatever the role, its admin included) reads it (description, status, history, evaluation, entries) and
/// adds comments; everyone else nothing. The use cases ask this and the pilot page renders only what it allows.
/// </summary>
public static class PilotAccessRule
{
    public static PilotAccess For(UserRole? role, Guid organisationId, IReadOnlyCollection<Guid> ownerOrganisationIds) =>
        role switch
        {
            UserRole.Coordinator => PilotAccess.Coordinator,
            not null when organisationId != Guid.Empty && ownerOrganisationIds.Contains(organisationId) => PilotAccess.OwnerOrganisation,
            _ => PilotAccess.None,
        };

    /// <summary>Reads the pilot: its description, status and history, evaluation and entries.</summary>
    public static bool Reads(this PilotAccess access) => access != PilotAccess.None;

    /// <summary>Adds an entry of this kind: a coordinator any, an owner organisation's user a comment only.</summary>
    public static bool MayAdd(this PilotAccess access, PilotEntryKind kind) =>
        access == PilotAccess.Coordinator || (access == PilotAccess.OwnerOrganisation && kind == PilotEntryKind.Comment);

    /// <summary>The entry kinds the user may add (empty for none).</summary>
    public static IReadOnlyList<PilotEntryKind> EntryKinds(this PilotAccess access) =>
        [.. Enum.GetValues<PilotEntryKind>().Where(kind => access.MayAdd(kind))];

    /// <summary>
    /// Reads the closed-loop figures of the pilot's area against the rest of the country: the coordination's national
    /// statistics, a coordinator only (an owner organisation's user reads its own figures in its own reports).
    /// </summary>
    public static bool ReadsFigures(this PilotAccess access) => access == PilotAccess.Coordinator;

    /// <summary>Changes the pilot: its status, its evaluation, the weaknesses it answers, its owner organisations.</summary>
    public static bool Changes(this PilotAccess access) => access == PilotAccess.Coordinator;
}
